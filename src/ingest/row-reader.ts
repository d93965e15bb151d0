import type { InputProblem, SourceRow } from '../model/index.js';
import type { CsvRow, CsvTable } from './csv-table.js';
import type { Parsed } from './values.js';

/**
 * Reads one CSV row's fields, recording a positioned problem for each bad field instead of stopping,
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
    return { file: this.file, line: this.row.line };
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
    this.problems.push({ file: this.file, line: this.row.line, column: this.table.columnOf(column), level: 'row', reason, expected });
    return undefined;
  }

  /** Something worth a look that rejects nothing: the row is still read. */
  warn(column: string, reason: string, expected?: string): void {
    this.problems.push({ file: this.file, line: this.row.line, column: this.table.columnOf(column), level: 'warning', reason, expected });
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
