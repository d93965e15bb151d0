import path from 'node:path';
import { buildReportModel } from '../analyse/index.js';
import { loadWorkspace } from '../ingest/index.js';
import { InvalidInputError, type InputProblem, type ReportModel } from '../model/index.js';
import { renderPaper, type PaperTemplates } from '../render/index.js';
import { paperBaseName } from './file-names.js';
import { writeFileAtomically } from './write-file.js';

export type OutputFormat = 'pdf' | 'json';

export interface BuildOptions {
  outDir: string;
  formats: readonly OutputFormat[];
  templates: PaperTemplates;
}

/**
 * Reads and analyses every workspace before writing anything: if any input is invalid, no file is
 * written and every problem in every workspace is reported together.
 */
export async function buildPapers(workspaceDirs: readonly string[], options: BuildOptions): Promise<string[]> {
  const problems: InputProblem[] = [];
  const models: ReportModel[] = [];
  for (const directory of workspaceDirs) {
    try {
      models.push(buildReportModel(await loadWorkspace(directory)));
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.length > 0) throw new InvalidInputError(problems);

  const written: string[] = [];
  for (const model of models) {
    const base = path.join(options.outDir, `${paperBaseName(model.paper.partnership, model.paper.period)}-inspection-readiness`);
    if (options.formats.includes('json')) {
      await writeFileAtomically(`${base}.json`, `${JSON.stringify(model, null, 2)}\n`);
      written.push(`${base}.json`);
    }
    if (options.formats.includes('pdf')) {
      await writeFileAtomically(`${base}.pdf`, await renderPaper(model, options.templates));
      written.push(`${base}.pdf`);
    }
  }
  return written;
}
