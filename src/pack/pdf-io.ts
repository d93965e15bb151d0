import { ParseSpeeds, PDFArray, PDFDict, PDFDocument, PDFNull, PDFRef, PDFStream, type PDFContext, type PDFObject } from '../vendor/pdf-lib.js';
import { dropUnreferenced } from '../ingest/pdf-objects.js';

/** Reading and writing the PDFs a pack is made of, the same way everywhere in the pack. */

const loadOptions = { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest } as const;

export async function load(pdf: Uint8Array, what: string): Promise<PDFDocument> {
  try {
    return await PDFDocument.load(pdf, loadOptions);
  } catch (error) {
    throw new Error(`${what}: cannot read the PDF (${error instanceof Error ? error.message : String(error)})`, { cause: error });
  }
}

/**
 * Objects in object streams: a tagged paper's structure tree is thousands of small dictionaries, and a pack keeps
 * every paper's, so this halves a published agenda pack (1.37 MB → 0.79 MB for the example; 14 MB → about 7.7 MB
 * for the 32 councils' pack).
 */
export const saveOptions = { useObjectStreams: true, addDefaultPage: false, objectsPerTick: Infinity, updateFieldAppearances: false } as const;

/**
 * Numbers the document's objects 1, 2, 3 … in their present order, every reference rewritten. Objects dropped
 * leave holes in the numbering, which pdf-lib writes as a cross-reference table in many subsections; ISO 32000-1
 * 7.5.4 wants one for a file never updated, and poppler, finding a hole, tries to rebuild the table and complains.
 * A reference to an object that is not there becomes null, as the standard reads it.
 */
function numberObjectsInOrder(context: PDFContext): void {
  const objects = context.enumerateIndirectObjects();
  if (objects.every(([ref], index) => ref.objectNumber === index + 1 && ref.generationNumber === 0)) return;
  const renumbered = new Map(objects.map(([ref], index) => [ref, PDFRef.of(index + 1)]));
  const seen = new Set<PDFObject>();
  const rewrite = (object: PDFObject): PDFObject => {
    if (object instanceof PDFRef) return renumbered.get(object) ?? PDFNull;
    if (seen.has(object)) return object;
    seen.add(object);
    if (object instanceof PDFDict) for (const [key, value] of object.entries()) object.set(key, rewrite(value));
    else if (object instanceof PDFArray) object.asArray().forEach((value, at) => object.set(at, rewrite(value)));
    else if (object instanceof PDFStream) rewrite(object.dict);
    return object;
  };
  for (const [ref] of objects) context.delete(ref);
  for (const [ref, object] of objects) context.assign(renumbered.get(ref)!, rewrite(object));
  const trailer = context.trailerInfo;
  for (const key of ['Root', 'Info'] as const) if (trailer[key]) trailer[key] = rewrite(trailer[key]!);
  if (trailer.ID) trailer.ID = rewrite(trailer.ID);
  context.largestObjectNumber = objects.length;
}

/**
 * Saves a document the pack made or changed: its fonts embedded, the objects nothing refers to any more dropped
 * (what was taken out, and what copying left behind), the rest numbered without holes.
 */
export async function saveWhole(document: PDFDocument): Promise<Uint8Array> {
  await document.flush();
  dropUnreferenced(document.context);
  numberObjectsInOrder(document.context);
  return document.save(saveOptions);
}
