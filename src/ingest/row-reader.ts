import type { InputProblem, SourceRow } from '../model/index.js';
import { problemIn, type CsvRow, type CsvTable } from './table.js';
import type { Parsed } from './values.js';

/**
 * Reads one row's fields (of a CSV file or a workbook's sheet), recording a positioned problem for each bad field instead of stopping,
 * so a single run lists every problem in the file.
 */
export class RowReader {
  private failed = false;

  constructor(
    private readonly file: string,
    private readonly table: CsvTable,
    private readonly row: CsvRow,
    private readonly problems: InputProblem[],
  ) {}

  get source(): SourceRow {
    return this.table.sheet === undefined ? { file: this.file, line: this.row.line } : { file: this.file, sheet: this.table.sheet, line: this.row.line };
  }

  get ok(): boolean {
    return !this.failed;
  }

  text(column: string): string {
    return this.row.values[column] ?? '';
  }

  required<T>(column: string, parser: (text: string) => Parsed<T>): T | undefined {
    if (this.table.missing.has(column)) {
      // The header's own problem already says the column is missing; one message, not one a row.
      this.failed = true;
      return undefined;
    }
    const text = this.text(column);
    if (text === '') {
      const probe = parser('');
      return this.report(column, `${column} is empty`, probe.ok ? undefined : probe.expected);
    }
    return this.parsed(column, text, parser);
  }

  optional<T>(column: string, parser: (text: string) => Parsed<T>): T | undefined {
    const text = this.text(column);
    return text === '' ? undefined : this.parsed(column, text, parser);
  }

  report(column: string, reason: string, expected?: string): undefined {
    this.failed = true;
    this.problems.push(problemIn({ file: this.file, sheet: this.table.sheet }, { line: this.row.line, column: this.table.columnOf(column), level: 'row', reason, expected }));
    return undefined;
  }

  /** Something to look at in this row's field that rejects nothing. */
  warn(column: string, reason: string, expected?: string): void {
    this.problems.push(problemIn({ file: this.file, sheet: this.table.sheet }, { line: this.row.line, column: this.table.columnOf(column), level: 'warning', reason, expected }));
  }

  /** "lines 3 and 14" in a CSV file; "rows 3 and 14" in a sheet, as the officer sees them there. */
  bothLines(first: number): string {
    return `${this.table.sheet === undefined ? 'lines' : 'rows'} ${first} and ${this.row.line}`;
  }

  private parsed<T>(column: string, text: string, parser: (text: string) => Parsed<T>): T | undefined {
    const result = parser(text);
    if (result.ok) return result.value;
    const hint = result.hint ? ` (${result.hint})` : '';
    return this.report(column, `${column} "${text}" is not valid${hint}`, result.expected);
  }
}

/** Remembers the first line of each key, to name both lines of a duplicate. */
export class DuplicateFinder {
  private readonly seen = new Map<string, number>();

  firstLineOf(key: string, line: number): number | undefined {
    const first = this.seen.get(key);
    if (first === undefined) this.seen.set(key, line);
    return first;
  }
}
