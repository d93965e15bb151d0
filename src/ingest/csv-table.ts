import { parse } from 'csv-parse/sync';
import type { InputProblem } from '../model/index.js';
import { delimiterName, detectDelimiter, unclosedQuoteLine, type Delimiter } from './delimiter.js';

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
  delimiter: Delimiter;
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

export interface CsvOptions {
  tally?: FileTally;
  /** Warn about columns with data that no spec names: a misspelt optional column would otherwise vanish. */
  warnUnknownColumns?: boolean;
}

interface ParsedRecord {
  record: string[];
  info: { lines: number };
}

const normaliseHeader = (name: string) => name.trim().toLowerCase().replace(/[\s_-]+/g, '_');

/**
 * Reads a CSV file's text into rows keyed by canonical column names, whatever its delimiter.
 * Problems are pushed, never thrown: a bad row rejects that row only; a bad header or unreadable file is fatal.
 */
export function readCsvTable(file: string, rawText: string, columns: readonly ColumnSpec[], problems: InputProblem[], options: CsvOptions = {}): CsvTable {
  // csv-parse settles on the first line ending it meets and reads any other kind as text; a file pasted
  // together from several sources mixes CRLF, LF and CR, so make them one kind before it looks.
  const text = rawText.replace(/\r\n?/g, '\n');
  const tally = options.tally ?? newTally();
  const delimiter = detectDelimiter(text);
  tally.delimiter = delimiterName[delimiter];
  const empty: CsvTable = { rows: [], columnOf: () => 1, missing: new Set(), delimiter };
  let records: ParsedRecord[];
  try {
    // relax_quotes keeps a stray quote inside an unquoted field as text rather than failing the file.
    records = parse(text, { bom: true, delimiter, info: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true }) as unknown as ParsedRecord[];
  } catch (error) {
    problems.push(syntaxProblem(file, text, delimiter, error as CsvParseError));
    return empty;
  }
  const [header, ...body] = records.filter(({ record }) => record.some((field) => field.trim() !== ''));
  if (!header) {
    problems.push({ file, line: 1, column: 1, reason: 'the file is empty', expected: `a header row: ${columns.map((c) => c.name).join(', ')}` });
    return empty;
  }

  const { position, claimed } = matchHeader(file, header.record, columns, problems);
  const columnOf = (name: string) => (position.get(name) ?? header.record.length) + 1;
  const missing = new Set(columns.filter((spec) => spec.required && !position.has(spec.name)).map((spec) => spec.name));
  for (const name of missing) {
    problems.push({ file, line: 1, column: header.record.length + 1, reason: `column "${name}" is missing`, expected: `a header row with ${columns.filter((c) => c.required).map((c) => c.name).join(', ')}` });
  }

  const rows: CsvRow[] = [];
  const unknownColumnsWithData = new Set<number>();
  for (const { record, info } of body) {
    // csv-parse counts lines to the record's end; it starts as many lines earlier as its fields hold.
    const line = info.lines - countIn(record, '\n');
    tally.rows += 1;
    const swallowed = swallowedRows(record, delimiter, header.record.length);
    if (swallowed) {
      problems.push({ file, line, column: swallowed.field, level: 'row', reason: `a quoted field starts here and runs on to line ${line + swallowed.lastLine}, taking in ${swallowed.rows} line(s) that look like rows of their own`, expected: `a closing double quote at the end of this field on line ${line} (write a quote inside a field as "")` });
      continue;
    }
    const extra = record.slice(header.record.length);
    if (extra.some((field) => field.trim() !== '')) {
      problems.push({ file, line, column: header.record.length + 1, level: 'row', reason: `this row has ${record.length} fields but the header has ${header.record.length}`, expected: 'one field per column (quote a field that contains the delimiter)' });
      continue;
    }
    if (options.warnUnknownColumns) {
      record.forEach((field, index) => {
        if (index < header.record.length && !claimed.has(index) && field.trim() !== '') unknownColumnsWithData.add(index);
      });
    }
    // A null-prototype object, so a column named like "__proto__" is only ever data.
    const values: Record<string, string> = Object.create(null);
    // Excel leaves trailing cells off short rows; they read as empty, and the value checks speak for them.
    for (const [name, index] of position) values[name] = (record[index] ?? '').trim();
    rows.push({ line, values });
  }
  if (options.warnUnknownColumns) {
    for (const index of unknownColumnsWithData) {
      const name = header.record[index]!.trim();
      problems.push({ file, line: 1, column: index + 1, level: 'warning', reason: `column ${name ? `"${name}"` : index + 1} is not one the tool reads, so its values are not used`, expected: `one of ${columns.map((c) => c.name).join(', ')} (see the README for other accepted names)` });
    }
  }
  return { rows, columnOf, missing, delimiter };
}

/**
 * Each spec's field number, and every field a spec claims. A second column for the same spec is fatal,
 * as one of them would be lost.
 */
function matchHeader(file: string, header: readonly string[], columns: readonly ColumnSpec[], problems: InputProblem[]) {
  const position = new Map<string, number>();
  const claimed = new Set<number>();
  header.forEach((raw, index) => {
    const key = normaliseHeader(raw);
    if (key === '') return;
    const spec = columns.find((c) => c.name === key || c.aliases?.some((alias) => normaliseHeader(alias) === key));
    if (!spec) return;
    claimed.add(index);
    const earlier = position.get(spec.name);
    if (earlier === undefined) position.set(spec.name, index);
    else problems.push({ file, line: 1, column: index + 1, reason: `column "${raw.trim()}" is a second "${spec.name}" column (column ${earlier + 1} is "${header[earlier]!.trim()}")`, expected: `one "${spec.name}" column` });
  });
  return { position, claimed };
}

/**
 * A quote left open swallows the rows after it into one field, until the next quote closes it. A line
 * inside a field that holds a whole row's worth of delimiters is taken for such a row.
 */
function swallowedRows(record: readonly string[], delimiter: Delimiter, columns: number): { field: number; rows: number; lastLine: number } | undefined {
  if (!record.some((field) => field.includes('\n'))) return undefined;
  let linesBefore = 0;
  for (const [index, field] of record.entries()) {
    const lines = field.split('\n');
    const rowLike = lines.slice(1).filter((text) => text.split(delimiter).length >= columns).length;
    if (rowLike > 0) return { field: index + 1, rows: rowLike, lastLine: linesBefore + lines.length - 1 };
    linesBefore += lines.length - 1;
  }
  return undefined;
}

interface CsvParseError {
  code?: string;
  lines?: number;
  column?: number;
  message: string;
}

function syntaxProblem(file: string, text: string, delimiter: Delimiter, error: CsvParseError): InputProblem {
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
    const opened = unclosedQuoteLine(text, delimiter);
    return { file, line: opened?.line ?? error.lines, column: opened?.field ?? 1, reason: 'a quoted field starts on this line and is never closed, so the rest of the file cannot be read', expected: 'a closing double quote (write a quote inside a quoted field as "")' };
  }
  return { file, line: error.lines, column: error.column === undefined ? undefined : error.column + 1, reason: `not readable as CSV: ${error.message}`, expected: 'comma-, semicolon- or tab-separated values' };
}

function countIn(record: readonly string[], character: string): number {
  let count = 0;
  for (const field of record) for (let at = field.indexOf(character); at !== -1; at = field.indexOf(character, at + 1)) count += 1;
  return count;
}
