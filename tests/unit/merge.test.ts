import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNull, PDFNumber, PDFRawStream, PDFString, StandardFonts, decodePDFRawStream, degrees, type PDFObject, type PDFRef } from 'pdf-lib';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { mergePack, pageCount, readOutline, type MergeOptions, type PackPart } from '../../src/pack/merge.js';
import { renderPdf } from '../../src/render/pdf.js';
import { tempDir } from '../helpers/cli.js';
import { pdfInfo, pdfPageTexts } from '../helpers/pdf.js';

const FONT = path.join(path.dirname(createRequire(import.meta.url).resolve('pdfmake/package.json')), 'fonts', 'Roboto', 'Roboto-Regular.ttf');
const DATE = new Date('2024-03-05T09:30:00Z');

const OPTIONS: MergeOptions = {
  title: 'Children’s Services Committee – 5 March 2024',
  author: 'Jo Bloggs',
  subject: 'Agenda pack',
  keywords: 'QIF inspection readiness',
  language: 'en-GB',
  date: DATE,
  footer: (page, pages) => `Page ${page} of ${pages}`,
  fontFile: FONT,
};

/** The page furniture of src/render/document.ts: A4, the same margins and the same footer. */
function paperLike(content: Content[]): TDocumentDefinitions {
  return {
    pageSize: 'A4',
    pageMargins: [57, 60, 57, 60],
    info: { creationDate: DATE },
    defaultStyle: { font: 'Roboto', fontSize: 10.5, lineHeight: 1.2 },
    footer: (page: number, pages: number): Content => ({ text: `Page ${page} of ${pages}`, alignment: 'center', fontSize: 8, margin: [0, 24, 0, 0] }),
    content,
  };
}

/** A one-page front sheet whose agenda lines link to the parts as pdfmake does: URI actions `qif-item:…`. */
async function frontSheet(ids = ['paper', 'external']): Promise<Uint8Array> {
  return renderPdf(
    paperLike([
      { text: 'Agenda', fontSize: 15 },
      { text: 'Item 2: Inspection readiness paper', link: `qif-item:${ids[0]}`, margin: [0, 20, 0, 0] },
      { text: 'Item 3: External report', link: `qif-item:${ids[1]}`, margin: [0, 20, 0, 0] },
    ]),
  );
}

/** A three-page pdfmake paper with nested bookmarks and a link to a named destination on its last page. */
async function paper(): Promise<Uint8Array> {
  return renderPdf(
    paperLike([
      { text: '1. Introduction', id: 'intro', outline: true, outlineText: '1. Introduction', outlineExpanded: true },
      { text: 'See the findings', linkToDestination: 'findings' },
      { text: '1.1 Background', outline: true, outlineText: '1.1 Background', outlineParentId: 'intro', pageBreak: 'before' },
      { text: 'Background text.' },
      { text: '2. Findings', id: 'findings', outline: true, outlineText: '2. Findings', pageBreak: 'before' },
      { text: 'Findings text.' },
    ] as Content[]),
  );
}

/**
 * A two-page "external" PDF made by pdf-lib, with its own outline using each kind of destination: an explicit
 * array, a string in the /Names /Dests tree, a name in the catalogue's /Dests under a GoTo action, and a
 * dangling name.
 */
async function external({ rotate = 0 } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const lines = ['External report page one', 'External report page two'];
  const pages = lines.map((line) => {
    const page = doc.addPage([595.28, 841.89]);
    page.drawText(line, { x: 72, y: 700, size: 14, font });
    if (rotate) page.setRotation(degrees(rotate));
    return page;
  });
  const { context } = doc;
  const dest = (page: number, top: number): PDFArray => context.obj([pages[page]!.ref, PDFName.of('XYZ'), PDFNull, top, PDFNull]) as PDFArray;
  doc.catalog.set(PDFName.of('Names'), context.obj({ Dests: context.obj({ Names: [PDFString.of('annex'), dest(1, 800)] }) }));
  doc.catalog.set(PDFName.of('Dests'), context.obj({ table: context.obj({ D: dest(1, 500) }) }));
  const refs = ['root', 'summary', 'annex', 'table', 'broken'].map(() => context.nextRef()) as [PDFRef, PDFRef, PDFRef, PDFRef, PDFRef];
  const [root, summary, annex, table, broken] = refs;
  const item = (title: string, parent: PDFRef, extra: Record<string, PDFObject>): PDFDict => {
    const dict = context.obj({ Title: PDFHexString.fromText(title), Parent: parent });
    for (const [key, value] of Object.entries(extra)) dict.set(PDFName.of(key), value);
    return dict;
  };
  context.assign(root, context.obj({ Type: 'Outlines', First: summary, Last: broken, Count: 4 }));
  context.assign(summary, item('Summary', root, { Next: annex, Dest: dest(0, 841.89) }));
  context.assign(annex, item('Annex – tables', root, { Prev: summary, Next: broken, Dest: PDFString.of('annex'), First: table, Last: table, Count: PDFNumber.of(1) }));
  context.assign(table, item('Annex table', annex, { A: context.obj({ S: 'GoTo', D: PDFName.of('table') }) }));
  context.assign(broken, item('Broken', root, { Prev: annex, Dest: PDFString.of('nowhere') }));
  doc.catalog.set(PDFName.of('Outlines'), root);
  return doc.save();
}

