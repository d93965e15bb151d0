import { PDFBool, PDFDict, PDFHexString, PDFName, PDFNumber, PDFRef, PDFStream, PDFString, type PDFContext, type PDFDocument, type PDFObject, type PDFObjectCopier, type PDFPage } from '../vendor/pdf-lib.js';
import { deref, dictAt } from './outline.js';
import { mergeClassMaps, mergeRoleMaps } from './structure-maps.js';
import { annotationsOn, dropObjectReferences } from './structure-prune.js';
import { readStructure, StructNames as N } from './structure-read.js';

/**
 * An agenda pack's structure tree: one Document, a Part for each part of the pack, and beneath each Part the
 * part's own elements, copied with the part's pages. The parent tree that leads from a page's marked content back
 * to its elements is rebuilt with each part's keys moved past the last part's; marked-content ids are per page,
 * so they stay as they are.
 */

const Names = {
  Annots: PDFName.of('Annots'),
  Part: PDFName.of('Part'),
  Resources: PDFName.of('Resources'),
  StructElem: PDFName.of('StructElem'),
  T: PDFName.of('T'),
  Tabs: PDFName.of('Tabs'),
  XObject: PDFName.of('XObject'),
};

/** A part's structure copied into the pack: its elements and parent-tree values, the pack's own objects. */
export interface CopiedStructure {
  kids: PDFObject[];
  lang: PDFObject | undefined;
  parentTree: Map<number, PDFObject>;
  roleMap: PDFDict | undefined;
  classMap: PDFDict | undefined;
}


/**
 * Copies a part's structure tree with the copier that copied its pages, so that every /Pg and every object
 * reference lands on the copies already made. The top-level elements' /P is cut first: the copier follows every
 * reference, and /P leads up to the source's root, its parent tree and so the whole source tree a second time.
 */
export function copyStructure(source: PDFDocument, copier: PDFObjectCopier): CopiedStructure | undefined {
  const structure = readStructure(source);
  if (!structure) return undefined;
  for (const kid of structure.kids) dictAt(source.context, kid)?.delete(N.P);
  const copy = <T extends PDFObject>(object: T): T => copier.copy(object) as T;
  return {
    kids: structure.kids.map(copy),
    lang: structure.lang && copy(structure.lang),
    parentTree: new Map([...structure.parentTree].map(([key, value]) => [key, copy(value)])),
    roleMap: structure.roleMap && copy(structure.roleMap),
    classMap: structure.classMap && copy(structure.classMap),
  };
}

/** One part as the pack's tree needs it. */
export interface StructuredPart {
  /** The Part element's title: the part's bookmark. */
  title: string;
  pages: readonly PDFPage[];
  structure: CopiedStructure | undefined;
  /** Annotations were taken off its pages: references to them go from its tree too. */
  annotationsRemoved: boolean;
}

/** Drops object references (OBJR) to annotations no longer on the part's pages, so nothing removed stays reachable. */
function pruneObjectReferences(context: PDFContext, part: StructuredPart): void {
  const live = new Set(annotationsOn(context, part.pages).map(({ ref }) => ref));
  dropObjectReferences(context, part.structure!.kids, live);
}

/**
 * What holds a parent-tree key on the part's pages, in page order, each once: the page (/StructParents), the form
 * XObjects it draws (/StructParents for their marked content, /StructParent when the form is itself content of an
 * element), and its annotations (/StructParent).
 */
function keyHolders(context: PDFContext, pages: readonly PDFPage[]): { holder: PDFDict; key: PDFName }[] {
  const seen = new Set<PDFDict>();
  const holders: { holder: PDFDict; key: PDFName }[] = [];
  const hold = (holder: PDFDict, key: PDFName) => holder.has(key) && holders.push({ holder, key });
  const forms = (resources: PDFObject | undefined, depth: number): void => {
    const xobjects = dictAt(context, dictAt(context, resources)?.get(Names.XObject));
    for (const [, ref] of xobjects?.entries() ?? []) {
      const form = deref(context, ref);
      if (!(form instanceof PDFStream) || seen.has(form.dict) || depth > 16) continue;
      seen.add(form.dict);
      for (const key of [N.StructParents, N.StructParent]) hold(form.dict, key);
      forms(form.dict.get(Names.Resources), depth + 1);
    }
  };
  for (const page of pages) {
    hold(page.node, N.StructParents);
    forms(page.node.get(Names.Resources), 0);
  }
  for (const { annot } of annotationsOn(context, pages)) hold(annot, N.StructParent);
  return holders;
}

