import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { comparePeriods, formatPeriod, type Period } from '../model/index.js';
import { readGrades } from './grades.js';
import { openIncludedPdf } from './included-pdf.js';
import type { JsonFields } from './json-fields.js';
import type { DraftItem } from './pack-items.js';
import { quietGrades, quietSettings, WORKSPACE_FILES } from './workspace-inputs.js';

/** What a pack needs to know of a workspace before it builds from it. */
export interface WorkspaceFacts {
  folder: boolean;
  /** From report.json, when it can be read. */
  area?: string;
  period?: Period;
  /** The earliest round grades.csv grades. */
  firstGraded?: Period;
}

/** The workspace's area, report period and first graded round, read as a build would read them. */
export async function workspaceFacts(directory: string): Promise<WorkspaceFacts> {
  if (!(await stat(directory).then((entry) => entry.isDirectory(), () => false))) return { folder: false };
  // The workspace's own problems are its build's to report; here they only leave a fact unknown.
  const settings = await quietSettings(directory);
  const { grades } = readGrades(WORKSPACE_FILES.grades, await quietGrades(directory), []);
  const firstGraded = grades.map((grade) => grade.period).sort(comparePeriods)[0];
  return { folder: true, area: settings?.area, period: settings?.period, firstGraded };
}

/** A paper item's workspace and periods, checked against what the workspace holds. */
export function checkPaper(json: JsonFields, item: Extract<DraftItem, { kind: 'paper' }>, facts: WorkspaceFacts, packDirectory: string): void {
  if (!facts.folder) {
    json.problemOn(item.at, `${item.label}: there is no workspace folder at "${path.relative(packDirectory, item.workspace)}"`, 'a workspace folder, its path relative to the pack file');
    return;
  }
  for (const { period, at } of item.periods) {
    if (!period || !at) continue;
    if (facts.period && comparePeriods(period, facts.period) > 0) {
      json.problemOn(at, `${item.label}: period ${formatPeriod(period)} is later than the workspace's report period, ${formatPeriod(facts.period)}, so it is a round that has not happened`, `a period up to ${formatPeriod(facts.period)}, or a later "period" in the workspace's report.json`);
    } else if (facts.firstGraded && comparePeriods(period, facts.firstGraded) < 0) {
      json.problemOn(at, `${item.label}: period ${formatPeriod(period)} is before the workspace's first graded round, ${formatPeriod(facts.firstGraded)}, so its paper would have no grades`, `a period from ${formatPeriod(facts.firstGraded)} to ${formatPeriod(facts.period ?? facts.firstGraded)}`);
    }
  }
}

/** An included PDF must be there and open without a password; a secured one that does is decrypted to include. */
export async function checkPdf(json: JsonFields, item: Extract<DraftItem, { kind: 'pdf' }>, packDirectory: string): Promise<void> {
  const where = path.relative(packDirectory, item.pdf);
  const bytes = await readFile(item.pdf).catch((error: NodeJS.ErrnoException) => error);
  if (bytes instanceof Error) {
    json.problemOn(item.at, `${item.label}: ${bytes.code === 'ENOENT' ? `there is no file at "${where}"` : `the file "${where}" cannot be read (${bytes.code})`}`, 'the PDF to include, its path relative to the pack file');
    return;
  }
  const opened = await openIncludedPdf(new Uint8Array(bytes));
  if (!opened.ok) json.problemOn(item.at, `${item.label}: "${where}" ${opened.reason}`, opened.expected);
}
