import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { WorkspaceSeed } from '../model/index.js';
import { WORKSPACE_FILES } from '../ingest/index.js';
import { csvText } from './csv-text.js';
import type { InitTemplates } from './init-templates.js';

/** The files of an earlier round copied byte for byte into the next: published files are never rewritten. */
export interface CarriedFiles {
  /** The earlier workspace's folder. */
  directory: string;
  /** Paths inside it: indicators.csv, the published files it imports (data/…), and dataset.csv when it has one. */
  files: string[];
}

export const GRADES_HEADER = ['period', 'qi', 'title', 'grade', 'evaluated_on', 'strengths', 'areas_for_improvement'] as const;
export const EVIDENCE_HEADER = ['qi', 'item_number', 'item', 'status', 'reviewed_on', 'reference'] as const;
export const DATASET_HEADER = ['indicator', 'area', 'period', 'value', 'numerator', 'denominator', 'source'] as const;

export const DATA_README = path.join('data', 'README.txt');

const optionalNumber = (value: number | undefined) => (value === undefined ? '' : String(value));

/**
 * Writes the seed as a CSV workspace into a folder (a staging folder: the caller moves it into place):
 * report.json, grades.csv, evidence.csv, data/README.txt, and dataset.csv when there are figures; then the
 * carried files, as they are. Returns the files written, as paths inside the folder.
 */
export async function writeCsvWorkspace(folder: string, seed: WorkspaceSeed, templates: InitTemplates, carried?: CarriedFiles): Promise<string[]> {
  const files = new Map<string, string>([
    [WORKSPACE_FILES.settings, `${JSON.stringify(seed.report, null, 2)}\n`],
    [WORKSPACE_FILES.grades, csvText(GRADES_HEADER, seed.grades.map((g) => [g.period, g.qi, g.title, g.grade, g.evaluatedOn, g.strengths, g.areasForImprovement]))],
    [WORKSPACE_FILES.evidence, csvText(EVIDENCE_HEADER, seed.evidence.map((e) => [e.qi, optionalNumber(e.itemNumber), e.item, e.status, e.reviewedOn, e.reference]))],
    [DATA_README, templates.dataReadme],
  ]);
  const copied = carried?.files ?? [];
  if (seed.figures.length > 0 && !copied.includes(WORKSPACE_FILES.dataset)) {
    files.set(WORKSPACE_FILES.dataset, csvText(DATASET_HEADER, seed.figures.map((f) => [f.indicator, f.area, f.period, String(f.value), optionalNumber(f.numerator), optionalNumber(f.denominator), f.source])));
  }
  for (const [name, text] of files) await writeInside(folder, name, (file) => writeFile(file, text));
  for (const name of copied) await writeInside(folder, name, (file) => copyFile(path.join(carried!.directory, name), file));
  return [...new Set([...files.keys(), ...copied])];
}

async function writeInside(folder: string, name: string, write: (file: string) => Promise<void>): Promise<void> {
  const file = path.join(folder, name);
  await mkdir(path.dirname(file), { recursive: true });
  await write(file);
}
