import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { comparePeriods, formatPeriod, InvalidInputError, type InputProblem, type ReportSettings, type SuppressedFigure, type Workspace } from '../model/index.js';
import { canonicalArea, dataFolderFiles, findConflicts, importDataFile, resolveInside } from './data-files.js';
import { indicatorCatalogue, type IndicatorDefinition } from '../framework/index.js';
import { readDataset } from './dataset.js';
import { readIndicatorCatalogue } from './indicators.js';
import { readEvidence } from './evidence.js';
import { readGrades } from './grades.js';
import { readSettings } from './settings.js';

export const WORKSPACE_FILES = {
  settings: 'report.json',
  grades: 'grades.csv',
  evidence: 'evidence.csv',
  dataset: 'dataset.csv',
  indicators: 'indicators.csv',
} as const;

async function readText(file: string, problems: InputProblem[]): Promise<string | undefined> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    problems.push({ file, reason: code === 'ENOENT' ? 'the file is missing' : `the file cannot be read (${code})`, expected: 'every workspace file: report.json, grades.csv, evidence.csv, dataset.csv' });
    return undefined;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    problems.push({ file, line: 1, column: 1, reason: 'the file is not UTF-8 text', expected: 'a CSV saved as "CSV UTF-8 (Comma delimited)"' });
    return undefined;
  }
}

/**
 * Reads and checks a workspace folder. Throws InvalidInputError listing every problem in every file,
 * so the officer can fix them all in one pass.
 */
export async function loadWorkspace(directory: string): Promise<Workspace> {
  const problems: InputProblem[] = [];
  const fileOf = (name: string) => path.join(directory, name);
  const [settingsText, gradesText, evidenceText] = await Promise.all(
    [WORKSPACE_FILES.settings, WORKSPACE_FILES.grades, WORKSPACE_FILES.evidence].map((name) => readText(fileOf(name), problems)),
  );
  const settings = settingsText === undefined ? undefined : readSettings(fileOf(WORKSPACE_FILES.settings), settingsText, problems);
  const grades = gradesText === undefined ? [] : readGrades(fileOf(WORKSPACE_FILES.grades), gradesText, problems);
  const evidence = evidenceText === undefined ? [] : readEvidence(fileOf(WORKSPACE_FILES.evidence), evidenceText, problems);
  const catalogue = await readCatalogue(directory, problems);
  const { dataset, suppressed, datasetText } = await readFigures(directory, settings, catalogue, problems);

  if (settings) {
    for (const grade of grades) {
      if (comparePeriods(grade.period, settings.period) > 0) {
        problems.push({ ...grade.source, column: 1, reason: `grade for ${formatPeriod(grade.period)} is later than the report's period ${formatPeriod(settings.period)}`, expected: `periods up to ${formatPeriod(settings.period)}, or a later "period" in report.json` });
      }
    }
    if (datasetText !== undefined && !dataset.some((row) => row.area === settings.area)) {
      problems.push({ file: fileOf(WORKSPACE_FILES.dataset), reason: `no figures for the partnership's area "${settings.area}"`, expected: 'rows whose area matches "area" in report.json' });
    }
  }
  if (problems.length > 0 || !settings) throw new InvalidInputError(problems);
  return { directory, settings, grades, evidence, dataset, suppressed, catalogue };
}

/** The built-in catalogue, changed and extended by the workspace's optional indicators.csv. */
async function readCatalogue(directory: string, problems: InputProblem[]): Promise<IndicatorDefinition[]> {
  const file = path.join(directory, WORKSPACE_FILES.indicators);
  if (!(await exists(file))) return [...indicatorCatalogue];
  const text = await readText(file, problems);
  return text === undefined ? [...indicatorCatalogue] : readIndicatorCatalogue(file, text, problems);
}

/**
 * The figures: dataset.csv in long form, and the published files named in report.json or dropped in the
 * data/ folder. dataset.csv may be left out when published files are there. Council names are reconciled.
 */
async function readFigures(directory: string, settings: ReportSettings | undefined, catalogue: readonly IndicatorDefinition[], problems: InputProblem[]) {
  const datasetFile = path.join(directory, WORKSPACE_FILES.dataset);
  const dataFiles: string[] = [];
  for (const name of settings?.data ?? []) {
    const inside = resolveInside(directory, name);
    if (inside) dataFiles.push(inside);
    else problems.push({ file: path.join(directory, WORKSPACE_FILES.settings), reason: `data file "${name}" is outside the workspace`, expected: 'a path inside the workspace folder, e.g. "data/lgbf_data_table_cash.csv"' });
  }
  if (!settings?.data) dataFiles.push(...(await dataFolderFiles(directory)));

  const datasetMissing = dataFiles.length > 0 && !(await exists(datasetFile));
  const datasetText = datasetMissing ? undefined : await readText(datasetFile, problems);
  const records = datasetText === undefined ? [] : readDataset(datasetFile, datasetText, problems, catalogue);
  const suppressed: SuppressedFigure[] = [];
  for (const file of dataFiles) {
    const text = await readText(file, problems);
    if (text === undefined) continue;
    const imported = importDataFile(file, text, problems, catalogue);
    records.push(...imported.records);
    suppressed.push(...imported.suppressed);
  }
  const dataset = findConflicts(records.map((record) => ({ ...record, area: canonicalArea(record.area) })), problems);
  return { dataset, suppressed, datasetText: datasetText ?? (dataFiles.length > 0 ? '' : undefined) };
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(() => true, () => false);
}
