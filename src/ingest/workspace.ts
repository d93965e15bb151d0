import { stat } from 'node:fs/promises';
import path from 'node:path';
import { findCouncil, indicatorCatalogue, type IndicatorDefinition } from '../framework/index.js';
import { compareProblems, InvalidInputError, levelOf, WORKBOOK_FILE, type DataIntake, type DatasetRecord, type FileSummary, type InputProblem, type PaperOverrides, type ReportSettings, type SuppressedFigure, type Workspace } from '../model/index.js';
import { InputFiles } from './input-files.js';
import { problemIn } from './table.js';
import { OLD_WORKBOOK_FILE, openWorkbook, settingsSource, tableSource, type TableSource, type Workbook } from './workspace-sources.js';
import { canonicalArea, findConflicts, importDataFile } from './data-files.js';
import { readDataset } from './dataset.js';
import { dataFileNames, WORKSPACE_FILES } from './workspace-inputs.js';
import { readEvidence } from './evidence.js';
import { readGrades } from './grades.js';
import { readIndicatorCatalogue } from './indicators.js';
import { isLockFileNote, lockFileNotes } from './lock-files.js';
import { didYouMean } from './near-miss.js';
import { councilHint, problemAtSetting, readSettingsFrom, type SettingsSource } from './settings.js';

export { WORKSPACE_FILES } from './workspace-inputs.js';

export interface ReadOptions {
  /** Build from the rows that pass, listing every rejected one, instead of refusing the whole workspace. */
  lenient?: boolean;
  /** What a pack sets over report.json for this paper; with a period, the paper is as at that period. */
  overrides?: PaperOverrides;
}

/** Everything learnt from reading a workspace, whether or not it can be built. */
export interface WorkspaceReading {
  /** Every accepted row; absent when report.json could not be read or a problem blocks the build. */
  workspace?: Workspace;
  files: FileSummary[];
  /** Every problem in every file, warnings included, in file and line order. */
  problems: InputProblem[];
}

/** A problem that stops this build: any error when strict; only a fatal one when lenient. */
export const blocksBuild = (problem: InputProblem, options: ReadOptions): boolean =>
  levelOf(problem) === 'fatal' || (levelOf(problem) === 'row' && !options.lenient);

/**
 * Reads and checks a workspace folder. Throws InvalidInputError listing every problem in every file,
 * so the officer can fix them all in one pass.
 */
export async function loadWorkspace(directory: string, options: ReadOptions = {}): Promise<Workspace> {
  const reading = await readWorkspace(directory, options);
  if (!reading.workspace) throw new InvalidInputError(reading.problems);
  return reading.workspace;
}

