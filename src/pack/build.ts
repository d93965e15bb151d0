import path from 'node:path';
import { buildReportModel } from '../analyse/index.js';
import { blocksBuild, readWorkspace } from '../ingest/index.js';
import { InvalidInputError, type InputProblem, type ReportModel } from '../model/index.js';
import { renderEditions, type PaperTemplates } from '../render/index.js';
import { paperBaseName } from './file-names.js';
import { outFolderProblem } from '../files/out-folder.js';
import { writeFileAtomically } from '../files/write-file.js';

export type OutputFormat = 'pdf' | 'json' | 'html';

export interface BuildOptions {
  outDir: string;
  formats: readonly OutputFormat[];
  templates: PaperTemplates;
  /** Build from the rows that pass and list the rejected ones in the paper, rather than refuse. */
  lenient?: boolean;
}

export interface BuildResult {
  written: string[];
  /** Problems that did not stop the build: warnings, and rows a lenient build left out. */
  notices: InputProblem[];
  /** Papers a lenient build made without some rows: where each was written and how many rows it left out. */
  incomplete: { paper: string; rejectedRows: number }[];
}

/**
 * Reads and analyses every workspace, checks the output folder and renders every paper before writing
 * anything: if any input is invalid, no file is written and every problem in every workspace is reported
 * together.
 */
export async function buildPapers(workspaceDirs: readonly string[], options: BuildOptions): Promise<BuildResult> {
  const problems: InputProblem[] = [];
  const outProblem = await outFolderProblem(options.outDir);
  if (outProblem) problems.push(outProblem);
  const papers: { directory: string; model: ReportModel; base: string }[] = [];
  for (const directory of workspaceDirs) {
    const reading = await readWorkspace(directory, { lenient: options.lenient });
    problems.push(...reading.problems);
    if (!reading.workspace) continue;
    const model = buildReportModel(reading.workspace);
    const base = path.join(options.outDir, `${paperBaseName(model.paper.partnership, model.paper.period)}-inspection-readiness`);
    const clash = papers.find((paper) => paper.base === base);
    if (clash) problems.push({ file: directory, reason: `its paper would overwrite the one from ${clash.directory} (same partnership and period)`, expected: 'one workspace per partnership and period in a run' });
    papers.push({ directory, model, base });
  }
  if (problems.some((problem) => blocksBuild(problem, options))) throw new InvalidInputError(problems);

  // Every paper is rendered before any is written: a template mistake found while rendering (a misspelt
  // placeholder shows only then) leaves the output folder as it was, as invalid input does.
  const outputs: { file: string; data: string | Uint8Array }[] = [];
  const incomplete: BuildResult['incomplete'] = [];
  for (const { model, base } of papers) {
    const rejectedRows = model.dataQuality.files.reduce((sum, file) => sum + file.rejected, 0);
    if (rejectedRows > 0) incomplete.push({ paper: base, rejectedRows });
    if (options.formats.includes('json')) outputs.push({ file: `${base}.json`, data: `${JSON.stringify(model, null, 2)}\n` });
    const editions = await renderEditions(model, options.templates, { pdf: options.formats.includes('pdf'), html: options.formats.includes('html') });
    if (editions.pdf) outputs.push({ file: `${base}.pdf`, data: editions.pdf });
    if (editions.html) outputs.push({ file: `${base}.html`, data: editions.html });
  }
  for (const { file, data } of outputs) await writeFileAtomically(file, data);
  const written = outputs.map((output) => output.file);
  return { written, notices: problems, incomplete };
}
