import type { Nodes, RootContent } from 'mdast';
import { toString } from '../vendor/markdown.js';

/** A piece of Markdown a position statement does not take, where it is and what to write instead. */
export interface BlockProblem {
  place: { line: number; column: number };
  reason: string;
  expected: string;
}

/** Blocks and inline marks an answer may use: what both editions lay out as the officer wrote it. */
const BLOCKS = new Set(['paragraph', 'list', 'listItem', 'blockquote']);
const PHRASING = new Set(['text', 'strong', 'emphasis', 'inlineCode', 'break']);

const EXPECTED = 'paragraphs, lists (- or 1.), quotes (>), **bold** and *italic*: README "Writing the position statement"';

/** What each refused kind of Markdown is called in a message. */
const NAMES: Record<string, string> = {
  heading: 'a heading below ##',
  code: 'a code block',
  html: 'HTML',
  thematicBreak: 'a horizontal rule',
  definition: 'a link definition',
  link: 'a link (write the address as text)',
  linkReference: 'a link',
  image: 'an image',
  imageReference: 'an image',
};

/** A paragraph whose every line starts with `|`: a pipe table, which the parser (CommonMark) would read as text. */
const isPipeTable = (node: Nodes) => node.type === 'paragraph' && toString(node).split('\n').every((line) => line.trim().startsWith('|'));

/** Every piece of the answer's Markdown the position statement does not take, first found first. */
export function blockProblems(blocks: readonly RootContent[]): BlockProblem[] {
  const problems: BlockProblem[] = [];
  const visit = (node: Nodes, inline: boolean) => {
    const allowed = inline ? PHRASING.has(node.type) : BLOCKS.has(node.type);
    const place = { line: node.position!.start.line, column: node.position!.start.column };
    if (!allowed) {
      problems.push({ place, reason: `${NAMES[node.type] ?? `Markdown ${node.type}`} is not part of a position statement`, expected: EXPECTED });
      return;
    }
    if (isPipeTable(node)) {
      problems.push({ place, reason: 'a table is not part of a position statement (the facts the tool adds are its tables)', expected: EXPECTED });
      return;
    }
    const children = 'children' in node ? (node.children as Nodes[]) : [];
    for (const child of children) visit(child, inline || node.type === 'paragraph' || PHRASING.has(node.type));
  };
  for (const block of blocks) visit(block, false);
  return problems;
}
