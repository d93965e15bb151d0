/**
 * Marked content as the page is drawn: each run of drawn text or chart is marked with the structure element it
 * belongs to (an MCID in the page's entry of the parent tree); everything else — running header, page numbers,
 * watermark, rules, cell shading, a table header repeated on a new page — is an artifact.
 */
import type { StructNode } from './structure.js';

/** The parts of pdfkit's document this module writes through. */
export interface PdfKitRef {
  data: Record<string, unknown>;
  end(): void;
}
export interface PdfKitDocument {
  page: { dictionary: PdfKitRef; structParentTreeKey: number; height: number };
  addContent(operators: string): unknown;
  ref(data?: Record<string, unknown>): PdfKitRef;
  getStructParentTree(): { get(key: number): unknown[]; add(key: number, value: unknown): void };
  getStructTreeRoot(): PdfKitRef;
  createStructParentTreeNextKey(): number;
}

export interface ContentRef {
  page: PdfKitRef;
  mcid: number;
  /** Order of drawing, to place an element's own text among its child elements (see write-tree.ts). */
  order: number;
}

/** What one paper's drawing has marked so far: passed along explicitly, one per document. */
export interface Marking {
  document: PdfKitDocument;
  refs: Map<StructNode, PdfKitRef>;
  contents: Map<StructNode, ContentRef[]>;
  annotations: Map<StructNode, { annotation: PdfKitRef; page: PdfKitRef }[]>;
  /** A figure's box on its page, in PDF coordinates. */
  boxes: Map<StructNode, number[]>;
  /** The inlines of lines already drawn: drawn again, they are a table's header repeated on a new page. */
  drawn: WeakSet<object>;
  order: number;
  /** What is open now: an element, an artifact (null), or nothing (undefined). */
  open: StructNode | null | undefined;
  root?: StructNode;
}

export function newMarking(document: PdfKitDocument): Marking {
  return { document, refs: new Map(), contents: new Map(), annotations: new Map(), boxes: new Map(), drawn: new WeakSet(), order: 0, open: undefined };
}

export function refOf(marking: Marking, node: StructNode): PdfKitRef {
  let ref = marking.refs.get(node);
  if (!ref) {
    ref = marking.document.ref({ Type: 'StructElem', S: node.role });
    marking.refs.set(node, ref);
  }
  return ref;
}

const rootOf = (node: StructNode): StructNode => (node.parent ? rootOf(node.parent) : node);

/** Ends what is open and begins marking for `node` (an artifact when null); nothing when it is already open. */
export function markAs(marking: Marking, node: StructNode | null, artifact = '/Artifact BMC'): void {
  if (marking.open === node) return;
  endMark(marking);
  const { document } = marking;
  if (node === null) {
    document.addContent(artifact);
  } else {
    marking.root ??= rootOf(node);
    const pageEntries = document.getStructParentTree().get(document.page.structParentTreeKey);
    const mcid = pageEntries.length;
    pageEntries.push(refOf(marking, node));
    document.addContent(`/${node.role} <</MCID ${mcid}>> BDC`);
    const contents = marking.contents.get(node) ?? [];
    contents.push({ page: document.page.dictionary, mcid, order: marking.order++ });
    marking.contents.set(node, contents);
  }
  marking.open = node;
}

export function endMark(marking: Marking): void {
  if (marking.open === undefined) return;
  marking.document.addContent('EMC');
  marking.open = undefined;
}

/** Draws `draw` as a whole: an element's content, or an artifact of the given kind. */
export function marked<T>(marking: Marking, node: StructNode | null, draw: () => T, artifact?: string): T {
  markAs(marking, node, artifact);
  try {
    return draw();
  } finally {
    endMark(marking);
  }
}

/** A link annotation pdfkit is making for `node`: it belongs to the Link element and says where it goes. */
export function linkAnnotation(marking: Marking, node: StructNode, annotation: PdfKitRef): void {
  const { document } = marking;
  const key = document.createStructParentTreeNextKey();
  document.getStructParentTree().add(key, refOf(marking, node));
  annotation.data.StructParent = key;
  annotation.data.Contents = new String(node.contents ?? '');
  const list = marking.annotations.get(node) ?? [];
  list.push({ annotation, page: document.page.dictionary });
  marking.annotations.set(node, list);
}
