import type { CellValue, DataValidation, Row, Worksheet } from 'exceljs';
import { scale } from '../framework/index.js';
import type { EvidenceSeedRow, FigureSeedRow, GradeSeedRow } from '../model/workspace-seed.js';
import { TO_COMPLETE } from '../model/workspace-seed.js';
import type { ParticularRow, ParticularValue } from './particulars-rows.js';
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

/** An ISO date as a date cell's value (midnight UTC, the day itself in any time zone); other text stays text. */
export function dateCell(text: string): Date | string | null {
  if (text === '') return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return text;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().startsWith(text) ? date : text;
}

/** Row arrays in the sheets' column order (SHEET_HEADERS): empty text is an empty cell, not an empty string. */
const blankAsNull = (value: string | number | undefined): string | number | null => (value === '' || value === undefined ? null : value);

export const gradeCells = (row: GradeSeedRow): CellValue[] =>
  [...[row.period, row.qi, row.title, row.grade].map(blankAsNull), dateCell(row.evaluatedOn), blankAsNull(row.strengths), blankAsNull(row.areasForImprovement)];

export const evidenceCells = (row: EvidenceSeedRow): CellValue[] =>
  [blankAsNull(row.qi), blankAsNull(row.itemNumber), blankAsNull(row.item), blankAsNull(row.status), dateCell(row.reviewedOn), blankAsNull(row.reference)];

export const figureCells = (row: FigureSeedRow): CellValue[] =>
  [row.indicator, row.area, row.period, row.value, row.numerator, row.denominator, row.source].map(blankAsNull);

/**
 * true and false as the text TRUE and FALSE: a TRUE cell is what an officer would type, and a boolean cell
 * would come back from LibreOffice Calc as a formula, =TRUE().
 */
const particularValue = (value: ParticularValue) => (typeof value === 'boolean' ? (value ? 'TRUE' : 'FALSE') : blankAsNull(value));

export const particularCells = (row: ParticularRow, whatItIs: string): CellValue[] => [row.field, particularValue(row.value), blankAsNull(whatItIs)];

/** A line of the default font (Calibri 11), in points. */
const LINE_HEIGHT = 15;
/** Characters of prose that fit in the width of one digit, about, in Calibri and its stand-ins. */
export const PROSE_PER_DIGIT = 1.2;

/**
 * The lines the row's longest wrapped text takes, roughly. A row holding text that wraps is given its height:
 * LibreOffice does not always fit rows to wrapped text on opening, and text cut off at one line is text unread.
 * Rows of one line keep the spreadsheet's own height, and grow as the officer types.
 */
function wrappedLines(cells: readonly CellValue[], specs: readonly ColumnSpec[]): number {
  return Math.max(1, ...cells.map((value, index) => {
    const spec = specs[index];
    if (typeof value !== 'string' || !spec || (spec.kind !== 'prose' && spec.kind !== 'value')) return 1;
    return value.split('\n').reduce((sum, part) => sum + Math.max(1, Math.ceil(part.length / (spec.width * PROSE_PER_DIGIT))), 0);
  }));
}

/** The column's cells' look, set on the column so rows the officer adds look (and type) the same. */
function styleColumn(sheet: Worksheet, index: number, spec: ColumnSpec): void {
  const column = sheet.getColumn(index);
  column.width = spec.width;
  if (spec.kind === 'text' || spec.kind === 'value') column.numFmt = '@';
  if (spec.kind === 'date') column.numFmt = DATE_FORMAT;
  column.alignment = spec.kind === 'prose' || spec.kind === 'value' ? { wrapText: true, vertical: 'top' } : { vertical: 'top' };
}

const columnLetter = (index: number) => String.fromCharCode('A'.charCodeAt(0) + index - 1);

/**
 * A data sheet: the header row, bold and frozen, with a filter; the rows; each column typed and shown as its
 * spec says; drop-downs and date checks down to SPARE_ROWS below the last row.
 */
export function writeDataSheet(sheet: Worksheet, headers: readonly string[], specs: readonly ColumnSpec[], rows: CellValue[][], labels: WorkbookLabels): void {
  specs.forEach((spec, index) => styleColumn(sheet, index + 1, spec));
  const header = sheet.addRow([...headers]);
  header.font = { bold: true };
  header.alignment = { vertical: 'top', wrapText: true };
  for (const cells of rows) {
    const row = sheet.addRow(cells);
    highlightToComplete(row);
    const lines = wrappedLines(cells, specs);
    if (lines > 1) row.height = lines * LINE_HEIGHT;
  }
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }];
  const last = columnLetter(headers.length);
  sheet.autoFilter = `A1:${last}${rows.length + 1}`;
  const lastChecked = rows.length + 1 + SPARE_ROWS;
  specs.forEach((spec, index) => {
    if (spec.check) rangeChecks(sheet).add(`${columnLetter(index + 1)}2:${columnLetter(index + 1)}${lastChecked}`, spec.check(labels));
  });
}

/**
 * The sheet's checks by range. exceljs 4.4 has them (it writes one <dataValidation> a range) but its types
 * omit them; checking cell by cell would write hundreds of empty cells below the data instead.
 */
const rangeChecks = (sheet: Worksheet) => (sheet as unknown as { dataValidations: { add(range: string, check: DataValidation): void } }).dataValidations;

/** A value still to be filled in is shaded, so the officer finds it among the rest. */
function highlightToComplete(row: Row): void {
  row.eachCell((cell) => {
    if (typeof cell.value === 'string' && cell.value.startsWith(TO_COMPLETE)) {
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
    }
  });
}
