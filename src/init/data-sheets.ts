import type { CellValue, DataValidation, Row, Worksheet } from 'exceljs';
import { TO_COMPLETE } from '../model/workspace-seed.js';
import { DATE_FORMAT, SPARE_ROWS, type ColumnSpec } from './sheet-columns.js';
import type { WorkbookLabels } from './workbook-words.js';

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