/**
 * Moves a part's parent-tree keys up by `offset`, where its pages, forms and annotations hold them, and the entries
 * they name. A key naming no entry is taken off, so it cannot point into another part's entries.
 * Returns the part's entries under their new keys and the first key free after them.
 */
function renumber(context: PDFContext, part: StructuredPart, offset: number): { entries: [number, PDFObject][]; next: number } {
  const tree = part.structure?.parentTree ?? new Map<number, PDFObject>();
  const entries = new Map<number, PDFObject>();
  let next = offset;
  const move = (holder: PDFDict, key: PDFName): void => {
    const old = deref(context, holder.get(key));
    const value = old instanceof PDFNumber ? tree.get(old.asNumber()) : undefined;
    if (value === undefined) {
      holder.delete(key);
      return;
    }
    const moved = offset + (old as PDFNumber).asNumber();
    holder.set(key, PDFNumber.of(moved));
    entries.set(moved, value);
    next = Math.max(next, moved + 1);
  };
  for (const { holder, key } of keyHolders(context, part.pages)) move(holder, key);
  return { entries: [...entries].sort(([a], [b]) => a - b), next };
}

/** The Part element for one part, its own elements beneath it. */
function partElement(context: PDFContext, part: StructuredPart, parent: PDFRef, language: string): PDFRef {
  const ref = context.nextRef();
  const kids = part.structure?.kids ?? [];
  for (const kid of kids) dictAt(context, kid)?.set(N.P, ref);
  const element = context.obj({ Type: Names.StructElem, S: Names.Part, P: parent }) as PDFDict;
  element.set(Names.T, PDFHexString.fromText(part.title));
  if (kids.length > 0) element.set(N.K, context.obj(kids));
  // A part in another language than the pack's says so, as its own file did.
  const lang = deref(context, part.structure?.lang);
  if ((lang instanceof PDFString || lang instanceof PDFHexString) && lang.decodeText().toLowerCase() !== language.toLowerCase()) element.set(N.Lang, lang);
  context.assign(ref, element);
  return ref;
}

/**
 * Writes the pack's structure tree and marks the pack tagged, when any part brought a tree: a Document holding a
 * Part per part, in order (a part without a tree gets an empty Part, so the parts stay in order for whoever reads
 * the tree). Every page with annotations is set to take them in structure order (/Tabs /S). Returns whether it did.
 */
export function writeStructureTree(pack: PDFDocument, parts: readonly StructuredPart[], language: string): boolean {
  if (!parts.some((part) => part.structure)) return false;
  const { context } = pack;
  const rootRef = context.nextRef();
  const documentRef = context.nextRef();
  const nums: PDFObject[] = [];
  let next = 0;
  const partRefs = parts.map((part) => {
    if (part.structure && part.annotationsRemoved) pruneObjectReferences(context, part);
    const moved = renumber(context, part, next);
    for (const [key, value] of moved.entries) nums.push(PDFNumber.of(key), value);
    next = moved.next;
    return partElement(context, part, documentRef, language);
  });
  context.assign(documentRef, context.obj({ Type: Names.StructElem, S: N.Document, P: rootRef, K: partRefs }));
  const root = context.obj({ Type: N.StructTreeRoot, K: documentRef, ParentTree: context.register(context.obj({ Nums: nums })), ParentTreeNextKey: next }) as PDFDict;
  const roleMap = mergeRoleMaps(context, parts.flatMap((part) => (part.structure ? [part.structure] : [])));
  const classMap = mergeClassMaps(context, parts.flatMap((part) => (part.structure ? [part.structure] : [])));
  if (roleMap) root.set(N.RoleMap, roleMap);
  if (classMap) root.set(N.ClassMap, classMap);
  context.assign(rootRef, root);
  pack.catalog.set(N.StructTreeRoot, rootRef);
  pack.catalog.set(N.MarkInfo, context.obj({ Marked: PDFBool.True }));
  for (const page of pack.getPages()) if (page.node.has(Names.Annots)) page.node.set(Names.Tabs, PDFName.of('S'));
  return true;
}
