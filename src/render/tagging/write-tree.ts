/**
 * The structure tree written once the pages are drawn: each element with its kids in reading order — child
 * elements, its own marked content, a link's annotation — its table attributes, a figure's alternative text and
 * box. Elements with nothing drawn in them are left out, but for table cells, which keep the table's grid.
 */
import { refOf, type ContentRef, type Marking, type PdfKitRef } from './marked-content.js';
import type { StructNode } from './structure.js';

const KEPT_EMPTY = new Set(['TR', 'TH', 'TD']);

/** The first drawing inside the element, or Infinity when nothing in it was drawn. */
function firstDrawn(marking: Marking, node: StructNode, memo: Map<StructNode, number>): number {
  let first = memo.get(node);
  if (first === undefined) {
    first = Math.min(marking.contents.get(node)?.[0]?.order ?? Infinity, ...node.children.map((child) => firstDrawn(marking, child, memo)));
    memo.set(node, first);
  }
  return first;
}

type Kid = { element: StructNode } | { content: ContentRef };

/** Child elements in the order the structure gives, the element's own content slotted in where it was drawn. */
function kidsInOrder(marking: Marking, node: StructNode, memo: Map<StructNode, number>): Kid[] {
  const own = [...(marking.contents.get(node) ?? [])];
  const kids: Kid[] = [];
  for (const child of node.children) {
    const first = firstDrawn(marking, child, memo);
    if (first === Infinity && !KEPT_EMPTY.has(child.role)) continue;
    while (own.length > 0 && own[0]!.order < first) kids.push({ content: own.shift()! });
    kids.push({ element: child });
  }
  return [...kids, ...own.map((content) => ({ content }))];
}

function attributes(marking: Marking, node: StructNode): Record<string, unknown> | undefined {
  const box = marking.boxes.get(node);
  if (box) return { O: 'Layout', Placement: 'Block', BBox: box };
  const table = node.table ?? {};
  return Object.keys(table).length > 0 ? { O: 'Table', ...table } : undefined;
}

function writeElement(marking: Marking, node: StructNode, parent: PdfKitRef, memo: Map<StructNode, number>): PdfKitRef {
  const ref = refOf(marking, node);
  const kids = kidsInOrder(marking, node, memo);
  const page = kids.find((kid): kid is { content: ContentRef } => 'content' in kid)?.content.page;
  const K: unknown[] = kids.map((kid) =>
    'element' in kid ? writeElement(marking, kid.element, ref, memo) : kid.content.page === page ? kid.content.mcid : { Type: 'MCR', Pg: kid.content.page, MCID: kid.content.mcid },
  );
  for (const { annotation, page: on } of marking.annotations.get(node) ?? []) K.push({ Type: 'OBJR', Obj: annotation, Pg: on });
  Object.assign(ref.data, { P: parent, K, ...(page && { Pg: page }), ...(node.alt && { Alt: new String(node.alt) }) });
  const A = attributes(marking, node);
  if (A) ref.data.A = A;
  ref.end();
  return ref;
}

/** Writes the tree under the catalogue's StructTreeRoot; pdfkit writes the root and the parent tree at the end. */
export function writeStructure(marking: Marking): void {
  if (!marking.root) return;
  const treeRoot = marking.document.getStructTreeRoot();
  treeRoot.data.K = [writeElement(marking, marking.root, treeRoot, new Map())];
}
