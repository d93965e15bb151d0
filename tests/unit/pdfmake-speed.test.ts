// The two things done to pdfmake for speed give the bytes pdfmake gives without them:
// - style lookups (src/render/pdfmake-styles.ts) answer as pdfmake 0.3.11's own code answers, checked against a
//   fresh, unpatched copy of its StyleContextStack on generated style sheets, stacks and runs of text;
// - words measured with their style resolved once a run (src/render/pdfmake-measure.ts): the same words as a fresh,
//   unpatched copy of its TextInlines measures them, for generated runs of words, styles and stacks;
// - fonts shared between documents (src/render/pdf-fonts.ts): a PDF drawn after others with the same fonts is
//   byte for byte the PDF drawn alone with fonts of its own;
// - content streams written as strings and made Buffers at the end (src/render/pdfkit-writes.ts): the same
//   document drawn by a fresh, unpatched copy of pdfkit gives the same bytes.
import { createRequire } from 'node:module';
import fc from 'fast-check';
import type PDFKit from 'pdfkit';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { describe, expect, it } from 'vitest';
import { buildReportModel } from '../../src/analyse/index.js';
import { loadWorkspace } from '../../src/ingest/index.js';
import { indicatorCharts, loadTemplates, paperDocument } from '../../src/render/index.js';
import { pdfFonts } from '../../src/render/pdf-fonts.js';
import { renderPdf } from '../../src/render/pdf.js';
import { classOf } from '../../src/render/pdfmake-patch.js';

const require = createRequire(import.meta.url);

type Stack = { push(item: unknown): void; getProperty(property: string): unknown };
type StackClass = (new (styles: object, defaultStyle?: object) => Stack) & {
  getStyleProperty(item: unknown, stack: Stack | undefined, property: string, defaultValue: unknown): unknown;
};

/** A module as published: evaluated afresh, so nothing done to the loaded copy reaches it. */
function pristine<T>(module: string): T {
  const file = require.resolve(module);
  const cached = require.cache[file];
  delete require.cache[file];
  try {
    return require(file) as T;
  } finally {
    if (cached) require.cache[file] = cached;
  }
}

const PROPERTIES = ['font', 'fontSize', 'bold', 'color', 'margin'];
const NAMES = ['a', 'b', 'c', 'd'];
const value = fc.oneof(fc.constant(undefined), fc.constant(null), fc.integer({ min: 0, max: 3 }), fc.constant(false), fc.constant(''));
const properties = fc.dictionary(fc.constantFrom(...PROPERTIES), value, { maxKeys: 3 });
const styleNames = fc.oneof(fc.constant(undefined), fc.constantFrom(...NAMES, 'missing'), fc.array(fc.constantFrom(...NAMES, 'missing'), { maxLength: 3 }));
// Named styles that may extend each other, in chains and in circles.
const styles = fc.dictionary(fc.constantFrom(...NAMES), fc.record({ own: properties, extends: styleNames }), { maxKeys: 4 });
const item = fc.oneof(fc.string({ maxLength: 2 }), fc.record({ own: properties, style: styleNames, section: fc.constantFrom(undefined, true) }));
const level = fc.oneof(fc.constantFrom(...NAMES, 'missing'), properties);

const sheetOf = (generated: Record<string, { own: object; extends: unknown }>) =>
  Object.fromEntries(Object.entries(generated).map(([name, style]) => [name, { ...style.own, ...(style.extends === undefined ? {} : { extends: style.extends }) }]));
const itemOf = (generated: string | { own: object; style: unknown; section?: boolean }) =>
  typeof generated === 'string' ? generated : { ...generated.own, ...(generated.style === undefined ? {} : { style: generated.style }), ...(generated.section ? { section: 'next' } : {}) };

