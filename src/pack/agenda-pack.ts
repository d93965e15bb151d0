import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { InvalidInputError, type AgendaEntry, type InputProblem, type PackSpec, type ReportModel } from '../model/index.js';
import { frontSheetDocument, loadTemplates, longDate, meetingPageHtml, renderPdf, type AgendaLine, type FontRules, type PaperTemplates } from '../render/index.js';
import { workspaceInputs, openIncludedPdf } from '../ingest/index.js';
import { agendaFileName, plainFileName } from './file-names.js';
import { combinedHash, hashFiles, sha256, type HashedFile } from './fingerprint.js';
import { buildManifest, explainRebuild, readManifest, type Manifest } from './manifest.js';
import { agendaWords, INDEX_PAGE, meetingIndex } from './meeting-index.js';
import { mergePack, pageCount, publishableCopy, type PackPart } from './merge.js';
import { cachedFontRules, type FontCachePlace } from './font-cache.js';
import { paperStamp } from './stamp.js';
import type { BuiltPaper, PaperJob } from './paper-job.js';
import { besideModule, runJobs, workersFor } from './pool.js';
import { includedAccessibility, notAccessibleWarning, type Accessibility } from './accessibility.js';
import { outFolderProblem } from '../files/out-folder.js';
import { replaceFolder, writeFileAtomically } from '../files/write-file.js';

export interface PackOptions {
  outDir: string;
  /** Papers built at once; unset, as many as pay for their start-up (`workersFor`). */
  workers?: number;
  /** A folder of templates with the council's own wording. */
  templates?: string;
  onProgress?: { start(total: number): void; done(label: string, outcome: 'built' | 'reused' | 'failed'): void; finish(): void };
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
  /** Warnings from the workspaces and the included PDFs: built, and listed in the manifest. */
  notices: InputProblem[];
  built: number;
  reused: number;
  /** Why each paper built this time was not reused from the last run. */
  rebuilt: { item: string; why: string }[];
  /** How long each paper built this time took in its worker. */
  buildMilliseconds: number[];
  manifest: Manifest;
}

const PAPER_JOB = besideModule(import.meta.url, 'paper-job');
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
  /** The file as supplied. */
  original?: Uint8Array;
  /** The PDF to merge: the original, or a decrypted copy of a secured one. */
  pdf?: Uint8Array;
  pages?: number;
  secured?: boolean;
  /** Active content taken out of it, page by page. */
  removed?: string[];
  /** Whether it can stand in a PDF/UA agenda pack: tagged, and declaring PDF/UA-1 itself. */
  accessibility?: Accessibility;
  warnings?: InputProblem[];
}

/**
 * Builds a pack: every paper (in parallel, reusing what an earlier run built from the same inputs), each
 * written under its agenda file name; then, if none failed, the agenda pack — front sheet, every item in
 * order, numbered and bookmarked as one document — and the manifest. A failing item does not stop the others.
 * The run's outputs replace the last run's whole (see replaceFolder): the folder never holds a stale agenda pack
 * beside a manifest that does not list it.
 */
