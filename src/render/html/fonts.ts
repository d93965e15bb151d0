import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { ElementContent, Root, RootContent } from 'hast';
import { PAPER_FONT, PAPER_FONT_FILES } from '../font-files.js';

/**
 * The page's font, embedded: Roboto, as in the PDF and as the charts were laid out, so a reader without it
 * installed sees the same letters, and a chart's text is not set in a fallback serif. Each face is cut down to
 * the characters the page shows and inlined as a WOFF2 `data:` URL, so the page still makes no request.
 */

export interface PaperFace {
  file: string;
  /** CSS's weights: bold is 700, as `strong`, `th` and headings ask; its file is Roboto Medium, the PDF's bold. */
  weight: 400 | 700;
  style: 'normal' | 'italic';
}

/**
 * All four faces. Which of them a page's text falls in depends on its style sheet (headings bold, `h2` italic,
 * `em` inside `strong`...); a face no text uses costs the page its bytes but a browser never decodes it.
 */
export const PAGE_FONT_FACES: readonly PaperFace[] = [
  { file: PAPER_FONT_FILES.regular, weight: 400, style: 'normal' },
  { file: PAPER_FONT_FILES.bold, weight: 700, style: 'normal' },
  { file: PAPER_FONT_FILES.italic, weight: 400, style: 'italic' },
  { file: PAPER_FONT_FILES.boldItalic, weight: 700, style: 'italic' },
];

/**
 * Kept whatever the page's text: printable ASCII (a lettered list's markers "a." to "z.", the numbers of an
 * ordered one) and the bullet of a `ul`.
 */
const ALWAYS = `${String.fromCharCode(...Array.from({ length: 0x7f - 0x20 }, (_, i) => 0x20 + i))}\u2022`;

/** Elements whose text is not shown in the page's font. */
const UNSHOWN = new Set(['style', 'script', 'title']);

/** Attributes whose value a browser shows in the page's font; an `aria-label` is read, not shown. */
const SHOWN_ATTRIBUTES = ['alt', 'placeholder'] as const;

/** Vega's SVG is XML: its text holds only XML's five named entities and numeric references. */
const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decodeXml = (value: string): string =>
  value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) =>
    name.startsWith('#x') || name.startsWith('#X') ? String.fromCodePoint(parseInt(name.slice(2), 16)) : name.startsWith('#') ? String.fromCodePoint(Number(name.slice(1))) : (XML_ENTITIES[name] ?? entity),
  );

/** The text an SVG draws: the content of its `text` elements (with any `tspan`s), decoded. */
export function svgText(svg: string): string {
  return [...svg.matchAll(/<text\b[^>]*>([\s\S]*?)<\/text>/g)].map((match) => decodeXml(match[1]!.replace(/<[^>]*>/g, ''))).join('');
}

/**
 * Every character the page shows, each once, in code point order (so the same page gives the same fonts):
 * its text, the shown attributes' values, the text of its inline SVG (the only raw nodes: the charts), and
 * the characters kept always.
 */
export function pageCharacters(page: Root): string {
  const found = new Set<number>();
  const add = (value: string) => {
    for (const character of value) found.add(character.codePointAt(0)!);
  };
  const walk = (node: Root | RootContent | ElementContent) => {
    if (node.type === 'text') add(node.value);
    else if (node.type === 'raw') add(svgText(node.value));
    else if (node.type === 'element') {
      if (UNSHOWN.has(node.tagName)) return;
      for (const name of SHOWN_ATTRIBUTES) if (typeof node.properties[name] === 'string') add(node.properties[name]);
    }
    if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(page);
  add(ALWAYS);
  return String.fromCodePoint(...[...found].sort((a, b) => a - b));
}

export interface EmbeddedFace {
  face: PaperFace;
  /** The face cut down to the page's characters, as WOFF2. */
  woff2: Uint8Array;
}

/** The `@font-face` rules for the faces, each font a `data:` URL (allowed by the page's `font-src data:`). */
export function fontFaceCss(faces: readonly EmbeddedFace[]): string {
  return faces
    .map(
      ({ face, woff2 }) =>
        `@font-face { font-family: "${PAPER_FONT}"; font-style: ${face.style}; font-weight: ${face.weight}; ` +
        `src: url(data:font/woff2;base64,${Buffer.from(woff2).toString('base64')}) format("woff2"); }\n`,
    )
    .join('');
}

const fontFiles = new Map<string, Promise<Buffer>>();
const fontFile = (file: string): Promise<Buffer> => {
  if (!fontFiles.has(file)) fontFiles.set(file, readFile(file));
  return fontFiles.get(file)!;
};

/**
 * WOFF2s already made, by the subset they compress: pages mostly come to the same subsets (a pack's worker
 * builds paper after paper), and WOFF2's compression is nearly all the cost. The oldest go first.
 */
const woff2s = new Map<string, Promise<Buffer>>();
const KEEP_WOFF2S = 32;

/**
 * HarfBuzz's subsetter and the WOFF2 compressor (WebAssembly, about 0.7 s to load), loaded by the first page that
 * embeds its fonts: a command that writes no HTML never loads them.
 */
const fontTools = async () => {
  const [{ default: subsetFont }, { convert }] = await Promise.all([import('subset-font'), import('fontverter')]);
  return { subsetFont, convert };
};
type FontTools = Awaited<ReturnType<typeof fontTools>>;

function woff2Of(sfnt: Buffer, { convert }: FontTools): Promise<Buffer> {
  const key = createHash('sha256').update(sfnt).digest('base64');
  let woff2 = woff2s.get(key);
  if (!woff2) {
    // The conversion subset-font itself makes for `targetFormat: 'woff2'`.
    woff2 = convert(sfnt, 'woff2', 'sfnt');
    woff2s.set(key, woff2);
    woff2.catch(() => woff2s.delete(key));
    if (woff2s.size > KEEP_WOFF2S) woff2s.delete(woff2s.keys().next().value!);
  }
  return woff2;
}

/**
 * Each face cut down to the characters (HarfBuzz's subsetter, by subset-font; layout features kept, so
 * kerning, ligatures and tabular figures still work), as WOFF2. The same characters give the same bytes.
 */
export async function subsetFaces(characters: string, faces: readonly PaperFace[] = PAGE_FONT_FACES): Promise<EmbeddedFace[]> {
  const tools = await fontTools();
  const embedded: EmbeddedFace[] = [];
  // One at a time: subset-font and the WOFF2 compressor each do one at a time in any case.
  for (const face of faces) embedded.push({ face, woff2: await woff2Of(await tools.subsetFont(await fontFile(face.file), characters, { targetFormat: 'sfnt' }), tools) });
  return embedded;
}

/**
 * The `@font-face` rules for a page showing these characters (each in code point order, once). Made afresh by
 * `freshFontRules`; a pack keeps those it made in its cache folder (pack/font-cache.ts), so a page showing the
 * same characters as last time makes no font at all.
 */
export type FontRules = (characters: string) => Promise<string>;

export const freshFontRules: FontRules = async (characters) => fontFaceCss(await subsetFaces(characters));

/** The `@font-face` rules a page needs: the four faces, each holding just the characters the page shows. */
export async function pageFontCss(page: Root, rules: FontRules = freshFontRules): Promise<string> {
  return rules(pageCharacters(page));
}
