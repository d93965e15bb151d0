import { createRequire } from 'node:module';
import path from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, type PDFObject } from 'pdf-lib';
import PDFKit from 'pdfkit';

/**
 * Small PDFs for the pack's tests, made with pdfkit's own structure API (as pdfmake's output and many other
 * services' files are), and the odd shapes the standard allows that pdfkit never writes, made from them with pdf-lib.
 */

export const FONT = path.join(path.dirname(createRequire(import.meta.url).resolve('pdfmake/package.json')), 'fonts', 'Roboto', 'Roboto-Regular.ttf');

export type Block =
  | { role: 'H1' | 'H2' | 'P'; text: string }
  /** A paragraph that is one link: a Link element holding the words and the link annotation. */
  | { link: string; text: string }
  | { newPage: true }
  /** Page furniture drawn as an artifact, as a paper draws its running header. */
  | { artifact: string };

export interface TaggedOptions {
  title?: string;
  /** Put the elements under a Document element (as pdfkit users and pdfmake do), or straight under the root. */
  document?: boolean;
  lang?: string;
  /** Declare PDF/UA-1 (pdfkit then writes XMP metadata), as a paper of the tool's own does. */
  pdfua?: boolean;
}

function collect(doc: PDFKit.PDFDocument): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  return new Promise((resolve) => doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks)))));
}

const DATE = new Date('2024-01-02T00:00:00Z');

/** A tagged PDF of the given blocks, in the document's font, each block its own element. */
export async function taggedPdf(blocks: readonly Block[], { title = 'Tagged sample', document = true, lang = 'en-GB', pdfua = false }: TaggedOptions = {}): Promise<Uint8Array> {
  const options = { size: 'A4', margin: 60, pdfVersion: '1.7', tagged: true, lang, displayTitle: true, info: { Title: title, CreationDate: DATE, ModDate: DATE } };
  const doc = new PDFKit({ ...options, ...(pdfua ? { subset: 'PDF/UA' } : {}) } as PDFKit.PDFDocumentOptions);
  const done = collect(doc);
  doc.font(FONT).fontSize(11);
  const top = document ? doc.struct('Document') : undefined;
  const add = (element: PDFKit.PDFStructureElement) => (top ? top.add(element) : doc.addStructure(element));
  if (top) doc.addStructure(top);
  for (const block of blocks) {
    if ('newPage' in block) doc.addPage();
    else if ('artifact' in block) {
      doc.markContent('Artifact', { type: 'Pagination' });
      doc.text(block.artifact, 60, 30, { lineBreak: false });
      doc.endMarkedContent();
      doc.x = 60;
      doc.y = 60;
    } else if ('link' in block) {
      const paragraph = doc.struct('P');
      const link = doc.struct('Link');
      add(paragraph);
      paragraph.add(link);
      const y = doc.y;
      link.add(() => doc.text(block.text));
      doc.link(60, y, doc.widthOfString(block.text), doc.currentLineHeight(), block.link, { structParent: link, Contents: new String(block.text) } as never);
      link.end();
      paragraph.end();
    } else add(doc.struct(block.role, {}, () => doc.text(block.text)));
  }
  top?.end();
  doc.end();
  return done;
}

/** The same words with no structure at all: how many services' PDFs still come. */
export async function untaggedPdf(lines: readonly string[]): Promise<Uint8Array> {
  const doc = new PDFKit({ size: 'A4', margin: 60, info: { Title: 'Untagged sample', CreationDate: DATE, ModDate: DATE } });
  const done = collect(doc);
  doc.font(FONT).fontSize(11);
  for (const line of lines) doc.text(line);
  doc.end();
  return done;
}

/** Rewrites a PDF with pdf-lib, changing its catalogue or structure tree root first. */
export async function edited(pdf: Uint8Array, edit: (document: PDFDocument, root: PDFDict | undefined) => void): Promise<Uint8Array> {
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  const root = document.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
  edit(document, root);
  return document.save({ useObjectStreams: false });
}

/** The PDF with its parent tree split into a root node with two leaves (/Kids, /Limits), as large files have it. */
export function nestParentTree(document: PDFDocument, root: PDFDict | undefined): void {
  const { context } = document;
  const tree = root!.lookup(PDFName.of('ParentTree'), PDFDict);
  const nums = tree.lookup(PDFName.of('Nums'), PDFArray).asArray();
  const pairs: [PDFObject, PDFObject][] = [];
  for (let at = 0; at + 1 < nums.length; at += 2) pairs.push([nums[at]!, nums[at + 1]!]);
  const half = Math.ceil(pairs.length / 2);
  const leaf = (entries: [PDFObject, PDFObject][]) =>
    context.register(context.obj({ Nums: entries.flat(), Limits: [entries[0]![0] as PDFNumber, entries.at(-1)![0] as PDFNumber] }));
  const kids = [pairs.slice(0, half), pairs.slice(half)].filter((entries) => entries.length > 0).map(leaf);
  root!.set(PDFName.of('ParentTree'), context.register(context.obj({ Kids: kids })));
}
