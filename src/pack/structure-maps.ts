import { PDFArray, PDFDict, PDFName, type PDFContext, type PDFObject } from '../vendor/pdf-lib.js';
import { deref } from './outline.js';
import { isElement, kidsOf, StructNames as N } from './structure-read.js';

/**
 * The role maps and class maps of a pack's parts, merged into the one its structure tree root may hold. Each part
 * named its own roles and classes, so two parts can give one name different meanings: the later part's elements
 * are then rewritten so that each still means what its own file said.
 */

const C = PDFName.of('C');

/** One part's copied elements and maps, in the pack's objects. */
export interface PartMaps {
  kids: readonly PDFObject[];
  roleMap: PDFDict | undefined;
  classMap: PDFDict | undefined;
}

/** Every structure element under `kids`, each once, however the tree loops. */
export function eachElement(context: PDFContext, kids: readonly PDFObject[], visit: (element: PDFDict) => void): void {
  const seen = new Set<PDFDict>();
  const stack = kids.filter((kid) => isElement(context, kid)).map((kid) => deref(context, kid) as PDFDict);
  while (stack.length > 0) {
    const element = stack.pop()!;
    if (seen.has(element)) continue;
    seen.add(element);
    visit(element);
    for (const kid of kidsOf(context, element)) if (isElement(context, kid)) stack.push(deref(context, kid) as PDFDict);
  }
}

/** The standard type a role stands for in a part's own role map (chains followed, loops cut). */
function standardType(context: PDFContext, roleMap: PDFDict, role: PDFName): PDFName {
  let type = role;
  for (let hops = 0; hops < 16; hops += 1) {
    const next = deref(context, roleMap.get(type));
    if (!(next instanceof PDFName)) break;
    type = next;
  }
  return type;
}

/** The parts' role maps as one; a role one part maps otherwise than an earlier one is replaced by its type. */
export function mergeRoleMaps(context: PDFContext, parts: readonly PartMaps[]): PDFDict | undefined {
  const merged = context.obj({}) as PDFDict;
  for (const part of parts) {
    const { roleMap } = part;
    if (!roleMap) continue;
    const clashes = new Set<PDFName>();
    for (const [role, type] of roleMap.entries()) {
      const earlier = merged.get(role);
      if (earlier === undefined) merged.set(role, deref(context, type)!);
      else if (earlier !== deref(context, type)) clashes.add(role);
    }
    if (clashes.size === 0) continue;
    eachElement(context, part.kids, (element) => {
      const role = deref(context, element.get(N.S));
      if (role instanceof PDFName && clashes.has(role)) element.set(N.S, standardType(context, roleMap, role));
    });
  }
  return merged.entries().length > 0 ? merged : undefined;
}

/** The parts' class maps as one; a class name an earlier part used is renamed in the later part (`name.3`). */
export function mergeClassMaps(context: PDFContext, parts: readonly PartMaps[]): PDFDict | undefined {
  const merged = context.obj({}) as PDFDict;
  parts.forEach((part, index) => {
    if (!part.classMap) return;
    const renamed = new Map<PDFName, PDFName>();
    for (const [name, attributes] of part.classMap.entries()) {
      const key = merged.has(name) ? PDFName.of(`${name.decodeText()}.${index + 1}`) : name;
      if (key !== name) renamed.set(name, key);
      merged.set(key, attributes);
    }
    if (renamed.size > 0) eachElement(context, part.kids, (element) => renameClasses(context, element, renamed));
  });
  return merged.entries().length > 0 ? merged : undefined;
}

/** /C is a class name or an array of names, each optionally followed by a revision number. */
function renameClasses(context: PDFContext, element: PDFDict, renamed: ReadonlyMap<PDFName, PDFName>): void {
  const classes = deref(context, element.get(C));
  if (classes instanceof PDFName) {
    const to = renamed.get(classes);
    if (to) element.set(C, to);
  } else if (classes instanceof PDFArray) {
    classes.asArray().forEach((entry, at) => {
      const to = entry instanceof PDFName ? renamed.get(entry) : undefined;
      if (to) classes.set(at, to);
    });
  }
}
