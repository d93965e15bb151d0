// The floor under issue 15's warm and fresh targets: pdfmake as published laying out and writing Renfrewshire's
// paper with its charts, tags, page headers and footers taken out (its text and tables alone: less than the paper
// is), in a process of its own (pdfmake-floor-child.mjs). No build of the whole paper can be faster than this
// while pdfmake lays it out, so a target below it cannot be met with pdfmake.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { buildReportModel } from '../../src/analyse/index.js';
import { loadWorkspace } from '../../src/ingest/index.js';
import { indicatorCharts, paperDocument, type PaperTemplates } from '../../src/render/index.js';
import { median, ms, ROOT, seconds, WARM_RUNS, WORKSPACES } from './shared.js';

const CHILD = path.join(ROOT, 'tests', 'bench', 'pdfmake-floor-child.mjs');

export interface Floor {
  /** Spawn to exit, pdfmake imported and the document written once. */
  freshWall: number;
  importMs: number;
  firstMs: number;
  warm: number;
  pages: number;
}

/** Content without its charts: each SVG becomes an empty line. */
const withoutCharts = (node: unknown): unknown => {
  if (Array.isArray(node)) return node.map(withoutCharts);
  if (!node || typeof node !== 'object') return node;
  if ('svg' in node) return { text: '' };
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, withoutCharts(value)]));
};

/** The paper's text and tables as JSON: functions (headers, footers, table rules) do not survive it, and are not wanted. */
async function textAndTables(templates: PaperTemplates): Promise<string> {
  const model = buildReportModel(await loadWorkspace(WORKSPACES[0]!));
  const document = paperDocument(model, templates, await indicatorCharts(model, templates.charts, templates.labels, templates.fill));
  const { header: _header, footer: _footer, content, ...rest } = document;
  return JSON.stringify({ ...rest, content: withoutCharts(content) as Content } satisfies TDocumentDefinitions);
}

interface ChildFigures {
  importMs: number;
  firstMs: number;
  warmMs: number[];
  pages: number;
}

function child(file: string, warmRuns: number): ChildFigures & { wall: number } {
  const start = performance.now();
  const result = spawnSync(process.execPath, [CHILD, file, String(warmRuns)], { encoding: 'utf8' });
  const wall = performance.now() - start;
  if (result.status !== 0) throw new Error(`the pdfmake floor failed: ${result.stderr}`);
  return { ...(JSON.parse(result.stdout.trim().split('\n').at(-1)!) as ChildFigures), wall };
}

export async function pdfmakeFloor(templates: PaperTemplates, coldRuns: number): Promise<Floor> {
  const folder = mkdtempSync(path.join(tmpdir(), 'qif-bench-floor-'));
  try {
    const file = path.join(folder, 'text-and-tables.json');
    writeFileSync(file, await textAndTables(templates));
    const fresh = Array.from({ length: coldRuns }, () => child(file, 0));
    const warmed = child(file, WARM_RUNS + 1);
    const floor = {
      freshWall: median(fresh.map((run) => run.wall)),
      importMs: median(fresh.map((run) => run.importMs)),
      firstMs: median(fresh.map((run) => run.firstMs)),
      warm: median(warmed.warmMs.slice(1)),
      pages: warmed.pages,
    };
    console.log(
      `floor: pdfmake as published, Renfrewshire's text and tables alone (${floor.pages} pages; no charts, tags, headers or footers): ` +
        `fresh process ${seconds(floor.freshWall)} wall (import ${ms(floor.importMs)}, first document ${ms(floor.firstMs)}, ${coldRuns} runs); warm median ${ms(floor.warm)}`,
    );
    return floor;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
