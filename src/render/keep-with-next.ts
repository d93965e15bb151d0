import type { Content } from 'pdfmake/interfaces.js';
import { KEEP_WITH_NEXT } from './pdfmake-fixes.js';

type Node = Record<string, unknown>;

/**
 * The node marked to be kept with what follows it (a heading, a table's title, a lead-in line): the node and each
 * piece of its text carry one mark, so the laid-out lines can be traced to the node (see pdfmake-fixes.ts).
 */
export function keptWithNext<T extends Content>(node: T): T {
  const mark = Symbol('kept with what follows');
  return { ...marked(node as unknown as Node, mark), [KEEP_WITH_NEXT]: mark } as unknown as T;
}

function marked(node: Node, mark: symbol): Node {
  const copy: Node = { ...node };
  if (typeof copy.text === 'string') copy.text = [{ text: copy.text, [KEEP_WITH_NEXT]: mark }];
  else if (Array.isArray(copy.text)) copy.text = copy.text.map((piece: unknown) => markedPiece(piece, mark));
  if (Array.isArray(copy.columns)) copy.columns = copy.columns.map((column: unknown) => marked(column as Node, mark));
  if (Array.isArray(copy.stack)) copy.stack = copy.stack.map((item: unknown) => marked(item as Node, mark));
  return copy;
}

/** One piece of a text: a string becomes a marked piece; a piece keeps its own text (nested pieces marked too). */
function markedPiece(piece: unknown, mark: symbol): Node {
  if (typeof piece === 'string') return { text: piece, [KEEP_WITH_NEXT]: mark };
  const node = piece as Node;
  return Array.isArray(node.text) ? { ...marked(node, mark), [KEEP_WITH_NEXT]: mark } : { ...node, [KEEP_WITH_NEXT]: mark };
}

/**
 * A kept node followed by a block that is kept whole anyway (an indicator's charts) joins that block: the two
 * move to a new page together when they must, as pdfmake lays out, with no second layout (pdfmake-fixes.ts).
 */
export function joinedWithWhatFollows(content: readonly Content[]): Content[] {
  const joined: Content[] = [];
  for (const node of content) {
    const previous = joined.at(-1);
    if (previous && (previous as unknown as Node)[KEEP_WITH_NEXT] && (node as unknown as Node).unbreakable) joined[joined.length - 1] = { stack: [previous, node], unbreakable: true };
    else joined.push(node);
  }
  return joined;
}