export async function buildPack(spec: PackSpec, options: PackOptions): Promise<PackResult> {
  const folder = path.join(options.outDir, packName(spec.file));
  // The cache sits beside the pack's folder, not in it: the folder holds exactly what the manifest lists.
  const cache = path.join(options.outDir, `.${packName(spec.file)}.cache`);
  // Templates and the output folder are checked before anything is made: a bad one leaves nothing behind.
  const templates = await loadTemplates(options.templates);
  const outProblem = await outFolderProblem(options.outDir);
  if (outProblem) throw new InvalidInputError([outProblem]);
  await mkdir(cache, { recursive: true });
  const previous = await readManifest(path.join(folder, 'manifest.json'));
  // The tool is its sources, whichever way it runs: dist/ is compiled from src/ by the TypeScript in the lock file.
  const toolHash = combinedHash(await hashFiles(path.join(ROOT, 'src')), await hashFiles(path.join(ROOT, 'package-lock.json')));
  const templatesHash = combinedHash(await hashFiles(templates.directory));

  const papers: PaperItem[] = [];
  const pdfs: PdfItem[] = [];
  // A quarterly pack builds one workspace many times: read and hash its files once.
  const hashed = new Map<string, Promise<HashedFile[]>>();
  for (const entry of spec.entries) {
    if (entry.kind === 'paper') {
      if (!hashed.has(entry.workspace)) hashed.set(entry.workspace, hashInputs(entry.workspace));
      const inputs = await hashed.get(entry.workspace)!;
      papers.push({ entry, inputs, key: combinedHash(toolHash, templatesHash, inputs, entry.overrides), reused: false });
    } else if (entry.kind === 'pdf') pdfs.push({ entry });
  }

  // Font rules are kept beside the papers, by the characters a page shows (font-cache.ts).
  const fonts: FontCachePlace = { folder: cache, toolHash };
  const failures = await buildOrReuse(papers, cache, fonts, options);
  for (const item of pdfs) failures.push(...(await includePdf(item, spec.agendaPack)));

  const indexFonts = new Set<string>();
  const fontRules = cachedFontRules(fonts, indexFonts);
  const { written, manifest } = await replaceFolder(folder, (staging) => writeOutputs({ spec, papers, pdfs, failures, templates, folder, staging, toolHash, templatesHash, fontRules }));
  await pruneCache(cache, new Set([...papers.flatMap((p) => [p.key, ...(p.built?.fontFiles ?? [])]), ...indexFonts]));
  const rebuilt = papers.filter((p) => p.built && !p.reused).map((p) => ({ item: p.entry.item, why: explainRebuild(previous, p.entry.item, spec.file, p.inputs, toolHash, templatesHash) }));
  const notices = [...papers.flatMap((p) => p.built?.warnings ?? []), ...pdfs.flatMap((p) => p.warnings ?? [])];
  const buildMilliseconds = papers.flatMap((p) => (p.reused || p.built?.milliseconds === undefined ? [] : [p.built.milliseconds]));
  return { folder, written, failures, notices, built: papers.filter((p) => p.built && !p.reused).length, reused: papers.filter((p) => p.reused).length, rebuilt, manifest, buildMilliseconds };
}

/** The files a workspace's build reads, each hashed: the paper's inputs for reuse and for the manifest. */
async function hashInputs(workspace: string): Promise<HashedFile[]> {
  const files = await workspaceInputs(workspace);
  return (await Promise.all(files.map((file) => hashFiles(file).catch(() => [])))).flat();
}

/** An included PDF opened (decrypted, if it was secured and opens without a password); a failure if it cannot be. */
async function includePdf(item: PdfItem, agendaPack: boolean): Promise<PackFailure[]> {
  const bytes = await readFile(item.entry.pdf).catch(() => undefined);
  const opened = bytes && (await openIncludedPdf(new Uint8Array(bytes)));
  if (!opened?.ok) return [{ item: item.entry.item, source: item.entry.pdf, error: opened ? `not a PDF that can be included: it ${opened.reason}` : 'the PDF cannot be read' }];
  item.original = new Uint8Array(bytes!);
  item.pdf = opened.pdf;
  item.pages = opened.pages;
  item.secured = opened.secured;
  item.accessibility = await includedAccessibility(opened.pdf);
  item.warnings = item.accessibility.accessible ? [] : [notAccessibleWarning(item.entry, item.accessibility.reason, agendaPack)];
  return [];
}

interface OutputParts {
  spec: PackSpec;
  papers: readonly PaperItem[];
  pdfs: readonly PdfItem[];
  failures: readonly PackFailure[];
  templates: PaperTemplates;
  /** Where the files will be once the run's outputs are swapped in, and where they are written meanwhile. */
  folder: string;
  staging: string;
  toolHash: string;
  templatesHash: string;
  /** The meeting's index page's font rules, kept in the cache. */
  fontRules: FontRules;
}

