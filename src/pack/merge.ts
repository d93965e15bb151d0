import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNull,
  PDFNumber,
  PDFObjectCopier,
  PDFPage,
  PDFPageLeaf,
  type PDFObject,
} from '../vendor/pdf-lib.js';
import { DestinationResolver, PdfNames, deref, isText, readOutlineTree, writeOutline, type Destination, type NewOutlineItem, type OutlineItem } from './outline.js';
import { ITEM_LINK_SCHEME } from '../render/index.js';
import { accessibilityOf } from './accessibility.js';
import { addNumberBand, stripActiveContent } from './included-pages.js';
import { load, saveWhole } from './pdf-io.js';
import { embedStampFont, STAMP, stampPage, type StampOptions } from './stamp.js';
import { copyStructure, writeStructureTree, type CopiedStructure } from './structure.js';
import { annotationsOn, forgetRemovedAnnotations } from './structure-prune.js';
import { setXmpMetadata } from './xmp.js';

export interface PackPart {
  /** The part's PDF as built or supplied. */
  pdf: Uint8Array;
  /** The part's top-level bookmark, e.g. "Item 7: Inspection readiness – Renfrewshire 2021/22". */
  bookmark: string;
  /** Links in any part whose URI is `qif-item:<linkId>` are turned into jumps to this part's first page. */
  linkId?: string;
  /** Draw "Page N of M" (the pack's numbering) at the foot of each page: for external PDFs, which do not carry it. */
  stamp: boolean;
  /**
   * Another service's PDF: its active content (scripts, launches, form fields…) is removed, and its pages get a
   * band at the foot for the pack's number, which then never covers their own footer.
   */
  included?: boolean;
}

export interface MergeOptions extends StampOptions {
  title: string;
  author: string;
  subject: string;
  keywords?: string;
  /** BCP 47, e.g. 'en-GB', set as the catalogue's /Lang. */
  language: string;
  /** Stands in for "now" in CreationDate and ModDate, so the same inputs give the same bytes. */
  date: Date;
}

export interface MergedPack {
  pdf: Uint8Array;
  /** 1-based first page of each part in the pack. */
  firstPages: number[];
  pages: number;
  /** For each part, what active content was taken out of it (empty for the tool's own papers). */
  removed: string[][];
  /** Whether the pack declares PDF/UA-1: every part was tagged and declared it. */
  pdfua: boolean;
}


const Names = {
  Annots: PDFName.of('Annots'),
  Fit: PDFName.of('Fit'),
  Link: PDFName.of('Link'),
  PageMode: PDFName.of('PageMode'),
  Subtype: PDFName.of('Subtype'),
  URI: PDFName.of('URI'),
  UseOutlines: PDFName.of('UseOutlines'),
};

/** Page count of a PDF, for planning page ranges before merging. */
export async function pageCount(pdf: Uint8Array): Promise<number> {
  return (await load(pdf, 'pageCount')).getPageCount();
}

/**
 * A PDF's own outline, flattened with depth, 1-based page numbers: for tests and for planning. Depth 0 is the
 * top level. An item whose destination cannot be resolved is given page 1, as mergePack points it at the
 * part's first page.
 */
export async function readOutline(pdf: Uint8Array): Promise<{ title: string; page: number; depth: number }[]> {
  const flatten = (items: readonly OutlineItem[], depth: number): { title: string; page: number; depth: number }[] =>
    items.flatMap((item) => [{ title: item.title.decodeText(), page: (item.destination?.page ?? 0) + 1, depth }, ...flatten(item.kids, depth + 1)]);
  return flatten(readOutlineTree(await load(pdf, 'readOutline')), 0);
}

interface CopiedPart {
  part: PackPart;
  /** 0-based index of the part's first page in the pack. */
  first: number;
  pages: PDFPage[];
  resolver: DestinationResolver;
  outline: OutlineItem[];
  /** The part's structure tree, copied with its pages; undefined when it has none. */
  structure: CopiedStructure | undefined;
  /** Tagged, and declaring PDF/UA-1 itself: what the pack's own PDF/UA claim rests on. */
  accessible: boolean;
}

/**
 * Copies a part's pages into the pack with one copier for the whole part, each page by its reference:
 * a link or annotation that refers to another page of the part then lands on that page's copy, rather than
 * on a second, orphaned copy of it (what copyPages does, since it copies page objects, not references).
 * The part's structure tree is copied with the same copier, after the pages, so its elements' pages (/Pg) and
 * annotations (OBJR) are the copies just made.
 */
function copyPart(pack: PDFDocument, source: PDFDocument, part: PackPart, first: number): CopiedPart {
  const copier = PDFObjectCopier.for(source.context, pack.context);
  const pages = source.getPages().map((page) => {
    const ref = copier.copy(page.ref);
    const node = pack.context.lookup(ref);
    if (!(node instanceof PDFPageLeaf)) throw new Error(`part "${part.bookmark}": page ${page.ref.toString()} did not copy as a page`);
    const copy = PDFPage.of(node, ref, pack);
    pack.addPage(copy);
    return copy;
  });
  const resolver = new DestinationResolver(source);
  const { accessible } = accessibilityOf(source);
  return { part, first, pages, resolver, outline: readOutlineTree(source, resolver), structure: copyStructure(source, copier), accessible };
}

