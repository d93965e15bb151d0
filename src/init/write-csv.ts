import type { WorkspaceSeed } from '../model/index.js';
import { WORKSPACE_FILES } from '../ingest/index.js';
import { writeDataFolder, writeInside, type CarriedFiles } from './carried-files.js';
import { csvText } from './csv-text.js';
import type { InitTemplates } from './init-templates.js';

export const GRADES_HEADER = ['period', 'qi', 'title', 'grade', 'evaluated_on', 'strengths', 'areas_for_improvement'] as const;
export const EVIDENCE_HEADER = ['qi', 'item_number', 'item', 'status', 'reviewed_on', 'reference'] as const;
export const DATASET_HEADER = ['indicator', 'area', 'period', 'value', 'numerator', 'denominator', 'source'] as const;

const optionalNumber = (value: number | undefined) => (value === undefined ? '' : String(value));

/**
 * Writes the seed as a CSV workspace into a folder (a staging folder: the caller moves it into place):
 * report.json, grades.csv, evidence.csv, data/README.txt; the earlier round's dataset.csv as it is, or one written
 * from the seed's figures when there are any; then the other carried files. Returns the paths written inside it.
 */
export async function writeCsvWorkspace(folder: string, seed: WorkspaceSeed, templates: InitTemplates, carried?: CarriedFiles): Promise<string[]> {
  const files = new Map<string, string>([
    [WORKSPACE_FILES.settings, `${JSON.stringify(seed.report, null, 2)}\n`],
    [WORKSPACE_FILES.grades, csvText(GRADES_HEADER, seed.grades.map((g) => [g.period, g.qi, g.title, g.grade, g.evaluatedOn, g.strengths, g.areasForImprovement]))],
    [WORKSPACE_FILES.evidence, csvText(EVIDENCE_HEADER, seed.evidence.map((e) => [e.qi, optionalNumber(e.itemNumber), e.item, e.status, e.reviewedOn, e.reference]))],
  ]);
  if (!carried?.dataset && seed.figures.length > 0) {
    files.set(WORKSPACE_FILES.dataset, csvText(DATASET_HEADER, seed.figures.map((f) => [f.indicator, f.area, f.period, String(f.value), optionalNumber(f.numerator), optionalNumber(f.denominator), f.source])));
  }
  for (const [name, text] of files) await writeInside(folder, name, text);
  const copied = await writeDataFolder(folder, templates, carried, [...(carried?.dataset ? [carried.dataset] : []), ...(carried?.files ?? [])]);
  return [...files.keys(), ...copied];
}
