/**
 * Where pdfmake draws, the marking: its Renderer's drawing methods wrapped once a process, so that each page
 * item is drawn inside the marked content of its structure element, or as an artifact. A tagged document gets a
 * `Marking` when its pages start to be drawn, and its structure tree when they are all drawn.
 */
import { prototypeOf, wrapOnce, type Prototype } from '../pdfmake-patch.js';
import { endMark, linkAnnotation, markAs, marked, newMarking, type Marking, type PdfKitDocument, type PdfKitRef } from './marked-content.js';
import { LIST_LABEL, STRUCTURE, type StructNode } from './structure.js';
import { noGlyphMappedToZero } from './fonts.js';
import { escapedMetadata } from './xmp.js';
import { writeStructure } from './write-tree.js';

const MARKING = Symbol('the marking of the document being drawn');

/** Page furniture: the running header, "Page N of M" and the draft marker; the watermark. */
const PAGINATION = '/Artifact <</Type /Pagination>> BDC';
const WATERMARK = '/Artifact <</Type /Pagination /Subtype /Watermark>> BDC';

/** Characters that only let a line break (or hyphenate) where they stand: never part of the words read out. */
const INVISIBLE = /[\u200B\u00AD]/g;

type PdfDocument = PdfKitDocument & {
  options: { tagged?: boolean };
  text(text: string, ...rest: unknown[]): unknown;
  opacity(...args: unknown[]): unknown;
  _currentStructureElement?: unknown;
};
interface RendererLike {
  pdfDocument: PdfDocument;
  [MARKING]?: Marking;
}
type Inline = Record<string, unknown>;
interface LineLike {
  inlines: Inline[];
}
interface Drawn {
  x: number;
  y: number;
  _width: number;
  _height: number;
  [STRUCTURE]?: StructNode;
}
type Method<A extends unknown[]> = (this: RendererLike, ...args: A) => unknown;

export function applyTagging(): void {
  const renderer = prototypeOf('Renderer');
  wrapOnce<Method<[unknown]>>(renderer, 'renderPages', (original) => function (pages) {
    if (!this.pdfDocument.options.tagged) return original.call(this, pages);
    const marking = newMarking(this.pdfDocument);
    noGlyphMappedToZero(this.pdfDocument);
    escapedMetadata(this.pdfDocument);
    this[MARKING] = marking;
    const result = original.call(this, pages);
    writeStructure(marking);
    return result;
  }, 'tagging.renderPages');
  wrapOnce<Method<[LineLike, number, number]>>(renderer, 'renderLine', (original) => function (line, x, y) {
    const marking = this[MARKING];
    return marking ? markedLine(marking, this.pdfDocument, line, () => original.call(this, line, x, y)) : original.call(this, line, x, y);
  }, 'tagging.renderLine');
  for (const name of ['renderSVG', 'renderImage']) {
    wrapOnce<Method<[Drawn]>>(renderer, name, (original) => function (item) {
      const marking = this[MARKING];
      if (!marking) return original.call(this, item);
      const node = item[STRUCTURE] ?? null;
      if (node) marking.boxes.set(node, boxOf(item, this.pdfDocument.page.height));
      return marked(marking, node, () => original.call(this, item));
    }, `tagging.${name}`);
  }
  artifactOf(renderer, 'renderVector');
  artifactOf(renderer, 'renderWatermark', WATERMARK);
  labelsOfLists(prototypeOf('DocMeasure'));
}

function artifactOf(renderer: Prototype, name: string, kind?: string): void {
  wrapOnce<Method<unknown[]>>(renderer, name, (original) => function (...args) {
    const marking = this[MARKING];
    return marking ? marked(marking, null, () => original.apply(this, args), kind) : original.apply(this, args);
  }, `tagging.${name}`);
}

/** A picture's box as PDF/UA's Layout attribute wants it: left, bottom, right, top, from the page's foot. */
const boxOf = (item: Drawn, pageHeight: number) => [item.x, pageHeight - item.y - item._height, item.x + item._width, pageHeight - item.y].map((v) => Math.round(v * 100) / 100);

/**
 * A line drawn inline by inline: for each, pdfmake sets its opacity and colour (painting an empty path) and calls
 * pdfkit's `text`. Each inline is drawn inside its element's marked content from its opacity on. Text that is not
 * the paper's — the running header and footer — and a line drawn a second time are artifacts.
 */
function markedLine(marking: Marking, document: PdfDocument, line: LineLike, draw: () => unknown): unknown {
  const repeated = marking.drawn.has(line.inlines);
  marking.drawn.add(line.inlines);
  const { opacity, text } = document;
  let index = 0;
  let node: StructNode | null = null;
  document.opacity = function (this: PdfDocument, ...args: unknown[]) {
    node = repeated ? null : ((line.inlines[index++]?.[STRUCTURE] as StructNode | undefined) ?? null);
    markAs(marking, node, PAGINATION);
    return opacity.apply(this, args);
  };
  document.text = function (this: PdfDocument, words: string, ...rest: unknown[]) {
    if (node?.role === 'Link') this._currentStructureElement = linkTarget(marking, node);
    // A line ended by a line break ("Very good\n2021/22 Q4") ends in no space: one is drawn after it, so the tagged
    // text does not run "good2021/22" together.
    const brokenAfter = line.inlines[index - 1]?.lineEnd === true && !/\s$/.test(words);
    try {
      return text.call(this, words.replace(INVISIBLE, '') + (brokenAfter ? ' ' : ''), ...rest);
    } finally {
      delete this._currentStructureElement;
    }
  };
  try {
    return draw();
  } finally {
    delete (document as Partial<PdfDocument>).text;
    delete (document as Partial<PdfDocument>).opacity;
    endMark(marking);
  }
}

/**
 * What pdfkit takes for the current Link element while it draws a link's text: it hands over the annotation it
 * makes, before writing it, to be given its place in the structure and its description.
 */
const linkTarget = (marking: Marking, node: StructNode) => ({
  dictionary: { data: { S: 'Link' } },
  add: ({ annotationRef }: { annotationRef: PdfKitRef }) => linkAnnotation(marking, node, annotationRef),
});

/** pdfmake builds a lettered list's "(a)" apart from its item: it takes the item's label element with it. */
function labelsOfLists(docMeasure: Prototype): void {
  wrapOnce<(this: unknown, item: Inline, ...rest: unknown[]) => { _inlines?: Inline[] }>(docMeasure, 'buildOrderedMarker', (original) => function (item, ...rest) {
    const marker = original.call(this, item, ...rest);
    const label = item?.[LIST_LABEL];
    if (label && marker._inlines?.[0]) marker._inlines[0][STRUCTURE] = label;
    return marker;
  }, 'tagging.buildOrderedMarker');
}
