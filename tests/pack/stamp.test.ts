// A paper stamped with its own page numbers keeps its structure tree and its metadata exactly as rendered; the
// numbers are pagination artifacts, printed but never read out as part of the paper.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { stampPageNumbers } from '../../src/pack/stamp.js';
import { tempDir } from '../helpers/cli.js';
import { pdfText } from '../helpers/pdf.js';
import { FONT, taggedPdf } from './make-pdfs.js';
import { readStructure, structText, type Structure } from './pdf-structure.js';

describe('stampPageNumbers on a tagged paper', () => {
  let before: string;
  let after: string;
  let source: Structure;
  let stamped: Structure;

  beforeAll(async () => {
    const dir = tempDir();
    before = path.join(dir, 'paper.pdf');
    after = path.join(dir, 'stamped.pdf');
    const pdf = await taggedPdf([{ role: 'H1', text: '1. Purpose' }, { role: 'P', text: '1.1 Why.' }, { newPage: true }, { role: 'H1', text: '2. Findings' }, { link: 'https://www.example.org/', text: 'Read more' }], { pdfua: true });
    writeFileSync(before, pdf);
    const stampedPdf = await stampPageNumbers(pdf, { footer: (page, pages) => `Page ${page} of ${pages}`, fontFile: FONT });
    // The paper above has two pages: one break.
    expect(stampedPdf.pages).toBe(2);
    writeFileSync(after, stampedPdf.pdf);
    [source, stamped] = [readStructure(before), readStructure(after)];
  }, 30_000);

  it('keeps the structure tree, the parent tree keys and the XMP metadata as they were', () => {
    expect(structText(after)).toBe(structText(before));
    expect(source.xmp).toContain('pdfuaid:part');
    expect(stamped.xmp).toBe(source.xmp);
    expect(stamped.parentTreeKeys).toEqual(source.parentTreeKeys);
    expect(stamped.pages.map((page) => [page.structParents, page.mcids, page.tabs])).toEqual(source.pages.map((page) => [page.structParents, page.mcids, page.tabs]));
    expect(stamped.markInfo).toEqual({ '/Marked': true });
    expect(stamped.catalog['/Lang']).toBe('u:en-GB');
  });

  it('prints the numbers as pagination artifacts, outside the tagged text', () => {
    expect(pdfText(after)).toContain('Page 1 of 2');
    expect(pdfText(after)).toContain('Page 2 of 2');
    expect(structText(after)).not.toMatch(/Page \d of 2/);
    expect(stamped.pages.map((page) => page.artifacts)).toEqual([['/Type /Pagination'], ['/Type /Pagination']]);
  });
});
