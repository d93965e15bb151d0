// The HTML's words equal the PDF's, so the two editions never drift (issue 12). For each paper, the word
// sequence a reader gets from the PDF's tagged structure is compared with the one Chromium renders of the
// HTML edition, word for word and in order.
//
// The PDF's side is its logical structure as poppler reads it (`pdfinfo -struct-text`, tests/helpers/structure.ts),
// not the words on its pages. The structure is the document's logical order by construction (PDF/UA: it is
// what a screen reader follows): Table 1 cell by cell, a table's header row once, and nothing of the page
// furniture, which is all drawn as artifacts (src/render/tagging/draw.ts: the running header "committee –
// date", the footer "Page N of M", the draft marker beside the header, the DRAFT watermark, rules and cell
// shading). pdftotext, in either mode, reads what the pages draw: furniture on every page, each table's
// header row again on every page it runs onto (where pages break, not what the paper says), the charts'
// axis labels, and lines of table cells side by side in -layout; taking those out again would mean guessing.
// A Figure's content is not read (readingText skips it: its alternative text stands for it), as the HTML's
// charts are images named by their aria-label; the two editions' chart texts are compared separately.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openFile, troubleLines, useChromium } from '../helpers/browser.js';
import { ROOT } from '../helpers/cli.js';
import { buildPapers, PAPERS, type PaperFiles, type PaperName } from '../helpers/papers.js';
import { pdfPageTexts } from '../helpers/pdf.js';
import { allObjects, readingText, structObjects, structTree } from '../helpers/structure.js';

const browser = useChromium();
let papers: Record<PaperName, PaperFiles>;
/** Each PDF's reading text: pdfinfo -struct-text takes several seconds a paper, so each is read once. */
const pdfReading = new Map<PaperName, string>();

const DRAFT_MARKER = (JSON.parse(readFileSync(path.join(ROOT, 'templates', 'labels.json'), 'utf8')) as { page: { draftMarker: string } }).page.draftMarker;

beforeAll(async () => {
  papers = await buildPapers(['pdf', 'html']);
  const trees = await Promise.all(PAPERS.map((name) => structTree(papers[name]['pdf']!)));
  PAPERS.forEach((name, i) => pdfReading.set(name, readingText(trees[i]!)));
}, 180_000);

/**
 * Words, in order. Whitespace of any kind separates them (a line break in the PDF, a table cell's tab in the
 * HTML's innerText, a no-break space in either). Soft hyphens and zero-width spaces are taken out: they are
 * break opportunities, not letters (the PDF breaks long file names at zero-width spaces, break-long-words.ts),
 * and either edition may carry them where the other has none. Nothing else is changed: dashes, quotes,
 * case and punctuation must be the same characters in both.
 */
function words(text: string): string[] {
  return text.replace(/[\u00AD\u200B]/g, '').split(/\s+/).filter((word) => word !== '');
}

/** Where two word sequences first part, with the words around it in each, or undefined when they are equal. */
function firstDifference(pdf: readonly string[], html: readonly string[], context = 12): string | undefined {
  let at = 0;
  while (at < pdf.length && at < html.length && pdf[at] === html[at]) at++;
  if (at === pdf.length && at === html.length) return undefined;
  const window = (list: readonly string[]) => {
    const before = list.slice(Math.max(0, at - context), at).join(' ');
    const after = list.slice(at + 1, at + 1 + context).join(' ');
    return `${before} ⟦${list[at] ?? '(end)'}⟧ ${after}`.trim();
  };
  return [`the editions part at word ${at + 1} (PDF ${pdf.length} words, HTML ${html.length}):`, `  PDF:  …${window(pdf)}…`, `  HTML: …${window(html)}…`].join('\n');
}

/** What the browser renders of the HTML edition, as a reader of the PDF's structure would get the same paper. */
interface HtmlReading {
  text: string;
  /** The header block's draft marker, if the paper is a draft (the PDF draws its as page furniture). */
  draftMarker: string | undefined;
  /** The charts' names (aria-label), in order. */
  chartNames: string[];
  /** ::marker content of lettered list items not drawn as "(a)", "(b)" … (the normalisation below relies on it). */
  otherMarkers: string[];
}

