import { sheetPlace, type InputProblem } from './problem.js';
import { SHEETS } from './workbook-layout.js';

/** How one input file was read, for `validate`'s summary and the paper's data-quality appendix. */
export interface FileSummary {
  /** The file's path inside the workspace, with forward slashes. */
  file: string;
  /** The worksheet read, for a sheet of the self-evaluation workbook: one summary a sheet. */
  sheet?: string;
  /** How its bytes were decoded; absent when the file could not be read. */
  encoding?: string;
  /** The field separator found, for CSV files. */
  delimiter?: 'comma' | 'semicolon' | 'tab';
  /** Data rows (records after the header, blank lines aside); 0 for report.json and the Particulars sheet. */
  rows: number;
  accepted: number;
  rejected: number;
  /** Rows of a published file for indicators the catalogue does not use: read, not checked. */
  notUsed: number;
}

/** What came in and what was kept out: nothing is dropped without being listed here. */
export interface DataIntake {
  mode: 'strict' | 'lenient';
  files: FileSummary[];
  /** Every rejected row and why; always empty in a strict build, which refuses them instead. */
  rejected: InputProblem[];
  /** Things read but not used, such as columns the tool does not know. */
  warnings: InputProblem[];
}

/** A summary with rows to count: a CSV file, or a sheet of records (the Particulars sheet is settings, as report.json is). */
export const hasRowCounts = (summary: FileSummary): boolean => summary.delimiter !== undefined || (summary.sheet !== undefined && summary.sheet !== SHEETS.particulars);

/** The summary's file as `validate` and the paper name it: `grades.csv`, or `self-evaluation.xlsx[Grades]`. */
export const summaryName = (summary: FileSummary): string => (summary.sheet === undefined ? summary.file : sheetPlace(summary.file, summary.sheet));
