// The race of issues 12 and 15: the pdfmake path beside the peer a council's developers would otherwise pick,
// pooled headless Chromium printing the HTML edition to PDF (one browser kept open; a new page a paper, closed
// after, as jsreport's chrome-pool strategy and puppeteer-cluster's page concurrency do). End to end from the
// workspace on both sides: each reads, analyses and draws its charts, then lays out its own edition (pdfmake's
// document; the HTML page, printed by Chromium). Same papers, the first run discarded, medians over the same runs,
// and the path that goes first alternates run by run. Browser launch is timed apart. Prints figures; asserts nothing.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { PDFDocument, PDFName } from 'pdf-lib';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { buildReportModel } from '../../src/analyse/index.js';
import { loadWorkspace } from '../../src/ingest/index.js';
import type { ReportModel } from '../../src/model/index.js';
import { paperHtml } from '../../src/render/html/index.js';
import { indicatorCharts, paperDocument, renderPdf, type PaperTemplates, type RenderedChart } from '../../src/render/index.js';
import { CHROMIUM_PATH as CHROMIUM } from '../helpers/browser.js';
import { kib, median, ms, WARM_RUNS, WORKSPACES } from './shared.js';


interface Paper {
  name: string;
  workspace: string;
}

/** A paper read, analysed and its charts drawn: what both editions start from. */
interface Prepared {
  model: ReportModel;
  charts: ReadonlyMap<string, RenderedChart[]>;
}

/** One way from a paper's workspace to PDF bytes. */
interface Printer {
  label: string;
  print: (paper: Paper) => Promise<Uint8Array>;
}

/** Each printer's times (ms, a paper a run, the warm-up left out) and the PDF it last made of each paper. */
interface Race {
  times: number[][];
  pdfs: Uint8Array[][];
}

/** The medians a paper, end to end, of pdfmake and of Chromium; undefined when there is no browser to race. */
export async function chromiumRace(templates: PaperTemplates): Promise<{ pdfmake: number; chromium: number } | undefined> {
  const launched = await launch();
  if (typeof launched === 'string') {
    console.log(`pdfmake vs pooled headless Chromium: race skipped, ${launched}`);
    return undefined;
  }
  const { browser, context, launchMs } = launched;
  try {
    const papers = WORKSPACES.map((workspace) => ({ name: path.basename(workspace), workspace }));
    const printers = [pdfmakePrinter(templates), chromiumPrinter(context, templates)];
    const race = await runRace(papers, printers);
    await report(browser, launchMs, papers, printers, race);
    const [pdfmake, chromium] = race.times.map(median) as [number, number];
    return { pdfmake, chromium };
  } finally {
    await browser.close();
  }
}

/** The one browser of the pool and its context, or why there is none. */
async function launch(): Promise<{ browser: Browser; context: BrowserContext; launchMs: number } | string> {
  if (!existsSync(CHROMIUM)) return `no browser at ${CHROMIUM}`;
  const start = performance.now();
  try {
    const browser = await chromium.launch({ executablePath: CHROMIUM });
    const context = await browser.newContext();
    return { browser, context, launchMs: performance.now() - start };
  } catch (error) {
    return `${CHROMIUM} did not start: ${String(error instanceof Error ? error.message : error).split('\n')[0]}`;
  }
}

async function prepare(paper: Paper, templates: PaperTemplates): Promise<Prepared> {
  const model = buildReportModel(await loadWorkspace(paper.workspace));
  return { model, charts: await indicatorCharts(model, templates.charts, templates.labels, templates.fill) };
}

function pdfmakePrinter(templates: PaperTemplates): Printer {
  return {
    label: 'pdfmake (read, analyse, charts, paperDocument + renderPdf, tagged)',
    print: async (paper) => {
      const { model, charts } = await prepare(paper, templates);
      return renderPdf(paperDocument(model, templates, charts), { fonts: templates.fonts });
    },
  };
}

function chromiumPrinter(context: BrowserContext, templates: PaperTemplates): Printer {
  return {
    label: 'Chromium (read, analyse, charts, paperHtml + newPage + setContent + page.pdf tagged + close)',
    print: async (paper) => {
      const { model, charts } = await prepare(paper, templates);
      const page = await context.newPage();
      try {
        await page.setContent(await paperHtml(model, templates, charts), { waitUntil: 'load' });
        return await page.pdf({ format: 'A4', printBackground: true, tagged: true });
      } finally {
        await page.close();
      }
    },
  };
}

async function runRace(papers: Paper[], printers: Printer[]): Promise<Race> {
  const race: Race = { times: printers.map(() => []), pdfs: printers.map(() => []) };
  for (let run = 0; run < WARM_RUNS + 1; run++) {
    const order = run % 2 === 0 ? printers.map((_, i) => i) : printers.map((_, i) => i).reverse();
    for (const [p, paper] of papers.entries()) {
      for (const i of order) {
        const start = performance.now();
        const pdf = await printers[i]!.print(paper);
        if (run > 0) race.times[i]!.push(performance.now() - start);
        race.pdfs[i]![p] = pdf;
      }
    }
  }
  return race;
}

async function report(browser: Browser, launchMs: number, papers: Paper[], printers: Printer[], race: Race): Promise<void> {
  const [pdfmake, chrome] = race.times.map(median) as [number, number];
  console.log(`pdfmake vs pooled headless Chromium ${browser.version()}, end to end, ${WARM_RUNS} runs × ${papers.length} papers, order alternated (median per paper):`);
  console.log(`  one browser kept open, a new page a paper; launch ${ms(launchMs)}, not counted`);
  printers.forEach((printer, i) => console.log(`  ${printer.label}: ${ms(median(race.times[i]!))}`));
  console.log(`  Chromium / pdfmake = ${(chrome / pdfmake).toFixed(1)}×`);
  for (const [p, paper] of papers.entries()) {
    const [made, printed] = await Promise.all(race.pdfs.map((pdfs) => describePdf(pdfs[p]!)));
    console.log(`  ${paper.name}: pdfmake ${made}; Chromium ${printed}`);
  }
}

/** Size, pages, and whether the catalogue has a structure tree and says it is marked. */
async function describePdf(bytes: Uint8Array): Promise<string> {
  const document = await PDFDocument.load(bytes, { updateMetadata: false });
  const structure = document.catalog.has(PDFName.of('StructTreeRoot'));
  const marked = String(document.catalog.lookup(PDFName.of('MarkInfo'))).includes('/Marked true');
  const tagged = structure && marked ? 'tagged' : structure || marked ? 'partly tagged' : 'untagged';
  return `${kib(bytes.length)}, ${document.getPageCount()} pages, ${tagged}`;
}