interface QpdfOutline {
  title: string;
  destpageposfrom1: number;
  open: boolean;
  kids: QpdfOutline[];
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** What qpdf reads back: the outline tree, the pages' objects and every object by reference. */
function qpdfJson(file: string): { outlines: QpdfOutline[]; pages: { object: string }[]; objects: Record<string, Json> } {
  const json = JSON.parse(execFileSync('qpdf', ['--json=2', '--json-key=outlines', '--json-key=pages', '--json-key=qpdf', file], { encoding: 'utf8', maxBuffer: 256 << 20 })) as {
    outlines: QpdfOutline[];
    pages: { object: string }[];
    qpdf: [unknown, Record<string, { value?: Json }>];
  };
  const objects: Record<string, Json> = {};
  for (const [key, entry] of Object.entries(json.qpdf[1])) objects[key.replace(/^obj:/, '')] = entry.value ?? null;
  return { outlines: json.outlines, pages: json.pages, objects };
}

const tree = (items: QpdfOutline[]): unknown[] => items.map((item) => (item.kids.length ? [item.title, item.destpageposfrom1, tree(item.kids)] : [item.title, item.destpageposfrom1]));

/** The Link annotations of a page, each with its rectangle and the pack page its /Dest (or GoTo /D) leads to. */
function links(file: string, page: number): { top: number; to: number | undefined; uri: string | undefined }[] {
  const { pages, objects } = qpdfJson(file);
  const resolve = (value: Json): Json => (typeof value === 'string' && / 0 R$/.test(value) ? objects[value]! : value);
  const pageDict = objects[pages[page - 1]!.object] as Record<string, Json>;
  const annots = (resolve(pageDict['/Annots'] ?? []) as Json[]).map((ref) => resolve(ref) as Record<string, Json>);
  return annots
    .filter((annot) => annot['/Subtype'] === '/Link')
    .map((annot) => {
      const action = annot['/A'] ? (resolve(annot['/A']) as Record<string, Json>) : undefined;
      const dest = resolve(annot['/Dest'] ?? action?.['/D'] ?? null);
      const target = Array.isArray(dest) ? pages.findIndex((p) => p.object === dest[0]) : -1;
      const uri = action?.['/URI'];
      return { top: (resolve(annot['/Rect']!) as number[])[3]!, to: target >= 0 ? target + 1 : undefined, uri: typeof uri === 'string' ? uri.replace(/^u:/, '') : undefined };
    })
    .sort((a, b) => b.top - a.top);
}

/** Word boxes as pdftotext sees them, per page (1-based), in the page as displayed. */
function words(file: string, page: number): { text: string; xMin: number; xMax: number; yMin: number; yMax: number; width: number; height: number }[] {
  const html = execFileSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' });
  const size = /<page width="([\d.]+)" height="([\d.]+)"/.exec(html)!;
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    text: m[5]!,
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
    yMax: Number(m[4]),
    width: Number(size[1]),
    height: Number(size[2]),
  }));
}