/** The top of a page at the reader's current zoom; a whole-page fit for a page displayed turned. */
function topOf(pack: PDFDocument, page: PDFPage): PDFArray {
  const dest = PDFArray.withContext(pack.context);
  dest.push(page.ref);
  if (page.getRotation().angle % 360 === 0) {
    const box = page.getCropBox();
    for (const item of [PdfNames.XYZ, PDFNull, PDFNumber.of(box.y + box.height), PDFNull]) dest.push(item);
  } else {
    dest.push(Names.Fit);
  }
  return dest;
}

function destinationIn(pack: PDFDocument, copied: CopiedPart, destination: Destination): PDFArray {
  const dest = PDFArray.withContext(pack.context);
  dest.push(copied.pages[destination.page]!.ref);
  for (const item of destination.view) dest.push(item.clone());
  return dest;
}


/**
 * Turns the part's `qif-item:` links into jumps within the pack, and its links to named destinations into
 * explicit ones (the pack has no name tree: names from different parts could clash). Links to explicit
 * destinations were already pointed at the copied pages when the pages were copied.
 */
function rewriteLinks(pack: PDFDocument, copied: CopiedPart, targetOf: (id: string, where: string) => PDFArray): void {
  const { context } = pack;
  copied.pages.forEach((page, index) => {
    const annots = deref(context, page.node.get(Names.Annots));
    if (!(annots instanceof PDFArray)) return;
    for (const entry of annots.asArray()) {
      const annot = deref(context, entry);
      if (!(annot instanceof PDFDict) || deref(context, annot.get(Names.Subtype)) !== Names.Link) continue;
      const action = deref(context, annot.get(PdfNames.A));
      const actionDict = action instanceof PDFDict ? action : undefined;
      const kind = actionDict && deref(context, actionDict.get(PdfNames.S));
      if (actionDict && kind === Names.URI) {
        const uri = deref(context, actionDict.get(Names.URI));
        const text = isText(uri) ? uri.decodeText() : '';
        if (!text.startsWith(ITEM_LINK_SCHEME)) continue;
        annot.delete(PdfNames.A);
        annot.set(PdfNames.Dest, targetOf(text.slice(ITEM_LINK_SCHEME.length), `page ${index + 1} of part "${copied.part.bookmark}"`));
        continue;
      }
      const named = (value: PDFObject | undefined): boolean => {
        const dest = deref(context, value);
        return dest instanceof PDFName || isText(dest);
      };
      if (named(annot.get(PdfNames.Dest))) {
        const destination = copied.resolver.resolve(annot.get(PdfNames.Dest));
        if (destination) annot.set(PdfNames.Dest, destinationIn(pack, copied, destination));
      } else if (actionDict && kind === PdfNames.GoTo && named(actionDict.get(PdfNames.D))) {
        const destination = copied.resolver.resolve(actionDict.get(PdfNames.D));
        if (destination) actionDict.set(PdfNames.D, destinationIn(pack, copied, destination));
      }
    }
  });
}

/** The part's own outline items, pointed at its copied pages; unresolved ones at its first page. */
function rebuiltItems(pack: PDFDocument, copied: CopiedPart, items: readonly OutlineItem[]): NewOutlineItem[] {
  return items.map((item) => ({
    title: item.title.clone(),
    dest: item.destination ? destinationIn(pack, copied, item.destination) : topOf(pack, copied.pages[0]!),
    open: item.open,
    ...(item.color ? { color: item.color.clone(pack.context) } : {}),
    ...(item.flags ? { flags: item.flags.clone() } : {}),
    kids: rebuiltItems(pack, copied, item.kids),
  }));
}

/** A file identifier from the inputs, so it is the same for the same inputs (and differs when they differ). */
function fileId(parts: readonly PackPart[], options: MergeOptions, font: Uint8Array | undefined, pages: number): string {
  const hash = createHash('sha256');
  const field = (value: string | Uint8Array): void => {
    const bytes = typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
    hash.update(`${bytes.length}:`).update(bytes);
  };
  for (const part of parts) [part.pdf, part.bookmark, part.linkId ?? '\u0000', part.stamp ? 'stamp' : '', part.included ? 'included' : ''].forEach(field);
  [options.title, options.author, options.subject, options.keywords ?? '\u0000', options.language, options.date.toISOString()].forEach(field);
  if (font) {
    field(font);
    for (let page = 1; page <= pages; page += 1) field(options.footer(page, pages));
  }
  return hash.digest('hex').slice(0, 32).toUpperCase();
}

/** The pack's document information and XMP metadata, its language, and its title shown in the window. */
function setMetadata(pack: PDFDocument, options: MergeOptions, pdfua: boolean): void {
  pack.setTitle(options.title, { showInWindowTitleBar: true });
  pack.setAuthor(options.author);
  pack.setSubject(options.subject);
  if (options.keywords !== undefined) pack.setKeywords([options.keywords]);
  pack.setCreator('qif-report');
  pack.setProducer('qif-report');
  pack.setCreationDate(options.date);
  pack.setModificationDate(options.date);
  pack.setLanguage(options.language);
  setXmpMetadata(pack, { title: options.title, creator: options.author, description: options.subject, keywords: options.keywords, producer: 'qif-report', date: options.date, pdfua });
}

