import type { DataValidation } from 'exceljs';
import { scale } from '../framework/index.js';
import type { ValidationWords, WorkbookLabels } from './workbook-words.js';

/** How a column's cells are typed and shown. */
type Kind =
  /** Text, formatted as text (@) so a QI typed as 5.10 or a period typed as 2022/23 stays as typed. */
  | 'text'
  /** Long text, wrapped. */
  | 'prose'
  /** A date cell, shown day first. */
  | 'date'
  /** A number, or empty. */
  | 'number'
  /** Text, wrapped, formatted as text so a date or number typed in stays as typed (the Particulars' values). */
  | 'value';

/** A column's look and, where the officer must choose from a set, the check a cell gets. */
export interface ColumnSpec {
  width: number;
  kind: Kind;
  check?: (labels: WorkbookLabels) => DataValidation;
}

/** Rows beyond the seed's that still get the column's drop-down or date check, for rows the officer adds. */
export const SPARE_ROWS = 500;

export const DATE_FORMAT = 'dd/mm/yyyy';

/** The earliest date a date cell takes: the QIF is from 2019, so an earlier date is a slip, such as a year typed 23. */
const EARLIEST_DATE = new Date(Date.UTC(2000, 0, 1));

const messages = (words: ValidationWords) => ({
  showInputMessage: true,
  promptTitle: words.title,
  prompt: words.prompt,
  showErrorMessage: true,
  errorStyle: 'stop',
  errorTitle: words.title,
  error: words.error,
});

/** A drop-down of the given words; the quoted list is how a spreadsheet stores a list typed into the check. */
const listCheck = (choices: readonly string[], words: ValidationWords): DataValidation => ({
  type: 'list',
  allowBlank: true,
  formulae: [`"${choices.join(',')}"`],
  ...messages(words),
});

const gradeCheck = (labels: WorkbookLabels) => listCheck(scale.map((point) => point.word), labels.validation.grade);
const statusCheck = (labels: WorkbookLabels) => listCheck(Object.keys(labels.statuses), labels.validation.status);
const dateCheck = (labels: WorkbookLabels): DataValidation => ({
  type: 'date',
  operator: 'greaterThanOrEqual',
  allowBlank: true,
  formulae: [EARLIEST_DATE],
  ...messages(labels.validation.date),
});
const itemNumberCheck = (labels: WorkbookLabels): DataValidation => ({
  type: 'whole',
  operator: 'greaterThanOrEqual',
  allowBlank: true,
  formulae: [1],
  ...messages(labels.validation.itemNumber),
});

export const GRADE_COLUMNS: readonly ColumnSpec[] = [
  { width: 12, kind: 'text' },
  { width: 7, kind: 'text' },
  { width: 40, kind: 'prose' },
  { width: 16, kind: 'text', check: gradeCheck },
  { width: 13, kind: 'date', check: dateCheck },
  { width: 60, kind: 'prose' },
  { width: 60, kind: 'prose' },
];

export const EVIDENCE_COLUMNS: readonly ColumnSpec[] = [
  { width: 7, kind: 'text' },
  { width: 8, kind: 'number', check: itemNumberCheck },
  { width: 60, kind: 'prose' },
  { width: 11, kind: 'text', check: statusCheck },
  { width: 13, kind: 'date', check: dateCheck },
  { width: 50, kind: 'prose' },
];

export const FIGURE_COLUMNS: readonly ColumnSpec[] = [
  { width: 14, kind: 'text' },
  { width: 26, kind: 'text' },
  { width: 10, kind: 'text' },
  { width: 12, kind: 'number' },
  { width: 12, kind: 'number' },
  { width: 12, kind: 'number' },
  { width: 50, kind: 'prose' },
];

export const PARTICULAR_COLUMNS: readonly ColumnSpec[] = [
  { width: 32, kind: 'text' },
  { width: 70, kind: 'value' },
  { width: 70, kind: 'prose' },
];
