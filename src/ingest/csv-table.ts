import { parse } from 'csv-parse/sync';
import type { InputProblem } from '../model/index.js';
import { delimiterName, detectDelimiter, unclosedQuoteLine, type Delimiter } from './delimiter.js';
import { newTally, tableFromRecords, type ColumnSpec, type CsvTable, type TableOptions, type TableRecord } from './table.js';

export { newTally, type ColumnSpec, type CsvRow, type CsvTable, type FileTally } from './table.js';

export type CsvOptions = TableOptions;

/** A table's rows: a CSV file's text, or a sheet's records as the workbook reader gives them. */
export type TableInput = string | SheetInput;

export interface SheetInput {
  sheet: string;
  records: TableRecord[];
}

/**
 * Reads a CSV file's text into rows keyed by canonical column names, whatever its delimiter.
 * Problems are pushed, never thrown: a bad row rejects that row only; a bad header or unreadable file is fatal.
 */
export function readCsvTable(file: string, rawText: string, columns: readonly ColumnSpec[], problems: InputProblem[], options: CsvOptions = {}): CsvTable {
  const tally = options.tally ?? newTally();
  const read = csvRecords(file, rawText, problems);
  tally.delimiter = delimiterName[read.delimiter];
  if (!read.records) return { rows: [], columnOf: () => 1, missing: new Set(), delimiter: read.delimiter };
  return tableFromRecords({ file }, read.records, columns, problems, { ...options, tally, delimiter: read.delimiter });
}

/** A CSV file's text or a sheet's records, read the same way into rows keyed by canonical column names. */
export function readTable(file: string, input: TableInput, columns: readonly ColumnSpec[], problems: InputProblem[], options: CsvOptions = {}): CsvTable {
  if (typeof input === 'string') return readCsvTable(file, input, columns, problems, options);
  return tableFromRecords({ file, sheet: input.sheet }, input.records, columns, problems, options);
}

/** A CSV file's records, with the line each starts on; undefined records (with a problem) when it cannot be parsed. */
function csvRecords(file: string, rawText: string, problems: InputProblem[]): { records?: TableRecord[]; delimiter: Delimiter } {
  // csv-parse settles on the first line ending it meets and reads any other kind as text; a file pasted
  // together from several sources mixes CRLF, LF and CR, so make them one kind before it looks.
  const text = rawText.replace(/\r\n?/g, '\n');
  const delimiter = detectDelimiter(text);
  let parsed: string[][];
  try {
    // relax_quotes keeps a stray quote inside an unquoted field as text rather than failing the file. Empty
    // lines are kept (as one empty field, which tableFromRecords passes over) so that every line of the text is
    // in a record: csv-parse's own line count (`info`) costs a third of its time on the 3 MB LGBF table.
    parsed = parse(text, { bom: true, delimiter, relax_column_count: true, relax_quotes: true }) as string[][];
  } catch (error) {
    problems.push(syntaxProblem(file, text, delimiter, error as CsvParseError));
    return { delimiter };
  }
  const width = parsed.find((record) => record.some((field) => field.trim() !== ''))?.length ?? 0;
  let nextLine = 1;
  const records = parsed.map((record): TableRecord => {
    // A record takes one line, and one more for each line break inside its (quoted) fields.
    const line = nextLine;
    nextLine += 1 + countIn(record, '\n');
    const swallowed = swallowedRows(record, delimiter, width);
    if (!swallowed) return { line, fields: record };
    return { line, fields: record, unreadable: { field: swallowed.field, reason: `a quoted field starts here and runs on to line ${line + swallowed.lastLine}, taking in ${swallowed.rows} line(s) that look like rows of their own`, expected: `a closing double quote at the end of this field on line ${line} (write a quote inside a field as "")` } };
  });
  return { records, delimiter };
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
