import { decodePDFRawStream, PDFName, PDFRawStream, type PDFDocument } from '../vendor/pdf-lib.js';
import type { AgendaEntry, InputProblem } from '../model/index.js';
import { deref } from './outline.js';
import { load } from './pdf-io.js';
import { taggingOf, type UntaggedReason } from './structure-read.js';

/**
 * Whether a part of a pack may stand in an agenda pack that declares PDF/UA-1. An untagged PDF cannot be made
 * accessible by the pack: its words carry no structure for a screen reader to follow. A tagged one that does not
 * itself declare PDF/UA-1 has not been said to conform by the one who made it, and the pack cannot check every
 * requirement of another service's file for them: the pack then keeps its structure but makes no claim.
 */

export type NotAccessible = UntaggedReason | 'no-pdfua-claim';
export type Accessibility = { accessible: true } | { accessible: false; reason: NotAccessible };

/** `pdfuaid:part` 1 in the document's XMP metadata, as an element or as an attribute. */
function declaresPdfUa(document: PDFDocument): boolean {
  const metadata = deref(document.context, document.catalog.get(PDFName.of('Metadata')));
  if (!(metadata instanceof PDFRawStream)) return false;
  const xmp = Buffer.from(decodePDFRawStream(metadata).decode()).toString('utf8');
  return /<pdfuaid:part>\s*1\s*</.test(xmp) || /pdfuaid:part\s*=\s*["']1["']/.test(xmp);
}

export function accessibilityOf(document: PDFDocument): Accessibility {
  const tagging = taggingOf(document);
  if (!tagging.tagged) return { accessible: false, reason: tagging.reason };
  return declaresPdfUa(document) ? { accessible: true } : { accessible: false, reason: 'no-pdfua-claim' };
}

export async function includedAccessibility(pdf: Uint8Array): Promise<Accessibility> {
  return accessibilityOf(await load(pdf, 'the included PDF'));
}

const WHY: Record<NotAccessible, string> = {
  'no-structure-tree': 'is untagged: it has no structure tree',
  'no-tagged-content': 'is untagged: its structure tree tags none of its content',
  'not-marked': 'is untagged: its catalogue does not mark it as tagged (/MarkInfo /Marked)',
  'no-pdfua-claim': 'is tagged but does not declare PDF/UA-1 in its metadata',
};

/**
 * The one line a run prints for an included PDF that is not accessible, as a warning on its file: it says it keeps
 * the agenda pack from PDF/UA only when the pack file asks for an agenda pack.
 */
export function notAccessibleWarning(entry: Extract<AgendaEntry, { kind: 'pdf' }>, reason: NotAccessible, agendaPack = true): InputProblem {
  const consequence = agendaPack ? 'the agenda pack cannot be PDF/UA (accessible)' : 'it is not an accessible paper to publish';
  return {
    file: entry.pdf,
    level: 'warning',
    reason: `item ${entry.item}: the PDF ${WHY[reason]}, so ${consequence}`,
    expected: 'a tagged PDF/UA copy from its author: ask for one, then run the pack again',
  };
}
