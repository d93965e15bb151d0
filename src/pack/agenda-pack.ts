import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AgendaEntry, InputProblem, PackSpec, ReportModel } from '../model/index.js';
import { frontSheetDocument, loadTemplates, longDate, PAPER_FONT_FILES, renderPdf, type AgendaLine, type PaperTemplates } from '../render/index.js';
import { agendaFileName } from './file-names.js';
import { combinedHash, hashFiles, sha256, type HashedFile } from './fingerprint.js';
import { buildManifest, explainRebuild, readManifest, type Manifest } from './manifest.js';
import { mergePack, pageCount, stampPageNumbers, type MergeOptions, type PackPart } from './merge.js';
import type { BuiltPaper, PaperJob } from './paper-job.js';
import { runJobs, type JobResult } from './pool.js';
import { writeFileAtomically } from './write-file.js';

export interface PackOptions {
  outDir: string;
  workers: number;
  /** A folder of templates with the council's own wording. */
  templates?: string;
  onProgress?: { start(total: number): void; done(label: string, ok: boolean): void; finish(): void };
}

export interface PackFailure {
  item: string;
  source: string;
  error: string;
  problems?: InputProblem[];
}

export interface PackResult {
  folder: string;
  written: string[];
  failures: PackFailure[];
  /** Warnings from the workspaces: built, and listed in the manifest. */
  notices: InputProblem[];
  built: number;
  reused: number;
  /** Why each paper built this time was not reused from the last run. */
  rebuilt: { item: string; why: string }[];
  /** How long each paper built this time took in its worker. */
  buildMilliseconds: number[];
  manifest: Manifest;
}

const PAPER_JOB = new URL('./paper-job.ts', import.meta.url);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** One built paper of the pack, with what it came from. */
interface PaperItem {
  entry: Extract<AgendaEntry, { kind: 'paper' }>;
  inputs: HashedFile[];
  key: string;
  built?: BuiltPaper;
  reused: boolean;
}

interface PdfItem {
  entry: Extract<AgendaEntry, { kind: 'pdf' }>;
  pdf?: Uint8Array;
  pages?: number;
}

/**
 * Builds a pack: every paper (in parallel, reusing what an earlier run built from the same inputs), each
 * written under its agenda file name; then, if none failed, the agenda pack — front sheet, every item in
 * order, numbered and bookmarked as one document — and the manifest. A failing item does not stop the others.
 */
