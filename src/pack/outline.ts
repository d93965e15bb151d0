import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNull, PDFNumber, PDFRef, PDFString, type PDFContext, type PDFDocument, type PDFObject } from '../vendor/pdf-lib.js';

/**
 * Reading a PDF's own destinations and outline, and writing an outline tree: the parts pdf-lib leaves out
 * when it copies pages (it copies pages, not the catalogue's /Outlines or /Names /Dests).
 */

/** Where a destination leads, as the page's 0-based index in its own document and the view after the page. */
export interface Destination {
  page: number;
  /** The destination array's elements after the page: `/XYZ left top zoom`, `/Fit`, …; names, numbers, null. */
  view: PDFObject[];
}

/** One outline item as read from a document, children nested as in the source. */
export interface OutlineItem {
  /** The title as stored (literal or hex string), so it is copied byte for byte. */
  title: PDFString | PDFHexString;
  /** Undefined when the item's destination could not be resolved (missing, remote, not a GoTo, a dead name). */
  destination: Destination | undefined;
  open: boolean;
  /** Colour and style flags, copied when present. */
  color?: PDFArray;
  flags?: PDFNumber;
  kids: OutlineItem[];
}

const Name = {
  A: PDFName.of('A'),
  C: PDFName.of('C'),
  Count: PDFName.of('Count'),
  D: PDFName.of('D'),
  Dest: PDFName.of('Dest'),
  Dests: PDFName.of('Dests'),
  F: PDFName.of('F'),
  First: PDFName.of('First'),
  GoTo: PDFName.of('GoTo'),
  Kids: PDFName.of('Kids'),
  Last: PDFName.of('Last'),
  Names: PDFName.of('Names'),
  Next: PDFName.of('Next'),
  Outlines: PDFName.of('Outlines'),
  Parent: PDFName.of('Parent'),
  Prev: PDFName.of('Prev'),
  S: PDFName.of('S'),
  Title: PDFName.of('Title'),
  Type: PDFName.of('Type'),
  XYZ: PDFName.of('XYZ'),
} as const;
export { Name as PdfNames };

/** An indirect object followed to its value; anything else as it is. Never throws on odd input. */
export function deref(context: PDFContext, object: PDFObject | undefined): PDFObject | undefined {
  return object instanceof PDFRef ? context.lookup(object) : object;
}

/** An object followed to its value when that is a dictionary; undefined otherwise. */
export function dictAt(context: PDFContext, object: PDFObject | undefined): PDFDict | undefined {
  const value = deref(context, object);
  return value instanceof PDFDict ? value : undefined;
}

export function isText(value: PDFObject | undefined): value is PDFString | PDFHexString {
  return value instanceof PDFString || value instanceof PDFHexString;
}

/** A name-tree or /Dests key, compared as the bytes the file holds. */
function keyOf(value: PDFString | PDFHexString | PDFName): string {
  return value instanceof PDFName ? value.asString() : Buffer.from(value.asBytes()).toString('latin1');
}

/**
 * Resolves one document's destinations (explicit arrays, names in the catalogue's /Dests dictionary and
 * strings in its /Names /Dests name tree) to page indices. The named ones are read once, on first use.
 */
export class DestinationResolver {
  private readonly context: PDFContext;
  private readonly pageIndex = new Map<PDFRef, number>();
  private named: Map<string, PDFObject> | undefined;
  private readonly catalog: PDFDict;

  constructor(private readonly document: PDFDocument) {
    this.context = document.context;
    this.catalog = document.catalog;
    document.getPages().forEach((page, index) => this.pageIndex.set(page.ref, index));
  }

  get pageCount(): number {
    return this.pageIndex.size;
  }

  /** A /Dest value or a GoTo action's /D: an array, a name or a string. */
  resolve(value: PDFObject | undefined): Destination | undefined {
    const dest = deref(this.context, value);
    if (dest instanceof PDFArray) return this.explicit(dest);
    if (!(dest instanceof PDFName || isText(dest))) return undefined;
    // A named destination's value is the array, or a dictionary holding it as /D.
    let target = deref(this.context, this.namedDestinations().get(keyOf(dest)));
    if (target instanceof PDFDict) target = deref(this.context, target.get(Name.D));
    return target instanceof PDFArray ? this.explicit(target) : undefined;
  }

  /** An item's or a link's destination: /Dest, or /A << /S /GoTo /D … >>. */
  resolveTarget(dict: PDFDict): Destination | undefined {
    if (dict.has(Name.Dest)) return this.resolve(dict.get(Name.Dest));
    const action = dictAt(this.context, dict.get(Name.A));
    if (action && deref(this.context, action.get(Name.S)) === Name.GoTo) return this.resolve(action.get(Name.D));
    return undefined;
  }

  private explicit(array: PDFArray): Destination | undefined {
    const first = array.get(0);
    let page: number | undefined;
    if (first instanceof PDFRef) page = this.pageIndex.get(first);
    // Some producers write a page number where a local destination needs the page object.
    else if (first instanceof PDFNumber && Number.isInteger(first.asNumber())) page = first.asNumber();
    if (page === undefined || page < 0 || page >= this.pageIndex.size) return undefined;
    const view = array.asArray().slice(1).map((item) => deref(this.context, item) ?? PDFNull);
    return { page, view: view.every((item) => item instanceof PDFName || item instanceof PDFNumber || item === PDFNull) ? view : [Name.XYZ, PDFNull, PDFNull, PDFNull] };
  }