describe('style lookups', () => {
  it('give what pdfmake’s own StyleContextStack gives, for any style sheet, stack and run of text', async () => {
    await renderPdf({ content: ['The patch is in place once a PDF has been drawn.'], defaultStyle: { font: 'Roboto' } });
    const Patched = classOf('StyleContextStack') as unknown as StackClass;
    const Pristine = pristine<{ default: StackClass }>('pdfmake/js/StyleContextStack.js').default;
    expect(Patched.getStyleProperty).not.toBe(Pristine.getStyleProperty);
    fc.assert(
      fc.property(styles, fc.array(level, { maxLength: 5 }), item, properties, fc.constantFrom(...PROPERTIES), (generated, levels, run, defaults, property) => {
        const sheet = sheetOf(generated);
        const stacks = [new Pristine(sheet, defaults), new Patched(sheet, defaults)];
        for (const stack of stacks) for (const one of levels) stack.push(one);
        const [expected, actual] = [Pristine, Patched].map((Class, i) => Class.getStyleProperty(itemOf(run), stacks[i], property, 'default'));
        expect(actual).toEqual(expected);
        expect(stacks[1]!.getProperty(property)).toEqual(stacks[0]!.getProperty(property));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('measuring words', () => {
  type Word = Record<string, unknown> & { text: string };
  type Measure = (this: unknown, words: Word[], stack: Stack) => Word[];
  const MEASURED = ['font', 'bold', 'italics', 'fontSize', 'color', 'sup', 'sub', 'lineHeight', 'characterSpacing', 'preserveLeadingSpaces', 'preserveTrailingSpaces', 'fontFeatures'];
  const measuredValue = fc.oneof(fc.constant(undefined), fc.constant(null), fc.integer({ min: 0, max: 2 }), fc.boolean());
  const ownStyle = fc.dictionary(fc.constantFrom(...MEASURED), measuredValue, { maxKeys: 3 });
  const stackLevel = fc.oneof(fc.constantFrom('a', 'b'), ownStyle);
  // Words share their run's own style, as the words pdfmake splits a node into do; runs may repeat a style.
  const runs = fc.array(fc.record({ style: fc.nat({ max: 2 }), named: fc.constantFrom(undefined, 'a', 'b'), texts: fc.array(fc.constantFrom('word', ' lead', 'trail ', ' both ', 'x', ''), { minLength: 1, maxLength: 4 }) }), { maxLength: 5 });

  /** A document whose fonts measure by size and flags, each font object given once for its name and flags. */
  const measurer = () => {
    const fonts = new Map<string, object>();
    return {
      pdfDocument: {
        provideFont(font: unknown, bold: unknown, italics: unknown) {
          const key = JSON.stringify([font, bold, italics]);
          if (!fonts.has(key)) fonts.set(key, { key, widthOfString: (text: string, size: number, features: unknown) => text.length * Number(size) * (bold ? 0.6 : 0.5) + (features ? 1 : 0), lineHeight: (size: number) => Number(size) * 1.2 });
          return fonts.get(key)!;
        },
      },
    };
  };

  it('gives the words pdfmake’s own measure gives, for any runs of words, styles and stack', async () => {
    await renderPdf({ content: ['The patch is in place once a PDF has been drawn.'], defaultStyle: { font: 'Roboto' } });
    const Patched = classOf('TextInlines') as unknown as { prototype: { measure: Measure; widthOfText: unknown } };
    const Pristine = pristine<{ default: typeof Patched }>('pdfmake/js/TextInlines.js').default;
    expect(Patched.prototype.measure).not.toBe(Pristine.prototype.measure);
    const Stack = classOf('StyleContextStack') as unknown as StackClass;
    const sheet = { a: { fontSize: 2, bold: true }, b: { lineHeight: 2, extends: 'a', preserveTrailingSpaces: true } };
    fc.assert(
      fc.property(fc.array(ownStyle, { minLength: 3, maxLength: 3 }), runs, fc.array(stackLevel, { maxLength: 3 }), fc.integer({ min: 0, max: 2 }), (styles, generated, levels, leadingIndent) => {
        const words = () => generated.flatMap((run) => run.texts.map((text): Word => ({ text, ...styles[run.style], ...(run.named ? { style: run.named } : {}) })));
        const measured = [Pristine, Patched].map((Class) => {
          const stack = new Stack(sheet, { font: 'Roboto', leadingIndent });
          for (const level of levels) stack.push(level);
          const self = Object.assign(measurer(), { widthOfText: Class.prototype.widthOfText });
          // Each measurer has font objects of its own: a word's font is compared by what it was asked for.
          return Class.prototype.measure.call(self, words(), stack).map((word) => ({ ...word, font: (word.font as { key: string }).key }));
        });
        expect(measured[1]).toEqual(measured[0]);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('content streams', () => {
  type Kit = typeof PDFKit;
  /**
   * Text and shapes on two pages, and a stream of strings and binary chunks in turn, by one pdfkit class. (The
   * standard font: an embedded one is also changed by tagging, for .notdef, which the unpatched copy lacks.)
   */
  function draw(PDFKit: Kit): Promise<Buffer> {
    const document = new PDFKit({ info: { CreationDate: new Date(0), ModDate: new Date(0) } });
    const chunks: Buffer[] = [];
    document.on('data', (chunk: Buffer) => chunks.push(chunk));
    const ended = new Promise<Buffer>((resolve) => document.on('end', () => resolve(Buffer.concat(chunks))));
    document.fontSize(11).text('Ready for inspection: 4 of 5 questions, good or better.', 50, 50);
    document.rect(50, 100, 200, 40).fill('#1f4e79');
    document.addPage().text('Page two, 12.5%', 50, 50).moveTo(50, 80).lineTo(250, 80).stroke();
    const mixed = document.ref({});
    for (const chunk of ['first', Buffer.from([0, 1, 2, 255]), 'second', 'third', Buffer.from('binary end')]) mixed.write(chunk);
    mixed.end('last');
    document.end();
    return ended;
  }

  it('are the bytes an unpatched pdfkit writes', async () => {
    await renderPdf({ content: ['The patch is in place once a PDF has been drawn.'], defaultStyle: { font: 'Roboto' } });
    const Patched = Object.getPrototypeOf(classOf('PDFDocument')) as Kit;
    const Pristine = pristine<Kit>('pdfkit');
    const writeOf = (Kit: Kit) => (Object.getPrototypeOf(new Kit({ autoFirstPage: false }).ref({})) as { write: unknown }).write;
    expect(writeOf(Pristine)).not.toBe(writeOf(Patched));
    expect((await draw(Patched)).equals(await draw(Pristine))).toBe(true);
  });
});

describe('fonts shared between PDFs', () => {
  /** A chart whose text opens the italic face before any run of text does. */
  const chartFirst = (): TDocumentDefinitions => ({
    info: { title: 'Chart first', creationDate: new Date(0), modDate: new Date(0) },
    defaultStyle: { font: 'Roboto' },
    content: [
      { svg: '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><text x="4" y="20" font-family="Roboto" font-style="italic">Trend</text></svg>', width: 200 } as Content,
      { text: ['Plain, ', { text: 'italic', italics: true }, ' and ', { text: 'bold.', bold: true }] },
    ],
  });

  it('leave every PDF as it is when drawn alone, whichever is drawn first', async () => {
    const templates = await loadTemplates();
    // A definition a document: pdfmake writes into the one it is given.
    const documents: (() => TDocumentDefinitions)[] = [chartFirst];
    for (const name of ['renfrewshire', 'orkney']) {
      const model = buildReportModel(await loadWorkspace(new URL(`../../fixtures/${name}`, import.meta.url).pathname));
      const charts = await indicatorCharts(model, templates.charts, templates.labels, templates.fill);
      documents.push(() => paperDocument(model, templates, charts));
    }
    const alone: Buffer[] = [];
    for (const document of documents) alone.push(await renderPdf(document()));
    for (const order of [[0, 1, 2], [2, 1, 0]]) {
      const fonts = pdfFonts();
      for (const i of order) expect((await renderPdf(documents[i]!(), { fonts })).equals(alone[i]!)).toBe(true);
      expect(Object.values(fonts.Roboto!).every((source) => source.shared.parsed !== undefined)).toBe(true);
    }
  }, 120_000);
});
