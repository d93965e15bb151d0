import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { findCouncil, indicatorCatalogue, type IndicatorDefinition } from '../framework/index.js';
import { formatPeriod, type DatasetRecord, type InputProblem } from '../model/index.js';
import { newTally, type FileTally } from './csv-table.js';
import { readLgbfTable } from './lgbf.js';
import { isLockFile } from './lock-files.js';
import { readScotphoExtract, type ScotphoImport } from './scotpho.js';

export type DataFileKind = 'lgbf' | 'scotpho';

/** Tells the published files apart by their header, so an officer can drop them in as downloaded. */
export function dataFileKind(text: string): DataFileKind | undefined {
  const header = text.slice(0, text.search(/\r?\n/) >>> 0).toLowerCase();
  if (header.includes('indicatorcode') && header.includes('indicatorcash_la')) return 'lgbf';
  if (header.includes('area_name') && header.includes('measure') && header.includes('indicator')) return 'scotpho';
  return undefined;
}

/**
 * Every `.csv` in the workspace's `data/` folder, in name order; none when there is no such folder. Excel's
 * lock files (`~$…csv`, there while a file is open) are not data: they are left out, and noted by the workspace.
 */
export async function dataFolderFiles(directory: string): Promise<string[]> {
  const folder = path.join(directory, 'data');
  try {
    return (await readdir(folder)).filter((name) => name.toLowerCase().endsWith('.csv') && !isLockFile(name)).sort().map((name) => path.join(folder, name));
  } catch {
    return [];
  }
}

type Imported = { records: DatasetRecord[]; suppressed: ScotphoImport['suppressed'] };

/**
 * The last import of each published file, kept so that a batch building one paper after another from the
 * same 3 MB LGBF table parses it once. The text, the catalogue's import keys and the path must all match;
 * the problems and counts are replayed, and records are never changed by their users, so sharing them is safe.
 */
const lastImport = new Map<string, { text: string; catalogueKey: string; imported: Imported; problems: InputProblem[]; tally: FileTally }>();

export function importDataFile(file: string, text: string, problems: InputProblem[], catalogue: readonly IndicatorDefinition[] = indicatorCatalogue, tally: FileTally = newTally()): Imported {
  const catalogueKey = JSON.stringify(catalogue.map((indicator) => [indicator.id, indicator.import]));
  const cached = lastImport.get(file);
  if (cached && cached.catalogueKey === catalogueKey && cached.text === text) {
    problems.push(...cached.problems);
    Object.assign(tally, cached.tally);
    return cached.imported;
  }
  const own: InputProblem[] = [];
  const imported = importUncached(file, text, own, catalogue, tally);
  problems.push(...own);
  lastImport.set(file, { text, catalogueKey, imported, problems: own, tally: { ...tally } });
  return imported;
}

function importUncached(file: string, text: string, problems: InputProblem[], catalogue: readonly IndicatorDefinition[], tally: FileTally): Imported {
  switch (dataFileKind(text)) {
    case 'lgbf':
      return { records: readLgbfTable(file, text, catalogue, problems, tally), suppressed: [] };
    case 'scotpho':
      return readScotphoExtract(file, text, catalogue, problems, tally);
    default:
      problems.push({ file, line: 1, column: 1, reason: 'not a file qif-report can import', expected: 'the LGBF data table (cash) or a ScotPHO profile extract, as downloaded' });
      return { records: [], suppressed: [] };
  }
}

/** One spelling per council, so "City of Edinburgh" rows and "Edinburgh City" rows are one series. */
export function canonicalArea(area: string): string {
  return findCouncil(area)?.name ?? area;
}

/** The same figure from two files is a conflict the officer must settle: both rows are named. */
export function findConflicts(records: readonly DatasetRecord[], problems: InputProblem[]): DatasetRecord[] {
  const first = new Map<string, DatasetRecord>();
  const kept: DatasetRecord[] = [];
  for (const record of records) {
    const key = `${record.indicator}|${record.area.toLowerCase()}|${formatPeriod(record.period)}`;
    const earlier = first.get(key);
    if (earlier && earlier.row.file !== record.row.file) {
      problems.push({ ...record.row, column: 1, level: 'row', reason: `${record.indicator} for ${record.area} in ${formatPeriod(record.period)} is also given by ${earlier.row.file}:${earlier.row.line}`, expected: 'each figure from one file only' });
      continue;
    }
    if (!earlier) first.set(key, record);
    kept.push(record);
  }
  return kept;
}
