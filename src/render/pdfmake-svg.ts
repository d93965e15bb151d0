/**
 * pdfmake 0.3.11 sizes an SVG given as text by parsing it with xmldoc, twice on every layout pass (once to read
 * its width, height and viewBox, once to write the size it is drawn at), and hands svg-to-pdfkit xmldoc's
 * re-serialisation of it: indented, so each pass parses a longer text than the last. Only the root element's
 * attributes are read or written, so an SVG whose drawing cannot depend on that re-serialisation has them read
 * and written in its text instead, which loses the attributes svg-to-pdfkit never reads (Vega's ARIA roles and
 * labels, classes) on the way, so that it has less to parse; any other SVG goes pdfmake's own way. (xmldoc's parse also refuses text that
 * is not XML; the tool's SVG, Vega's charts and the paper's arrows, always is.)
 */
import { wrapOnce, type Prototype } from './pdfmake-patch.js';

interface Size {
  width?: number;
  height?: number;
}

type MeasureSvg = (this: unknown, svg: unknown) => Size;
type WriteDimensions = (this: unknown, svg: unknown, size: { width: number; height: number }) => unknown;

export function svgSizedInItsText(svgMeasure: Prototype): void {
  wrapOnce<MeasureSvg>(svgMeasure, 'measureSVG', (measure) =>
    function (this: unknown, svg) {
      const root = typeof svg === 'string' && svgRoot(svg);
      return root ? rootSize(root.attributes) : measure.call(this, svg);
    },
  );
  wrapOnce<WriteDimensions>(svgMeasure, 'writeDimensions', (write) =>
    function (this: unknown, svg, size) {
      const root = typeof svg === 'string' && svgRoot(svg);
      return root ? sizedSvg(root, size) : write.call(this, svg, size);
    },
  );
}

/** The root `<svg …>` tag: names and double-quoted values, no entity in them; `rest` starts at its `>` or `/>`. */
const ROOT_TAG = /^<svg((?:\s+[\w:.-]+="[^"&<]*")*)\s*(?=\/?>)/;
const ATTRIBUTE = /\s+([\w:.-]+)="([^"]*)"/g;

export interface SvgRoot {
  attributes: Map<string, string>;
  rest: string;
}

/**
 * The root of an SVG that svg-to-pdfkit draws the same as xmldoc's re-serialisation of it, or undefined. That
 * re-serialisation indents child elements, trims text, and writes entities back as XML's five named ones; these
 * change what is drawn only inside text with child elements (tspan, a link), under xml:space, in a style sheet,
 * for a blank text, or where an entity is not one of the five (svg-to-pdfkit reads more than xmldoc's parser).
 * Vega's charts and the paper's arrows have none of those.
 */
export function svgRoot(svg: string): SvgRoot | undefined {
  const text = svg.trim();
  const root = ROOT_TAG.exec(text);
  if (!root || !drawnAlikeReserialised(text)) return undefined;
  const pairs = [...root[1]!.matchAll(ATTRIBUTE)].map((match) => [match[1]!, match[2]!] as const);
  const attributes = new Map(pairs);
  // A repeated attribute is an error to xmldoc's parser: pdfmake's own way says so.
  if (attributes.size !== pairs.length) return undefined;
  return { attributes, rest: text.slice(root[0].length) };
}

const UNSAFE = /<!|<\?|\r|xml:space|<style|<tspan|<textPath|<a[\s>/]|&(?!(?:amp|lt|gt|quot|apos);)/;
/** A text element not closed at once, nor holding only text with something other than white space in it. */
const MIXED_OR_BLANK_TEXT = /<text(?:\s[^>]*)?(?<!\/)>(?!<\/text>|[^<]*\S[^<]*<\/text>)/;

const drawnAlikeReserialised = (text: string) => !UNSAFE.test(text) && !MIXED_OR_BLANK_TEXT.test(text);

/** pdfmake's reading of the size: the width and height as numbers, else the viewBox's. */
function rootSize(attributes: ReadonlyMap<string, string>): Size {
  let width = number(attributes.get('width'));
  let height = number(attributes.get('height'));
  const viewBox = attributes.get('viewBox');
  if ((width === undefined || height === undefined) && viewBox !== undefined) {
    const parts = viewBox.split(/[,\s]+/);
    if (parts.length !== 4) throw new Error(`Unexpected svg viewBox format, should have 4 entries but found: '${viewBox}'`);
    width ??= number(parts[2]);
    height ??= number(parts[3]);
  }
  return { width, height };
}

function number(text: string | undefined): number | undefined {
  const value = parseFloat(text as string);
  return Number.isNaN(value) ? undefined : value;
}

/**
 * pdfmake's writing of the size: a viewBox of the SVG's own size if it has none, then the drawn width and height;
 * and only the attributes svg-to-pdfkit reads.
 */
export function sizedSvg({ attributes, rest }: SvgRoot, size: { width: number; height: number }): string {
  const written = new Map([...attributes].filter(([name]) => !UNREAD.test(name)));
  if (!written.has('viewBox')) written.set('viewBox', `0 0 ${number(attributes.get('width'))} ${number(attributes.get('height'))}`);
  written.set('width', `${size.width}`).set('height', `${size.height}`);
  return `<svg${[...written].map(([name, value]) => ` ${name}="${value}"`).join('')}${drawnAttributesOnly(rest)}`;
}

/** Attributes svg-to-pdfkit never reads: a class only matches a style sheet, which an SVG sized here has not. */
const UNREAD = /^(?:aria-[\w-]+|role|class|pointer-events)$/;
/** An opening tag whose attributes are all name="value", so each is found where it starts, not inside a value. */
const TAG = /<([\w:.-]+)((?:\s+[\w:.-]+="[^"]*")*)(?=\s*\/?>)/g;
const PAIR = /\s+([\w:.-]+)="[^"]*"/g;

const drawnAttributesOnly = (text: string) =>
  text.replace(TAG, (_tag, name: string, pairs: string) => `<${name}${pairs.replace(PAIR, (pair, attribute: string) => (UNREAD.test(attribute) ? '' : pair))}`);