/** Reads every file of a workspace, keeping every good row and a positioned problem for every bad one. */
export async function readWorkspace(directory: string, options: ReadOptions = {}): Promise<WorkspaceReading> {
  if (!(await isFolder(directory))) {
    return { files: [], problems: [{ file: directory, reason: 'there is no workspace folder here', expected: 'a folder holding report.json, grades.csv, evidence.csv and dataset.csv' }] };
  }
  const files = new InputFiles(directory);
  const workbook = await openWorkbook(files);
  const settingsFrom = await settingsSource(files, workbook);
  const ownSettings = settingsFrom && readSettingsFrom(settingsFrom, files.problems);
  const settings = ownSettings && options.overrides ? withOverrides(ownSettings, options.overrides) : ownSettings;
  const gradesFrom = await tableSource(files, workbook, 'grades');
  const { grades, rejected: rejectedGrades, unevaluated } = gradesFrom === undefined ? { grades: [], rejected: [], unevaluated: [] } : readGrades(gradesFrom.file, gradesFrom.input, files.problems, gradesFrom.tally, settings);
  const evidenceFrom = await tableSource(files, workbook, 'evidence');
  const evidence = evidenceFrom === undefined ? [] : readEvidence(evidenceFrom.file, evidenceFrom.input, files.problems, evidenceFrom.tally);
  const catalogue = await readCatalogue(files);
  const { dataset, suppressed, hasFigures, datasetFrom } = await readFigures(files, workbook, settings, catalogue);

  if (gradesFrom !== undefined && files.readWithoutRows(nameOf(files, gradesFrom), gradesFrom.sheet)) {
    files.problems.push(problemIn(gradesFrom, { line: 2, column: 1, reason: `the ${gradesFrom.sheet === undefined ? 'file' : 'sheet'} has a header but no grades`, expected: 'a row for each QI graded: period, qi, grade, evaluated_on' }));
  }
  if (evidenceFrom !== undefined && files.readWithoutRows(nameOf(files, evidenceFrom), evidenceFrom.sheet)) {
    files.problems.push(problemIn(evidenceFrom, { line: 2, column: 1, level: 'warning', reason: `the ${evidenceFrom.sheet === undefined ? 'file' : 'sheet'} has a header but no evidence, so every item will show as not recorded`, expected: 'a row for each evidence item: qi, item, status' }));
  }

  if (settings && settingsFrom && hasFigures && !dataset.some((row) => row.area === settings.area)) {
    files.problems.push(areaWithoutFigures(files, settingsFrom, datasetFrom, settings.area, dataset, options.overrides?.area !== undefined));
  }

  const problems = [...files.problems].sort(compareProblems);
  const summaries = files.summaries([...grades.map((g) => g.source), ...unevaluated.map((g) => g.source), ...evidence.map((e) => e.source), ...dataset.map((d) => d.row), ...suppressed.map((s) => s.row)]);
  const intake: DataIntake = {
    mode: options.lenient ? 'lenient' : 'strict',
    files: summaries,
    rejected: options.lenient ? problems.filter((p) => levelOf(p) === 'row').map((p) => files.relative(p)) : [],
    // A lock file says Excel was open as the paper was built, not something about the data: not in the paper.
    warnings: problems.filter((p) => levelOf(p) === 'warning' && !isLockFileNote(p)).map((p) => files.relative(p)),
  };
  const usable = settings && !problems.some((problem) => blocksBuild(problem, options));
  // Every record names its file inside the workspace (grades.csv, data/…), however the folder's path was typed.
  const inside = <T extends { file: string }>(row: T): T => ({ ...row, file: files.nameOf(row.file) });
  const workspace = usable
    ? {
        directory,
        settings,
        grades: grades.map((g) => ({ ...g, source: inside(g.source) })),
        rejectedGrades: rejectedGrades.map((g) => ({ ...g, source: inside(g.source) })),
        unevaluated: unevaluated.map((g) => ({ ...g, source: inside(g.source) })),
        evidence: evidence.map((e) => ({ ...e, source: inside(e.source) })),
        dataset: dataset.map((d) => ({ ...d, row: inside(d.row) })),
        suppressed: suppressed.map((s) => ({ ...s, row: inside(s.row) })),
        catalogue,
        intake,
      }
    : undefined;
  return { workspace, files: summaries, problems };
}

/**
 * No figure carries the partnership's area. When report.json names no council either, the slip is almost
 * certainly there ("Fyfe"), so the problem is placed at its value with the nearest names; a council with no
 * figures is a gap in the figures, said at dataset.csv. An area a pack set is the pack's to report.
 */
function areaWithoutFigures(files: InputFiles, settingsFrom: SettingsSource, datasetFrom: TableSource | undefined, area: string, dataset: readonly DatasetRecord[], setByPack: boolean): InputProblem {
  if (setByPack || findCouncil(area)) {
    return problemIn(datasetFrom ?? { file: files.pathOf(WORKSPACE_FILES.dataset) }, { reason: `no figures for the partnership's area "${area}"`, expected: 'rows whose area matches "area" in report.json' });
  }
  const named = [...new Set(dataset.map((row) => row.area))].filter((name) => name !== 'Scotland' && !/^family group/i.test(name));
  const inFigures = didYouMean(area, named);
  const hint = councilHint(area) || (inFigures ? ` (${inFigures})` : '');
  return problemAtSetting(settingsFrom, 'area', `area "${area}" is not a Scottish council, and no figures carry that name${hint}`, 'the council the partnership serves, as the figures name it (e.g. "Renfrewshire"), or an area named in dataset.csv');
}

