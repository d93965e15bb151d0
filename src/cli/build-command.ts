/**
 * `qif-report build`: every workspace's paper, once, or with `--watch` again each time one of their files (or a
 * file of the `--templates` folder) is saved, in the same process, until Ctrl+C. A build that fails while watching
 * says why and writes nothing, as a build on its own does, and the watching goes on.
 */
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { InvalidInputError, type InputProblem } from '../model/index.js';
import type { OutputFormat } from '../pack/index.js';
import type { PaperTemplates } from '../render/index.js';
import { incompleteSummary, problemLines, unexpectedFailureText, watchText } from './build-text.js';
import type { Output } from './run.js';
import { isWithin, rebuildOnChange, type WatchPlan } from './watch.js';

export interface BuildCommandOptions {
  out: string;
  formats: OutputFormat[];
  templates?: string;
  lenient?: boolean;
  watch?: boolean;
}

/** One build: the templates loaded (unless given), the papers written and listed; throws on invalid input. */
async function buildOnce(workspaces: readonly string[], options: BuildCommandOptions, output: Output, templates?: PaperTemplates): Promise<void> {
  const [{ loadTemplates }, { buildPapers }] = await Promise.all([import('../render/index.js'), import('../pack/build.js')]);
  const result = await buildPapers(workspaces, { outDir: options.out, formats: options.formats, templates: templates ?? (await loadTemplates(options.templates)), lenient: options.lenient });
  output.stderr(problemLines(result.notices));
  for (const file of result.written) output.stdout(`${file}\n`);
  if (result.incomplete.length > 0) output.stderr(incompleteSummary(result.incomplete));
}

export async function buildCommand(workspaces: readonly string[], options: BuildCommandOptions, output: Output): Promise<void> {
  if (!options.watch) return buildOnce(workspaces, options, output);
  const plan: WatchPlan = { folders: [...workspaces, ...(options.templates ? [options.templates] : [])], ignored: [options.out] };
  await expectFolders(plan.folders);
  await rebuildOnChange(plan, watchedBuild(workspaces, options, output));
}

/** Watching needs folders: a path that is not one fails at once, every such path named. */
async function expectFolders(folders: readonly string[]): Promise<void> {
  const isFolder = (folder: string) => stat(folder).then((found) => found.isDirectory(), () => false);
  const found = await Promise.all(folders.map(isFolder));
  const problems: InputProblem[] = folders.filter((_, i) => !found[i]).map((file) => ({ file, reason: 'is not a folder, so it cannot be watched', expected: 'a workspace folder (or, for --templates, a folder of templates)' }));
  if (problems.length > 0) throw new InvalidInputError(problems);
}

/**
 * The changed files as the watch names them: those still there, as typed from here. An editor's temporary file,
 * written and renamed over the one saved, is gone by now; a file deleted is named when nothing else is left.
 */
function namesOf(changed: readonly string[]): string[] {
  const there = changed.filter((file) => existsSync(file));
  return (there.length > 0 ? there : changed).map((file) => path.relative(process.cwd(), file) || '.');
}

/**
 * A build as the watch makes it: timed, and never thrown out of. The templates are loaded again only when a file
 * of the --templates folder changed; the tool's own are loaded once.
 */
function watchedBuild(workspaces: readonly string[], options: BuildCommandOptions, output: Output): (changed: readonly string[]) => Promise<void> {
  let templates: PaperTemplates | undefined;
  const templatesChanged = (changed: readonly string[]) => options.templates !== undefined && changed.some((file) => isWithin(file, path.resolve(options.templates!)));
  return async (changed) => {
    if (changed.length > 0) output.stderr(watchText.changed(namesOf(changed)));
    const started = performance.now();
    try {
      if (!templates || templatesChanged(changed)) templates = await (await import('../render/index.js')).loadTemplates(options.templates);
      await buildOnce(workspaces, options, output, templates);
      output.stderr(watchText.built(performance.now() - started));
    } catch (error) {
      output.stderr(error instanceof InvalidInputError ? problemLines(error.problems) : unexpectedFailureText(error));
      output.stderr(watchText.notBuilt(options.out));
    }
  };
}
