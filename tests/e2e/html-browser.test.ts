// The HTML edition (issue 12) in a real browser: Debian's headless Chromium (tests/helpers/browser.ts), every
// page opened from its file with all network blocked. Each paper must pass axe-core's WCAG 2.2 A and AA rules
// in the light and the dark colour scheme, render whole on its own, reflow at 320 CSS px and print to A4; the
// agenda pack's index.html must pass axe and reflow too.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, qifReportAsync, tempDir } from '../helpers/cli.js';
import { accessibilityProblems, narrowScreenProblems, openFile, troubleLines, useChromium } from '../helpers/browser.js';
import { buildPapers, PAPERS, type PaperFiles, type PaperName } from '../helpers/papers.js';

const browser = useChromium();
/** A test's time in the browser: axe's colour-contrast rule alone takes ten seconds or so on a paper. */
const IN_BROWSER = 60_000;
let papers: Record<PaperName, PaperFiles>;
const html = (name: PaperName) => papers[name]['html']!;

/** The meeting's web page the example pack writes. */
let packIndex: string;
const PACK = 'ilcg-2022-11-24';
/** The position statement's HTML edition (model B's fixture). */
let positionPage: string;

beforeAll(async () => {
  const out = tempDir('qif-html-pack-');
  const positionOut = tempDir('qif-html-position-');
  const [built, pack, position] = await Promise.all([
    buildPapers(['html']),
    qifReportAsync(['pack', path.join(FIXTURES, 'packs', `${PACK}.pack.json`), '--out', out]),
    qifReportAsync(['position', path.join(FIXTURES, 'at-risk-of-harm'), '--out', positionOut, '--format', 'html']),
  ]);
  expect(pack.status, pack.stderr).toBe(0);
  expect(position.status, position.stderr).toBe(0);
  papers = built;
  packIndex = path.join(out, PACK, 'index.html');
  positionPage = position.stdout.trim().split('\n').find((line) => line.endsWith('.html'))!;
}, 180_000);

/**
 * Attributes of the page's source that would load something from elsewhere: any URL-bearing attribute whose
 * value is an http(s) or protocol-relative URL, on any element but a link (`a href` is followed only when a
 * reader chooses to), and any `url(` but a `data:` one (the embedded fonts) or `@import` in its style.
 * Namespace declarations (`xmlns`) are names, not loads.
 */
