import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { getNodeValue, parse } from 'jsonc-parser';
import { WORKBOOK_FILE, type ReportSettings, type SheetKey } from '../model/index.js';
import type { TableInput } from './csv-table.js';
import { dataFolderFiles } from './data-files.js';
import { decodeText } from './decode.js';
import { particularsSource } from './particulars.js';
import { readSettings, readSettingsFrom } from './settings.js';
import { readWorkbook } from './workbook.js';

/** The workspace's own files, by the names the tool reads them under. */
export const WORKSPACE_FILES = {
  settings: 'report.json',
  grades: 'grades.csv',
  evidence: 'evidence.csv',
  dataset: 'dataset.csv',
  indicators: 'indicators.csv',
} as const;

/** The published files a workspace imports: those report.json's `data` names, else every CSV in data/. Relative paths. */
export async function dataFileNames(directory: string, settings: Pick<ReportSettings, 'data'> | undefined): Promise<string[]> {
  return settings?.data ?? (await dataFolderFiles(directory)).map((file) => path.relative(directory, file));
}

/**
 * A workspace file's text as a build would decode it, or '' when it is missing or unreadable: for looking ahead
 * at a workspace (its settings, its periods) whose own problems are its build's to report.
 */
export async function quietText(directory: string, name: string): Promise<string> {
  const decoded = decodeText(await readFile(path.join(directory, name)).catch(() => Buffer.alloc(0)));
  return decoded.ok ? decoded.text : '';
}

/** A sheet of the workspace's workbook as a build would read it, or undefined when there is none to read. */
async function quietSheet(directory: string, key: SheetKey) {
  const bytes = await readFile(path.join(directory, WORKBOOK_FILE)).catch(() => undefined);
  return bytes && (await readWorkbook(WORKBOOK_FILE, bytes, []))?.sheet(key);
}

const exists = (file: string) => access(file).then(() => true, () => false);

/** report.json (or the workbook's Particulars sheet in its place) as a build would read it, or undefined when it cannot be. */
export async function quietSettings(directory: string): Promise<ReportSettings | undefined> {
  if (await exists(path.join(directory, WORKSPACE_FILES.settings))) return readSettings(WORKSPACE_FILES.settings, await quietText(directory, WORKSPACE_FILES.settings), []);
  const sheet = await quietSheet(directory, 'particulars');
  const source = sheet && particularsSource(WORKBOOK_FILE, sheet, []);
  return source && readSettingsFrom(source, []);
}

/** grades.csv's text, or the workbook's Grades sheet in its place: for looking ahead at the rounds graded. */
export async function quietGrades(directory: string): Promise<TableInput> {
  if (await exists(path.join(directory, WORKSPACE_FILES.grades))) return quietText(directory, WORKSPACE_FILES.grades);
  return (await quietSheet(directory, 'grades')) ?? '';
}

/**
 * report.json as the officer wrote it (or the workbook's Particulars in its place), every key in its order, values
 * as written (not as read: an area spelt "Orkney" stays so): what the next round carries over. Undefined when it
 * is not an object.
 */
export async function reportObject(directory: string): Promise<Record<string, unknown> | undefined> {
  const value: unknown = (await exists(path.join(directory, WORKSPACE_FILES.settings)))
    ? parse((await quietText(directory, WORKSPACE_FILES.settings)).replace(/^\uFEFF/, ''))
    : await particularsObject(directory);
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** The workbook's Particulars sheet as report.json's object, or undefined when there is none to read. */
async function particularsObject(directory: string): Promise<unknown> {
  const sheet = await quietSheet(directory, 'particulars');
  const root = sheet && particularsSource(WORKBOOK_FILE, sheet, [])?.([]).root;
  return root && getNodeValue(root);
}

/**
 * Every file a build of the workspace reads, and only those: what decides whether a paper built before can be
 * reused. A backup beside them (`grades.csv.orig`) or an Excel lock file is not an input; the workbook is.
 */
export async function workspaceInputs(directory: string): Promise<string[]> {
  const names = [...Object.values(WORKSPACE_FILES), WORKBOOK_FILE, ...(await dataFileNames(directory, await quietSettings(directory)))];
  const present = await Promise.all(names.map((name) => access(path.join(directory, name)).then(() => name, () => undefined)));
  return present.filter((name): name is string => name !== undefined).sort().map((name) => path.join(directory, name));
}
