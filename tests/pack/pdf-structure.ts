import { execFileSync } from 'node:child_process';

/**
 * A PDF's logical structure as qpdf reads it (`qpdf --json`, content streams decoded): written for the tests from
 * ISO 32000-1 14.7, sharing nothing with src/pack, so that a test's expectation never comes from the code it tests.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Dict = Record<string, Json>;

export interface Element {
  ref: string;
  role: string;
  title?: string;
  lang?: string;
  /** Its attribute classes (/C), as names. */
  classes?: string;
  parent?: string;
  /** Marked content the element holds directly: an MCID on a page (by the page's 1-based position). */
  mcids: { page: number; mcid: number }[];
  /** Annotations the element holds (OBJR), by object reference. */
  objects: string[];
  kids: Element[];
}

export interface PageInfo {
  ref: string;
  structParents?: number;
  tabs?: string;
  /** The MCIDs its content streams mark, in order. */
  mcids: number[];
  /** The text of each /Artifact sequence's marked content properties (e.g. "/Type /Pagination"). */
  artifacts: string[];
  annotations: { ref: string; subtype: string; structParent?: number; contents?: string }[];
  /** The form XObjects its resources name, with the parent-tree key each holds for its own marked content. */
  forms: { ref: string; structParents?: number }[];
}

export interface Structure {
  catalog: Dict;
  /** The catalogue's /MarkInfo, resolved. */
  markInfo?: Dict;
  root?: Dict;
  /** The root's kids, as elements. */
  top: Element[];
  /** Every element by reference. */
  elements: Map<string, Element>;
  /** The parent tree, flattened from nested nodes: key → element reference, or the MCID-indexed array of them. */
  parentTree: Map<number, string | (string | null)[]>;
  /** The keys as stored in the order stored, leaf by leaf. */
  parentTreeKeys: number[];
  pages: PageInfo[];
  xmp?: string;
}

const isRef = (value: Json | undefined): value is string => typeof value === 'string' && / \d+ R$/.test(value);
const text = (value: Json | undefined) => (typeof value === 'string' ? value.replace(/^u:/, '') : undefined);

export function readStructure(file: string): Structure {
  const json = JSON.parse(execFileSync('qpdf', ['--json', '--json-key=qpdf', '--json-stream-data=inline', '--decode-level=generalized', file], { encoding: 'utf8', maxBuffer: 512 << 20 })) as { qpdf: [unknown, Record<string, { value?: Json; stream?: { dict: Dict; data?: string } }>] };
  const objects = json.qpdf[1];
  const lookup = (value: Json | undefined): Json | undefined => (isRef(value) ? (objects[`obj:${value}`]?.value ?? (objects[`obj:${value}`]?.stream?.dict as Json)) : value);
  const dict = (value: Json | undefined) => lookup(value) as Dict | undefined;
  const streamText = (ref: string) => Buffer.from(objects[`obj:${ref}`]?.stream?.data ?? '', 'base64').toString('latin1');
  const catalog = dict((objects['trailer']!.value as Dict)['/Root'])!;

  const pages = pageRefs(catalog['/Pages'] as string, dict);
  const pageNumber = new Map(pages.map((ref, index) => [ref, index + 1]));
  const elements = new Map<string, Element>();
  const element = (ref: string, seen: Set<string>): Element => {
    const found = elements.get(ref);
    if (found || seen.has(ref)) return found!;
    seen.add(ref);
    const d = dict(ref)!;
    const made: Element = { ref, role: String(d['/S']).slice(1), title: text(d['/T']), lang: text(d['/Lang']), classes: d['/C'] === undefined ? undefined : String(lookup(d['/C'])), parent: isRef(d['/P']) ? d['/P'] : undefined, mcids: [], objects: [], kids: [] };
    elements.set(ref, made);
    const kids = Array.isArray(lookup(d['/K'])) ? (lookup(d['/K']) as Json[]) : d['/K'] === undefined ? [] : [d['/K']];
    for (const kid of kids) {
      const value = lookup(kid);
      if (typeof value === 'number') made.mcids.push({ page: pageNumber.get(d['/Pg'] as string)!, mcid: value });
      else if (value && typeof value === 'object' && !Array.isArray(value) && value['/Type'] === '/MCR') made.mcids.push({ page: pageNumber.get((value['/Pg'] ?? d['/Pg']) as string)!, mcid: value['/MCID'] as number });
      else if (value && typeof value === 'object' && !Array.isArray(value) && value['/Type'] === '/OBJR') made.objects.push(value['/Obj'] as string);
      else if (isRef(kid)) made.kids.push(element(kid, seen));
    }
    return made;
  };
  const root = dict(catalog['/StructTreeRoot']);
  const rootKids = root === undefined ? [] : Array.isArray(lookup(root['/K'])) ? (lookup(root['/K']) as Json[]) : [root['/K']!];
  const top = rootKids.filter(isRef).map((ref) => element(ref, new Set()));

  const parentTree = new Map<number, string | (string | null)[]>();
  const parentTreeKeys: number[] = [];
  const walk = (node: Dict | undefined): void => {
    if (!node) return;
    const nums = (lookup(node['/Nums']) as Json[] | undefined) ?? [];
    for (let at = 0; at + 1 < nums.length; at += 2) {
      const value = isRef(nums[at + 1]) && !Array.isArray(lookup(nums[at + 1])) ? (nums[at + 1] as string) : ((lookup(nums[at + 1]) as (string | null)[]) ?? []);
      parentTree.set(nums[at] as number, value);
      parentTreeKeys.push(nums[at] as number);
    }
    for (const kid of (lookup(node['/Kids']) as Json[] | undefined) ?? []) walk(dict(kid));
  };
  walk(dict(root?.['/ParentTree']));

  const pageInfos = pages.map((ref): PageInfo => {
    const page = dict(ref)!;
    const contents = Array.isArray(lookup(page['/Contents'])) ? (lookup(page['/Contents']) as string[]) : [page['/Contents'] as string];
    const content = contents.map(streamText).join('\n');
    const annots = ((lookup(page['/Annots']) as Json[] | undefined) ?? []).map((annot) => {
      const a = dict(annot)!;
      return { ref: annot as string, subtype: String(a['/Subtype']).slice(1), structParent: a['/StructParent'] as number | undefined, contents: text(a['/Contents']) };
    });
    return {
      ref,
      structParents: page['/StructParents'] as number | undefined,
      tabs: page['/Tabs'] as string | undefined,
      mcids: [...content.matchAll(/\/MCID\s+(\d+)/g)].map((match) => Number(match[1])),
      artifacts: [...content.matchAll(/\/Artifact\s*(?:<<([^>]*)>>)?\s*BDC/g)].map((match) => (match[1] ?? '').trim().replace(/\s+/g, ' ')),
      annotations: annots,
      forms: Object.values(dict(dict(page['/Resources'])?.['/XObject']) ?? {}).filter(isRef).map((form) => ({ ref: form, structParents: dict(form)?.['/StructParents'] as number | undefined })),
    };
  });
  const metadata = catalog['/Metadata'];
  return { catalog, markInfo: dict(catalog['/MarkInfo']), root, top, elements, parentTree, parentTreeKeys, pages: pageInfos, xmp: isRef(metadata) ? Buffer.from(objects[`obj:${metadata}`]?.stream?.data ?? '', 'base64').toString('utf8') : undefined };
}

