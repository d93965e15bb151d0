import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { comparePeriods, formatPeriod, InvalidInputError, type InputProblem, type Workspace } from '../model/index.js';
import { readDataset } from './dataset.js';
import { readEvidence } from './evidence.js';
import { readGrades } from './grades.js';
import { readSettings } from './settings.js';

export const WORKSPACE_FILES = {
  settings: 'report.json',
  grades: 'grades.csv',
  evidence: 'evidence.csv',
  dataset: 'dataset.csv',
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
  const [settingsText, gradesText, evidenceText, datasetText] = await Promise.all(
    Object.values(WORKSPACE_FILES).map((name) => readText(fileOf(name), problems)),
  );
  const settings = settingsText === undefined ? undefined : readSettings(fileOf(WORKSPACE_FILES.settings), settingsText, problems);
  const grades = gradesText === undefined ? [] : readGrades(fileOf(WORKSPACE_FILES.grades), gradesText, problems);
  const evidence = evidenceText === undefined ? [] : readEvidence(fileOf(WORKSPACE_FILES.evidence), evidenceText, problems);
  const dataset = datasetText === undefined ? [] : readDataset(fileOf(WORKSPACE_FILES.dataset), datasetText, problems);

  if (settings) {
    for (const grade of grades) {
      if (comparePeriods(grade.period, settings.period) > 0) {
        problems.push({ ...grade.source, column: 1, reason: `grade for ${formatPeriod(grade.period)} is later than the report's period ${formatPeriod(settings.period)}`, expected: `periods up to ${formatPeriod(settings.period)}, or a later "period" in report.json` });
      }
    }
    if (datasetText !== undefined && !dataset.some((row) => row.area.toLowerCase() === settings.area.toLowerCase())) {
      problems.push({ file: fileOf(WORKSPACE_FILES.dataset), reason: `no rows for the partnership's area "${settings.area}"`, expected: 'rows whose area matches "area" in report.json' });
    }
  }
  if (problems.length > 0 || !settings) throw new InvalidInputError(problems);
  return { directory, settings, grades, evidence, dataset };
}