function remoteLoads(source: string): string[] {
  const found: string[] = [];
  for (const tag of source.matchAll(/<([a-zA-Z][\w:-]*)(\s[^>]*)?>/g)) {
    const element = tag[1]!.toLowerCase();
    for (const attribute of (tag[2] ?? '').matchAll(/([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g)) {
      const name = attribute[1]!.toLowerCase();
      const value = (attribute[2] ?? attribute[3] ?? attribute[4] ?? '').trim();
      if (name.startsWith('xmlns') || (element === 'a' && name === 'href')) continue;
      if (/(^|[\s,])(https?:)?\/\//i.test(value)) found.push(`<${element} ${name}="${value}">`);
    }
  }
  for (const style of source.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)) {
    for (const load of style[1]!.matchAll(/url\((?!\s*["']?data:)[^)]*\)|@import[^;]*/g)) found.push(`style: ${load[0]}`);
  }
  return found;
}

describe('the position statement’s HTML edition in Chromium', () => {
  it('has no WCAG 2.2 A or AA violation axe-core finds, in the light colour scheme or the dark', async () => {
    const problems = await accessibilityProblems(browser(), positionPage);
    if (problems.length > 0) expect.fail(`position statement:\n${problems.join('\n')}`);
  }, IN_BROWSER);

  it('renders whole with the network blocked, and reflows at 320 CSS px', async () => {
    const { trouble, close } = await openFile(browser(), positionPage);
    try {
      expect(troubleLines(trouble)).toEqual([]);
    } finally {
      await close();
    }
    expect(remoteLoads(readFileSync(positionPage, 'utf8'))).toEqual([]);
    const { problems } = await narrowScreenProblems(browser(), positionPage);
    if (problems.length > 0) expect.fail(`position statement at 320 px:\n${problems.join('\n')}`);
  }, IN_BROWSER);
});

describe.each(PAPERS)('the %s paper’s HTML edition in Chromium', (name) => {
  it('has no WCAG 2.2 A or AA violation axe-core finds, every figures table opened, in the light colour scheme or the dark', async () => {
    const problems = await accessibilityProblems(browser(), html(name));
    if (problems.length > 0) expect.fail(`${name}:\n${problems.join('\n')}`);
  }, IN_BROWSER);

  it('renders whole with the network blocked: nothing requested, failed, refused by its CSP or logged as an error', async () => {
    const { page, trouble, close } = await openFile(browser(), html(name));
    try {
      const rendered = await page.evaluate(() => ({
        // The one style sheet applies only if its hash matches the CSP's: a refused sheet would leave none.
        styleSheets: document.styleSheets.length,
        rules: document.styleSheets[0]?.cssRules.length ?? 0,
        bodyFont: getComputedStyle(document.body).fontFamily,
        charts: document.querySelectorAll('figure.chart').length,
        drawnCharts: [...document.querySelectorAll('figure.chart [role="img"] > svg')].filter((svg) => svg.getBoundingClientRect().width > 100 && svg.getBoundingClientRect().height > 50).length,
        tables: document.querySelectorAll('table').length,
      }));
      expect(troubleLines(trouble)).toEqual([]);
      expect(rendered.styleSheets).toBe(1);
      expect(rendered.rules).toBeGreaterThan(20);
      expect(rendered.bodyFont).toContain('Roboto');
      expect(rendered.charts).toBeGreaterThan(0);
      expect(rendered.drawnCharts).toBe(rendered.charts);
      expect(rendered.tables).toBeGreaterThan(5);
    } finally {
      await close();
    }
    expect(remoteLoads(readFileSync(html(name), 'utf8'))).toEqual([]);
  }, IN_BROWSER);

  it('reflows at 320 CSS px (a 1280 px window at 400%): nothing reaches past the right edge but what scrolls in a table’s own box, which a keyboard can reach', async () => {
    const { problems, scrollingBoxes } = await narrowScreenProblems(browser(), html(name));
    if (problems.length > 0) expect.fail(`${name} at 320 px:\n${problems.join('\n')}`);
    // The tables do scroll at this width, so the scroll boxes were put to the test.
    expect(scrollingBoxes).toBeGreaterThan(0);
  }, IN_BROWSER);

  it('prints to an A4 PDF: every page A4, as many pages as a paper of its length takes', async () => {
    const { page, trouble, close } = await openFile(browser(), html(name));
    try {
      const pdf = await page.pdf({ format: 'A4', printBackground: true });
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const file = path.join(tempDir('qif-html-print-'), `${name}.pdf`);
      writeFileSync(file, pdf);
      const info = execFileSync('pdfinfo', ['-f', '1', '-l', '1000', file], { encoding: 'utf8' });
      const pages = Number(/^Pages:\s+(\d+)$/m.exec(info)![1]);
      // The PDF edition of these papers runs to 20-odd pages; the printed page sets the same type a little denser.
      expect(pages).toBeGreaterThan(10);
      expect(pages).toBeLessThan(60);
      // A4 is 595.28 × 841.89 pt; Chromium rounds the page to whole device pixels, a point or so over.
      const sizes = [...info.matchAll(/^Page +\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => [Number(m[1]), Number(m[2])]);
      expect(sizes).toHaveLength(pages);
      expect(sizes.filter(([width, height]) => Math.abs(width! - 595.28) > 2 || Math.abs(height! - 841.89) > 2)).toEqual([]);
      // The printed page is the paper, without what only the screen has: the charts' figures tables.
      const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
      expect(text).toContain(await page.locator('.paper-header .council').innerText());
      expect(text).not.toContain(await page.locator('details.figures summary').first().innerText());
      expect(troubleLines(trouble)).toEqual([]);
    } finally {
      await close();
    }
  }, IN_BROWSER);
});

describe('the agenda pack’s index.html in Chromium', () => {
  it('has no WCAG 2.2 A or AA violation axe-core finds, in the light colour scheme or the dark, and loads nothing', async () => {
    const problems = await accessibilityProblems(browser(), packIndex);
    if (problems.length > 0) expect.fail(`index.html:\n${problems.join('\n')}`);
    expect(remoteLoads(readFileSync(packIndex, 'utf8'))).toEqual([]);
  }, IN_BROWSER);

  it('reflows at 320 CSS px (a 1280 px window at 400%)', async () => {
    const { problems } = await narrowScreenProblems(browser(), packIndex);
    if (problems.length > 0) expect.fail(`index.html at 320 px:\n${problems.join('\n')}`);
  }, IN_BROWSER);
});

describe('the checks themselves, on pages made to fail them', () => {
  const page = (body: string, head = '') => {
    const file = path.join(tempDir('qif-html-check-'), 'page.html');
    writeFileSync(file, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title>${head}</head><body>${body}</body></html>`);
    return file;
  };

  it('reflow: finds a box wider than 320 px, a long word, content cut off; not a table in its scroll box, nor visually hidden text', async () => {
    const wide = '<div style="width: 400px">wide</div>';
    const word = `<p>${'x'.repeat(80)}</p>`;
    const cut = `<div style="overflow: hidden; width: 200px"><div style="width: 300px">cut off</div></div>`;
    const fine = `<div class="table-scroll" style="overflow-x: auto"><table style="width: 900px"><tr><td>scrolls</td></tr></table></div><span style="position: absolute; width: 1px; height: 1px; overflow: hidden; white-space: nowrap">${'hidden '.repeat(30)}</span>`;
    const { problems } = await narrowScreenProblems(browser(), page(`${wide}${word}${cut}${fine}`));
    expect(problems.some((line) => line.startsWith('div reaches 408 px'))).toBe(true);
    expect(problems.some((line) => line.startsWith('p has text "xxxx'))).toBe(true);
    expect(problems.some((line) => line.includes('cuts off its content: 300 px wide in 200 px'))).toBe(true);
    expect(problems.filter((line) => /table|hidden/.test(line))).toEqual([]);
    expect(problems.some((line) => line.startsWith('the page scrolls sideways'))).toBe(true);
    expect(await narrowScreenProblems(browser(), page(fine))).toEqual({ problems: [], scrollingBoxes: 1 });
  }, IN_BROWSER);

  it('network and CSP: reports what a page asks for, remote or local, and what its policy refuses', async () => {
    const csp = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data: file:">`;
    const problems = await accessibilityProblems(browser(), page('<img src="https://example.org/a.png" alt="a"><img src="b.png" alt="b"><script>document.title = "ran"</script>', csp));
    expect(problems.some((line) => line.startsWith('CSP violation: script-src-elem: inline'))).toBe(true);
    expect(problems.some((line) => line.startsWith('CSP violation: img-src: https://example.org/a.png'))).toBe(true);
    expect(problems.some((line) => /^blocked request: file:.*\/b\.png$/.test(line))).toBe(true);
    expect(remoteLoads('<img src="https://example.org/a.png"><a href="https://example.org/">a link</a><style>@import "x.css";</style>')).toEqual(['<img src="https://example.org/a.png">', 'style: @import "x.css"']);
    expect(remoteLoads('<style>@font-face { src: url(data:font/woff2;base64,d09G//8=) } p { background: url("https://example.org/a.png") }</style>')).toEqual(['style: url("https://example.org/a.png")']);
  }, IN_BROWSER);
});

