import type { Content } from 'pdfmake/interfaces.js';

const ZERO_WIDTH_SPACE = '\u200B';
/** Longer runs than this cannot be trusted to fit a narrow table column. */
const LONGEST_UNBROKEN = 20;
const LONG_RUN = new RegExp(String.raw`[^\s\u200B]{${LONGEST_UNBROKEN + 1},}`, 'g');

/**
 * Lets a long unbroken run of characters — a file name, a reference number — wrap, by placing invisible
 * break opportunities after its punctuation and, failing that, every so many characters. pdfmake never
 * breaks inside a word: it widens the column until the table runs off the page and the text is lost.
 */
export function breakableText(text: string): string {
  return text.replace(LONG_RUN, (run) =>
    run
      .replace(/([_./\\:;,\-–—=&?#+|])(?=[^\s])/g, `$1${ZERO_WIDTH_SPACE}`)
      .split(ZERO_WIDTH_SPACE)
      .map((part) => (part.length > LONGEST_UNBROKEN ? part.replace(new RegExp(`(.{${LONGEST_UNBROKEN}})(?=.)`, 'gu'), `$1${ZERO_WIDTH_SPACE}`) : part))
      .join(ZERO_WIDTH_SPACE),
  );
}

/** A range of figures such as "2018–20": a line may break after a dash, but never inside a range. */
const FIGURE_RANGE = /(\d+[–-]\d+)/;

/** Text with each range of figures kept on one line (pdfmake's `noWrap` on that piece alone). */
export function unbrokenRanges(text: string): string | Content {
  if (!FIGURE_RANGE.test(text)) return text;
  const parts = text.split(FIGURE_RANGE).filter((part) => part !== '');
  return { text: parts.map((part) => (FIGURE_RANGE.test(part) ? { text: part, noWrap: true } : part)) } as Content;
}

type Node = Content | Content[] | string | undefined;

/** The same content with every text made breakable and ranges kept whole; charts (SVG) and styles are left alone. */
export function withBreakableText<T extends Node>(node: T): T {
  if (typeof node === 'string') return unbrokenRanges(breakableText(node)) as T;
  if (Array.isArray(node)) return node.map((item) => withBreakableText(item as Node)) as T;
  if (!node || typeof node !== 'object') return node;
  const copy: Record<string, unknown> = { ...node };
  for (const key of ['text', 'stack', 'columns', 'ul', 'ol'] as const) {
    if (key in copy) copy[key] = withBreakableText(copy[key] as Node);
  }
  // A node's own text that needed ranges kept whole came back as a node: take its pieces.
  if (typeof copy.text === 'object' && copy.text !== null && !Array.isArray(copy.text)) copy.text = (copy.text as { text: unknown }).text;
  if ('table' in copy) {
    const table = copy.table as { body: Node[][] };
    copy.table = { ...table, body: table.body.map((row) => row.map((cell) => withBreakableText(cell))) };
  }
  return copy as T;
}