export async function buildPack(spec: PackSpec, options: PackOptions): Promise<PackResult> {
  const folder = path.join(options.outDir, packName(spec.file));
  const cache = path.join(folder, '.cache');
  await mkdir(cache, { recursive: true });
  const templates = await loadTemplates(options.templates);
  const previous = await readManifest(path.join(folder, 'manifest.json'));
  const toolHash = combinedHash(await hashFiles(path.join(ROOT, 'src')), await hashFiles(path.join(ROOT, 'package-lock.json')));
  const templatesHash = combinedHash(await hashFiles(templates.directory));

  const papers: PaperItem[] = [];
  const pdfs: PdfItem[] = [];
  // A quarterly pack builds one workspace many times: read and hash its 3 MB of files once.
  const hashed = new Map<string, Promise<HashedFile[]>>();
  for (const entry of spec.entries) {
    if (entry.kind === 'paper') {
      if (!hashed.has(entry.workspace)) hashed.set(entry.workspace, hashFiles(entry.workspace).catch(() => []));
      const inputs = await hashed.get(entry.workspace)!;
      papers.push({ entry, inputs, key: combinedHash(toolHash, templatesHash, inputs, entry.overrides), reused: false });
    } else if (entry.kind === 'pdf') pdfs.push({ entry });
  }

  const failures = await buildOrReuse(papers, cache, options);
  for (const item of pdfs) {
    try {
      item.pdf = new Uint8Array(await readFile(item.entry.pdf));
      item.pages = await pageCount(item.pdf);
    } catch (error) {
      failures.push({ item: item.entry.item, source: item.entry.pdf, error: `not a PDF that can be included: ${(error as Error).message}` });
    }
  }

  const written: string[] = [];
  const stamp = stampOptions(templates);
  const outputs = new Map<string, { path: string; pdf: Uint8Array; pages: number }>();
  for (const paper of papers.filter((p) => p.built)) {
    const { model, unnumbered } = paper.built!;
    const file = path.join(folder, agendaFileName(paper.entry.item, [shortTitle(model), model.paper.area, model.paper.period]));
    const pdf = await stampPageNumbers(unnumbered, stamp);
    await writeFileAtomically(file, pdf);
    outputs.set(paper.entry.item, { path: file, pdf, pages: await pageCount(pdf) });
    written.push(file);
  }
  for (const item of pdfs.filter((p) => p.pdf)) {
    const file = path.join(folder, agendaFileName(item.entry.item, [item.entry.title]));
    await writeFileAtomically(file, item.pdf!);
    outputs.set(item.entry.item, { path: file, pdf: item.pdf!, pages: item.pages! });
    written.push(file);
  }

  let agendaPack: { path: string; pdf: Uint8Array; pages: number } | undefined;
  if (spec.agendaPack && failures.length === 0) {
    agendaPack = await assemble(spec, papers, outputs, templates, folder);
    await writeFileAtomically(agendaPack.path, agendaPack.pdf);
    written.push(agendaPack.path);
  }

  await pruneCache(cache, new Set(papers.map((p) => p.key)));
  const manifest = buildManifest({ spec, packHash: sha256(await readFile(spec.file)), papers, pdfs, outputs, agendaPack, failures, toolHash, templatesHash });
  const manifestFile = path.join(folder, 'manifest.json');
  await writeFileAtomically(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
  written.push(manifestFile);
  const rebuilt = papers.filter((p) => p.built && !p.reused).map((p) => ({ item: p.entry.item, why: explainRebuild(previous, p.entry.item, spec.file, p.inputs, toolHash, templatesHash) }));
  const notices = papers.flatMap((p) => p.built?.warnings ?? []);
  const buildMilliseconds = papers.flatMap((p) => (p.reused || p.built?.milliseconds === undefined ? [] : [p.built.milliseconds]));
  return { folder, written, failures, notices, built: papers.filter((p) => p.built && !p.reused).length, reused: papers.filter((p) => p.reused).length, rebuilt, manifest, buildMilliseconds };
}

/** Each paper from the cache when its inputs are unchanged, else built in the worker pool; the failures. */
async function buildOrReuse(papers: PaperItem[], cache: string, options: PackOptions): Promise<PackFailure[]> {
  options.onProgress?.start(papers.length);
  for (const paper of papers) {
    paper.built = await readCached(cache, paper.key);
    paper.reused = paper.built !== undefined;
    if (paper.reused) options.onProgress?.done(`${paper.entry.item} (unchanged)`, true);
  }
  const toBuild = papers.filter((paper) => !paper.built);
  const builds = await runJobs<PaperJob, BuiltPaper>(
    toBuild.map((paper) => ({ workspace: paper.entry.workspace, overrides: paper.entry.overrides, templates: options.templates })),
    { workers: options.workers, module: PAPER_JOB, onDone: (index, result) => options.onProgress?.done(toBuild[index]!.entry.item, result.ok) },
  );
  options.onProgress?.finish();
  const failures: PackFailure[] = [];
  for (const [index, result] of builds.entries()) {
    const paper = toBuild[index]!;
    if (!result.ok) {
      failures.push({ item: paper.entry.item, source: paper.entry.workspace, error: result.error, problems: result.problems });
      continue;
    }
    paper.built = result.value;
    await writeCached(cache, paper.key, result.value);
  }
  return failures;
}

/** The pack's front sheet and papers, numbered as one document, merged with a bookmark for each item. */
async function assemble(spec: PackSpec, papers: readonly PaperItem[], outputs: Map<string, { pdf: Uint8Array; pages: number }>, templates: PaperTemplates, folder: string) {
  const t = templates.labels.frontSheet;
  const models = new Map(papers.map((p) => [p.entry.item, p.built!.model]));
  const lineOf = (entry: AgendaEntry, first?: number): AgendaLine => {
    const pages = outputs.get(entry.item)?.pages;
    const range = first !== undefined && pages !== undefined ? { first, last: first + pages - 1 } : undefined;
    if (entry.kind === 'paper') {
      const model = models.get(entry.item)!;
      return { item: entry.item, title: templates.fill(t.paperTitle, { title: model.paper.title, partnership: model.paper.partnership, period: model.paper.period }), reportBy: model.paper.reportBy.post, pages: range };
    }
    return { item: entry.item, title: entry.title, reportBy: entry.kind === 'pdf' ? entry.reportBy : undefined, pages: range };
  };

  // The front sheet's length decides where every item starts, and the page ranges it prints can change its
  // length: lay it out until the two agree.
  let frontPages = 1;
  let front: Uint8Array;
  for (;;) {
    const firstPages = new Map<string, number>();
    let next = frontPages + 1;
    for (const entry of spec.entries) {
      const pages = outputs.get(entry.item)?.pages;
      if (pages === undefined) continue;
      firstPages.set(entry.item, next);
      next += pages;
    }
    const sheet = { meeting: spec.meeting, lines: spec.entries.map((entry) => lineOf(entry, firstPages.get(entry.item))) };
    front = new Uint8Array(await renderPdf(frontSheetDocument(sheet, templates)));
    const pages = await pageCount(front);
    if (pages === frontPages) break;
    frontPages = pages;
  }

  const unnumbered = new Map(papers.map((p) => [p.entry.item, p.built!.unnumbered]));
  const paperBookmarkTitle = (model: ReportModel) => templates.fill(t.paperBookmark, { title: shortTitle(model), area: model.paper.area, period: model.paper.period });
  // Every page is numbered as a page of the pack: the front sheet, each paper, each included PDF.
  const parts: PackPart[] = [{ pdf: front, bookmark: t.frontSheetBookmark, stamp: true }];
  for (const entry of spec.entries) {
    const output = outputs.get(entry.item);
    if (!output) continue;
    const title = entry.kind === 'paper' ? paperBookmarkTitle(models.get(entry.item)!) : entry.title;
    parts.push({
      pdf: entry.kind === 'paper' ? unnumbered.get(entry.item)! : output.pdf,
      bookmark: templates.fill(t.bookmark, { item: entry.item, title }),
      linkId: entry.item,
      stamp: true,
    });
  }
  const merged = await mergePack(parts, {
    title: templates.fill(t.documentTitle, { committee: spec.meeting.committee, date: longDate(spec.meeting.date) }),
    author: spec.meeting.council,
    subject: spec.meeting.committee,
    language: 'en-GB',
    date: new Date(`${spec.meeting.date}T00:00:00Z`),
    ...stampOptions(templates),
  });
  const file = path.join(folder, agendaFileName('00', [templates.fill(t.packFileName, { committee: spec.meeting.committee, date: spec.meeting.date })]));
  return { path: file, pdf: merged.pdf, pages: merged.pages };
}

/** "Page N of M" in the paper's own words and font, as pdfmake would have drawn it. */
const stampOptions = (templates: PaperTemplates): Pick<MergeOptions, 'footer' | 'fontFile'> => ({
  footer: (page, pages) => templates.fill(templates.labels.page.footer, { page, pages }),
  fontFile: PAPER_FONT_FILES.regular,
});

/** Keeps only what this run used, so the cache does not grow with every change. */
async function pruneCache(cache: string, keys: ReadonlySet<string>): Promise<void> {
  for (const name of await readdir(cache)) {
    if (!keys.has(name.replace(/\.(json|pdf)$/, ''))) await rm(path.join(cache, name), { force: true });
  }
}

async function readCached(cache: string, key: string): Promise<BuiltPaper | undefined> {
  try {
    const [json, pdf] = await Promise.all([readFile(path.join(cache, `${key}.json`), 'utf8'), readFile(path.join(cache, `${key}.pdf`))]);
    const { model, warnings } = JSON.parse(json) as { model: ReportModel; warnings: InputProblem[] };
    return { model, warnings, unnumbered: new Uint8Array(pdf) };
  } catch {
    return undefined;
  }
}

async function writeCached(cache: string, key: string, built: BuiltPaper): Promise<void> {
  await writeFileAtomically(path.join(cache, `${key}.pdf`), built.unnumbered);
  await writeFileAtomically(path.join(cache, `${key}.json`), JSON.stringify({ model: built.model, warnings: built.warnings }));
}

/** "Inspection readiness" from "Inspection readiness: self-evaluation against …". */
const shortTitle = (model: ReportModel) => model.paper.title.split(':')[0]!.trim();

/** "ilcg-2022-11" from "packs/ilcg-2022-11.pack.json". */
export const packName = (file: string) => path.basename(file).replace(/(\.pack)?\.json$/i, '');