/** Every output of the run, written into the staging folder: papers, included PDFs, the agenda pack, the meeting's web page, the manifest. */
async function writeOutputs(parts: OutputParts) {
  const { spec, papers, pdfs, failures, templates, folder, staging } = parts;
  const written: string[] = [];
  const outputs = new Map<string, { path: string; pdf: Uint8Array; pages: number }>();
  const write = async (item: string, name: string, pdf: Uint8Array, pages: number) => {
    await writeFile(path.join(staging, plainFileName(name)), pdf);
    outputs.set(item, { path: path.join(folder, name), pdf, pages });
    written.push(path.join(folder, name));
  };
  const htmlPages = new Map<string, { path: string; html: string }>();
  for (const paper of papers.filter((p) => p.built)) {
    const { model, numbered, pages, html } = paper.built!;
    const name = agendaFileName(paper.entry.item, [shortTitle(model), model.paper.area, model.paper.period]);
    await write(paper.entry.item, name, numbered, pages);
    // The HTML edition sits beside the PDF under the same name: what the meeting's index page links to.
    const htmlName = name.replace(/\.pdf$/, '.html');
    await writeFile(path.join(staging, plainFileName(htmlName)), html);
    htmlPages.set(paper.entry.item, { path: path.join(folder, htmlName), html });
    written.push(path.join(folder, htmlName));
  }
  for (const item of pdfs.filter((p) => p.pdf)) {
    // The file as supplied (secured or not), unless it holds active content, which is taken out as from the pack.
    const copy = await publishableCopy(item.pdf!, item.original!);
    item.removed = copy.removed;
    await write(item.entry.item, agendaFileName(item.entry.item, [item.entry.title]), copy.pdf, item.pages!);
  }
  let agendaPack: { path: string; pdf: Uint8Array; pages: number } | undefined;
  if (spec.agendaPack && failures.length === 0) {
    agendaPack = await assemble(spec, papers, pdfs, outputs, templates, folder);
    await writeFile(path.join(staging, plainFileName(path.basename(agendaPack.path))), agendaPack.pdf);
    written.push(agendaPack.path);
  }
  // The meeting's web page, with the agenda pack: a page with a hole in its agenda is not one to publish either.
  let index: { path: string; html: string } | undefined;
  if (failures.length === 0) {
    const models = new Map(papers.map((p) => [p.entry.item, p.built!.model]));
    index = { path: path.join(folder, INDEX_PAGE), html: await meetingPageHtml(meetingIndex({ spec, models, pdfs: outputs, htmlPages, agendaPack }, templates), templates, parts.fontRules) };
    await writeFile(path.join(staging, INDEX_PAGE), index.html);
    written.push(index.path);
  }
  const manifest = buildManifest({ spec, packHash: sha256(await readFile(spec.file)), papers, pdfs, outputs, htmlPages, agendaPack, index, failures, toolHash: parts.toolHash, templatesHash: parts.templatesHash });
  await writeFile(path.join(staging, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  written.push(path.join(folder, 'manifest.json'));
  return { written, manifest };
}

/** Each paper from the cache when its inputs are unchanged, else built in the worker pool; the failures. */
async function buildOrReuse(papers: PaperItem[], cache: string, fonts: FontCachePlace, options: PackOptions): Promise<PackFailure[]> {
  options.onProgress?.start(papers.length);
  for (const paper of papers) {
    paper.built = await readCached(cache, paper.key);
    paper.reused = paper.built !== undefined;
    if (paper.reused) options.onProgress?.done(paper.entry.item, 'reused');
  }
  const toBuild = papers.filter((paper) => !paper.built);
  const builds = await runJobs<PaperJob, BuiltPaper>(
    toBuild.map((paper) => ({ workspace: paper.entry.workspace, overrides: paper.entry.overrides, templates: options.templates, fonts })),
    { workers: options.workers ?? workersFor(toBuild.length), module: PAPER_JOB, onDone: (index, result) => options.onProgress?.done(toBuild[index]!.entry.item, result.ok ? 'built' : 'failed') },
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
async function assemble(spec: PackSpec, papers: readonly PaperItem[], pdfs: readonly PdfItem[], outputs: Map<string, { pdf: Uint8Array; pages: number }>, templates: PaperTemplates, folder: string) {
  const t = templates.labels.frontSheet;
  const models = new Map(papers.map((p) => [p.entry.item, p.built!.model]));
  const lineOf = (entry: AgendaEntry, first?: number): AgendaLine => {
    const pages = outputs.get(entry.item)?.pages;
    const range = first !== undefined && pages !== undefined ? { first, last: first + pages - 1 } : undefined;
    return { ...agendaWords(entry, models.get(entry.item), templates), pages: range };
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
    front = new Uint8Array(await renderPdf(frontSheetDocument(sheet, templates), { fonts: templates.fonts }));
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
    // Another service's PDF goes in as it can be read (decrypted, if it was secured), its active content taken out.
    const included = pdfs.find((pdf) => pdf.entry === entry);
    parts.push({
      pdf: entry.kind === 'paper' ? unnumbered.get(entry.item)! : included!.pdf!,
      bookmark: templates.fill(t.bookmark, { item: entry.item, title }),
      linkId: entry.item,
      stamp: true,
      included: entry.kind === 'pdf',
    });
  }
  const merged = await mergePack(parts, {
    title: templates.fill(t.documentTitle, { committee: spec.meeting.committee, date: longDate(spec.meeting.date) }),
    author: spec.meeting.council,
    subject: spec.meeting.committee,
    language: 'en-GB',
    date: new Date(`${spec.meeting.date}T00:00:00Z`),
    ...paperStamp(templates),
  });
  const file = path.join(folder, agendaFileName('00', [templates.fill(t.packFileName, { committee: spec.meeting.committee, date: spec.meeting.date })]));
  return { path: file, pdf: merged.pdf, pages: merged.pages };
}

/** Keeps only what this run used, so the cache does not grow with every change. */
async function pruneCache(cache: string, keys: ReadonlySet<string>): Promise<void> {
  for (const name of await readdir(cache)) {
    // A paper's files are its key and a suffix (`.json`, `.pdf`, `.numbered.pdf`, `.html`); kept font rules are
    // `fonts-<hash>.css` (font-cache.ts).
    if (!keys.has(name.split('.')[0]!)) await rm(path.join(cache, name), { force: true });
  }
}

/** A cached paper's file: its key and a suffix (see pruneCache). */
const cachedFile = (cache: string, key: string) => (suffix: string) => path.join(cache, `${key}${suffix}`);

async function readCached(cache: string, key: string): Promise<BuiltPaper | undefined> {
  const file = cachedFile(cache, key);
  try {
    const [json, unnumbered, numbered, html] = await Promise.all([readFile(file('.json'), 'utf8'), readFile(file('.pdf')), readFile(file('.numbered.pdf')), readFile(file('.html'), 'utf8')]);
    const { model, warnings, pages, fontFiles } = JSON.parse(json) as Pick<BuiltPaper, 'model' | 'warnings' | 'pages' | 'fontFiles'>;
    return { model, warnings, unnumbered: new Uint8Array(unnumbered), numbered: new Uint8Array(numbered), pages, html, fontFiles };
  } catch {
    return undefined;
  }
}

async function writeCached(cache: string, key: string, built: BuiltPaper): Promise<void> {
  const file = cachedFile(cache, key);
  await writeFileAtomically(file('.pdf'), built.unnumbered);
  await writeFileAtomically(file('.numbered.pdf'), built.numbered);
  await writeFileAtomically(file('.html'), built.html);
  await writeFileAtomically(file('.json'), JSON.stringify({ model: built.model, warnings: built.warnings, pages: built.pages, fontFiles: built.fontFiles }));
}

/** "Inspection readiness" from "Inspection readiness: self-evaluation against …". */
const shortTitle = (model: ReportModel) => model.paper.title.split(':')[0]!.trim();

/** "ilcg-2022-11" from "packs/ilcg-2022-11.pack.json". */
export const packName = (file: string) => path.basename(file).replace(/(\.pack)?\.json$/i, '');
