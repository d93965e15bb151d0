// `npm run bench`: how long a paper takes in a warm process, stage by stage; the same papers end to end beside
// pooled headless Chromium printing the HTML edition (chromium-race.ts); a fresh `qif-report build` of one paper;
// pdfmake alone on the paper's text and tables, the floor under those two (pdfmake-floor.ts); `build --watch`, the
// paper built again after each save (watch.ts); the bundled agenda pack from a fresh start; then the 32-council pack and 64 papers with 2 workers (packs.ts).
// Ends with the figures beside issue 15's targets. Prints figures; asserts nothing. `--quick` leaves out the
// 32- and 64-paper packs.
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildReportModel } from '../../src/analyse/index.js';
import { loadWorkspace } from '../../src/ingest/index.js';
import { indicatorCharts, loadTemplates, paperDocument, renderPdf, type PaperTemplates } from '../../src/render/index.js';
import { chromiumRace } from './chromium-race.js';
import { freshFolder, freshRun } from './fresh.js';
import { packs } from './packs.js';
import { pdfmakeFloor } from './pdfmake-floor.js';
import { watchRebuilds } from './watch.js';
import { kib, median, ms, seconds, WARM_RUNS, WORKSPACES } from './shared.js';
import { targetTable } from './targets.js';

const COLD_RUNS = 3;
const STAGES = ['ingest', 'analyse', 'charts', 'layout', 'pdf'] as const;
type Times = Record<(typeof STAGES)[number] | 'untagged', number[]>;

/** One paper through every stage, timed; the PDF stage also untagged, first or second by turn, for what tagging costs. */
async function timePaper(workspace: string, templates: PaperTemplates, times: Times, untaggedFirst: boolean): Promise<number> {
  const t0 = performance.now();
  const loaded = await loadWorkspace(workspace);
  const t1 = performance.now();
  const model = buildReportModel(loaded);
  const t2 = performance.now();
  const charts = await indicatorCharts(model, templates.charts, templates.labels, templates.fill);
  const t3 = performance.now();
  const document = paperDocument(model, templates, charts);
  const t4 = performance.now();
  // pdfmake marks up the document it lays out: the untagged one is made apart.
  const plain = paperDocument(model, templates, charts);
  const untagged = async () => {
    const start = performance.now();
    await renderPdf(plain, { tagged: false, fonts: templates.fonts });
    times.untagged.push(performance.now() - start);
  };
  if (untaggedFirst) await untagged();
  const t5 = performance.now();
  const pdf = await renderPdf(document, { fonts: templates.fonts });
  const t6 = performance.now();
  if (!untaggedFirst) await untagged();
  [t1 - t0, t2 - t1, t3 - t2, t4 - t3, t6 - t5].forEach((time, i) => times[STAGES[i]!].push(time));
  return pdf.length;
}

const newTimes = (): Times => ({ ingest: [], analyse: [], charts: [], layout: [], pdf: [], untagged: [] });
const totals = (times: Times) => times.ingest.map((_, i) => STAGES.reduce((sum, stage) => sum + times[stage][i]!, 0));

/** Warm medians a paper, stage by stage; returns Renfrewshire's whole-pipeline median (the paper). */
async function warm(templates: PaperTemplates): Promise<number> {
  const byPaper = new Map(WORKSPACES.map((workspace) => [workspace, newTimes()]));
  let bytes = 0;
  // The first run warms the JIT and the shared fonts and is left out.
  for (let run = 0; run < WARM_RUNS + 1; run++) {
    for (const workspace of WORKSPACES) {
      const times = run === 0 ? newTimes() : byPaper.get(workspace)!;
      bytes = Math.max(bytes, await timePaper(workspace, templates, times, run % 2 === 0));
    }
  }
  console.log(`warm process, ${WARM_RUNS} runs a paper (medians):`);
  for (const [workspace, times] of byPaper) {
    const stages = STAGES.map((stage) => `${stage === 'layout' ? 'templates+markdown' : stage} ${ms(median(times[stage]))}`).join('  ');
    const [tagged, untagged] = [median(times.pdf), median(times.untagged)];
    console.log(`  ${path.basename(workspace)}: ${stages}  total ${ms(median(totals(times)))}; untagged pdf ${ms(untagged)} (tagging ${(((tagged - untagged) / untagged) * 100).toFixed(1)}%)`);
  }
  console.log(`  largest PDF ${kib(bytes)}; this process's RSS now ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`);
  return median(totals(byPaper.get(WORKSPACES[0]!)!));
}

/** A fresh `qif-report build` of Renfrewshire's paper (PDF), COLD_RUNS times: median wall, highest peak. */
function freshBuild(): { wall: number; peakMiB: number } {
  const runs = Array.from({ length: COLD_RUNS }, () => freshRun(['build', WORKSPACES[0]!, '--out', freshFolder()]));
  const figures = { wall: median(runs.map((run) => run.wall)), peakMiB: Math.max(...runs.map((run) => run.peakMiB)) };
  console.log(`fresh process, qif-report build of ${path.basename(WORKSPACES[0]!)} (${COLD_RUNS} runs): median ${seconds(figures.wall)} wall, peak ${figures.peakMiB.toFixed(0)} MiB`);
  return figures;
}

const quick = process.argv.includes('--quick');
const templates = await loadTemplates();
const warmPaper = await warm(templates);
const race = await chromiumRace(templates);
const build = freshBuild();
const floor = await pdfmakeFloor(templates, COLD_RUNS);
await watchRebuilds(WARM_RUNS);
const packFigures = packs({ quick });
console.log(targetTable({ warmPaper, race, build, packs: packFigures, floor }));