/**
 * Merges the parts of an agenda pack into one PDF: every part's pages in order, its content unchanged;
 * an outline with one top-level item per part and the part's own outline beneath it; `qif-item:` links
 * turned into jumps to the parts; external parts stamped with the pack's page numbers (as artifacts); each
 * tagged part's structure tree under one Document, a Part per part; the pack's metadata, declaring PDF/UA-1
 * only when every part is tagged and declares it. Deterministic: the same parts and options give the same bytes.
 */
export async function mergePack(parts: readonly PackPart[], options: MergeOptions): Promise<MergedPack> {
  if (parts.length === 0) throw new Error('an agenda pack needs at least one part');
  const partByLinkId = new Map<string, number>();
  parts.forEach((part, index) => {
    if (part.linkId === undefined) return;
    if (partByLinkId.has(part.linkId)) throw new Error(`parts ${partByLinkId.get(part.linkId)! + 1} and ${index + 1} share the link id "${part.linkId}"`);
    partByLinkId.set(part.linkId, index);
  });

  const stamping = parts.some((part) => part.stamp);
  const [fontBytes, sources] = await Promise.all([
    stamping ? readFile(options.fontFile) : undefined,
    Promise.all(parts.map((part, index) => load(part.pdf, `part ${index + 1} ("${part.bookmark}")`))),
  ]);

  const pack = await PDFDocument.create({ updateMetadata: false });
  const copied: CopiedPart[] = [];
  for (const [index, source] of sources.entries()) {
    if (source.getPageCount() === 0) throw new Error(`part ${index + 1} ("${parts[index]!.bookmark}") has no pages`);
    copied.push(copyPart(pack, source, parts[index]!, pack.getPageCount()));
  }
  const pages = pack.getPageCount();

  const firstPageDest = copied.map((part) => topOf(pack, part.pages[0]!));
  const targetOf = (id: string, where: string): PDFArray => {
    const target = partByLinkId.get(id);
    if (target === undefined) throw new Error(`the link to "${ITEM_LINK_SCHEME}${id}" on ${where} names no part of the pack (link ids: ${[...partByLinkId.keys()].join(', ') || 'none'})`);
    return firstPageDest[target]!.clone(pack.context);
  };
  const removed = copied.map((part) => (part.part.included ? part.pages.flatMap((page, index) => stripActiveContent(page, index + 1)) : []));
  for (const part of copied) rewriteLinks(pack, part, targetOf);
  const structured = copied.map((part, index) => ({ title: part.part.bookmark, pages: part.pages, structure: part.structure, annotationsRemoved: removed[index]!.length > 0 }));
  writeStructureTree(pack, structured, options.language);

  if (fontBytes) {
    const { font, ascent } = await embedStampFont(pack, fontBytes);
    for (const part of copied) {
      if (!part.part.stamp) continue;
      if (part.part.included) part.pages.forEach(addNumberBand);
      const lineTop = part.part.included ? STAMP.lineTopInBand : STAMP.lineTopAboveFoot;
      part.pages.forEach((page, index) => stampPage(page, options.footer(part.first + index + 1, pages), font, ascent, lineTop));
    }
  }

  const outline: NewOutlineItem[] = copied.map((part, index) => ({
    title: PDFHexString.fromText(part.part.bookmark),
    dest: firstPageDest[index]!,
    open: false,
    kids: rebuiltItems(pack, part, part.outline),
  }));
  const outlinesRef = writeOutline(pack.context, outline);
  if (outlinesRef) {
    pack.catalog.set(PdfNames.Outlines, outlinesRef);
    pack.catalog.set(Names.PageMode, Names.UseOutlines);
  }

  const pdfua = copied.every((part) => part.accessible);
  setMetadata(pack, options, pdfua);
  const id = PDFHexString.of(fileId(parts, options, fontBytes, pages));
  pack.context.trailerInfo.ID = pack.context.obj([id, id]);

  const pdf = await saveWhole(pack);
  return { pdf, firstPages: copied.map((part) => part.first + 1), pages, removed, pdfua };
}

/**
 * An included PDF as its own file in the pack's folder: the file as supplied (`original`, secured or not), unless
 * it holds active content, which is taken out (and said) as it is from the agenda pack. `readable` is the same
 * PDF as pdf-lib can read it: the original, or the decrypted copy of a secured one.
 */
export async function publishableCopy(readable: Uint8Array, original: Uint8Array): Promise<{ pdf: Uint8Array; removed: string[] }> {
  const document = await load(readable, 'the included PDF');
  const annotations = annotationsOn(document.context, document.getPages());
  const removed = document.getPages().flatMap((page, index) => stripActiveContent(page, index + 1));
  if (removed.length === 0) return { pdf: original, removed };
  forgetRemovedAnnotations(document, annotations);
  return { pdf: await saveWhole(document), removed };
}