/** The box around the words of the footer line that starts with "Page". */
function footerLine(file: string, page: number): { centre: number; yMin: number; yMax: number; pageWidth: number; pageHeight: number } {
  const all = words(file, page);
  const start = all.findIndex((word, index) => word.text === 'Page' && all[index + 2]?.text === 'of');
  expect(start, `a "Page N of M" line on page ${page}`).toBeGreaterThanOrEqual(0);
  const line = all.slice(start, start + 4);
  return { centre: (line[0]!.xMin + line[3]!.xMax) / 2, yMin: line[0]!.yMin, yMax: line[0]!.yMax, pageWidth: line[0]!.width, pageHeight: line[0]!.height };
}

function qpdfCheck(file: string): string {
  return execFileSync('qpdf', ['--check', file], { encoding: 'utf8' });
}

describe('mergePack', () => {
  let parts: PackPart[];
  let file: string;
  let result: Awaited<ReturnType<typeof mergePack>>;

  beforeAll(async () => {
    parts = [
      { pdf: await frontSheet(), bookmark: 'Agenda', stamp: false },
      { pdf: await paper(), bookmark: 'Item 2: Inspection readiness – Renfrewshire 2021/22', linkId: 'paper', stamp: false },
      { pdf: await external(), bookmark: 'Item 3: External report', linkId: 'external', stamp: true },
    ];
    result = await mergePack(parts, OPTIONS);
    file = path.join(tempDir(), 'pack.pdf');
    writeFileSync(file, result.pdf);
  }, 30_000);

  it('puts every page of every part in order and says where each part starts', async () => {
    expect(result.pages).toBe(6);
    expect(result.firstPages).toEqual([1, 2, 5]);
    expect(pdfInfo(file)['Pages']).toBe('6');
    const texts = pdfPageTexts(file);
    expect(texts).toHaveLength(6);
    expect(texts[0]).toContain('Item 3: External report');
    expect(texts[1]).toContain('1. Introduction');
    expect(texts[2]).toContain('1.1 Background');
    expect(texts[3]).toContain('2. Findings');
    expect(texts[4]).toContain('External report page one');
    expect(texts[5]).toContain('External report page two');
  });

  it('stamps the pack’s page numbers on the external part only, where the papers carry their footer', () => {
    const texts = pdfPageTexts(file);
    expect(texts[4]).toContain('Page 5 of 6');
    expect(texts[5]).toContain('Page 6 of 6');
    // The pdfmake parts keep their own footers and get no stamp.
    expect(texts[1]).toContain('Page 1 of 3');
    for (const text of texts.slice(0, 4)) expect(text).not.toMatch(/of 6/);
    // Nothing of the external page's own text was lost under the stamp.
    expect(texts[4]!.replace('Page 5 of 6', '').trim()).toBe('External report page one');
  });

  it('places the stamp where pdfmake draws the papers’ footer: centred, 8 pt, the same height', () => {
    const paperFooter = footerLine(file, 2);
    for (const page of [5, 6]) {
      const stamp = footerLine(file, page);
      expect(stamp.centre).toBeCloseTo(stamp.pageWidth / 2, 0);
      expect(stamp.yMin).toBeCloseTo(paperFooter.yMin, 1);
      expect(stamp.yMax - stamp.yMin).toBeCloseTo(paperFooter.yMax - paperFooter.yMin, 1);
    }
    expect(paperFooter.centre).toBeCloseTo(paperFooter.pageWidth / 2, 0);
  });

  it('leaves each part’s page content as it was, the stamp a content stream of its own on top', async () => {
    const streams = (doc: PDFDocument, index: number): PDFRawStream[] => {
      const contents = doc.getPage(index).node.Contents()!;
      return (contents instanceof PDFArray ? contents.asArray() : [contents]).map((ref) => {
        const stream = doc.context.lookup(ref);
        if (!(stream instanceof PDFRawStream)) throw new Error(`page ${index + 1}: contents ${String(ref)} is not a stream`);
        return stream;
      });
    };
    const bytes = (stream: PDFRawStream): Buffer => Buffer.from(stream.getContents());
    const text = (stream: PDFRawStream): string => Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1');
    const merged = await PDFDocument.load(result.pdf);
    for (const [part, first] of [[1, 2], [2, 5]] as const) {
      const source = await PDFDocument.load(parts[part]!.pdf);
      for (let page = 0; page < source.getPageCount(); page += 1) {
        const original = streams(source, page).map(bytes);
        const copied = streams(merged, first - 1 + page);
        if (!parts[part]!.stamp) {
          expect(copied.map(bytes)).toEqual(original);
          continue;
        }
        // q, the page's own streams byte for byte, Q, then the stamp, marked as a pagination artifact.
        expect(copied).toHaveLength(original.length + 3);
        expect(copied.slice(1, -2).map(bytes)).toEqual(original);
        expect(text(copied[0]!).trim()).toBe('q');
        expect(text(copied.at(-2)!).trim()).toBe('Q');
        expect(text(copied.at(-1)!)).toMatch(/^\/Artifact << \/Type \/Pagination >> BDC\nq\nBT\n[^]* 8 Tf\n[^]*Tj\n[^]*ET\nQ\nEMC\n?$/);
      }
    }
  });

  it('builds the outline: a bookmark per part, each part’s own bookmarks beneath it, on the pack’s pages', () => {
    const { outlines } = qpdfJson(file);
    expect(tree(outlines)).toEqual([
      ['Agenda', 1],
      ['Item 2: Inspection readiness – Renfrewshire 2021/22', 2, [['1. Introduction', 2, [['1.1 Background', 3]]], ['2. Findings', 4]]],
      // An item whose destination names nothing leads to the part's first page.
      ['Item 3: External report', 5, [['Summary', 5], ['Annex – tables', 6, [['Annex table', 6]]], ['Broken', 5]]],
    ]);
    // Parts with bookmarks beneath them start closed; an item keeps the open state it had in its own PDF.
    expect(outlines.slice(1).map((item) => item.open)).toEqual([false, false]);
    expect(outlines[1]!.kids[0]!.open).toBe(true);
    expect(outlines[2]!.kids[1]!.open).toBe(true);
  });

  it('counts the outline as the standard says and opens with the bookmarks showing', () => {
    const { objects } = qpdfJson(file);
    const catalogue = objects[(objects['trailer'] as Record<string, string>)['/Root']!] as Record<string, Json>;
    expect(catalogue['/PageMode']).toBe('/UseOutlines');
    const root = objects[catalogue['/Outlines'] as string] as Record<string, Json>;
    expect(root['/Count']).toBe(3); // three closed top-level items
    const item2 = objects[(objects[root['/First'] as string] as Record<string, string>)['/Next']!] as Record<string, Json>;
    expect(item2['/Count']).toBe(-3); // closed: Introduction, Background (Introduction is open) and Findings
  });

  it('turns the front sheet’s qif-item links into jumps to the parts, and named destinations into explicit ones', () => {
    const front = links(file, 1);
    expect(front.length).toBeGreaterThanOrEqual(2);
    expect(front.every((link) => link.uri === undefined)).toBe(true);
    const firstLine = front[0]!.top;
    expect(front.filter((link) => link.top === firstLine).map((link) => link.to)).toEqual(front.filter((link) => link.top === firstLine).map(() => 2));
    expect(new Set(front.filter((link) => link.top !== firstLine).map((link) => link.to))).toEqual(new Set([5]));
    // The paper's "See the findings" linked to a named destination, which the pack has no tree for.
    const inPaper = links(file, 2);
    expect(inPaper.length).toBeGreaterThan(0);
    expect(new Set(inPaper.map((link) => link.to))).toEqual(new Set([4]));
  });

  it('passes qpdf --check', () => {
    expect(qpdfCheck(file)).toMatch(/No syntax or stream encoding errors found/);
    expect(qpdfCheck(file)).not.toMatch(/WARNING/);
  });

  it('sets the pack’s metadata, language and window title', () => {
    const info = Object.fromEntries(
      execFileSync('pdfinfo', ['-isodates', file], { encoding: 'utf8' })
        .split('\n')
        .map((line) => /^([^:]+):\s*(.*)$/.exec(line))
        .filter((match) => match !== null)
        .map((match) => [match[1], match[2]]),
    );
    expect(info).toMatchObject({
      Title: OPTIONS.title,
      Author: 'Jo Bloggs',
      Subject: 'Agenda pack',
      Keywords: 'QIF inspection readiness',
      Creator: 'qif-report',
      Producer: 'qif-report',
      CreationDate: '2024-03-05T09:30:00Z',
      ModDate: '2024-03-05T09:30:00Z',
    });
    const { objects } = qpdfJson(file);
    const trailer = objects['trailer'] as Record<string, Json>;
    const catalogue = objects[trailer['/Root'] as string] as Record<string, Json>;
    expect(catalogue['/Lang']).toBe('u:en-GB');
    const prefs = (typeof catalogue['/ViewerPreferences'] === 'string' ? objects[catalogue['/ViewerPreferences']] : catalogue['/ViewerPreferences']) as Record<string, Json>;
    expect(prefs['/DisplayDocTitle']).toBe(true);
    expect(trailer['/ID']).toHaveLength(2);
  });

  it('gives the same bytes for the same inputs, and different ones for a different date', async () => {
    const again = await mergePack(parts, OPTIONS);
    expect(Buffer.from(again.pdf).equals(Buffer.from(result.pdf))).toBe(true);
    const later = await mergePack(parts, { ...OPTIONS, date: new Date('2024-03-06T00:00:00Z') });
    expect(Buffer.from(later.pdf).equals(Buffer.from(result.pdf))).toBe(false);
  });

  it('refuses a link to an agenda item that is not in the pack, naming it', async () => {
    const bad = [{ ...parts[0]!, pdf: await frontSheet(['paper', 'item-99']) }, parts[1]!, parts[2]!];
    await expect(mergePack(bad, OPTIONS)).rejects.toThrow(/qif-item:item-99/);
  });

  it('refuses two parts with one link id, and an empty pack', async () => {
    await expect(mergePack([parts[1]!, { ...parts[2]!, linkId: 'paper' }], OPTIONS)).rejects.toThrow(/"paper"/);
    await expect(mergePack([], OPTIONS)).rejects.toThrow(/at least one part/);
  });

  it('reads a part’s page count and outline for planning', async () => {
    expect(await pageCount(parts[1]!.pdf)).toBe(3);
    expect(await readOutline(parts[1]!.pdf)).toEqual([
      { title: '1. Introduction', page: 1, depth: 0 },
      { title: '1.1 Background', page: 2, depth: 1 },
      { title: '2. Findings', page: 3, depth: 0 },
    ]);
    expect(await readOutline(parts[2]!.pdf)).toEqual([
      { title: 'Summary', page: 1, depth: 0 },
      { title: 'Annex – tables', page: 2, depth: 0 },
      { title: 'Annex table', page: 2, depth: 1 },
      { title: 'Broken', page: 1, depth: 0 },
    ]);
    expect(await readOutline(result.pdf)).toHaveLength(3 + 3 + 4);
  });
});

