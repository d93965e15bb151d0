// The agenda pack keeps every part's structure: a Document holding a Part per part in order, each part's own
// elements beneath, a parent tree that leads every page's marked content and every link back to its element, and
// the pack's own page numbers as artifacts. Read back with qpdf and poppler, never with the code under test.
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { mergePack, publishableCopy, type PackPart } from '../../src/pack/merge.js';
import { tempDir } from '../helpers/cli.js';
import { pdfText } from '../helpers/pdf.js';
import { edited, taggedPdf, untaggedPdf, type Block } from './make-pdfs.js';
import { BOOKMARKS, EXTERNAL, expectLinksResolve, expectParentTreeResolves, FRONT, headingsOf, merged, OPTIONS, PAPER, partsOf, withoutTabs, written } from './merged.js';
import { descendants, readStructure, structText, structTextTree, textDescendants, type Structure } from './pdf-structure.js';

describe('mergePack with tagged parts', () => {
  let file: string;
  let pack: Structure;
  let pdf: Uint8Array;
  let pdfua: boolean;
  let parts: PackPart[];

  beforeAll(async () => {
    parts = [
      { pdf: await taggedPdf(FRONT, { pdfua: true }), bookmark: BOOKMARKS[0]!, stamp: true },
      { pdf: await taggedPdf(PAPER, { pdfua: true }), bookmark: BOOKMARKS[1]!, linkId: 'paper', stamp: true },
      // Another service's paper: elements straight under the root, its parent tree nested, as large files have it,
      // and no tab order set on its pages.
      { pdf: await edited(await taggedPdf(EXTERNAL, { document: false, pdfua: true }), withoutTabs),  bookmark: BOOKMARKS[2]!, linkId: 'external', stamp: true, included: true },
    ];
    ({ file, pack, pdf, pdfua } = await merged(parts, 'tagged'));
  }, 30_000);

  it('holds one Document with a Part per part, in order, titled with its bookmark', () => {
    const partElements = partsOf(pack);
    expect(partElements.map((part) => [part.role, part.title])).toEqual(BOOKMARKS.map((title) => ['Part', title]));
    expect(partElements.every((part) => part.parent === pack.top[0]!.ref)).toBe(true);
    expect(pack.top[0]!.parent).toBe(pack.catalog['/StructTreeRoot']);
  });

  it('puts each part’s own elements, with its headings in order, inside its Part, and no Document of its own', () => {
    const partElements = partsOf(pack);
    // pdfinfo prints each element with its words: the headings are read from there, part by part.
    const printed = structTextTree(file);
    expect(printed.map((node) => node.role)).toEqual(['Document']);
    expect(printed[0]!.kids.map((node) => node.role)).toEqual(['Part', 'Part', 'Part']);
    [FRONT, PAPER, EXTERNAL].forEach((blocks, index) => {
      const inside = textDescendants(printed[0]!.kids[index]!);
      expect(inside.filter((node) => /^H\d$/.test(node.role)).map((node) => `${node.role} ${node.text}`), BOOKMARKS[index]).toEqual(headingsOf(blocks));
      expect(descendants(partElements[index]!).some((e) => e.role === 'Document')).toBe(false);
      for (const kid of partElements[index]!.kids) expect(kid.parent).toBe(partElements[index]!.ref);
    });
  });

  it('leads every page’s marked content back to its element through one parent tree', () => {
    expect(pack.pages).toHaveLength(5);
    expect(pack.pages.every((page) => page.mcids.length > 0)).toBe(true);
    expectParentTreeResolves(pack);
  });

  it('leads every link annotation to its Link element, and takes links in structure order', () => {
    // The front sheet's two links, now jumps to the parts, and the other service's link to the web.
    expect(expectLinksResolve(pack)).toBe(3);
  });

  it('stamps "Page N of M" as a pagination artifact: printed, but not in the tagged text', () => {
    const printed = pdfText(file);
    const tagged = structText(file);
    for (let page = 1; page <= 5; page += 1) {
      expect(printed).toContain(`Page ${page} of 5`);
      expect(tagged).not.toContain(`Page ${page} of 5`);
    }
    expect(tagged).not.toContain('Renfrewshire Council – 24 November 2022');
    // The paper's own running header on each of its pages, and the stamp on every page.
    expect(pack.pages.map((page) => page.artifacts.filter((properties) => properties === '/Type /Pagination').length)).toEqual([1, 2, 2, 1, 1]);
    for (const words of ['Agenda', '2.1 Strong partnership working.', 'Steady progress.']) expect(tagged).toContain(words);
  });

  it('marks the pack tagged, in its language, its title shown, and declares PDF/UA-1 in XMP', () => {
    expect(pack.markInfo).toEqual({ '/Marked': true });
    expect(pack.catalog['/Lang']).toBe('u:en-GB');
    expect(execFileSync('qpdf', ['--show-object=trailer', file], { encoding: 'utf8' })).toMatch(/\/Root/);
    expect(pdfua).toBe(true);
    expect(pack.xmp).toContain('<pdfuaid:part>1</pdfuaid:part>');
    expect(pack.xmp).toContain('<rdf:li xml:lang="x-default">Improving Life Chances Group – 24 November 2022</rdf:li>');
    expect(pack.xmp).toContain('<xmp:CreateDate>2022-11-24T00:00:00Z</xmp:CreateDate>');
    expect(pack.xmp).toContain('<dc:creator><rdf:Seq><rdf:li>Renfrewshire Council</rdf:li></rdf:Seq></dc:creator>');
  });

  it('passes qpdf --check, reads in poppler without a complaint, and gives the same bytes for the same parts', async () => {
    expect(execFileSync('qpdf', ['--check', file], { encoding: 'utf8' })).toContain('No syntax or stream encoding errors');
    // Objects numbered without holes (ISO 32000-1 7.5.4), whether each stands alone or in an object stream:
    // poppler rebuilds the cross-reference table when it finds a hole, and complains.
    const entries = execFileSync('qpdf', ['--show-xref', file], { encoding: 'utf8' }).trim().split('\n');
    expect(entries.map((entry) => entry.split(':')[0])).toEqual(entries.map((_, index) => `${index + 1}/0`));
    expect(entries.every((entry) => /: (uncompressed|compressed);/.test(entry))).toBe(true);
    expect(spawnSync('pdftotext', ['-bbox-layout', file, '-'], { encoding: 'utf8' }).stderr).toBe('');
    const again = await mergePack(parts, OPTIONS);
    expect(Buffer.from(again.pdf).equals(Buffer.from(pdf))).toBe(true);
  });
});