async function htmlReading(file: string): Promise<HtmlReading> {
  const { page, trouble, close } = await openFile(browser(), file);
  try {
    // The page is changed in place, then read with innerText, which follows the rendering (a table cell, a
    // paragraph, a line break each end a word). No function is named here: tsx would wrap it in a helper the
    // page has not got.
    const reading = await page.evaluate(() => {
      // Only the HTML has these: the figures behind each chart, in a `details` marked html-only.
      for (const element of document.querySelectorAll('.html-only')) element.remove();
      // A chart is an image named by its text alternative, as the PDF's is a Figure with /Alt: its SVG's text
      // (axis labels) is the drawing's, read by neither.
      const chartNames = [...document.querySelectorAll('[role="img"]')].map((image) => image.getAttribute('aria-label') ?? '');
      for (const image of document.querySelectorAll('[role="img"]')) image.replaceChildren();
      // Decoration hidden from assistive technology (the ▲ ▼ beside a signal's word): the PDF draws it as a
      // small vector arrow, an artifact, so neither edition has it as a word.
      for (const element of document.querySelectorAll('[aria-hidden="true"]')) element.remove();
      // A draft says so once, in the header block: the HTML has no pages. The PDF says it in its page furniture,
      // beside the running header on every page; the test below holds the two together.
      const draft = document.querySelector('.paper-header .draft');
      const draftMarker = draft?.textContent ?? undefined;
      draft?.remove();
      // A lettered list's markers are drawn by CSS (::marker "(a) "), not text; the PDF's are text in its Lbl
      // elements. The marker the CSS draws is written in as text, once the CSS is checked to draw that.
      const otherMarkers: string[] = [];
      for (const list of document.querySelectorAll('ol.lettered')) {
        [...list.children].forEach((item, index) => {
          const marker = getComputedStyle(item, '::marker');
          if (marker.content !== '"(" counter(list-item, lower-alpha) ") "' || getComputedStyle(item).listStyleType !== 'lower-alpha') otherMarkers.push(`${marker.content} ${getComputedStyle(item).listStyleType}`);
          item.prepend(`(${String.fromCharCode(97 + index)}) `);
        });
      }
      return { text: document.body.innerText, draftMarker, chartNames, otherMarkers };
    });
    expect(troubleLines(trouble)).toEqual([]);
    return reading;
  } finally {
    await close();
  }
}

describe.each(PAPERS)('the %s paper: the HTML edition says what the PDF says', (name) => {
  let html: HtmlReading;
  beforeAll(async () => {
    html = await htmlReading(papers[name]['html']!);
  }, 60_000);

  it('word for word, in the same order', () => {
    expect(html.otherMarkers).toEqual([]);
    const pdf = words(pdfReading.get(name)!);
    expect(pdf.length).toBeGreaterThan(5000);
    const problem = firstDifference(pdf, words(html.text));
    if (problem) expect.fail(problem);
  });

  it('names its charts with the PDF’s figures’ alternative texts, in the same order', () => {
    const alts = allObjects(structObjects(papers[name]['pdf']!)).filter((element) => element.role === 'Figure').map((figure) => figure.alt);
    expect(alts.length).toBeGreaterThan(0);
    expect(html.chartNames).toEqual(alts);
  });

  it('marks a draft as the PDF does: the PDF on every page, as furniture; the HTML once, in its header block', () => {
    const pages = pdfPageTexts(papers[name]['pdf']!);
    const onEveryPage = pages.every((page) => page.includes(DRAFT_MARKER));
    const onAnyPage = pages.some((page) => page.includes(DRAFT_MARKER));
    expect(onEveryPage).toBe(onAnyPage);
    expect(html.draftMarker).toBe(onEveryPage ? DRAFT_MARKER : undefined);
    // The marker is furniture in the PDF: not in its structure, so not among the words compared above.
    expect(pdfReading.get(name)!).not.toContain(DRAFT_MARKER);
  });
});
