/**
 * The paper's logical structure, built from the pdfmake content before layout: one tree of structure
 * elements (Document, H1, P, Table, TR, TH, L, LI, Figure, Link …) in reading order, and the same content with
 * each piece of text, each chart, carrying the element it belongs to (`STRUCTURE`). pdfmake copies a piece's own
 * properties onto the laid-out inlines, so the element reaches the place the text is drawn (see draw.ts).
 *
 * Blocks say what a node is with a `tag` property (`'H1'`, `{ role: 'Figure', alt }`, `{ role: 'TH', scope:
 * 'Row' }`); tables, their rows and cells, and lists are known from their shape. Text under no element of its own
 * is a paragraph.
 */
import type { Content } from 'pdfmake/interfaces.js';

/** The property a piece of text, a chart, carries: the structure element it belongs to. */
export const STRUCTURE = 'qifStructure';
/** The property a list item carries: the element of its label ("(a)"), which pdfmake draws apart from it. */
export const LIST_LABEL = 'qifListLabel';

export type Role = 'Document' | 'Sect' | 'Part' | 'H1' | 'H2' | 'P' | 'L' | 'LI' | 'Lbl' | 'LBody' | 'Table' | 'Caption' | 'TR' | 'TH' | 'TD' | 'Figure' | 'Link';

/** What a block says its node is. */
export type Tag = Role | { role: Role; scope?: 'Row' | 'Column'; alt?: string; contents?: string };

export interface TableAttributes {
  Scope?: 'Row' | 'Column';
  ColSpan?: number;
  RowSpan?: number;
}

export interface StructNode {
  role: Role;
  parent?: StructNode;
  children: StructNode[];
  table?: TableAttributes;
  /** A figure's alternative text. */
  alt?: string;
  /** A link's description, for its annotation's /Contents. */
  contents?: string;
}

type Node = Record<string, unknown>;

/** Elements whose text is their own; under any other (Document, Sect, LI, TR …) a text is a paragraph. */
const HOLDS_TEXT = new Set<Role>(['H1', 'H2', 'P', 'Lbl', 'LBody', 'Caption', 'TH', 'TD', 'Link']);

export function element(parent: StructNode | undefined, role: Role, extra: Partial<StructNode> = {}): StructNode {
  const node: StructNode = { role, parent, children: [], ...extra };
  parent?.children.push(node);
  return node;
}

const fromTag = (parent: StructNode, tag: Tag): StructNode =>
  typeof tag === 'string' ? element(parent, tag) : element(parent, tag.role, { ...(tag.scope && { table: { Scope: tag.scope } }), alt: tag.alt, contents: tag.contents });

/** The document's structure and its content with each piece stamped with its element. */
export function structured(content: Content[]): { content: Content[]; root: StructNode } {
  const root = element(undefined, 'Document');
  return { content: siblings(content, root) as Content[], root };
}

function visit(content: unknown, parent: StructNode): unknown {
  if (typeof content === 'string') return { text: stamped(content, textOwner(parent)) };
  if (Array.isArray(content)) return content.map((node) => visit(node, parent));
  const node = content as Node;
  // A caption is a table's (see `siblings`): one with no table after it is a paragraph.
  const tag = node.tag === 'Caption' ? 'P' : (node.tag as Tag | undefined);
  const here = tag ? fromTag(parent, tag) : parent;
  if ('text' in node) return { ...outlined(node), text: stamped(node.text, linked(node, textOwner(here))) };
  if ('table' in node) return tabled(node, here);
  if ('ul' in node || 'ol' in node) return listed(node, here);
  if ('svg' in node || 'image' in node) return here === parent ? node : { ...node, [STRUCTURE]: here };
  const copy: Node = { ...node };
  if (Array.isArray(copy.columns)) copy.columns = siblings(copy.columns as unknown[], here);
  if (Array.isArray(copy.stack)) copy.stack = siblings(copy.stack as unknown[], here, stackedInText(copy.stack as unknown[], here));
  return copy;
}

const isTable = (node: unknown) => typeof node === 'object' && node !== null && 'table' in node;
const isCaption = (node: unknown) => typeof node === 'object' && node !== null && (node as Node).tag === 'Caption';

/**
 * Texts stacked one above another inside a cell or a list item ("+0.3 pp" over "no signal") are read as
 * paragraphs of their own; as runs of the cell's text they would read as one word ("ppno").
 */
const stackedInText = (nodes: unknown[], parent: StructNode): boolean => nodes.length > 1 && HOLDS_TEXT.has(parent.role) && parent.role !== 'P';
const isText = (node: unknown) => typeof node === 'string' || (typeof node === 'object' && node !== null && 'text' in node && !(node as Node).tag);

/**
 * Nodes side by side; a node tagged `Caption` just before a table is that table's caption, inside its Table;
 * with `ownParagraphs`, each untagged text is a paragraph.
 */
