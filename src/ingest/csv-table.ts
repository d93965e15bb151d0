import { parse } from 'csv-parse/sync';
import type { InputProblem } from '../model/index.js';

export interface CsvRow {
  /** The line the record starts on, counting the header as line 1. */
  line: number;
  /** Field values keyed by canonical column name; absent optional columns are missing. */
  values: Record<string, string>;
}

export interface ColumnSpec {
  name: string;
  required: boolean;
  /** Other spellings people use in their spreadsheets. */
  aliases?: readonly string[];
}

export interface CsvTable {
  rows: CsvRow[];
  /** 1-based field number of each canonical column, for positioned messages. */
  columnOf: (name: string) => number;
}

interface ParsedRecord {
  record: string[];
  info: { lines: number };
}

const normaliseHeader = (name: string) => name.trim().toLowerCase().replace(/[\s_-]+/g, '_');

/**
 * Reads a CSV file's text into rows keyed by canonical column names.
 * Problems (unreadable CSV, missing columns, wrong field counts) are pushed, never thrown.
 */
export function readCsvTable(
  file: string,
  text: string,
  columns: readonly ColumnSpec[],
  problems: InputProblem[],
): CsvTable {
  let records: ParsedRecord[];
  try {
    records = parse(text, { bom: true, info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as ParsedRecord[];
  } catch (error) {
    const { lines, column, message } = error as { lines?: number; column?: number; message: string };
    problems.push({ file, line: lines, column: column === undefined ? undefined : column + 1, reason: `not readable as CSV: ${message}`, expected: 'comma-separated values with balanced double quotes' });
    return { rows: [], columnOf: () => 1 };
  }
  const [header, ...body] = records;
  if (!header) {
    problems.push({ file, line: 1, column: 1, reason: 'the file is empty', expected: `a header row: ${columns.map((c) => c.name).join(', ')}` });
    return { rows: [], columnOf: () => 1 };
  }

  const position = new Map<string, number>();
  header.record.forEach((raw, index) => {
    const key = normaliseHeader(raw);
    const spec = columns.find((c) => c.name === key || c.aliases?.some((alias) => normaliseHeader(alias) === key));
    if (spec && !position.has(spec.name)) position.set(spec.name, index);
  });
  const columnOf = (name: string) => (position.get(name) ?? 0) + 1;
  // Without a required column no row can be read: one problem on the header says so, not one per row.
  const missingRequired = columns.some((spec) => spec.required && !position.has(spec.name));
  for (const spec of columns) {
    if (spec.required && !position.has(spec.name)) {
      problems.push({ file, line: 1, column: header.record.length + 1, reason: `column "${spec.name}" is missing`, expected: `a header row with ${columns.filter((c) => c.required).map((c) => c.name).join(', ')}` });
    }
  }

  const rows: CsvRow[] = [];
  if (missingRequired) return { rows, columnOf };
  // csv-parse counts a CRLF inside a quoted field as two lines; undo that to name the true line.
  let doubleCounted = 0;
  for (const { record, info } of body) {
    doubleCounted += countIn(record, /\r\n/g);
    const line = info.lines - doubleCounted - countIn(record, /\r\n|\r|\n/g);
    if (record.length !== header.record.length) {
      problems.push({ file, line, column: Math.min(record.length, header.record.length) + 1, reason: `this row has ${record.length} field(s) but the header has ${header.record.length}`, expected: 'one field per column (quote fields that contain commas)' });
      continue;
    }
    // A null-prototype object, so a column named like "__proto__" is only ever data.
    const values: Record<string, string> = Object.create(null);
    for (const [name, index] of position) values[name] = record[index]!.trim();
    rows.push({ line, values });
  }
  return { rows, columnOf };
}

function countIn(record: readonly string[], pattern: RegExp): number {
  return record.reduce((count, field) => count + (field.match(pattern)?.length ?? 0), 0);
}
