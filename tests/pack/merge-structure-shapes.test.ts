// The shapes of structure tree the standard allows that pdfkit never writes, carried into a pack: role maps and
// class maps that clash between parts, a part in another language, forms that hold marked content of their own.
import { PDFArray, PDFDict, PDFName, PDFNumber, type PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { edited, taggedPdf, type Block } from './make-pdfs.js';
import { expectParentTreeResolves, merged, partsOf } from './merged.js';
import { descendants, type Element } from './pdf-structure.js';

describe('mergePack merging role maps', () => {
  it('keeps each part’s custom roles meaning what its own file said', async () => {
    const retyped = (to: string) => (document: PDFDocument, root: PDFDict | undefined) => {
      root!.set(PDFName.of('RoleMap'), document.context.obj({ Heading: to }));
      for (const [, object] of document.context.enumerateIndirectObjects()) {
        if (object instanceof PDFDict && object.get(PDFName.of('S')) === PDFName.of('H1')) object.set(PDFName.of('S'), PDFName.of('Heading'));
      }
    };
    const blocks: Block[] = [{ role: 'H1', text: 'Heading' }, { role: 'P', text: 'Text.' }];
    const { pack } = await merged(
      [
        { pdf: await edited(await taggedPdf(blocks), retyped('H1')), bookmark: 'One', stamp: false },
        { pdf: await edited(await taggedPdf(blocks), retyped('H2')), bookmark: 'Two', stamp: false },
      ],
      'roles',
    );
    expect(pack.root!['/RoleMap']).toEqual({ '/Heading': '/H1' });
    expect(partsOf(pack).map((part) => descendants(part).map((e) => e.role))).toEqual([['Heading', 'P'], ['H2', 'P']]);
  }, 30_000);
});

describe('mergePack with parts that say more about themselves', () => {
  const blocks: Block[] = [{ role: 'H1', text: 'Heading' }, { role: 'P', text: 'Text.' }];

  it('keeps each part’s classes meaning what its own file said, renaming a clash', async () => {
    const classed = (border: number) => (document: PDFDocument, root: PDFDict | undefined) => {
      root!.set(PDFName.of('ClassMap'), document.context.obj({ Boxed: { O: 'Layout', BorderThickness: border } }));
      for (const [, object] of document.context.enumerateIndirectObjects()) {
        if (object instanceof PDFDict && object.get(PDFName.of('S')) === PDFName.of('P')) object.set(PDFName.of('C'), PDFName.of('Boxed'));
      }
    };
    const { pack } = await merged(
      [
        { pdf: await edited(await taggedPdf(blocks), classed(1)), bookmark: 'One', stamp: false },
        { pdf: await edited(await taggedPdf(blocks), classed(3)), bookmark: 'Two', stamp: false },
      ],
      'classes',
    );
    const classMap = pack.root!['/ClassMap'] as Record<string, { '/BorderThickness': number }>;
    const classOf = (part: Element) => descendants(part).filter((e) => e.role === 'P').map((e) => e.classes);
    const [one, two] = partsOf(pack).map(classOf) as [(string | undefined)[], (string | undefined)[]];
    expect(one).toEqual(['/Boxed']);
    expect(two).toHaveLength(1);
    expect(two[0]).not.toBe('/Boxed');
    expect(classMap['/Boxed']!['/BorderThickness']).toBe(1);
    expect(classMap[two[0]!]!['/BorderThickness']).toBe(3);
  }, 30_000);

  it('gives a part in another language than the pack’s its language', async () => {
    const { pack } = await merged(
      [
        { pdf: await taggedPdf(blocks), bookmark: 'English', stamp: false },
        { pdf: await taggedPdf(blocks, { lang: 'gd' }), bookmark: 'Gàidhlig', stamp: false },
      ],
      'languages',
    );
    expect(partsOf(pack).map((part) => [part.title, part.lang])).toEqual([['English', undefined], ['Gàidhlig', 'gd']]);
  }, 30_000);
});

describe('mergePack with a form XObject that holds marked content', () => {
  it('moves the form’s parent-tree key with its part’s, so its content still leads to its element', async () => {
    // A stamp-like form drawn on the page, its content an element of its own (a P), as Acrobat writes forms.
    const withForm = await edited(await taggedPdf([{ role: 'H1', text: 'Report' }]), (document, root) => {
      const { context } = document;
      const page = document.getPage(0);
      const form = context.register(context.stream('/P <</MCID 0>> BDC EMC', { Type: 'XObject', Subtype: 'Form', BBox: [0, 0, 10, 10], StructParents: 5 }));
      page.node.normalizedEntries().XObject.set(PDFName.of('Fm1'), form);
      const documentElement = root!.lookup(PDFName.of('K'), PDFArray).lookup(0, PDFDict);
      const paragraph = context.register(context.obj({ Type: 'StructElem', S: 'P', P: context.getObjectRef(documentElement)!, Pg: page.ref, K: context.obj({ Type: 'MCR', Pg: page.ref, Stm: form, MCID: 0 }) }));
      documentElement.lookup(PDFName.of('K'), PDFArray).push(paragraph);
      root!.lookup(PDFName.of('ParentTree'), PDFDict).lookup(PDFName.of('Nums'), PDFArray).push(PDFNumber.of(5));
      root!.lookup(PDFName.of('ParentTree'), PDFDict).lookup(PDFName.of('Nums'), PDFArray).push(context.obj([paragraph]));
      root!.set(PDFName.of('ParentTreeNextKey'), PDFNumber.of(6));
    });
    const first = await taggedPdf([{ role: 'H1', text: 'First' }, { newPage: true }, { role: 'P', text: 'Second page.' }]);
    const { pack } = await merged([{ pdf: first, bookmark: 'One', stamp: false }, { pdf: withForm, bookmark: 'Two', stamp: false }], 'forms');
    const form = pack.pages[2]!.forms.find((candidate) => candidate.structParents !== undefined)!;
    expect(form).toBeDefined();
    // The first part used keys 0 and 1 (a page each): the second part's keys start at 2, so key 5 is now 7.
    expect(form.structParents).toBe(7);
    const [element] = pack.parentTree.get(7) as string[];
    expect(pack.elements.get(element!)?.role).toBe('P');
    expect(pack.elements.get(element!)?.parent).toBe(partsOf(pack)[1]!.ref);
    expectParentTreeResolves(pack);
  }, 30_000);
});