function siblings(nodes: unknown[], parent: StructNode, ownParagraphs = false): unknown[] {
  let table: StructNode | undefined;
  return nodes.map((node, index) => {
    if (ownParagraphs && isText(node)) return visit(node, element(parent, 'P'));
    if (isCaption(node) && isTable(nodes[index + 1])) {
      table = element(parent, 'Table');
      return visit({ ...(node as Node), tag: undefined }, element(table, 'Caption'));
    }
    const visited = table && isTable(node) ? tabled(node as Node, table) : visit(node, parent);
    table = undefined;
    return visited;
  });
}

/** pdfmake titles a bookmark with the node's text when it is given no title: once in pieces, it needs one. */
const outlined = (node: Node): Node => (node.outline && node.outlineText === undefined ? { ...node, outlineText: plainText(node.text) } : node);

const textOwner = (parent: StructNode): StructNode => (HOLDS_TEXT.has(parent.role) ? parent : element(parent, 'P'));

/** A node that links somewhere is a Link inside its owner, described by its tag's `contents` or its own text. */
function linked(node: Node, owner: StructNode): StructNode {
  if (node.link === undefined || owner.role === 'Link') return owner;
  const tag = node.tag as Tag | undefined;
  return element(owner, 'Link', { contents: (typeof tag === 'object' && tag.contents) || plainText(node.text) });
}

/** Text as pieces, each carrying its element: a plain string becomes one piece so that it can carry it. */
function stamped(text: unknown, owner: StructNode): unknown[] {
  if (!Array.isArray(text)) return [{ text, [STRUCTURE]: owner }];
  return text.map((piece) => {
    if (typeof piece !== 'object' || piece === null) return { text: piece, [STRUCTURE]: owner };
    const node = piece as Node;
    const own = linked(node, owner);
    return Array.isArray(node.text) ? { ...node, text: stamped(node.text, own) } : { ...node, [STRUCTURE]: own };
  });
}

function plainText(text: unknown): string {
  if (Array.isArray(text)) return text.map(plainText).join('');
  if (typeof text === 'object' && text !== null) return plainText((text as Node).text);
  return text === undefined || text === null ? '' : String(text);
}

/**
 * A table: a row of header cells for each of pdfmake's `headerRows` (their scope is the column), other cells
 * data unless their tag says they head their row. A spanned cell carries its span; the cells it covers, which
 * pdfmake leaves empty, are not cells of the structure.
 */
function tabled(node: Node, table: StructNode): unknown {
  const own = table.role === 'Table' ? table : element(table, 'Table');
  const spec = node.table as { body: unknown[][]; headerRows?: number };
  const covered = new Set<string>();
  const body = spec.body.map((row, r) => {
    const tr = element(own, 'TR');
    return row.map((cell, c) => (covered.has(`${r},${c}`) ? cell : tableCell(cell, tr, r < (spec.headerRows ?? 0), [r, c], covered)));
  });
  return { ...node, table: { ...spec, body } };
}

function tableCell(cell: unknown, row: StructNode, inHeader: boolean, [r, c]: [number, number], covered: Set<string>): unknown {
  const node = (typeof cell === 'object' && cell !== null && !Array.isArray(cell) ? cell : { text: cell ?? '' }) as Node;
  const colSpan = Number(node.colSpan ?? 1);
  const rowSpan = Number(node.rowSpan ?? 1);
  for (let dr = 0; dr < rowSpan; dr += 1) for (let dc = 0; dc < colSpan; dc += 1) if (dr || dc) covered.add(`${r + dr},${c + dc}`);
  // A tag naming a cell's role makes it that cell; any other (a Link) is of what the cell holds.
  const tag = node.tag as Tag | undefined;
  const tagRole = typeof tag === 'object' ? tag.role : tag;
  const cellTag = tagRole === 'TH' || tagRole === 'TD' ? tag : undefined;
  const role = typeof cellTag === 'object' ? cellTag.role : (cellTag ?? (inHeader ? 'TH' : 'TD'));
  const scope = typeof cellTag === 'object' ? cellTag.scope : role === 'TH' ? 'Column' : undefined;
  const own = element(row, role, {
    table: { ...(scope && { Scope: scope }), ...(colSpan > 1 && { ColSpan: colSpan }), ...(rowSpan > 1 && { RowSpan: rowSpan }) },
  });
  const { tag: _tag, ...rest } = node;
  return visit(cellTag ? rest : node, own);
}

/** A list: each item an LI with its label (drawn by pdfmake for lettered lists) and its body. */
function listed(node: Node, parent: StructNode): unknown {
  const list = parent.role === 'L' ? parent : element(parent, 'L');
  const key = 'ol' in node ? 'ol' : 'ul';
  const items = (node[key] as unknown[]).map((item) => {
    const li = element(list, 'LI');
    const label = key === 'ol' ? element(li, 'Lbl') : undefined;
    const body = visit(item, element(li, 'LBody')) as Node;
    return label ? { ...body, [LIST_LABEL]: label } : body;
  });
  return { ...node, [key]: items };
}

declare module 'pdfmake/interfaces.js' {
  /** What a node is in the document's structure (see above), where its shape does not say. */
  interface ContentBase {
    tag?: Tag;
  }
}
