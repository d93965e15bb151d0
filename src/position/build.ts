import path from 'node:path';
import { buildReportModel } from '../analyse/index.js';
import { longestAnswers, positionWordCount, wordLimitState } from '../analyse/position-words.js';
import { inspectionModel, positionStatement, type InspectionModel } from '../framework/index.js';
import { blocksBuild, positionModelProblem, readPositionStatement, readWorkspace, WORKSPACE_FILES } from '../ingest/index.js';
import { InvalidInputError, type InputProblem, type PositionText, type PositionWordCount, type ReportModel } from '../model/index.js';
import { outFolderProblem } from '../files/out-folder.js';
import { writeFileAtomically } from '../files/write-file.js';
import { paperBaseName } from '../pack/file-names.js';
import { loadPositionTemplates, renderPositionEditions } from '../render/position/index.js';
import { number } from '../render/format.js';

export type PositionFormat = 'pdf' | 'html';

export interface PositionOptions {
  /** Where the document is written; the workspace's own `out` folder unless given. */
  outDir?: string;
  formats: readonly PositionFormat[];
}

export interface PositionResult {
  written: string[];
  /** Warnings: the workspace's, and the word count's when it nears the limit. */
  notices: InputProblem[];
  count: PositionWordCount;
  /** The items counted, as the model names them, for the printed count. */
  items: { number: number; shortTitle: string }[];
  itemKind: InspectionModel['itemKind'];
}

/** What the prose may not exceed: the model's own limit where it publishes one, else the position statement's. */
const limitsOf = (model: InspectionModel) => ({ limit: model.document.kind === 'position-statement' ? model.document.maxWords : positionStatement.maxWords, warnAt: positionStatement.warnWords });

const grouped = (n: number) => number(n, 0);

/** Over the limit: one message naming the total and the answers to shorten first. */
function overLimitProblem(text: PositionText, count: PositionWordCount, itemWord: string): InputProblem {
  const longest = longestAnswers(count).map((answer) => `${itemWord} ${answer.number} "${answer.question}" (${grouped(answer.words)} words)`);
  return {
    file: text.file,
    reason: `${grouped(count.total)} words, ${grouped(count.total - count.limit)} over the limit of ${grouped(count.limit)}; the longest sections are ${longest.join(', ')}`,
    expected: `at most ${grouped(count.limit)} words of your own prose (headings and the facts the tool adds are not counted)`,
  };
}

const nearLimitNotice = (text: PositionText, count: PositionWordCount): InputProblem => ({
  file: text.file,
  level: 'warning',
  reason: `${grouped(count.total)} words, within ${grouped(count.limit - count.total)} of the limit of ${grouped(count.limit)}`,
});

/** The workspace as build reads it, checked for the position statement: its model, and position.md. */
async function readInputs(directory: string, outDir: string): Promise<{ model: ReportModel; text: PositionText; inspection: InspectionModel; notices: InputProblem[] }> {
  const problems: InputProblem[] = [];
  const outProblem = await outFolderProblem(outDir);
  if (outProblem) problems.push(outProblem);
  const reading = await readWorkspace(directory);
  problems.push(...reading.problems);
  const workspace = reading.workspace;
  if (!workspace || problems.some((problem) => blocksBuild(problem, {}))) throw new InvalidInputError(problems);
  const inspection = inspectionModel(workspace.settings.inspectionModel);
  const wrongModel = positionModelProblem(inspection, path.join(directory, WORKSPACE_FILES.settings));
  if (wrongModel) throw new InvalidInputError([wrongModel]);
  const position = await readPositionStatement(directory, inspection);
  if (!position.text) throw new InvalidInputError(position.problems);
  return { model: buildReportModel(workspace), text: position.text, inspection, notices: problems };
}

/**
 * The position statement of a workspace preparing for model B or C: position.md read and checked, its words
 * counted (refused over the limit), and the document rendered with the facts of the report model under each
 * "How do we know?". Everything is checked and rendered before anything is written.
 */
export async function buildPositionStatement(directory: string, options: PositionOptions): Promise<PositionResult> {
  const outDir = options.outDir ?? path.join(directory, 'out');
  const { model, text, inspection, notices } = await readInputs(directory, outDir);
  const count = positionWordCount(text, limitsOf(inspection));
  const templates = await loadPositionTemplates();
  const itemWord = templates.labels.items[inspection.itemKind].one;
  const state = wordLimitState(count);
  if (state === 'over') throw new InvalidInputError([overLimitProblem(text, count, itemWord)]);
  if (state === 'near') notices.push(nearLimitNotice(text, count));

  const editions = await renderPositionEditions(model, text, count, templates, { pdf: options.formats.includes('pdf'), html: options.formats.includes('html') });
  const base = path.join(outDir, `${paperBaseName(model.paper.partnership, model.paper.period)}-position-statement`);
  const outputs = [...(editions.pdf ? [{ file: `${base}.pdf`, data: editions.pdf }] : []), ...(editions.html ? [{ file: `${base}.html`, data: editions.html }] : [])];
  for (const { file, data } of outputs) await writeFileAtomically(file, data);
  return { written: outputs.map((output) => output.file), notices, count, items: model.questions.map((q) => ({ number: q.number, shortTitle: q.shortTitle })), itemKind: inspection.itemKind };
}