  private namedDestinations(): Map<string, PDFObject> {
    if (this.named) return this.named;
    const named = new Map<string, PDFObject>();
    // PDF 1.1: a dictionary from names to destinations.
    const dests = dictAt(this.context, this.catalog.get(Name.Dests));
    for (const [key, value] of dests?.entries() ?? []) named.set(keyOf(key), value);
    // PDF 1.2 on: a name tree of strings. Walk it whole (guarding against loops); later entries do not override.
    const tree = dictAt(this.context, dictAt(this.context, this.catalog.get(Name.Names))?.get(Name.Dests));
    const seen = new Set<PDFDict>();
    const walk = (node: PDFDict | undefined, depth: number): void => {
      if (!node || seen.has(node) || depth > 64) return;
      seen.add(node);
      const names = deref(this.context, node.get(Name.Names));
      if (names instanceof PDFArray) {
        for (let index = 0; index + 1 < names.size(); index += 2) {
          const key = deref(this.context, names.get(index));
          if (isText(key) && !named.has(keyOf(key))) named.set(keyOf(key), names.get(index + 1));
        }
      }
      const kids = deref(this.context, node.get(Name.Kids));
      if (kids instanceof PDFArray) for (const kid of kids.asArray()) walk(dictAt(this.context, kid), depth + 1);
    };
    walk(tree, 0);
    this.named = named;
    return named;
  }
}

/** A document's outline as a tree, destinations resolved to page indices. Loops and odd entries are skipped. */
export function readOutlineTree(document: PDFDocument, resolver = new DestinationResolver(document)): OutlineItem[] {
  const { context } = document;
  const root = dictAt(context, document.catalog.get(Name.Outlines));
  const seen = new Set<PDFDict>();
  const children = (parent: PDFDict | undefined, depth: number): OutlineItem[] => {
    const items: OutlineItem[] = [];
    if (!parent || depth > 64) return items;
    for (let item = dictAt(context, parent.get(Name.First)); item && !seen.has(item); item = dictAt(context, item.get(Name.Next))) {
      seen.add(item);
      const title = deref(context, item.get(Name.Title));
      const count = deref(context, item.get(Name.Count));
      const color = deref(context, item.get(Name.C));
      const flags = deref(context, item.get(Name.F));
      items.push({
        title: isText(title) ? title : PDFString.of(''),
        destination: resolver.resolveTarget(item),
        open: count instanceof PDFNumber && count.asNumber() > 0,
        ...(color instanceof PDFArray && color.size() === 3 && color.asArray().every((part) => part instanceof PDFNumber) ? { color } : {}),
        ...(flags instanceof PDFNumber ? { flags } : {}),
        kids: children(item, depth + 1),
      });
    }
    return items;
  };
  return children(root, 0);
}

/** The text of an outline title as a reader shows it. */
export function titleText(title: PDFString | PDFHexString): string {
  return title.decodeText();
}

/** An outline item to write: its destination already an array in the target document. */
export interface NewOutlineItem {
  title: PDFString | PDFHexString;
  dest: PDFArray;
  open: boolean;
  color?: PDFArray;
  flags?: PDFNumber;
  kids: NewOutlineItem[];
}

/** How many items show beneath an item, or beneath the root, when open: its children and their open subtrees. */
function visibleBeneath(items: readonly NewOutlineItem[]): number {
  return items.reduce((sum, item) => sum + 1 + (item.open ? visibleBeneath(item.kids) : 0), 0);
}

/**
 * Writes the outline into `context` and returns the /Outlines dictionary's reference. Refs are taken in
 * tree order, so the same tree gives the same objects. /Count follows ISO 32000-1 12.3.3: the root counts
 * every item shown, an open item counts the items shown beneath it, a closed one the negative of how many
 * would show were it opened.
 */
export function writeOutline(context: PDFContext, items: readonly NewOutlineItem[]): PDFRef | undefined {
  if (items.length === 0) return undefined;
  const rootRef = context.nextRef();
  const write = (siblings: readonly NewOutlineItem[], parentRef: PDFRef): PDFRef[] => {
    const refs = siblings.map(() => context.nextRef());
    siblings.forEach((item, index) => {
      const dict = context.obj({}) as PDFDict;
      dict.set(Name.Title, item.title);
      dict.set(Name.Parent, parentRef);
      if (index > 0) dict.set(Name.Prev, refs[index - 1]!);
      if (index + 1 < refs.length) dict.set(Name.Next, refs[index + 1]!);
      dict.set(Name.Dest, item.dest);
      if (item.color) dict.set(Name.C, item.color);
      if (item.flags) dict.set(Name.F, item.flags);
      if (item.kids.length > 0) {
        const kidRefs = write(item.kids, refs[index]!);
        dict.set(Name.First, kidRefs[0]!);
        dict.set(Name.Last, kidRefs[kidRefs.length - 1]!);
        const beneath = visibleBeneath(item.kids);
        dict.set(Name.Count, PDFNumber.of(item.open ? beneath : -beneath));
      }
      context.assign(refs[index]!, dict);
    });
    return refs;
  };
  const topRefs = write(items, rootRef);
  const root = context.obj({}) as PDFDict;
  root.set(Name.Type, Name.Outlines);
  root.set(Name.First, topRefs[0]!);
  root.set(Name.Last, topRefs[topRefs.length - 1]!);
  root.set(Name.Count, PDFNumber.of(visibleBeneath(items)));
  context.assign(rootRef, root);
  return rootRef;
}
