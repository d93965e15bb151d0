// The two pdfmake fixes (src/render/pdfmake-fixes.ts), each on a document built to show the fault: a PDF is
// rendered, written out and read back with poppler and qpdf, as a reader's viewer would read it.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { describe, expect, it } from 'vitest';
import { keptWithNext } from '../../src/render/keep-with-next.js';
import { renderPdf } from '../../src/render/pdf.js';
import { tempDir } from '../helpers/cli.js';
import { bookmarkLandings } from '../helpers/layout.js';
import { pdfPageTexts } from '../helpers/pdf.js';

const CHART = '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="200"><rect width="400" height="200" fill="#ccc"/></svg>';

/** A block that fills the page down to `height` points, so what follows starts near the foot. */
const filler = (height: number): Content => ({ canvas: [{ type: 'rect', x: 0, y: 0, w: 10, h: height }] });

async function pdfOf(content: Content[]): Promise<string> {
  const document: TDocumentDefinitions = { pageSize: 'A4', pageMargins: [57, 60, 57, 60], defaultStyle: { font: 'Roboto', fontSize: 10.5 }, content };
  const file = path.join(tempDir(), 'test.pdf');
  writeFileSync(file, await renderPdf(document));
  return file;
}

describe('a node kept with what follows it', () => {
  // 640 points of filler leave room on page 1 for a line of text but not for a 200-point chart kept whole.
  const leadIn = (text: string) => ({ text, margin: [0, 4, 0, 4] }) as Content;
  const chart: Content = { svg: CHART, width: 400, unbreakable: true };

  it('moves to the page where what it introduces begins, rather than end its own page', async () => {
    const pages = pdfPageTexts(await pdfOf([filler(640), keptWithNext(leadIn('The gaps are:')), chart]));
    expect(pages).toHaveLength(2);
    expect(pages[0]).not.toContain('The gaps are:');
    expect(pages[1]).toContain('The gaps are:');
  });

  it('is the only thing that moves: an ordinary line stays at the foot of its page', async () => {
    const pages = pdfPageTexts(await pdfOf([filler(640), leadIn('An ordinary line.'), chart]));
    expect(pages[0]).toContain('An ordinary line.');
  });

  it('stays where it is when what follows begins on its page', async () => {
    const pages = pdfPageTexts(await pdfOf([filler(400), keptWithNext(leadIn('The gaps are:')), chart]));
    expect(pages).toHaveLength(1);
  });

  it('stays where it is when it already starts its page: moving it would gain nothing', async () => {
    const tall: Content = { svg: CHART.replace(/200/g, '700'), width: 400, unbreakable: true };
    const pages = pdfPageTexts(await pdfOf([filler(700), { text: '', pageBreak: 'after' }, keptWithNext(leadIn('The gaps are:')), tall]));
    expect(pages.findIndex((page) => page.includes('The gaps are:'))).toBe(1);
  });
});

describe('a bookmark', () => {
  it('lands on its heading: the page’s left edge, the heading line’s top, the reader’s zoom', async () => {
    const file = await pdfOf([filler(300), { text: 'First heading', outline: true }, filler(300), { text: 'Second heading', outline: true, pageBreak: 'before' }]);
    const landings = bookmarkLandings(file);
    expect(landings.map((landing) => [landing.title, landing.page])).toEqual([['First heading', 1], ['Second heading', 2]]);
    for (const landing of landings) {
      expect(landing.left).toBe(0);
      expect(landing.headingTop).toBeDefined();
      expect(Math.abs(landing.destinationTop - landing.headingTop!)).toBeLessThanOrEqual(1);
    }
  });
});
