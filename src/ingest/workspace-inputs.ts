import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'jsonc-parser';
import type { ReportSettings } from '../model/index.js';
import { dataFolderFiles } from './data-files.js';
import { decodeText } from './decode.js';
import { readSettings } from './settings.js';

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

/** report.json as a build would read it, or undefined when it cannot be. */
export async function quietSettings(directory: string): Promise<ReportSettings | undefined> {
  return readSettings(WORKSPACE_FILES.settings, await quietText(directory, WORKSPACE_FILES.settings), []);
}

/**
 * report.json as the officer wrote it, every key in its order, values as written (not as read: an area spelt
 * "Orkney" stays so): what the next round carries over. Undefined when it is not a JSON object.
 */
export async function reportObject(directory: string): Promise<Record<string, unknown> | undefined> {
  const value: unknown = parse((await quietText(directory, WORKSPACE_FILES.settings)).replace(/^\uFEFF/, ''));
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/**
 * Every file a build of the workspace reads, and only those: what decides whether a paper built before can be
 * reused. A backup beside them (`grades.csv.orig`) or an Excel lock file is not an input.
 */
export async function workspaceInputs(directory: string): Promise<string[]> {
  const names = [...Object.values(WORKSPACE_FILES), ...(await dataFileNames(directory, await quietSettings(directory)))];
  const present = await Promise.all(names.map((name) => access(path.join(directory, name)).then(() => name, () => undefined)));
  return present.filter((name): name is string => name !== undefined).sort().map((name) => path.join(directory, name));
}
