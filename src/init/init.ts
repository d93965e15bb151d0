import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { councilKey, findCouncil, type Council, type FrameworkEditionId } from '../framework/index.js';
import { comparePeriods, InvalidInputError, type InputProblem, type Period, type Workspace, type WorkspaceSeed } from '../model/index.js';
import { dataFileNames, readWorkspace, reportObject, WORKSPACE_FILES } from '../ingest/index.js';
import { outFolderProblem, type FolderRole } from '../files/out-folder.js';
import { fillNewFolder } from '../files/write-file.js';
import { readInitTemplates, type InitTemplates } from './init-templates.js';
import { nextRoundSeed } from './next-round.js';
import { councilOption, frameworkOption, laterPeriodProblem, modelOption, periodOption } from './options.js';
import { positionSkeleton } from './position-skeleton.js';
import { writeInside } from './carried-files.js';
import { newWorkspaceSeed } from './seed.js';
import type { CarriedFiles } from './carried-files.js';
import { WORKSPACE_WRITERS, type WorkspaceFormat } from './writers.js';

export interface InitOptions {
  /** The new workspace: a folder that is not there yet, or an empty one. */
  folder: string;
  /** The council, in any spelling findCouncil knows; optional with `from`, when it must agree. */
  area?: string;
  period: string;
  /** An earlier round's workspace to start the next round from. */
  from?: string;
  /** The files written; unless the command line chooses, the earlier round's format, or CSV. */
  format?: WorkspaceFormat;
  /** The framework edition whose QI titles the workspace is seeded with, set as report.json's "framework". */
  framework?: string;
  /** The inspection model to prepare for (report.json `inspectionModel`); for models B and C, position.md's skeleton too. */
  model?: string;
}

/** What a new workspace is made from: the seed, whatever the format, and files of an earlier round to copy. */
interface InitPlan {
  seed: WorkspaceSeed;
  carried?: CarriedFiles;
  /** The earlier round's format: a workbook's next round is a workbook unless the command line says otherwise. */
  format?: WorkspaceFormat;
}

const WORKSPACE_FOLDER: FolderRole = { name: 'the workspace folder', expected: 'a new folder, or an empty one, where you can write (qif-report init <folder>)' };

/**
 * Makes a workspace to fill in, or the next round of one, and returns the files written. Every problem with the
 * options, the folder or the earlier workspace is found first and nothing is written; the files appear together.
 */
export async function initWorkspace(options: InitOptions): Promise<string[]> {
  const council = councilOption(options.area, options.from !== undefined);
  const period = periodOption(options.period);
  const edition = frameworkOption(options.framework);
  const model = modelOption(options.model);
  const problems = [council, period, edition, model].flatMap((read) => (read.ok ? [] : [read.problem]));
  problems.push(...(await targetProblems(options.folder)));
  if (problems.length > 0 || !council.ok || !period.ok || !edition.ok || !model.ok) throw new InvalidInputError(problems);

  const templates = await readInitTemplates();
  const plan = options.from === undefined
    ? { seed: newWorkspaceSeed(council.value!, period.value, templates, edition.value) }
    : await nextRoundPlan(options.from, council.value, period.value, templates, edition.value);
  const format = options.format ?? plan.format ?? 'csv';
  const seed = model.value ? { ...plan.seed, report: { inspectionModel: model.value.id, ...withoutModel(plan.seed.report) } } : plan.seed;
  const skeleton = model.value && positionSkeleton(model.value, templates);
  const written = await fillNewFolder(options.folder, async (staging) => {
    const files = await WORKSPACE_WRITERS[format](staging, seed, templates, plan.carried);
    if (skeleton) await writeInside(staging, skeleton.name, skeleton.text);
    return skeleton ? [...files, skeleton.name] : files;
  });
  return written.map((name) => path.join(options.folder, name));
}

/** report.json's fields but the model, which --model sets first in the file, where the officer sees it. */
const withoutModel = (report: Record<string, unknown>) => Object.fromEntries(Object.entries(report).filter(([key]) => key !== 'inspectionModel'));

/** The folder must take a new workspace: writable, and new or empty (init never writes over files). */
async function targetProblems(folder: string): Promise<InputProblem[]> {
  const problem = await outFolderProblem(folder, WORKSPACE_FOLDER);
  if (problem) return [problem];
  const entries = await readdir(folder).catch(() => []);
  if (entries.length === 0) return [];
  const named = entries.sort().slice(0, 3).join(', ') + (entries.length > 3 ? ` and ${entries.length - 3} more` : '');
  return [{ file: folder, reason: `the folder already has files in it (${named})`, expected: 'a new folder, or an empty one: init never writes over files' }];
}

/** The next round of a workspace that reads without a problem, for a later period and the same area. */
async function nextRoundPlan(from: string, council: Council | undefined, period: Period, templates: InitTemplates, edition?: FrameworkEditionId): Promise<InitPlan> {
  const reading = await readWorkspace(from);
  const previous = reading.workspace;
  if (!previous) throw new InvalidInputError(reading.problems);
  const reportFile = path.join(from, WORKSPACE_FILES.settings);
  const problems: InputProblem[] = [];
  if (comparePeriods(period, previous.settings.period) <= 0) problems.push(laterPeriodProblem(period, previous.settings.period, reportFile));
  if (council && !sameArea(council, previous.settings.area)) {
    problems.push({ file: '--area', reason: `${council.name} is not the area of ${reportFile}, "${previous.settings.area}"`, expected: 'the earlier round\'s area, or no --area: the next round keeps it' });
  }
  if (problems.length > 0) throw new InvalidInputError(problems);
  const report = await reportObject(from);
  if (!report) throw new Error(`${reportFile} was read, then could not be read again`);
  const format: WorkspaceFormat = previous.intake.files.some((file) => file.sheet !== undefined) ? 'xlsx' : 'csv';
  return { seed: nextRoundSeed(previous, report, period, templates, edition), carried: await carriedFiles(previous), format };
}

/** An area that is no council (a name only its figures carry) agrees with --area only when spelt alike. */
const sameArea = (council: Council, area: string) => (findCouncil(area) ?? { name: undefined }).name === council.name || councilKey(area) === councilKey(council.name);

/** What the earlier round reads besides report.json, grades and evidence: its own measures and its figures. */
async function carriedFiles(previous: Workspace): Promise<CarriedFiles> {
  const read = (name: string) => previous.intake.files.some((file) => file.file === name);
  return {
    directory: previous.directory,
    ...(read(WORKSPACE_FILES.dataset) ? { dataset: WORKSPACE_FILES.dataset } : {}),
    files: [...(read(WORKSPACE_FILES.indicators) ? [WORKSPACE_FILES.indicators] : []), ...(await dataFileNames(previous.directory, previous.settings))],
  };
}
