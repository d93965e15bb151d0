import { PDFArray, PDFDict, PDFHexString, PDFName, PDFString, type PDFContext, type PDFObject, type PDFPage } from '../vendor/pdf-lib.js';
import { deref } from './outline.js';

/**
 * Another service's pages, made fit to publish in an agenda pack: nothing on them may run or open anything, and
 * the pack's page number may never be drawn over their own content.
 */

const Names = {
  A: PDFName.of('A'),
  AA: PDFName.of('AA'),
  Annots: PDFName.of('Annots'),
  Next: PDFName.of('Next'),
  S: PDFName.of('S'),
  Subtype: PDFName.of('Subtype'),
  URI: PDFName.of('URI'),
  CropBox: PDFName.of('CropBox'),
};

/** Actions that run code, open files or programs, send data or play media: none reaches a published pack. */
const ACTIVE_ACTIONS = new Set(['JavaScript', 'Launch', 'SubmitForm', 'ImportData', 'ResetForm', 'Rendition', 'Sound', 'Movie', 'GoToR', 'GoToE', 'RichMediaExecute', 'Hide', 'SetOCGState', 'Trans', 'GoTo3DView']);
/** Annotations that are themselves active: form fields, media, embedded files, 3D. */
const ACTIVE_ANNOTATIONS = new Set(['Widget', 'Screen', 'RichMedia', 'Movie', 'Sound', 'FileAttachment', '3D']);
/** Links may open the web or an e-mail, nothing else. */
const SAFE_URI = /^(https?:|mailto:)/i;

const nameOf = (context: PDFContext, object: PDFObject | undefined) => {
  const value = deref(context, object);
  return value instanceof PDFName ? value.decodeText() : undefined;
};

/** What an action (and each action it chains to with /Next) does that a pack must not, or undefined. */
function activeAction(context: PDFContext, object: PDFObject | undefined): string | undefined {
  const action = deref(context, object);
  if (!(action instanceof PDFDict)) return undefined;
  const kind = nameOf(context, action.get(Names.S));
  if (kind && ACTIVE_ACTIONS.has(kind)) return `${kind} action`;
  if (kind === 'URI') {
    const uri = deref(context, action.get(Names.URI));
    const text = uri instanceof PDFString || uri instanceof PDFHexString ? uri.decodeText() : '';
    if (!SAFE_URI.test(text)) return `link to "${text.slice(0, 40)}"`;
  }
  const next = deref(context, action.get(Names.Next));
  const chained = next instanceof PDFArray ? next.asArray() : next ? [next] : [];
  return chained.map((entry) => activeAction(context, entry)).find(Boolean);
}

/**
 * Removes from one page what could run or open anything: its own open/close actions, active annotations, and
 * active actions on the rest; ordinary links (to a page, the web or an e-mail address) stay. Says what went, page
 * by page, for the manifest.
 */
export function stripActiveContent(page: PDFPage, pageNumber: number): string[] {
  const { context } = page.doc;
  const removed: string[] = [];
  if (page.node.has(Names.AA)) {
    page.node.delete(Names.AA);
    removed.push(`page ${pageNumber}: actions run when the page opens or closes`);
  }
  const annots = deref(context, page.node.get(Names.Annots));
  if (!(annots instanceof PDFArray)) return removed;
  const kept = annots.asArray().filter((entry) => {
    const annot = deref(context, entry);
    if (!(annot instanceof PDFDict)) return true;
    const subtype = nameOf(context, annot.get(Names.Subtype)) ?? 'annotation';
    if (ACTIVE_ANNOTATIONS.has(subtype)) {
      removed.push(`page ${pageNumber}: ${subtype === 'Widget' ? 'a form field' : `a ${subtype} annotation`}`);
      return false;
    }
    if (annot.has(Names.AA)) {
      annot.delete(Names.AA);
      removed.push(`page ${pageNumber}: actions on a ${subtype} annotation`);
    }
    const active = activeAction(context, annot.get(Names.A));
    if (!active) return true;
    removed.push(`page ${pageNumber}: a ${active} on a ${subtype} annotation`);
    if (subtype === 'Link') return false;
    annot.delete(Names.A);
    return true;
  });
  if (kept.length !== annots.size()) page.node.set(Names.Annots, context.obj(kept));
  return removed;
}

/** The band added below a page (as displayed) to hold the pack's page number clear of the page's own content. */
export const NUMBER_BAND = 22;

/**
 * Extends the page by a band along its displayed foot, so the pack's "Page N of M" has a place that is free:
 * nothing of the page moves or shrinks, its links and destinations keep their coordinates, and its own footer
 * stays as it was, above the band.
 */
export function addNumberBand(page: PDFPage): void {
  const box = page.getCropBox();
  const rotation = ((page.getRotation().angle % 360) + 360) % 360;
  const grown =
    rotation === 90 ? { ...box, width: box.width + NUMBER_BAND }
    : rotation === 180 ? { ...box, height: box.height + NUMBER_BAND }
    : rotation === 270 ? { ...box, x: box.x - NUMBER_BAND, width: box.width + NUMBER_BAND }
    : { ...box, y: box.y - NUMBER_BAND, height: box.height + NUMBER_BAND };
  const media = page.getMediaBox();
  const left = Math.min(media.x, grown.x);
  const bottom = Math.min(media.y, grown.y);
  page.setMediaBox(left, bottom, Math.max(media.x + media.width, grown.x + grown.width) - left, Math.max(media.y + media.height, grown.y + grown.height) - bottom);
  if (page.node.has(Names.CropBox)) page.setCropBox(grown.x, grown.y, grown.width, grown.height);
}

