/**
 * pdfmake 0.3.11 measures a text node word by word, and for every word it resolves the same 23 style properties
 * through the style stack, although every word of a node carries the node's own style: a tenth of the time a
 * paper takes. `TextInlines.measure` is replaced by one that resolves them once for each run of words whose own
 * style is the same, and otherwise does what pdfmake's does, in the same order (the version is pinned in
 * package.json, so the method replaced is known; the paper's bytes are unchanged).
 */
import { classOf, wrapOnce } from './pdfmake-patch.js';

/** What pdfmake's `measure` resolves and stores on each word after its font, in its order (it reads `lineHeight` and the two `preserve…` too). */
const STORED = ['alignment', 'fontSize', 'fontFeatures', 'characterSpacing', 'color', 'decoration', 'decorationColor', 'decorationStyle', 'decorationThickness', 'background', 'link', 'linkToPage', 'linkToDestination', 'noWrap', 'opacity', 'sup', 'sub'] as const;
const DEFAULTS: Record<(typeof STORED)[number], unknown> = { alignment: 'left', fontSize: 12, fontFeatures: null, characterSpacing: 0, color: 'black', decoration: null, decorationColor: null, decorationStyle: null, decorationThickness: null, background: null, link: null, linkToPage: null, linkToDestination: null, noWrap: null, opacity: 1, sup: false, sub: false };
/** Every property the resolved style depends on, besides the stack: what two words must share to share it. */
const READ = ['font', 'bold', 'italics', ...STORED, 'lineHeight', 'preserveLeadingSpaces', 'preserveTrailingSpaces', 'style', 'section'] as const;

const LEADING = /^(\s)+/g;
const TRAILING = /(\s)+$/g;

type Inline = Record<string, unknown> & { text: string; font: PdfFont; fontSize: number; leadingCut?: number; trailingCut: number; width: number; height: number };
interface PdfFont {
  lineHeight(fontSize: number): number;
}
interface Measurer {
  pdfDocument: { provideFont(font: unknown, bold: unknown, italics: unknown): PdfFont };
  widthOfText(text: string, inline: Inline): number;
}
type Lookup = (item: object, stack: unknown, property: string, defaultValue: unknown) => unknown;

/** What pdfmake's `measure` works out from a word's style, the same for every word that has that style. */
interface Resolved {
  font: PdfFont;
  stored: unknown[];
  lineHeight: number;
  preserveLeadingSpaces: unknown;
  preserveTrailingSpaces: unknown;
}

function resolve(measurer: Measurer, item: object, stack: unknown, lookup: Lookup): Resolved {
  const font = lookup(item, stack, 'font', 'Roboto');
  const bold = lookup(item, stack, 'bold', false);
  const italics = lookup(item, stack, 'italics', false);
  return {
    font: measurer.pdfDocument.provideFont(font, bold, italics),
    stored: STORED.map((property) => lookup(item, stack, property, DEFAULTS[property])),
    lineHeight: lookup(item, stack, 'lineHeight', 1) as number,
    preserveLeadingSpaces: lookup(item, stack, 'preserveLeadingSpaces', false),
    preserveTrailingSpaces: lookup(item, stack, 'preserveTrailingSpaces', false),
  };
}

/** A word's own values of the properties its style depends on, read before `measure` writes over them. */
const ownStyle = (item: Record<string, unknown>, into: unknown[]) => {
  for (let i = 0; i < READ.length; i++) into[i] = item[READ[i]!];
  return into;
};
const sameValues = (a: readonly unknown[], b: readonly unknown[]) => a.every((value, i) => value === b[i]);

/** One word, as pdfmake's `measure` leaves it, from its resolved style. */
function measureWord(measurer: Measurer, item: Inline, resolved: Resolved): void {
  const [alignment, fontSize, fontFeatures, characterSpacing, color, decoration, decorationColor, decorationStyle, decorationThickness, background, link, linkToPage, linkToDestination, noWrap, opacity, sup, sub] = resolved.stored;
  // Named stores, in pdfmake's order: words keep the shape pdfmake gives them, and a store by a computed name is slow.
  item.font = resolved.font;
  item.alignment = alignment;
  item.fontSize = fontSize as number;
  item.fontFeatures = fontFeatures;
  item.characterSpacing = characterSpacing;
  item.color = color;
  item.decoration = decoration;
  item.decorationColor = decorationColor;
  item.decorationStyle = decorationStyle;
  item.decorationThickness = decorationThickness;
  item.background = background;
  item.link = link;
  item.linkToPage = linkToPage;
  item.linkToDestination = linkToDestination;
  item.noWrap = noWrap;
  item.opacity = opacity;
  item.sup = sup;
  item.sub = sub;
  // Font size reduction for superscript and subscript, as pdfmake's.
  if (item.sup || item.sub) item.fontSize *= 0.58;
  item.width = measurer.widthOfText(item.text, item);
  item.height = item.font.lineHeight(item.fontSize) * resolved.lineHeight;
  if (!item.leadingCut) item.leadingCut = 0;
  if (!resolved.preserveLeadingSpaces) {
    const leadingSpaces = item.text.match(LEADING);
    if (leadingSpaces) item.leadingCut += measurer.widthOfText(leadingSpaces[0], item);
  }
  item.trailingCut = 0;
  if (!resolved.preserveTrailingSpaces) {
    const trailingSpaces = item.text.match(TRAILING);
    if (trailingSpaces) item.trailingCut = measurer.widthOfText(trailingSpaces[0], item);
  }
}

function measure(this: Measurer, array: Inline[], stack: unknown, lookup: Lookup): Inline[] {
  if (array.length) {
    const leadingIndent = lookup(array[0]!, stack, 'leadingIndent', 0) as number;
    if (leadingIndent) {
      array[0]!.leadingCut = -leadingIndent;
      array[0]!.leadingIndent = leadingIndent;
    }
  }
  let style: unknown[] = [];
  let next: unknown[] = [];
  let resolved: Resolved | undefined;
  for (const item of array) {
    ownStyle(item, next);
    if (!resolved || !sameValues(next, style)) {
      resolved = resolve(this, item, stack, lookup);
      [style, next] = [next, style];
    }
    measureWord(this, item, resolved);
  }
  return array;
}

export function applyFastMeasure(): void {
  const TextInlines = classOf('TextInlines');
  // Looked up when called, as pdfmake's own does: the style lookups are themselves replaced (pdfmake-styles.ts).
  const StyleContextStack = classOf('StyleContextStack') as unknown as { getStyleProperty: Lookup };
  const lookup: Lookup = (item, stack, property, defaultValue) => StyleContextStack.getStyleProperty(item, stack, property, defaultValue);
  wrapOnce(TextInlines.prototype, 'measure', () =>
    function (this: Measurer, array: Inline[], stack: unknown) {
      return measure.call(this, array, stack, lookup);
    },
  );
}
