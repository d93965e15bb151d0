import { WORKBOOK_FILE, type SheetKey } from '../model/index.js';
import type { FileTally, TableInput } from './csv-table.js';
import type { InputFiles } from './input-files.js';
import { particularsSource } from './particulars.js';
import { reportJson, type SettingsSource } from './settings.js';
import { missingSheet, readWorkbook, type WorkbookRead } from './workbook.js';
import { WORKSPACE_FILES } from './workspace-inputs.js';

/** An Excel 97–2003 workbook saved under the workbook's name: read only to say how to save it instead. */
export const OLD_WORKBOOK_FILE = WORKBOOK_FILE.replace(/\.xlsx$/, '.xls');

/** The workbook, when the workspace has one: `read` is undefined when it could not be opened (its problem said). */
export interface Workbook {
  name: string;
  read?: WorkbookRead;
}

/** Which sheet holds what each CSV or JSON file would, and the words for what it holds. */
const SHEET_FOR = {
  settings: { sheet: 'particulars', holds: 'the report’s particulars' },
  grades: { sheet: 'grades', holds: 'the grades' },
  evidence: { sheet: 'evidence', holds: 'the evidence' },
  dataset: { sheet: 'figures', holds: 'the figures' },
} as const satisfies Record<string, { sheet: SheetKey; holds: string }>;

export type SourceKind = keyof typeof SHEET_FOR;

/** A table to read: its file's path (the workbook's, for a sheet), its text or records, and its tally. */
export interface TableSource {
  file: string;
  sheet?: string;
  input: TableInput;
  tally: FileTally;
}

/** The workbook, or the old .xls saved in its place, when the workspace holds one. */
export async function openWorkbook(files: InputFiles): Promise<Workbook | undefined> {
  const name = (await files.exists(WORKBOOK_FILE)) ? WORKBOOK_FILE : (await files.exists(OLD_WORKBOOK_FILE)) ? OLD_WORKBOOK_FILE : undefined;
  if (name === undefined) return undefined;
  const bytes = await files.bytes(name);
  return { name, read: bytes && (await readWorkbook(files.pathOf(name), bytes, files.problems)) };
}

/**
 * Where one kind of data comes from: its CSV (or JSON) file, or its sheet of the workbook — never both, which
 * is refused naming both. A workbook that cannot be opened has said so; it stands for no file of its own, so
 * nothing more is said about what it would have held. `optional` data (the figures, when data/ holds published
 * files) may be in neither.
 */
async function choose(files: InputFiles, workbook: Workbook | undefined, kind: SourceKind, optional = false): Promise<{ from: 'file' } | { from: 'sheet'; sheet: NonNullable<ReturnType<WorkbookRead['sheet']>> } | { from: 'none' }> {
  const name = WORKSPACE_FILES[kind];
  if (!workbook) return optional && !(await files.exists(name)) ? { from: 'none' } : { from: 'file' };
  const fileThere = await files.exists(name);
  if (!workbook.read) return fileThere ? { from: 'file' } : { from: 'none' };
  const { sheet: key, holds } = SHEET_FOR[kind];
  const sheet = workbook.read.sheet(key);
  // A Figures sheet with only its header holds no figures: dataset.csv beside it is no conflict.
  if (sheet && fileThere && !(kind === 'dataset' && !hasData(sheet.records))) {
    files.problems.push({ file: files.pathOf(workbook.name), sheet: sheet.sheet, reason: `the "${sheet.sheet}" sheet and ${name} both hold ${holds}`, expected: `one or the other: delete ${name} to read the sheet, or empty the sheet (keeping its header) to read ${name}` });
    return { from: 'none' };
  }
  if (sheet && !(fileThere && kind === 'dataset')) return { from: 'sheet', sheet };
  if (fileThere) return { from: 'file' };
  if (!optional) files.problems.push(missingSheet(files.pathOf(workbook.name), workbook.read, key, name));
  return { from: 'none' };
}

/** Records after the header with something in them. */
const hasData = (records: readonly { fields: string[] }[]) => records.filter((record) => record.fields.some((field) => field.trim() !== '')).length > 1;

/** The settings: report.json, or the Particulars sheet; undefined (its problems said) when there are none to read. */
export async function settingsSource(files: InputFiles, workbook: Workbook | undefined): Promise<SettingsSource | undefined> {
  const choice = await choose(files, workbook, 'settings');
  if (choice.from === 'none') return undefined;
  if (choice.from === 'sheet') {
    files.readSheet(workbook!.name, choice.sheet.sheet);
    return particularsSource(files.pathOf(workbook!.name), choice.sheet, files.problems);
  }
  const text = await files.read(WORKSPACE_FILES.settings);
  return text === undefined ? undefined : reportJson(files.pathOf(WORKSPACE_FILES.settings), text);
}

/** grades.csv, evidence.csv or dataset.csv, or the sheet in its place; undefined when there is none to read. */
export async function tableSource(files: InputFiles, workbook: Workbook | undefined, kind: Exclude<SourceKind, 'settings'>, optional = false): Promise<TableSource | undefined> {
  const choice = await choose(files, workbook, kind, optional);
  if (choice.from === 'none') return undefined;
  if (choice.from === 'sheet') {
    const { sheet } = choice.sheet;
    files.readSheet(workbook!.name, sheet);
    return { file: files.pathOf(workbook!.name), sheet, input: choice.sheet, tally: files.tallyOf(workbook!.name, sheet) };
  }
  const name = WORKSPACE_FILES[kind];
  const text = await files.read(name);
  return text === undefined ? undefined : { file: files.pathOf(name), input: text, tally: files.tallyOf(name) };
}
