import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { AgendaEntry, InputProblem, PackSpec } from '../model/index.js';
import type { HashedFile } from './fingerprint.js';
import { sha256 } from './fingerprint.js';
import type { BuiltPaper } from './paper-job.js';
import type { Accessibility, NotAccessible } from './accessibility.js';

export const MANIFEST_SCHEMA = 'qif-report/pack-manifest@1';

export interface ManifestFile {
  /** Inputs relative to the pack file's folder; outputs inside the manifest's own folder. */
  path: string;
  sha256: string;
  pages?: number;
}

export interface ManifestItem {
  item: string;
  kind: AgendaEntry['kind'];
  title: string;
  /** The workspace built or the PDF included. */
  source?: string;
  inputs: ManifestFile[];
  output?: ManifestFile;
  /** A paper's HTML edition, beside its PDF. */
  html?: ManifestFile;
  /** True when the paper was taken from the last run, its inputs unchanged. */
  reused?: boolean;
  /** An included PDF that was secured (encrypted, opening without a password): the pack holds a decrypted copy. */
  secured?: boolean;
  /** Active content taken out of an included PDF (its own file and the agenda pack), page by page. */
  activeContentRemoved?: string[];
  /** An included PDF is tagged and declares PDF/UA-1: when it does not, the agenda pack cannot be PDF/UA. */
  accessible?: boolean;
  /** Why an included PDF is not: untagged (and how), or tagged without declaring PDF/UA-1. */
  whyNotAccessible?: NotAccessible;
  warnings: string[];
}

/** Every input and output of a pack, with checksums: what a clerk files with the published pack. */
export interface Manifest {
  schema: typeof MANIFEST_SCHEMA;
  pack: ManifestFile;
  meeting: PackSpec['meeting'];
  /** Hashes of the tool's own code and of the templates, which decide outputs as much as the inputs do. */
  tool: { sha256: string };
  templates: { sha256: string };
  items: ManifestItem[];
  agendaPack?: ManifestFile;
  /** The meeting's web page, index.html: the agenda, each line linking to its paper's files. */
  index?: ManifestFile;
  failures: { item: string; source: string; error: string; problems: string[] }[];
}

interface ManifestParts {
  spec: PackSpec;
  packHash: string;
  papers: readonly { entry: AgendaEntry; inputs: HashedFile[]; built?: BuiltPaper; reused: boolean }[];
  pdfs: readonly { entry: Extract<AgendaEntry, { kind: 'pdf' }>; original?: Uint8Array; secured?: boolean; removed?: string[]; accessibility?: Accessibility; warnings?: InputProblem[] }[];
  outputs: ReadonlyMap<string, { path: string; pdf: Uint8Array; pages: number }>;
  htmlPages: ReadonlyMap<string, { path: string; html: string }>;
  agendaPack?: { path: string; pdf: Uint8Array; pages: number };
  index?: { path: string; html: string };
  failures: readonly { item: string; source: string; error: string; problems?: InputProblem[] }[];
  toolHash: string;
  templatesHash: string;
}

const fileEntry = (file: { path: string; pdf: Uint8Array; pages: number }): ManifestFile => ({ path: path.basename(file.path), sha256: sha256(file.pdf), pages: file.pages });
const pageEntry = (file: { path: string; html: string }): ManifestFile => ({ path: path.basename(file.path), sha256: sha256(file.html) });

const accessibility = (found: Accessibility | undefined): Pick<ManifestItem, 'accessible' | 'whyNotAccessible'> =>
  found === undefined ? {} : found.accessible ? { accessible: true } : { accessible: false, whyNotAccessible: found.reason };

export function buildManifest(parts: ManifestParts): Manifest {
  const formatted = (problem: InputProblem) => [problem.file, problem.line, problem.column].filter((p) => p !== undefined).join(':') + `: ${problem.reason}`;
  const packDir = path.dirname(parts.spec.file);
  const fromPack = (file: string) => path.relative(packDir, file).split(path.sep).join('/');
  const input = (file: HashedFile): ManifestFile => ({ path: fromPack(file.path), sha256: file.sha256 });
  const items = parts.spec.entries.map((entry): ManifestItem => {
    const output = parts.outputs.get(entry.item);
    const base = { item: entry.item, kind: entry.kind, output: output && fileEntry(output) };
    if (entry.kind === 'paper') {
      const paper = parts.papers.find((p) => p.entry === entry)!;
      const html = parts.htmlPages.get(entry.item);
      return { ...base, ...(html ? { html: pageEntry(html) } : {}), title: paper.built?.model.paper.title ?? '', source: fromPack(entry.workspace), inputs: paper.inputs.map(input), reused: paper.reused, warnings: (paper.built?.warnings ?? []).map(formatted) };
    }
    if (entry.kind === 'pdf') {
      const pdf = parts.pdfs.find((p) => p.entry === entry)!;
      const found = pdf.original ? { inputs: [{ path: fromPack(entry.pdf), sha256: sha256(pdf.original) }], ...(pdf.secured ? { secured: true } : {}), ...(pdf.removed?.length ? { activeContentRemoved: pdf.removed } : {}), ...accessibility(pdf.accessibility) } : { inputs: [] };
      return { ...base, title: entry.title, source: fromPack(entry.pdf), ...found, warnings: (pdf.warnings ?? []).map((warning) => formatted({ ...warning, file: fromPack(warning.file) })) };
    }
    return { ...base, title: entry.title, inputs: [], warnings: [] };
  });
  return {
    schema: MANIFEST_SCHEMA,
    pack: { path: path.basename(parts.spec.file), sha256: parts.packHash },
    meeting: parts.spec.meeting,
    tool: { sha256: parts.toolHash },
    templates: { sha256: parts.templatesHash },
    items,
    agendaPack: parts.agendaPack && fileEntry(parts.agendaPack),
    index: parts.index && pageEntry(parts.index),
    failures: parts.failures.map((f) => ({ item: f.item, source: fromPack(f.source), error: f.error, problems: (f.problems ?? []).map(formatted) })),
  };
}

export async function readManifest(file: string): Promise<Manifest | undefined> {
  try {
    const manifest = JSON.parse(await readFile(file, 'utf8')) as Manifest;
    return manifest.schema === MANIFEST_SCHEMA ? manifest : undefined;
  } catch {
    return undefined;
  }
}

/** Why a paper was built again rather than reused: what changed since the last run's manifest. */
export function explainRebuild(previous: Manifest | undefined, item: string, packFile: string, currentInputs: readonly HashedFile[], toolHash: string, templatesHash: string): string {
  const inputs = currentInputs.map((file) => ({ path: path.relative(path.dirname(packFile), file.path).split(path.sep).join('/'), sha256: file.sha256 }));
  const before = previous?.items.find((entry) => entry.item === item);
  if (!previous || !before?.output) return 'no earlier build';
  const reasons: string[] = [];
  if (previous.tool.sha256 !== toolHash) reasons.push('qif-report itself changed');
  if (previous.templates.sha256 !== templatesHash) reasons.push('the templates changed');
  const old = new Map(before.inputs.map((file) => [file.path, file.sha256]));
  const changed = inputs.filter((file) => old.get(file.path) !== file.sha256).map((file) => path.basename(file.path));
  const removed = before.inputs.filter((file) => !inputs.some((now) => now.path === file.path)).map((file) => path.basename(file.path));
  if (changed.length) reasons.push(`changed: ${changed.join(', ')}`);
  if (removed.length) reasons.push(`removed: ${removed.join(', ')}`);
  return reasons.length ? reasons.join('; ') : 'the pack file set this paper differently';
}
