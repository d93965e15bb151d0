// `npm run bench`: how long a paper takes, stage by stage, and the memory it needs; the same papers printed by
// pooled headless Chromium from the HTML edition, beside pdfmake (chromium-race.ts); then the 32-council pack,
// in parallel and on one worker. Prints figures; asserts nothing. `--quick` leaves out the pack.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildReportModel } from '../../src/analyse/index.js';
import { loadWorkspace, readPackFile } from '../../src/ingest/index.js';
import { buildPack, defaultWorkers } from '../../src/pack/index.js';
import { indicatorCharts, loadTemplates, paperDocument, renderPdf, type PaperTemplates } from '../../src/render/index.js';
import { chromiumRace } from './chromium-race.js';
import { kib, median, ms, ROOT, WARM_RUNS, WORKSPACES } from './shared.js';

const COLD_RUNS = 3;

async function warm(templates: PaperTemplates): Promise<void> {
  const times = { ingest: [] as number[], analyse: [] as number[], charts: [] as number[], layout: [] as number[], pdf: [] as number[], untagged: [] as number[] };
  let peakRss = 0;
  let bytes = 0;
  for (let run = 0; run < WARM_RUNS + 1; run++) {
    for (const workspace of WORKSPACES) {
      const t0 = performance.now();
      const loaded = await loadWorkspace(workspace);
      const t1 = performance.now();
      const model = buildReportModel(loaded);
      const t2 = performance.now();
      const charts = await indicatorCharts(model, templates.charts, templates.labels, templates.fill);
      const t2b = performance.now();
      const document = paperDocument(model, templates, charts);
      const t2c = performance.now();
      // The same paper untagged, from its own document (pdfmake marks up the one it lays out), in turn first and
      // second, so neither is favoured: what tagging costs.
      const plain = paperDocument(model, templates, charts);
      const untaggedFirst = run % 2 === 0;
      const u0 = performance.now();
      if (untaggedFirst) await renderPdf(plain, { tagged: false });
      const t3 = performance.now();
      const pdf = await renderPdf(document);
      const t4 = performance.now();
      if (!untaggedFirst) await renderPdf(plain, { tagged: false });
      const t5 = performance.now();
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
      if (run === 0) continue; // the first run warms the JIT and the font cache
      times.ingest.push(t1 - t0);
      times.analyse.push(t2 - t1);
      times.charts.push(t2b - t2);
      times.layout.push(t2c - t2b);
      times.pdf.push(t4 - t3);
      times.untagged.push(untaggedFirst ? t3 - u0 : t5 - t4);
      bytes = Math.max(bytes, pdf.length);
    }
  }
  const total = times.ingest.map((_, i) => times.ingest[i]! + times.analyse[i]! + times.charts[i]! + times.layout[i]! + times.pdf[i]!);
  console.log(`warm process, ${WARM_RUNS} runs × ${WORKSPACES.length} papers (median per paper):`);
  console.log(`  ingest ${ms(median(times.ingest))}  analyse ${ms(median(times.analyse))}  charts ${ms(median(times.charts))}  templates+markdown ${ms(median(times.layout))}  pdf ${ms(median(times.pdf))}  total ${ms(median(total))}`);
  const [tagged, untagged] = [median(times.pdf), median(times.untagged)];
  console.log(`  pdf stage untagged ${ms(untagged)}, tagged ${ms(tagged)}: tagging costs ${(((tagged - untagged) / untagged) * 100).toFixed(1)}%`);
  console.log(`  largest PDF ${kib(bytes)}; peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MiB`);
}

function cold(): void {
  const tsx = path.join(ROOT, 'node_modules', '.bin', 'tsx');
  const main = path.join(ROOT, 'src', 'cli', 'main.ts');
  const walls: number[] = [];
  for (let run = 0; run < COLD_RUNS; run++) {
    const out = mkdtempSync(path.join(tmpdir(), 'qif-bench-'));
    const start = performance.now();
    const result = spawnSync(tsx, [main, 'build', ...WORKSPACES, '--out', out], { encoding: 'utf8' });
    walls.push(performance.now() - start);
    if (result.status !== 0) throw new Error(`build failed: ${result.stderr}`);
  }
  console.log(`fresh process (qif-report build of ${WORKSPACES.length} papers, ${COLD_RUNS} runs): median ${ms(median(walls))}, ${ms(median(walls) / WORKSPACES.length)} per paper`);
}

const templates = await loadTemplates();
await warm(templates);
await chromiumRace(templates);
cold();

/**
 * The 32-council pack from the real LGBF and ScotPHO files: papers per second, the median time a paper
 * takes in its worker, wall time, and peak memory (the process's RSS, worker threads included, sampled).
 */
async function pack(workers: number): Promise<void> {
  const spec = await readPackFile(path.join(ROOT, 'fixtures', 'packs', 'all-councils-2021-22.pack.json'));
  const out = mkdtempSync(path.join(tmpdir(), 'qif-bench-pack-'));
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  const start = performance.now();
  const first = await buildPack(spec, { outDir: out, workers });
  const wall = performance.now() - start;
  const againStart = performance.now();
  const again = await buildPack(spec, { outDir: out, workers });
  const againWall = performance.now() - againStart;
  clearInterval(sampler);
  if (first.failures.length > 0) throw new Error(`the pack failed: ${first.failures.map((f) => f.item).join(', ')}`);
  const papers = first.built;
  const agenda = first.manifest.agendaPack!;
  const size = statSync(path.join(first.folder, agenda.path)).size;
  console.log(`32-council pack, ${workers} worker${workers === 1 ? '' : 's'}: ${papers} papers in ${(wall / 1000).toFixed(1)} s wall, ${(papers / (wall / 1000)).toFixed(2)} papers/s; median ${ms(median(first.buildMilliseconds))} a paper in its worker; peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MiB`);
  console.log(`  agenda pack ${agenda.pages} pages, ${(size / 2 ** 20).toFixed(1)} MiB; re-run with unchanged inputs: ${(againWall / 1000).toFixed(1)} s (${again.reused} reused)`);
}

const jobs = process.argv.includes('--quick') ? [] : [defaultWorkers(), 1];
for (const workers of jobs) await pack(workers);