describe('mergePack with pages displayed turned', () => {
  it('stamps along the bottom edge as displayed', async () => {
    const { pdf } = await mergePack([{ pdf: await external({ rotate: 90 }), bookmark: 'Landscape annex', stamp: true }], OPTIONS);
    const file = path.join(tempDir(), 'turned.pdf');
    writeFileSync(file, pdf);
    expect(qpdfCheck(file)).toMatch(/No syntax or stream encoding errors found/);
    // pdftotext gives word boxes as displayed but the page's size unturned: displayed, it is 841.89 wide.
    const footer = footerLine(file, 1);
    const [width, height] = [footer.pageHeight, footer.pageWidth];
    expect(footer.centre).toBeCloseTo(width / 2, 0);
    expect(footer.yMin).toBeCloseTo(height - 36, 1); // as on an upright page: the line's top 36 pt above the foot
    expect(pdfPageTexts(file)[0]).toContain('Page 1 of 2');
    expect(pdfPageTexts(file)[1]).toContain('Page 2 of 2');
  });
});

describe('mergePack at agenda-pack scale', () => {
  // How long it takes is the bench's to measure (npm run bench), not a test's: this checks only what it builds.
  it('merges 33 parts of 20 pages into one pack with every page and bookmark in place', { timeout: 60_000 }, async () => {
    const sections: Content[] = Array.from({ length: 20 }, (_, index) => [
      { text: `${index + 1}. Section`, outline: true, outlineText: `${index + 1}. Section`, pageBreak: index > 0 ? 'before' : undefined },
      { text: 'Lorem ipsum dolor sit amet. '.repeat(120) },
    ]).flat() as Content[];
    const part = await renderPdf(paperLike(sections));
    expect(await pageCount(part)).toBe(20);
    const parts = Array.from({ length: 33 }, (_, index): PackPart => ({ pdf: part, bookmark: `Item ${index + 1}`, linkId: String(index + 1), stamp: index % 2 === 0 }));
    const { pages, firstPages, pdf } = await mergePack(parts, OPTIONS);
    expect(pages).toBe(660);
    expect(firstPages[32]).toBe(641);
    expect((await readOutline(pdf)).filter((item) => item.depth === 1)).toHaveLength(660);
  });
});