describe('mergePack with a tagged PDF that does not declare PDF/UA-1', () => {
  it('keeps its structure, and does not claim PDF/UA for the pack', async () => {
    const unclaimed = await taggedPdf(EXTERNAL);
    const { pack, pdfua } = await merged(
      [
        { pdf: await taggedPdf(FRONT, { pdfua: true }), bookmark: BOOKMARKS[0]!, stamp: true },
        { pdf: await taggedPdf(PAPER, { pdfua: true }), bookmark: BOOKMARKS[1]!, linkId: 'paper', stamp: true },
        { pdf: unclaimed, bookmark: BOOKMARKS[2]!, linkId: 'external', stamp: true, included: true },
      ],
      'unclaimed',
    );
    expect(partsOf(pack).every((part) => part.kids.length > 0)).toBe(true);
    expectParentTreeResolves(pack);
    expect(pdfua).toBe(false);
    expect(pack.xmp).not.toContain('pdfuaid');
  }, 30_000);
});

describe('mergePack with an untagged PDF from another service', () => {
  let pack: Structure;
  let pdfua: boolean;

  beforeAll(async () => {
    const parts: PackPart[] = [
      { pdf: await taggedPdf(FRONT), bookmark: BOOKMARKS[0]!, stamp: true },
      { pdf: await taggedPdf(PAPER), bookmark: BOOKMARKS[1]!, linkId: 'paper', stamp: true },
      { pdf: await untaggedPdf(['Plan progress report', 'No structure here.']), bookmark: BOOKMARKS[2]!, linkId: 'external', stamp: true, included: true },
    ];
    ({ pack, pdfua } = await merged(parts, 'untagged'));
  }, 30_000);

  it('keeps the tagged parts’ structure, gives the untagged one an empty Part, and does not claim PDF/UA', () => {
    const partElements = partsOf(pack);
    expect(partElements.map((part) => [part.title, part.kids.length > 0])).toEqual([[BOOKMARKS[0], true], [BOOKMARKS[1], true], [BOOKMARKS[2], false]]);
    expectParentTreeResolves(pack);
    expect(pack.pages[3]!.structParents).toBeUndefined();
    expect(pdfua).toBe(false);
    expect(pack.xmp).toBeDefined();
    expect(pack.xmp).not.toContain('pdfuaid');
  });
});

describe('a tagged PDF from another service whose link is taken out', () => {
  const blocks: Block[] = [{ role: 'H1', text: 'Report' }, { link: 'file:///C:/Windows/system32/calc.exe', text: 'Open the calculator' }, { link: 'https://www.example.org/', text: 'A safe link' }];
  let source: Uint8Array;
  beforeAll(async () => {
    source = await taggedPdf(blocks);
  });

  /** Both Link elements stay, with their words; only the safe link's annotation, and one entry leading to it. */
  function expectOnlyTheSafeLink(file: string): void {
    const structure = readStructure(file);
    const links = [...structure.elements.values()].filter((element) => element.role === 'Link');
    expect(links).toHaveLength(2);
    const annots = structure.pages[0]!.annotations;
    expect(annots.map((annot) => annot.contents)).toEqual(['A safe link']);
    expect(links.flatMap((link) => link.objects)).toEqual([annots[0]!.ref]);
    expect([...structure.parentTree.values()].filter((value) => typeof value === 'string')).toHaveLength(1);
    expectLinksResolve(structure);
    expect(execFileSync('qpdf', ['--json', '--json-key=qpdf', file], { encoding: 'utf8' })).not.toContain('calc.exe');
    expect(execFileSync('qpdf', ['--check', file], { encoding: 'utf8' })).toContain('No syntax or stream encoding errors');
  }

  it('in the agenda pack: the removed link leaves its Link element and the parent tree', async () => {
    const { file } = await merged([{ pdf: source, bookmark: 'Item 1: Report', stamp: true, included: true }], 'removed');
    expectOnlyTheSafeLink(file);
  }, 30_000);

  it('in the item’s own file: the removed link leaves its Link element and the parent tree', async () => {
    const copy = await publishableCopy(source, source);
    expect(copy.removed).toEqual(['page 1: a link to "file:///C:/Windows/system32/calc.exe" on a Link annotation']);
    const file = path.join(tempDir(), 'own.pdf');
    writeFileSync(file, copy.pdf);
    expectOnlyTheSafeLink(file);
    // The same elements with the same words: only the removed annotation's object line is gone.
    const words = (text: string) => text.split('\n').filter((line) => !/^\s*Object \d+ \d+$/.test(line));
    expect(words(structText(file))).toEqual(words(structText(await written(source))));
  }, 30_000);
});
