import { mkdirSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { SHEETS, SHEET_HEADERS, WORKBOOK_FILE } from '../../src/model/workbook-layout.js';
import { readCsvRows, readReportJson } from './workspace-csv.js';

/** A cell as an officer would leave it: text, a number, TRUE/FALSE or a date. */
export type Cell = string | number | boolean | Date | null | ExcelJS.CellValue;

/** A workbook's data sheets as rows of cells under their layout headers, and the Particulars rows. */
export interface WorkbookRows {
  grades: Cell[][];
  evidence: Cell[][];
  figures: Cell[][];
  particulars: Cell[][];
}

/** An ISO date as the date cell Excel keeps (exceljs reads and writes dates at midnight UTC). */
export const excelDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** report.json's object as Particulars rows, one field a row: dotted names for nested fields, lists repeated. */
export function particularsRows(report: Record<string, any>): Cell[][] {
  const rows: Cell[][] = [];
  for (const [name, value] of Object.entries(report)) {
    if (name === 'implications') for (const { heading, text } of value) rows.push([`implications.${heading}`, text]);
    else if (name === 'mapping') for (const [question, qis] of Object.entries(value)) rows.push([`mapping.${question}`, (qis as string[]).join('; ')]);
    else if (Array.isArray(value)) for (const entry of value) rows.push([name, entry]);
    else if (value !== null && typeof value === 'object') for (const [key, inner] of Object.entries(value)) rows.push([`${name}.${key}`, inner as Cell]);
    else rows.push([name, value]);
  }
  return rows;
}

/**
 * A workspace's CSV files and report.json as the workbook's rows, as an officer would have typed them in Excel:
 * dates as date cells, figures as numbers, the title and item number columns left blank.
 */
export function workbookRowsOf(workspace: string): WorkbookRows {
  const date = (text: string) => (text ? excelDate(text) : null);
  const number = (text: string) => (text === '' ? null : Number(text));
  return {
    grades: readCsvRows(workspace, 'grades.csv').map((r) => [r.period!, r.qi!, null, r.grade!, date(r.evaluated_on!), r.strengths ?? '', r.areas_for_improvement ?? '']),
    evidence: readCsvRows(workspace, 'evidence.csv').map((r) => [r.qi!, null, r.item!, r.status!, date(r.reviewed_on ?? ''), r.reference ?? '']),
    figures: readCsvRows(workspace, 'dataset.csv').map((r) => [r.indicator!, r.area!, r.period!, number(r.value!), number(r.numerator ?? ''), number(r.denominator ?? ''), r.source ?? '']),
    particulars: particularsRows(readReportJson(workspace)),
  };
}

/** Writes self-evaluation.xlsx into `folder` (made if need be) with exceljs, as Excel would save it. */
export async function writeWorkbook(folder: string, rows: WorkbookRows, options: { sheetNames?: Partial<Record<keyof WorkbookRows, string>>; headers?: Partial<Record<keyof WorkbookRows, string[]>> } = {}): Promise<string> {
  mkdirSync(folder, { recursive: true });
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet(SHEETS.readMe).addRow(['Read me: prose for the officer, never read.']);
  for (const key of ['grades', 'evidence', 'figures', 'particulars'] as const) {
    const sheet = workbook.addWorksheet(options.sheetNames?.[key] ?? SHEETS[key]);
    sheet.addRow(options.headers?.[key] ?? [...SHEET_HEADERS[key]]);
    for (const row of rows[key]) sheet.addRow(row);
  }
  const file = path.join(folder, WORKBOOK_FILE);
  await workbook.xlsx.writeFile(file);
  return file;
}