/** The built-in catalogue, changed and extended by the workspace's optional indicators.csv. */
async function readCatalogue(files: InputFiles): Promise<IndicatorDefinition[]> {
  if (!(await files.exists(WORKSPACE_FILES.indicators))) return [...indicatorCatalogue];
  const text = await files.read(WORKSPACE_FILES.indicators);
  return text === undefined ? [...indicatorCatalogue] : readIndicatorCatalogue(files.pathOf(WORKSPACE_FILES.indicators), text, files.problems, files.tallyOf(WORKSPACE_FILES.indicators));
}

/**
 * The figures: dataset.csv in long form, and the published files named in report.json or dropped in the
 * data/ folder. dataset.csv may be left out when published files are there. Council names are reconciled.
 */
async function readFigures(files: InputFiles, workbook: Workbook | undefined, settings: ReportSettings | undefined, catalogue: readonly IndicatorDefinition[]) {
  // report.json's paths were checked to stay inside the workspace; reading checks where links lead.
  const dataFiles = await dataFileNames(files.directory, settings);
  await noteLockFiles(files, dataFiles, settings?.data === undefined);

  const datasetFrom = await tableSource(files, workbook, 'dataset', dataFiles.length > 0);
  const records = datasetFrom === undefined ? [] : readDataset(datasetFrom.file, datasetFrom.input, files.problems, catalogue, datasetFrom.tally);
  const suppressed: SuppressedFigure[] = [];
  for (const name of dataFiles) {
    const text = await files.read(name);
    if (text === undefined) continue;
    const imported = importDataFile(files.pathOf(name), text, files.problems, catalogue, files.tallyOf(name));
    records.push(...imported.records);
    suppressed.push(...imported.suppressed);
  }
  const dataset = findConflicts(records.map((record) => ({ ...record, area: canonicalArea(record.area) })), files.problems);
  return { dataset, suppressed, hasFigures: datasetFrom !== undefined || dataFiles.length > 0, datasetFrom };
}

/**
 * A file the workspace reads that is open in Excel may have changes not yet saved: each lock file is noted,
 * never read. When data/ is read whole, a lock file there is noted whatever it locks.
 */
async function noteLockFiles(files: InputFiles, dataFiles: readonly string[], dataFolderRead: boolean): Promise<void> {
  const key = (name: string) => path.normalize(name).toLowerCase();
  const reads = new Set([...Object.values(WORKSPACE_FILES), WORKBOOK_FILE, OLD_WORKBOOK_FILE, ...dataFiles].map(key));
  for (const folder of new Set(['.', 'data', ...dataFiles.map((file) => path.dirname(file))])) {
    const read = (name: string) => reads.has(key(path.join(folder, name))) || (folder === 'data' && dataFolderRead && /\.csv$/i.test(name));
    files.problems.push(...(await lockFileNotes(files.pathOf(folder), read)));
  }
}

/** report.json as a pack sets it for one paper. */
function withOverrides(settings: ReportSettings, overrides: PaperOverrides): ReportSettings {
  const set = Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined));
  // Peers are chosen for one area: another area's paper keeps them only if the pack names them again.
  const peers = overrides.peers ?? (overrides.area && overrides.area !== settings.area ? [] : settings.peers);
  // A mapping is numbered by its model's questions: another model's paper takes that model's default instead.
  const mapping = overrides.inspectionModel && overrides.inspectionModel !== settings.inspectionModel ? undefined : settings.mapping;
  return { ...settings, ...set, peers, mapping, asAtPeriod: overrides.period !== undefined || settings.asAtPeriod };
}

/** The name inside the workspace a source's reads are kept under. */
const nameOf = (files: InputFiles, source: TableSource) => path.relative(files.directory, source.file);

async function isFolder(directory: string): Promise<boolean> {
  return stat(directory).then((stats) => stats.isDirectory(), () => false);
}
