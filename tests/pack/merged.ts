// What the pack's structure tests share: parts made with pdfkit, a merge written to a file and read back with
// qpdf, and the checks every merged pack must pass, written from the standard rather than from src/pack.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFName, type PDFDict, type PDFDocument } from 'pdf-lib';
import { expect } from 'vitest';
import { mergePack, type MergeOptions, type PackPart } from '../../src/pack/merge.js';
import { tempDir } from '../helpers/cli.js';
import { FONT, nestParentTree, type Block } from './make-pdfs.js';
import { readStructure, type Element, type Structure } from './pdf-structure.js';

export const OPTIONS: MergeOptions = {
  title: 'Improving Life Chances Group – 24 November 2022',
  author: 'Renfrewshire Council',
  subject: 'Improving Life Chances Group',
  language: 'en-GB',
  date: new Date('2022-11-24T00:00:00Z'),
  footer: (page, pages) => `Page ${page} of ${pages}`,
  fontFile: FONT,
};

export const FRONT: Block[] = [
  { role: 'H1', text: 'Agenda' },
  { link: 'qif-item:paper', text: 'Item 2: Inspection readiness' },
  { link: 'qif-item:external', text: 'Item 3: Plan progress' },
];
export const PAPER: Block[] = [
  { artifact: 'Renfrewshire Council – 24 November 2022' },
  { role: 'H1', text: '1. Purpose' },
  { role: 'P', text: '1.1 The paper says why.' },
  { newPage: true },
  { artifact: 'Renfrewshire Council – 24 November 2022' },
  { role: 'H1', text: '2. Findings' },
  { role: 'H2', text: 'Strengths' },
  { role: 'P', text: '2.1 Strong partnership working.' },
];
export const EXTERNAL: Block[] = [
  { role: 'H1', text: 'Plan progress report' },
  { link: 'https://www.example.org/plan', text: 'The plan on the web' },
  { newPage: true },
  { role: 'H2', text: 'Progress so far' },
  { role: 'P', text: 'Steady progress.' },
];
export const BOOKMARKS = ['Front sheet and agenda', 'Item 2: Inspection readiness – Renfrewshire 2022/23 Q2', 'Item 3: Children’s services plan: progress report'];

/** The headings each part was made with, in order, straight from the blocks. */
export const headingsOf = (blocks: Block[]) => blocks.flatMap((block) => ('role' in block && block.role !== 'P' ? [`${block.role} ${block.text}`] : []));

/** The parent tree nested, and the pages' tab order left unset, as some producers leave it. */
export function withoutTabs(document: PDFDocument, root: PDFDict | undefined): void {
  nestParentTree(document, root);
  for (const page of document.getPages()) page.node.delete(PDFName.of('Tabs'));
}

export const partsOf = (pack: Structure): Element[] => {
  expect(pack.top.map((element) => element.role)).toEqual(['Document']);
  return pack.top[0]!.kids;
};

export async function merged(parts: PackPart[], name: string): Promise<{ file: string; pack: Structure; pdf: Uint8Array; pdfua: boolean }> {
  const result = await mergePack(parts, OPTIONS);
  const file = path.join(tempDir(), `${name}.pdf`);
  writeFileSync(file, result.pdf);
  return { file, pack: readStructure(file), pdf: result.pdf, pdfua: result.pdfua };
}

/**
 * Every page's /StructParents names an entry of the parent tree, whose array holds, at each MCID the page's
 * content marks, the element that holds that MCID on that page; and nothing else.
 */
export function expectParentTreeResolves(pack: Structure): void {
  for (const [index, page] of pack.pages.entries()) {
    const number = index + 1;
    if (page.mcids.length === 0) continue;
    expect(page.structParents, `page ${number}`).toBeDefined();
    const entry = pack.parentTree.get(page.structParents!);
    expect(Array.isArray(entry), `page ${number}: parent tree entry ${page.structParents}`).toBe(true);
    const array = entry as (string | null)[];
    expect(array.flatMap((ref, mcid) => (ref ? [mcid] : [])).sort((a, b) => a - b), `page ${number}`).toEqual([...page.mcids].sort((a, b) => a - b));
    for (const mcid of page.mcids) {
      const element = pack.elements.get(array[mcid]!);
      expect(element, `page ${number} MCID ${mcid}`).toBeDefined();
      expect(element!.mcids, `page ${number} MCID ${mcid} in ${element!.role}`).toContainEqual({ page: number, mcid });
    }
  }
  const keys = pack.parentTreeKeys;
  expect([...keys].sort((a, b) => a - b)).toEqual(keys);
  expect(new Set(keys).size).toBe(keys.length);
  expect(pack.root!['/ParentTreeNextKey']).toBeGreaterThan(Math.max(...keys));
}

/** Every link annotation's /StructParent names a Link element that holds that annotation. */
export function expectLinksResolve(pack: Structure): number {
  let links = 0;
  for (const page of pack.pages) {
    for (const annot of page.annotations.filter((a) => a.subtype === 'Link')) {
      expect(annot.structParent, `link ${annot.ref}`).toBeDefined();
      const element = pack.elements.get(pack.parentTree.get(annot.structParent!) as string);
      expect(element?.role, `link ${annot.ref}`).toBe('Link');
      expect(element!.objects).toContain(annot.ref);
      links += 1;
    }
    if (page.annotations.length > 0) expect(page.tabs).toBe('/S');
  }
  return links;
}

/** The PDF written to a file, for the tools that read files. */
export async function written(pdf: Uint8Array): Promise<string> {
  const file = path.join(tempDir(), 'source.pdf');
  writeFileSync(file, pdf);
  return file;
}
