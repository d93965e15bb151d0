import { PDFArray, PDFDict, PDFRef, PDFStream, type PDFContext, type PDFObject } from '../vendor/pdf-lib.js';

/**
 * Drops every object nothing in the document refers to any more — what was removed above, and whatever else copying
 * left behind — so that removed content is gone from the file, not just unreachable in it.
 */
export function dropUnreferenced(context: PDFContext): void {
  const reachable = new Set<PDFRef>();
  const visit = (object: PDFObject | undefined): void => {
    if (object instanceof PDFRef) {
      if (reachable.has(object)) return;
      reachable.add(object);
      visit(context.lookup(object));
    } else if (object instanceof PDFDict) {
      for (const [, value] of object.entries()) visit(value);
    } else if (object instanceof PDFArray) {
      for (const value of object.asArray()) visit(value);
    } else if (object instanceof PDFStream) {
      visit(object.dict);
    }
  };
  for (const root of [context.trailerInfo.Root, context.trailerInfo.Info, context.trailerInfo.Encrypt]) visit(root as PDFObject | undefined);
  for (const [ref] of context.enumerateIndirectObjects()) if (!reachable.has(ref)) context.delete(ref);
  // The cross-reference table's size follows the highest object number left, as readers check it does.
  context.largestObjectNumber = Math.max(0, ...context.enumerateIndirectObjects().map(([ref]) => ref.objectNumber));
}