/** Another service's one-page paper with its own centred "Page 1 of 1" footer, where the papers carry theirs. */
async function externalWithFooter(): Promise<Uint8Array> {
  return renderPdf(paperLike([{ text: 'A report from another service.' }]));
}

/** A copy of `pdf` with active content on its first page: page actions, a JavaScript link, a Launch link, a form field, and one ordinary web link. */
async function withActiveContent(pdf: Uint8Array): Promise<Uint8Array> {
  const document = await PDFDocument.load(pdf);
  const { context } = document;
  const page = document.getPage(0);
  const link = (action: Record<string, PDFObject>) => context.register(context.obj({ Type: 'Annot', Subtype: 'Link', Rect: [57, 700, 200, 712], A: context.obj(action) }));
  page.node.set(PDFName.of('AA'), context.obj({ O: context.obj({ S: 'JavaScript', JS: PDFString.of('app.alert(1)') }) }));
  page.node.set(PDFName.of('Annots'), context.obj([
    link({ S: PDFName.of('JavaScript'), JS: PDFString.of('app.alert(2)') }),
    link({ S: PDFName.of('Launch'), F: PDFString.of('calc.exe') }),
    link({ S: PDFName.of('URI'), URI: PDFString.of('https://www.renfrewshire.gov.uk/') }),
    context.register(context.obj({ Type: 'Annot', Subtype: 'Widget', FT: 'Btn', Rect: [57, 650, 200, 662], T: PDFString.of('Press') })),
  ]));
  return document.save();
}

