/**
 * One paper's work, as a pool job: read the workspace as the pack sets it, analyse, and render the paper's
 * HTML edition and its PDF once, without page numbers; then stamp the PDF, counted within the paper, for its own
 * file. The agenda pack stamps the unnumbered PDF again, counted within the pack, once every paper is built. On
 * the pool's worker threads the papers are stamped side by side; templates are loaded once a worker.
 */
import { buildReportModel } from '../analyse/index.js';
import { isLockFileNote, readWorkspace } from '../ingest/index.js';
import { InvalidInputError, levelOf, type InputProblem, type PaperOverrides, type ReportModel } from '../model/index.js';
import { loadTemplates, renderEditions, type PaperTemplates } from '../render/index.js';
import { cachedFontRules, type FontCachePlace } from './font-cache.js';
import { paperStamp, stampPageNumbers } from './stamp.js';

export interface PaperJob {
  workspace: string;
  overrides: PaperOverrides;
  templates?: string;
  /** Where the HTML edition's font rules are kept; made afresh when absent. */
  fonts?: FontCachePlace;
}

export interface BuiltPaper {
  model: ReportModel;
  /** The paper with the foot of each page left for its page numbers: what the agenda pack numbers. */
  unnumbered: Uint8Array;
  /** The paper as published on its own, its pages numbered within it. */
  numbered: Uint8Array;
  /** Its number of pages, read as it was stamped. */
  pages: number;
  /** The paper's HTML edition, written beside its PDF and linked from the meeting's index page. */
  html: string;
  /** Warnings the workspace gave: the paper was built, and they are listed. */
  warnings: InputProblem[];
  /** The kept font rules its HTML edition uses (font-cache.ts), so the cache keeps them while it keeps the paper. */
  fontFiles: string[];
  /** How long the worker took, for the benchmark; absent when the paper was reused. */
  milliseconds?: number;
}

const templatesByDir = new Map<string, Promise<PaperTemplates>>();

function templatesFrom(directory: string | undefined): Promise<PaperTemplates> {
  const key = directory ?? '';
  if (!templatesByDir.has(key)) templatesByDir.set(key, loadTemplates(directory));
  return templatesByDir.get(key)!;
}

export async function runJob(job: PaperJob): Promise<BuiltPaper> {
  const started = performance.now();
  const templates = await templatesFrom(job.templates);
  const reading = await readWorkspace(job.workspace, { overrides: job.overrides });
  if (!reading.workspace) throw new InvalidInputError(reading.problems);
  const model = buildReportModel(reading.workspace);
  const fontFiles = new Set<string>();
  const fontRules = job.fonts && cachedFontRules(job.fonts, fontFiles);
  const editions = await renderEditions(model, templates, { pdf: true, html: true, pdfOptions: { pageNumbers: false }, fontRules });
  const unnumbered = new Uint8Array(editions.pdf!);
  const numbered = await stampPageNumbers(unnumbered, paperStamp(templates));
  // A note that a file is open in Excel is about this moment, not the data: it is not kept with the cached paper.
  const warnings = reading.problems.filter((p) => levelOf(p) === 'warning' && !isLockFileNote(p));
  return { model, unnumbered, numbered: numbered.pdf, pages: numbered.pages, html: editions.html!, warnings, fontFiles: [...fontFiles], milliseconds: performance.now() - started };
}
