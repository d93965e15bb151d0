import { PDFArray, PDFDict, PDFName, PDFNumber, type PDFContext, type PDFDocument, type PDFObject, type PDFPage } from '../vendor/pdf-lib.js';
import { deref } from './outline.js';
import { eachElement } from './structure-maps.js';
import { kidsOf, StructNames as N } from './structure-read.js';

/**
 * A structure tree refers to the link annotations it holds (object references, OBJR, and the parent tree's entry
 * for each): when active content takes an annotation off a page, those references go too, or the tree would keep
 * the removed annotation, action and all, in the file.
 */

const Annots = PDFName.of('Annots');

/** The annotations on the pages, each with the page it is on and its entry in the page's /Annots. */
export function annotationsOn(context: PDFContext, pages: readonly PDFPage[]): { page: PDFPage; annot: PDFDict; ref: PDFObject }[] {
  return pages.flatMap((page) => {
    const annots = deref(context, page.node.get(Annots));
    if (!(annots instanceof PDFArray)) return [];
    return annots.asArray().flatMap((ref) => {
      const annot = deref(context, ref);
      return annot instanceof PDFDict ? [{ page, annot, ref }] : [];
    });
  });
}

/** Takes every object reference to an annotation that is not `live` out of the elements under `kids`. */
export function dropObjectReferences(context: PDFContext, kids: readonly PDFObject[], live: ReadonlySet<PDFObject>): void {
  eachElement(context, kids, (element) => {
    const all = kidsOf(context, element);
    const kept = all.filter((kid) => {
      const objr = deref(context, kid);
      return !(objr instanceof PDFDict && deref(context, objr.get(N.Type)) === N.OBJR && !live.has(objr.get(N.Obj)!));
    });
    if (kept.length === all.length) return;
    if (kept.length === 0) element.delete(N.K);
    else element.set(N.K, context.obj(kept));
  });
}

/** Removes keys from a number tree, nested or flat, wherever they are stored. */
function deleteNumberTreeKeys(context: PDFContext, tree: PDFObject | undefined, keys: ReadonlySet<number>): void {
  const seen = new Set<PDFDict>();
  const walk = (node: PDFObject | undefined): void => {
    const dict = deref(context, node);
    if (!(dict instanceof PDFDict) || seen.has(dict)) return;
    seen.add(dict);
    const nums = deref(context, dict.get(N.Nums));
    if (nums instanceof PDFArray) {
      const pairs = nums.asArray();
      const kept = pairs.filter((_, at) => {
        const key = deref(context, pairs[at - (at % 2)]);
        return !(key instanceof PDFNumber && keys.has(key.asNumber()));
      });
      if (kept.length !== pairs.length) dict.set(N.Nums, context.obj(kept));
    }
    const kids = deref(context, dict.get(N.Kids));
    if (kids instanceof PDFArray) kids.asArray().forEach(walk);
  };
  walk(tree);
}

/**
 * After annotations were taken off a document's pages (`before` is what its pages held until then): no element
 * and no parent-tree entry refers to them any more, so dropping unreferenced objects removes them from the file.
 */
export function forgetRemovedAnnotations(document: PDFDocument, before: readonly { annot: PDFDict; ref: PDFObject }[]): void {
  const { context } = document;
  const root = deref(context, document.catalog.get(N.StructTreeRoot));
  if (!(root instanceof PDFDict)) return;
  const live = new Set(annotationsOn(context, document.getPages()).map(({ ref }) => ref));
  const removed = before.filter(({ ref }) => !live.has(ref));
  if (removed.length === 0) return;
  dropObjectReferences(context, kidsOf(context, root), live);
  const keys = removed.map(({ annot }) => deref(context, annot.get(N.StructParent))).flatMap((key) => (key instanceof PDFNumber ? [key.asNumber()] : []));
  deleteNumberTreeKeys(context, root.get(N.ParentTree), new Set(keys));
}
