import { PDFArray, PDFBool, PDFDict, PDFName, PDFNumber, type PDFContext, type PDFDocument, type PDFObject } from '../vendor/pdf-lib.js';
import { deref, dictAt } from './outline.js';

/**
 * Reading a PDF's logical structure (ISO 32000-1, 14.7): whether it is tagged at all, and the parts of its tree a
 * pack carries over. Written for other services' files as well as the tool's own, so nothing is assumed about
 * the shape beyond what the standard allows, and loops in a broken tree end the walk rather than the run.
 */

export const StructNames = {
  ClassMap: PDFName.of('ClassMap'),
  Document: PDFName.of('Document'),
  K: PDFName.of('K'),
  Kids: PDFName.of('Kids'),
  Lang: PDFName.of('Lang'),
  Limits: PDFName.of('Limits'),
  MarkInfo: PDFName.of('MarkInfo'),
  Marked: PDFName.of('Marked'),
  MCR: PDFName.of('MCR'),
  Nums: PDFName.of('Nums'),
  OBJR: PDFName.of('OBJR'),
  Obj: PDFName.of('Obj'),
  P: PDFName.of('P'),
  ParentTree: PDFName.of('ParentTree'),
  ParentTreeNextKey: PDFName.of('ParentTreeNextKey'),
  RoleMap: PDFName.of('RoleMap'),
  S: PDFName.of('S'),
  StructParent: PDFName.of('StructParent'),
  StructParents: PDFName.of('StructParents'),
  StructTreeRoot: PDFName.of('StructTreeRoot'),
  Type: PDFName.of('Type'),
} as const;
const N = StructNames;

/** Why a PDF is not tagged, as the manifest records it. */
export type UntaggedReason = 'no-structure-tree' | 'no-tagged-content' | 'not-marked';
export type Tagging = { tagged: true } | { tagged: false; reason: UntaggedReason };

/** Trees deeper than this are taken as broken (a loop the visited set missed cannot hang the walk). */
const MAX_DEPTH = 256;


/** /K as a list: the standard allows one kid on its own as well as an array. */
export function kidsOf(context: PDFContext, element: PDFDict): PDFObject[] {
  const kids = deref(context, element.get(N.K));
  if (kids === undefined) return [];
  return kids instanceof PDFArray ? kids.asArray() : [element.get(N.K)!];
}

/** A kid that is marked content on a page: an MCID, or a marked-content reference dictionary. */
function isMarkedContent(context: PDFContext, kid: PDFObject): boolean {
  const value = deref(context, kid);
  return value instanceof PDFNumber || (value instanceof PDFDict && deref(context, value.get(N.Type)) === N.MCR);
}

/** A kid that is a structure element (not content, not an object reference). */
export function isElement(context: PDFContext, kid: PDFObject): boolean {
  const value = deref(context, kid);
  if (!(value instanceof PDFDict)) return false;
  const type = deref(context, value.get(N.Type));
  return type !== N.MCR && type !== N.OBJR && value.has(N.S);
}

/** Whether any element under the root holds marked content: a tree of empty elements tags nothing. */
function holdsMarkedContent(context: PDFContext, root: PDFDict): boolean {
  const seen = new Set<PDFDict>();
  const stack: { element: PDFDict; depth: number }[] = [{ element: root, depth: 0 }];
  while (stack.length > 0) {
    const { element, depth } = stack.pop()!;
    if (seen.has(element) || depth > MAX_DEPTH) continue;
    seen.add(element);
    for (const kid of kidsOf(context, element)) {
      if (isMarkedContent(context, kid)) return true;
      const child = dictAt(context, kid);
      if (child && isElement(context, kid)) stack.push({ element: child, depth: depth + 1 });
    }
  }
  return false;
}

/**
 * Whether the PDF is tagged: its catalogue says so (/MarkInfo /Marked true) and it has a structure tree that
 * reaches marked content. Anything less gives a screen reader nothing to go by.
 */
export function taggingOf(document: PDFDocument): Tagging {
  const { context, catalog } = document;
  const root = dictAt(context, catalog.get(N.StructTreeRoot));
  if (!root) return { tagged: false, reason: 'no-structure-tree' };
  if (!holdsMarkedContent(context, root)) return { tagged: false, reason: 'no-tagged-content' };
  const marked = deref(context, dictAt(context, catalog.get(N.MarkInfo))?.get(N.Marked));
  if (!(marked instanceof PDFBool && marked.asBoolean())) return { tagged: false, reason: 'not-marked' };
  return { tagged: true };
}

/**
 * A number tree's entries, key to value as stored (a reference or a direct object). Number trees may be nested
 * (/Kids); every node's /Nums is read, the first value for a key kept.
 */
export function numberTreeEntries(context: PDFContext, tree: PDFObject | undefined): Map<number, PDFObject> {
  const entries = new Map<number, PDFObject>();
  const seen = new Set<PDFDict>();
  const walk = (node: PDFDict | undefined, depth: number): void => {
    if (!node || seen.has(node) || depth > MAX_DEPTH) return;
    seen.add(node);
    const nums = deref(context, node.get(N.Nums));
    if (nums instanceof PDFArray) {
      for (let index = 0; index + 1 < nums.size(); index += 2) {
        const key = deref(context, nums.get(index));
        if (key instanceof PDFNumber && Number.isInteger(key.asNumber()) && !entries.has(key.asNumber())) entries.set(key.asNumber(), nums.get(index + 1));
      }
    }
    const kids = deref(context, node.get(N.Kids));
    if (kids instanceof PDFArray) for (const kid of kids.asArray()) walk(dictAt(context, kid), depth + 1);
  };
  walk(dictAt(context, tree), 0);
  return entries;
}

/** What a pack takes from a part's structure tree. Objects are the source's, to be copied. */
export interface SourceStructure {
  /** The elements to place under the part's own element: the tree's top level, or its Document's kids. */
  kids: PDFObject[];
  /** The language the part's content is in, where it says: its Document element's, else its catalogue's. */
  lang: PDFObject | undefined;
  parentTree: Map<number, PDFObject>;
  roleMap: PDFDict | undefined;
  classMap: PDFDict | undefined;
}

/** Whether an element's type is Document, directly or through the part's role map. */
function isDocument(context: PDFContext, element: PDFDict, roleMap: PDFDict | undefined): boolean {
  let type = deref(context, element.get(N.S));
  for (let hops = 0; type instanceof PDFName && type !== N.Document && hops < 16; hops += 1) type = deref(context, roleMap?.get(type));
  return type === N.Document;
}

/**
 * The part's structure, or undefined when it has no tree. A lone Document element at the top is unwrapped — the
 * pack has its own Document — unless it holds content directly, which would then have no element to belong to.
 */
export function readStructure(document: PDFDocument): SourceStructure | undefined {
  const { context, catalog } = document;
  const root = dictAt(context, catalog.get(N.StructTreeRoot));
  if (!root) return undefined;
  const roleMap = dictAt(context, root.get(N.RoleMap));
  const top = kidsOf(context, root).filter((kid) => isElement(context, kid));
  const only = top.length === 1 ? dictAt(context, top[0]) : undefined;
  const unwrap = only !== undefined && isDocument(context, only, roleMap) && kidsOf(context, only).every((kid) => isElement(context, kid));
  return {
    kids: unwrap ? kidsOf(context, only) : top,
    lang: (unwrap ? only.get(N.Lang) : undefined) ?? catalog.get(N.Lang),
    parentTree: numberTreeEntries(context, root.get(N.ParentTree)),
    roleMap,
    classMap: dictAt(context, root.get(N.ClassMap)),
  };
}