describe('mergePack with another service’s PDF included', () => {
  let merged: Awaited<ReturnType<typeof mergePack>>;
  let file: string;
  beforeAll(async () => {
    const parts: PackPart[] = [
      { pdf: await frontSheet(['external', 'external']), bookmark: 'Front sheet', stamp: true },
      { pdf: await withActiveContent(await externalWithFooter()), bookmark: 'Item 3: External report', linkId: 'external', stamp: true, included: true },
    ];
    merged = await mergePack(parts, OPTIONS);
    file = path.join(tempDir(), 'pack.pdf');
    writeFileSync(file, merged.pdf);
  });

  it('takes out what could run or open anything, says what, and keeps the ordinary link', async () => {
    expect(merged.removed).toEqual([
      [],
      [
        'page 1: actions run when the page opens or closes',
        'page 1: a JavaScript action on a Link annotation',
        'page 1: a Launch action on a Link annotation',
        'page 1: a form field',
      ],
    ]);
    // Every object of the pack as qpdf reads it (not the raw bytes, where a font's data can hold any letters).
    const objects = execFileSync('qpdf', ['--json', '--json-key=qpdf', file], { encoding: 'utf8', maxBuffer: 64 << 20 });
    for (const active of ['"/JavaScript"', '"/Launch"', '"/Widget"', '"/AA":']) expect(objects, active).not.toContain(active);
    expect(objects).toContain('https://www.renfrewshire.gov.uk/');
  });

  it('never draws the pack’s page number over the page’s own footer: the number goes in a band added below it', () => {
    const words = (page: number) => {
      const xml = execFileSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' });
      return [...xml.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({ box: m.slice(1, 5).map(Number) as [number, number, number, number], text: m[5]! }));
    };
    const page = words(2);
    const own = page.filter((word) => /^(Page|1|of)$/.test(word.text) && word.box[1] < 830).slice(0, 4);
    const stamp = page.filter((word) => /^(Page|2|of)$/.test(word.text) && word.box[1] >= 830);
    expect(own.map((word) => word.text)).toEqual(['Page', '1', 'of', '1']);
    expect(stamp.map((word) => word.text)).toEqual(['Page', '2', 'of', '2']);
    const overlaps = (a: number[], b: number[]) => a[0]! < b[2]! && b[0]! < a[2]! && a[1]! < b[3]! && b[1]! < a[3]!;
    for (const mine of stamp) for (const theirs of own) expect(overlaps(mine.box, theirs.box)).toBe(false);
    expect(pdfInfo(file)['Page size']).toBeDefined();
  });
});
