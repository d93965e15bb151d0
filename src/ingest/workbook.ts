import type ExcelJS from 'exceljs';
import { SHEETS, type InputProblem, type SheetKey } from '../model/index.js';
import { cellText } from './cell-text.js';
import type { SheetInput } from './csv-table.js';
import { listWithOr, nearMisses } from './near-miss.js';
import type { TableRecord } from './table.js';

/** The self-evaluation workbook as read: its sheets' names, and each data sheet's records on demand. */
export interface WorkbookRead {
  /** Every sheet's name, in the workbook's order. */
  names: string[];
  /** The records of the sheet the layout names for `key`, or undefined when the workbook has no such sheet. */
  sheet(key: SheetKey): SheetInput | undefined;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** The Compound File Binary signature: Excel 97–2003 workbooks, and Office files encrypted with a password. */
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** An encrypted Office file is a CFB file holding these streams; their names are stored in UTF-16LE. */
const ENCRYPTION_INFO = Buffer.from('EncryptionInfo', 'utf16le');

const SAVE_AS_XLSX = 'the workbook saved as "Excel Workbook (.xlsx)" (File > Save As in Excel or LibreOffice Calc)';

/**
 * Opens the workbook's bytes, telling apart what an officer may have saved in its place: an old .xls, a
 * workbook protected by a password (both compound files, not zips), or something else altogether.
 */
export async function readWorkbook(file: string, bytes: Buffer, problems: InputProblem[]): Promise<WorkbookRead | undefined> {
  const refuse = (reason: string, expected: string) => (problems.push({ file, reason, expected }), undefined);
  if (startsWith(bytes, CFB)) {
    return bytes.includes(ENCRYPTION_INFO)
      ? refuse('the workbook is protected by a password, so it cannot be read', 'the workbook with its password removed (in Excel: File > Info > Protect Workbook > Encrypt with Password, clear the password) and saved')
      : refuse('this is an Excel 97–2003 workbook (.xls), an old format qif-report does not read', SAVE_AS_XLSX);
  }
  if (!startsWith(bytes, ZIP)) return refuse('this is not an Excel workbook: an .xlsx file is a zip archive and this one is not', SAVE_AS_XLSX);
  // exceljs is loaded only when a workbook is read: a CSV workspace, and `validate` or `build` of one, never pays for it.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    return refuse(`the workbook cannot be read (${(error as Error).message.split('\n')[0]})`, SAVE_AS_XLSX);
  }
  const names = workbook.worksheets.map((sheet) => sheet.name);
  return {
    names,
    sheet(key) {
      const name = findSheet(names, SHEETS[key]);
      const worksheet = name === undefined ? undefined : workbook.getWorksheet(name);
      return worksheet && { sheet: worksheet.name, records: sheetRecords(worksheet, Excel.ValueType.Merge) };
    },
  };
}

/** The sheet named as the layout names it; spaces around the name and its case are forgiven. */
function findSheet(names: readonly string[], wanted: string): string | undefined {
  const squash = (name: string) => name.trim().toLowerCase();
  return names.find((name) => name === wanted) ?? names.find((name) => squash(name) === squash(wanted));
}

/** The problem for a sheet the workbook lacks: which sheets it has, and the nearest to the one wanted. */
export function missingSheet(file: string, workbook: WorkbookRead, key: SheetKey, orFile: string): InputProblem {
  const wanted = SHEETS[key];
  const quoted = (names: readonly string[]) => names.map((name) => `"${name}"`);
  // A renamed sheet is a slip in the name ("Grade") or the name with words added ("Grades 2023").
  const holding = workbook.names.filter((name) => name.toLowerCase().includes(wanted.toLowerCase()));
  const near = holding.length > 0 ? holding : nearMisses(wanted, workbook.names, Math.max(2, Math.floor(wanted.length / 3)));
  const hint = near.length > 0 ? ` (did you mean ${listWithOr(quoted(near))}?)` : '';
  const found = workbook.names.length > 0 ? `its sheets are ${quoted(workbook.names).join(', ')}` : 'it has no sheets';
  return { file, reason: `the workbook has no sheet named "${wanted}"${hint}; ${found}`, expected: `a sheet named "${wanted}" (rename the sheet back), or ${orFile} beside the workbook` };
}

/**
 * A sheet's rows as records of text, numbered as Excel numbers them. Rows with nothing in them — such as those
 * inside a sheet's recorded extent after the data ends, which LibreOffice keeps — are no rows at all.
 */
function sheetRecords(worksheet: ExcelJS.Worksheet, merged: ExcelJS.ValueType): TableRecord[] {
  const records: TableRecord[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, line) => {
    const fields: string[] = [];
    let unreadable: TableRecord['unreadable'];
    for (let column = 1; column <= row.cellCount; column += 1) {
      const cell = row.getCell(column);
      // A merged range's other cells repeat its first cell's value; only the first cell holds it.
      const read = cell.type === merged ? { ok: true as const, text: '' } : cellText(cell.value);
      fields.push(read.ok ? read.text : '');
      if (!read.ok && !unreadable) unreadable = { field: column, reason: read.reason, expected: read.expected };
    }
    if (fields.some((field) => field.trim() !== '') || unreadable) records.push(unreadable ? { line, fields, unreadable } : { line, fields });
  });
  return records;
}

function startsWith(bytes: Buffer, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}
