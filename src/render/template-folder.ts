import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { InputProblem } from '../model/index.js';
import type { TemplateSource } from './template-source.js';

export const CHART_KINDS = ['trend', 'benchmark'] as const;

/** The files of a templates folder, each named as messages name it. */
export interface TemplateFiles {
  paper: TemplateSource;
  labels: TemplateSource;
  charts: Record<(typeof CHART_KINDS)[number], TemplateSource>;
  /** By partial name (the file name without .md). */
  partials: Map<string, TemplateSource>;
  /** The partials folder as messages name it. */
  partialsFolder: string;
}

const FOLDER_EXPECTED = 'a folder of templates: a copy of templates/ (paper.md, partials/, labels.json, charts/)';

/** Why a folder or file cannot be read, in words. */
const unreadable = (code: string | undefined) => (code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (code ?? 'unknown error'));

/** The folder itself: there, a folder, and readable; one problem otherwise, so one line says it. */
async function folderProblem(directory: string, shown: string): Promise<InputProblem | undefined> {
  try {
    if (!(await stat(directory)).isDirectory()) return { file: shown, reason: 'this is a file, not a templates folder', expected: FOLDER_EXPECTED };
    await readdir(directory);
    return undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' || code === 'ENOTDIR' ? 'there is no templates folder here' : `the templates folder cannot be read (${unreadable(code)})`;
    return { file: shown, reason, expected: FOLDER_EXPECTED };
  }
}

/** A file's text, as an editor shows it (a byte-order mark is not part of line 1); undefined with a problem if it cannot be read. */
async function readSource(file: string, shown: string, problems: InputProblem[]): Promise<TemplateSource | undefined> {
  try {
    return { file: shown, text: (await readFile(file, 'utf8')).replace(/^\uFEFF/, '') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    problems.push({ file: shown, reason: code === 'ENOENT' ? 'the file is missing' : `the file cannot be read (${unreadable(code)})`, expected: 'every file of the templates folder the tool ships (copy templates/ to start)' });
    return undefined;
  }
}

/**
 * Reads a templates folder, every file of it, before anything is built: a folder that is not there or cannot
 * be read is one problem; each missing or unreadable file is one more. `shown` names the folder in messages.
 */
export async function readTemplateFiles(directory: string, shown: string): Promise<{ files?: TemplateFiles; problems: InputProblem[] }> {
  const problem = await folderProblem(directory, shown);
  if (problem) return { problems: [problem] };
  const problems: InputProblem[] = [];
  const read = (...parts: string[]) => readSource(path.join(directory, ...parts), path.join(shown, ...parts), problems);
  const paper = await read('paper.md');
  const labels = await read('labels.json');
  const trend = await read('charts', 'trend.vl.json');
  const benchmark = await read('charts', 'benchmark.vl.json');
  const names = await readdir(path.join(directory, 'partials')).catch((error: NodeJS.ErrnoException) => {
    const reason = error.code === 'ENOENT' ? 'the folder is missing' : `the folder cannot be read (${unreadable(error.code)})`;
    problems.push({ file: path.join(shown, 'partials'), reason, expected: 'the partials the paper includes, as in templates/partials (copy templates/ to start)' });
    return undefined;
  });
  const partials = new Map<string, TemplateSource>();
  for (const name of (names ?? []).filter((file) => file.endsWith('.md')).sort()) {
    const source = await read('partials', name);
    if (source) partials.set(name.replace(/\.md$/, ''), source);
  }
  if (!paper || !labels || !trend || !benchmark || !names) return { problems };
  return { files: { paper, labels, charts: { trend, benchmark }, partials, partialsFolder: path.join(shown, 'partials') }, problems };
}
