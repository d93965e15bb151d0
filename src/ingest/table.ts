import { columnLetters, type InputProblem } from '../model/index.js';
import type { Delimiter, delimiterName } from './delimiter.js';

/**
 * A table's records before their header is matched: from a CSV file's text or a workbook's sheet. Both then
 * go through the same column specs, row rules and messages (`tableFromRecords`), so a sheet reads as its CSV.
 */
export interface TableRecord {
  /** The line the record starts on (a sheet's row number), counting the header as line 1. */
  line: number;
  fields: string[];
  /** Why the row cannot be read at all (a cell holding #REF!, a quote that swallowed rows): it is rejected. */
  unreadable?: { field: number; reason: string; expected: string };
}

/** Where a table comes from: a file, or a sheet of a workbook file. */
export interface TablePlace {
  file: string;
  sheet?: string;
}

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
  /** Required columns the header lacks: reported once on the header, not again on every row. */
  missing: ReadonlySet<string>;
  /** The field separator, for a CSV file; absent for a sheet. */
  delimiter?: Delimiter;
  /** The sheet the rows come from, for a workbook: problems name it, and "rows" stand for "lines". */
  sheet?: string;
}

/** What a reader learns about a file besides its records, for the validate summary. */
export interface FileTally {
  delimiter?: (typeof delimiterName)[Delimiter];
  /** Data rows read: records after the header, blank lines and rows of empty cells aside. */
  rows: number;
  /** Rows read but not for this report: other indicators in a published file, or rows with no figure. */
  notUsed: number;
}

export const newTally = (): FileTally => ({ rows: 0, notUsed: 0 });

export interface TableOptions {
  tally?: FileTally;
  /** Warn about columns with data that no spec names: a misspelt optional column would otherwise vanish. */
  warnUnknownColumns?: boolean;
}

const normaliseHeader = (name: string) => name.trim().toLowerCase().replace(/[\s_-]+/g, '_');

/** A problem at a place in the table: with the sheet named when the table is a sheet. */
export const problemIn = (place: TablePlace, problem: Omit<InputProblem, 'file' | 'sheet'>): InputProblem =>
  place.sheet === undefined ? { file: place.file, ...problem } : { file: place.file, sheet: place.sheet, ...problem };

/**
 * Matches the header (the first record) to the column specs and keys each later record's fields by canonical
 * column name. Problems are pushed, never thrown: a bad row rejects that row only; a bad header is fatal.
 */
export function tableFromRecords(place: TablePlace, records: readonly TableRecord[], columns: readonly ColumnSpec[], problems: InputProblem[], options: TableOptions & { delimiter?: Delimiter } = {}): CsvTable {
  const tally = options.tally ?? { rows: 0, notUsed: 0 };
  const at = (problem: Omit<InputProblem, 'file' | 'sheet'>) => problems.push(problemIn(place, problem));
  const [header, ...body] = records.filter(({ fields, unreadable }) => unreadable || fields.some((field) => field.trim() !== ''));
  const shape = { delimiter: options.delimiter, ...(place.sheet === undefined ? {} : { sheet: place.sheet }) };
  if (!header) {
    at({ line: 1, column: 1, reason: place.sheet === undefined ? 'the file is empty' : 'the sheet is empty', expected: `a header row: ${columns.map((c) => c.name).join(', ')}` });
    return { rows: [], columnOf: () => 1, missing: new Set(), ...shape };
  }
  // A CSV file's header is line 1 to the officer even after blank lines; a sheet's is the row it is on.
  const headerLine = place.sheet === undefined ? 1 : header.line;
  const { position, claimed } = matchHeader(place, { ...header, line: headerLine }, columns, problems);
  const width = header.fields.length;
  const columnOf = (name: string) => (position.get(name) ?? width) + 1;
  const missing = new Set(columns.filter((spec) => spec.required && !position.has(spec.name)).map((spec) => spec.name));
  for (const name of missing) {
    at({ line: headerLine, column: width + 1, reason: `column "${name}" is missing`, expected: `a header row with ${columns.filter((c) => c.required).map((c) => c.name).join(', ')}` });
  }

  const rows: CsvRow[] = [];
  const unknownColumnsWithData = new Set<number>();
  for (const { line, fields, unreadable } of body) {
    tally.rows += 1;
    if (unreadable) {
      at({ line, column: unreadable.field, level: 'row', reason: unreadable.reason, expected: unreadable.expected });
      continue;
    }
    const extra = fields.findIndex((field, index) => index >= width && field.trim() !== '');
    if (extra !== -1) {
      at(place.sheet === undefined
        ? { line, column: width + 1, level: 'row', reason: `this row has ${fields.length} fields but the header has ${width}`, expected: 'one field per column (quote a field that contains the delimiter)' }
        : { line, column: extra + 1, level: 'row', reason: 'this cell holds a value but its column has no header', expected: `values only in the sheet's ${width} headed columns (a header in row ${headerLine} for any other)` });
      continue;
    }
    if (options.warnUnknownColumns) {
      fields.forEach((field, index) => {
        if (index < width && !claimed.has(index) && field.trim() !== '') unknownColumnsWithData.add(index);
      });
    }
    // A null-prototype object, so a column named like "__proto__" is only ever data.
    const values: Record<string, string> = Object.create(null);
    // Excel leaves trailing cells off short rows; they read as empty, and the value checks speak for them.
    for (const [name, index] of position) values[name] = (fields[index] ?? '').trim();
    rows.push({ line, values });
  }
  for (const index of unknownColumnsWithData) {
    const name = header.fields[index]!.trim();
    at({ line: headerLine, column: index + 1, level: 'warning', reason: `column ${name ? `"${name}"` : index + 1} is not one the tool reads, so its values are not used`, expected: `one of ${columns.map((c) => c.name).join(', ')} (see the README for other accepted names)` });
  }
  return { rows, columnOf, missing, ...shape };
}

/**
 * Each spec's field number, and every field a spec claims. A second column for the same spec is fatal,
 * as one of them would be lost.
 */
function matchHeader(place: TablePlace, header: TableRecord, columns: readonly ColumnSpec[], problems: InputProblem[]) {
  const position = new Map<string, number>();
  const claimed = new Set<number>();
  header.fields.forEach((raw, index) => {
    const key = normaliseHeader(raw);
    if (key === '') return;
    const spec = columns.find((c) => c.name === key || c.aliases?.some((alias) => normaliseHeader(alias) === key));
    if (!spec) return;
    claimed.add(index);
    const earlier = position.get(spec.name);
    if (earlier === undefined) position.set(spec.name, index);
    else problems.push(problemIn(place, { line: header.line, column: index + 1, reason: `column "${raw.trim()}" is a second "${spec.name}" column (column ${place.sheet === undefined ? earlier + 1 : columnLetters(earlier + 1)} is "${header.fields[earlier]!.trim()}")`, expected: `one "${spec.name}" column` }));
  });
  return { position, claimed };
}
