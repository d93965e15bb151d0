import ExcelJS from 'exceljs';
import { SHEET_HEADERS, SHEETS } from '../model/workbook-layout.js';
import type { WorkspaceSeed } from '../model/workspace-seed.js';
import { writeDataSheet } from './data-sheets.js';
import { evidenceCells, figureCells, gradeCells, particularCells } from './sheet-cells.js';
import { EVIDENCE_COLUMNS, FIGURE_COLUMNS, GRADE_COLUMNS, PARTICULAR_COLUMNS } from './sheet-columns.js';
import { withFixedEntryDates } from './fixed-zip-dates.js';
import { particularsRows, type ParticularRow } from './particulars-rows.js';
import { writeReadMe } from './read-me.js';
import { fill } from './fill.js';
import { readWorkbookWords, type WorkbookWords } from './workbook-words.js';

/**
 * The date the workbook's properties and its zip entries carry. A constant, not the time of writing, so the
 * same seed gives the same bytes on every run and machine (2000-01-01: zip dates cannot go before 1980).
 */
export const WORKBOOK_DATE = new Date(Date.UTC(2000, 0, 1));

/** Who the workbook's properties say made it. */
const AUTHOR = 'qif-report';

/** "What it is" for a Particulars row, from labels.json; a field with no guidance gets none. */
function whatItIs(row: ParticularRow, words: WorkbookWords): string {
  const guide = words.labels.particulars[row.guide];
  return guide === undefined ? '' : fill(guide, { key: row.key });
}

/** The workbook, sheet by sheet, in memory. */
function buildWorkbook(seed: WorkspaceSeed, words: WorkbookWords): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  Object.assign(workbook, { creator: AUTHOR, lastModifiedBy: AUTHOR, created: WORKBOOK_DATE, modified: WORKBOOK_DATE });
  const { labels } = words;
  writeReadMe(workbook.addWorksheet(SHEETS.readMe), words);
  writeDataSheet(workbook.addWorksheet(SHEETS.grades), SHEET_HEADERS.grades, GRADE_COLUMNS, seed.grades.map(gradeCells), labels);
  writeDataSheet(workbook.addWorksheet(SHEETS.evidence), SHEET_HEADERS.evidence, EVIDENCE_COLUMNS, seed.evidence.map(evidenceCells), labels);
  writeDataSheet(workbook.addWorksheet(SHEETS.figures), SHEET_HEADERS.figures, FIGURE_COLUMNS, seed.figures.map(figureCells), labels);
  const particulars = particularsRows(seed.report).map((row) => particularCells(row, whatItIs(row, words)));
  writeDataSheet(workbook.addWorksheet(SHEETS.particulars), SHEET_HEADERS.particulars, PARTICULAR_COLUMNS, particulars, labels);
  return workbook;
}

/**
 * self-evaluation.xlsx for a seed: "Read me", "Grades", "Evidence", "Figures" and "Particulars", with drop-downs,
 * date cells and frozen headers, no formulas or macros. The same seed and words give the same bytes.
 * `words` defaults to the shipped templates/workbook.
 */
export async function workbookBytes(seed: WorkspaceSeed, words?: WorkbookWords): Promise<Buffer> {
  const workbook = buildWorkbook(seed, words ?? (await readWorkbookWords()));
  const written = Buffer.from(await workbook.xlsx.writeBuffer());
  return withFixedEntryDates(written, WORKBOOK_DATE);
}
