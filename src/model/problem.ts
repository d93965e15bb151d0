/**
 * A problem found in an input file, positioned like a compiler message (after vfile-message):
 * `file:line:column: what is wrong; expected what`.
 * Columns in CSV files count fields from 1, as a spreadsheet does; in JSON files they count characters.
 */
export interface InputProblem {
  file: string;
  /** The worksheet, for a workbook: then `line` is the sheet's row and `column` its column, from 1. */
  sheet?: string;
  line?: number;
  column?: number;
  reason: string;
  expected?: string;
  /**
   * What the problem costs. `fatal` (the default) stops every build; `row` rejects only the record at
   * `line`, so a lenient build goes on without it and lists it; `warning` rejects nothing but is shown.
   */
  level?: ProblemLevel;
}

export type ProblemLevel = 'fatal' | 'row' | 'warning';

export const levelOf = (problem: InputProblem): ProblemLevel => problem.level ?? 'fatal';

export function formatProblem(problem: InputProblem): string {
  const place = problem.sheet === undefined
    ? [problem.file, problem.line, problem.line === undefined ? undefined : (problem.column ?? 1)].filter((part) => part !== undefined).join(':')
    : sheetPlace(problem.file, problem.sheet, problem.line, problem.column);
  const expected = problem.expected ? `; expected ${problem.expected}` : '';
  const warning = problem.level === 'warning' ? 'warning: ' : '';
  return oneLine(`${place}: ${warning}${problem.reason}${expected}`);
}

/** A place in a workbook as a spreadsheet names it: `self-evaluation.xlsx[Grades]!D14`, or the sheet alone. */
export function sheetPlace(file: string, sheet: string, line?: number, column?: number): string {
  return `${file}[${sheet}]${line === undefined ? '' : `!${columnLetters(column ?? 1)}${line}`}`;
}

/** A spreadsheet's name for its column number from 1: 1 → A, 26 → Z, 27 → AA. */
export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** Where a record came from, as a problem names it: `grades.csv:14`, or `self-evaluation.xlsx[Grades]!A14`. */
export const placeOf = (row: { file: string; sheet?: string; line: number }): string =>
  row.sheet === undefined ? `${row.file}:${row.line}` : sheetPlace(row.file, row.sheet, row.line);

/** One problem, one line: a line break quoted from a cell shows as ↵, other control characters as �. */
const oneLine = (text: string) => text.replace(/\r\n|\r|\n/g, '↵').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '�');

export function compareProblems(a: InputProblem, b: InputProblem): number {
  return (
    a.file.localeCompare(b.file) || (a.sheet ?? '').localeCompare(b.sheet ?? '') || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0)
  );
}

/** Raised when input is invalid: carries every problem found, so one run lists them all. */
export class InvalidInputError extends Error {
  readonly problems: readonly InputProblem[];

  constructor(problems: readonly InputProblem[]) {
    super(`${problems.length} problem(s) in the input`);
    this.name = 'InvalidInputError';
    this.problems = [...problems].sort(compareProblems);
  }
}
