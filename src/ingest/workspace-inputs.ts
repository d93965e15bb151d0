import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
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
 * Every file a build of the workspace reads, and only those: what decides whether a paper built before can be
 * reused. A backup beside them (`grades.csv.orig`) or an Excel lock file is not an input.
 */
export async function workspaceInputs(directory: string): Promise<string[]> {
  const report = await readFile(path.join(directory, WORKSPACE_FILES.settings)).catch(() => undefined);
  const decoded = report && decodeText(report);
  const settings = decoded?.ok ? readSettings(WORKSPACE_FILES.settings, decoded.text, []) : undefined;
  const names = [...Object.values(WORKSPACE_FILES), ...(await dataFileNames(directory, settings))];
  const present = await Promise.all(names.map((name) => access(path.join(directory, name)).then(() => name, () => undefined)));
  return present.filter((name): name is string => name !== undefined).sort().map((name) => path.join(directory, name));
}