/** The page tree's leaves in order. */
function pageRefs(node: string, dict: (value: Json | undefined) => Dict | undefined): string[] {
  const d = dict(node)!;
  if (d['/Type'] === '/Page') return [node];
  return ((d['/Kids'] as string[]) ?? []).flatMap((kid) => pageRefs(kid, dict));
}

/** The elements under `element`, depth first, in reading order. */
export function descendants(element: Element): Element[] {
  return element.kids.flatMap((kid) => [kid, ...descendants(kid)]);
}

/** The element tree as `pdfinfo -struct-text` prints it, one element a line with its text: for the text in order. */
export function structText(file: string): string {
  return execFileSync('pdfinfo', ['-struct-text', file], { encoding: 'utf8', maxBuffer: 256 << 20 });
}

/** One element as pdfinfo prints it: its role, the text it holds directly, its kids. */
export interface TextNode {
  role: string;
  text: string;
  kids: TextNode[];
}

/**
 * The tree `pdfinfo -struct-text` prints: two spaces an indent, quoted lines the text of the element above, an
 * element with attributes followed by a colon and its attributes on lines of their own.
 */
export function structTextTree(file: string): TextNode[] {
  const top: TextNode[] = [];
  const open: TextNode[] = [];
  for (const line of structText(file).split('\n')) {
    const match = /^( *)(\S.*)$/.exec(line);
    if (!match) continue;
    const content = match[2]!;
    // An element's attributes are printed indented under it (`TH:` then `/Scope /Row`): not elements.
    if (content.startsWith('/')) continue;
    const depth = match[1]!.length / 2;
    if (content.startsWith('"')) {
      const owner = open[depth - 1]!;
      owner.text = [owner.text, content.slice(1, -1)].filter(Boolean).join(' ');
      continue;
    }
    if (/^Object \d+ \d+$/.test(content)) continue;
    const node: TextNode = { role: content.split(' ')[0]!.replace(/:$/, ''), text: '', kids: [] };
    (depth === 0 ? top : open[depth - 1]!.kids).push(node);
    open[depth] = node;
    open.length = depth + 1;
  }
  return top;
}

/** The nodes under `node`, depth first, in reading order. */
export function textDescendants(node: TextNode): TextNode[] {
  return node.kids.flatMap((kid) => [kid, ...textDescendants(kid)]);
}
