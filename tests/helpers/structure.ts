// A PDF's logical structure read back with tools that share no code with ours: poppler's
// `pdfinfo -struct-text` for roles, attributes and the text each element holds, and `qpdf --json` for what
// pdfinfo does not print (a figure's /Alt). Neither reader knows how the tree was written.
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { pdfText } from './pdf.js';

/** One structure element as pdfinfo prints it. */
export interface StructElement {
  role: string;
  /** Attributes by name without the slash, values as printed without a name's slash: `{ Scope: 'Row', ColSpan: '5' }`. */
  attributes: Record<string, string>;
  /** Child elements and text runs in the tree's order; a run is one piece of marked content, as poppler reads it. */
  kids: StructKid[];
}

export type StructKid = StructElement | string;

const isElement = (kid: StructKid): kid is StructElement => typeof kid !== 'string';

/**
 * Parses `pdfinfo -struct-text`: an element a line (`P (block)`, `TH:` then its attributes one a line,
 * `/Scope /Row`), each text run a quoted line, nesting by indent; an object reference (`Object 12 0`, a link's
 * annotation) becomes a kid of role `OBJR`. The root returned is the tree's root (role `StructTreeRoot`), whose
 * kids are the top-level elements.
 */
export function parseStructText(text: string): StructElement {
  const root: StructElement = { role: 'StructTreeRoot', attributes: {}, kids: [] };
  const stack: { indent: number; element: StructElement }[] = [{ indent: -1, element: root }];
  let lastRun: { element: StructElement; index: number } | undefined;
  for (const line of text.split('\n')) {
    if (lastRun) {
      // A run whose text held a line break: the rest of it, up to its closing quote.
      const closed = line.endsWith('"');
      lastRun.element.kids[lastRun.index] = `${lastRun.element.kids[lastRun.index] as string}\n${closed ? line.slice(0, -1) : line}`;
      if (closed) lastRun = undefined;
      continue;
    }
    if (line.trim() === '') continue;
    const indent = line.length - line.trimStart().length;
    const body = line.trimStart();
    if (body.startsWith('/')) {
      // An attribute of the element just opened, printed below it: `/Name value`, a name's slash dropped.
      const match = /^\/(\S+)\s+(.*)$/.exec(body);
      if (!match) throw new Error(`pdfinfo -struct-text: an attribute not understood: ${line}`);
      stack.at(-1)!.element.attributes[match[1]!] = match[2]!.replace(/^\//, '');
      continue;
    }
    // Anything else belongs to the nearest element printed less indented above it.
    while (stack.length > 1 && stack.at(-1)!.indent >= indent) stack.pop();
    const owner = stack.at(-1)!.element;
    if (body.startsWith('"')) {
      // A run: the text between the quotes, printed as it is (quotes inside it are not escaped).
      const closed = body.length > 1 && body.endsWith('"');
      owner.kids.push(closed ? body.slice(1, -1) : body.slice(1));
      if (!closed) lastRun = { element: owner, index: owner.kids.length - 1 };
      continue;
    }
    if (body === '(No content?)') {
      // Marked content poppler found no text in.
      owner.kids.push('');
      continue;
    }
    const object = /^Object (\d+) (\d+)$/.exec(body);
    if (object) {
      // An object reference (a link's annotation): not an element, no text; kept so a reader can count it.
      owner.kids.push({ role: 'OBJR', attributes: { Obj: `${object[1]} ${object[2]} R` }, kids: [] });
      continue;
    }
    const match = /^([A-Za-z][\w-]*)(?: <[^>]*>)?(?: "[^"]*")?(?: r\d+)?(?: \((?:block|inline)\))?:?$/.exec(body);
    if (!match) throw new Error(`pdfinfo -struct-text: a line not understood: ${line}`);
    const element: StructElement = { role: match[1]!, attributes: {}, kids: [] };
    owner.kids.push(element);
    stack.push({ indent, element });
  }
  return root;
}

/** The structure tree of `file`, as poppler reads it (several seconds for a long paper: read it once). */
export async function structTree(file: string): Promise<StructElement> {
  const { stdout } = await promisify(execFile)('pdfinfo', ['-struct-text', file], { encoding: 'utf8', maxBuffer: 256 << 20 });
  if (stdout.trim() === '') throw new Error(`${file}: pdfinfo -struct-text prints no structure (not a tagged PDF?)`);
  return parseStructText(stdout);
}

/** The element's child elements, in order. */
export const childElements = (element: StructElement): StructElement[] => element.kids.filter(isElement);

/** Every element under `element` (not itself), depth first in the tree's order; with a role, only those. */
export function descendants(element: StructElement, role?: string): StructElement[] {
  const all = childElements(element).flatMap((child) => [child, ...descendants(child)]);
  return role ? all.filter((e) => e.role === role) : all;
}

/** Every text run under `element`, in the tree's order. */
export const runsOf = (element: StructElement): string[] => element.kids.flatMap((kid) => (isElement(kid) ? runsOf(kid) : [kid]));

/** The element's own runs only (not those of the elements inside it). */
export const ownRuns = (element: StructElement): string[] => element.kids.filter((kid): kid is string => !isElement(kid));

/** The element's text as one string: its runs joined as they are, nothing added between them. */
export const textOf = (element: StructElement): string => runsOf(element).join('');

/**
 * The text a screen reader reads from the structure, in the tree's order: within an element its runs are
 * joined as they are, nothing added (what is not in the runs is not heard); each element is read as a piece of
 * its own, set apart by a line break. Elements whose text is replaced by their alternative text (a Figure) are
 * left out with everything inside them.
 */
export function readingText(element: StructElement, skip: ReadonlySet<string> = new Set(['Figure'])): string {
  return element.kids.map((kid) => (!isElement(kid) ? kid : skip.has(kid.role) ? '\n' : `\n${readingText(kid, skip)}\n`)).join('');
}

// ---- qpdf --json: the tree as objects, for what pdfinfo does not print ----

/** A structure element as the file's objects hold it. */
export interface StructObject {
  role: string;
  alt?: string;
  actualText?: string;
  kids: StructObject[];
  /** Marked-content ids and annotation references directly under this element. */
  content: number;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A string as qpdf's JSON v2 gives it: `u:` text, or `b:` hex bytes (UTF-16BE with its mark, or PDFDocEncoding's ASCII). */
export function qpdfString(value: Json | undefined): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (value.startsWith('u:')) return value.slice(2);
  if (value.startsWith('b:')) {
    const bytes = Buffer.from(value.slice(2), 'hex');
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return Buffer.from(bytes.subarray(2)).swap16().toString('utf16le');
    return bytes.toString('latin1');
  }
  return undefined;
}

/** The file's objects through `qpdf --json`, with a function to follow an indirect reference. */
export function qpdfObjects(file: string): { get: (ref: Json | undefined) => Json | undefined; trailer: Record<string, Json> } {
  const json = JSON.parse(execFileSync('qpdf', ['--json', '--json-key=qpdf', file], { encoding: 'utf8', maxBuffer: 512 << 20 })) as { qpdf: [unknown, Record<string, { value?: Json; stream?: { dict: Json } }>] };
  const objects = json.qpdf[1];
  const get = (ref: Json | undefined): Json | undefined => {
    if (typeof ref === 'string' && / \d+ R$/.test(ref)) {
      const object = objects[`obj:${ref}`];
      return object?.value ?? object?.stream?.dict;
    }
    return ref;
  };
  return { get, trailer: objects['trailer']!.value as Record<string, Json> };
}

/**
 * The structure tree as the file's objects hold it, from the catalogue's /StructTreeRoot down its /K arrays
 * in order: the top-level elements. A kid that is a number or a marked-content or object reference is content.
 */
export function structObjects(file: string): StructObject[] {
  const { get, trailer } = qpdfObjects(file);
  const catalogue = get(trailer['/Root']) as Record<string, Json>;
  const treeRoot = get(catalogue['/StructTreeRoot']) as Record<string, Json> | undefined;
  if (!treeRoot) throw new Error(`${file}: the catalogue has no /StructTreeRoot`);
  const seen = new Set<string>();
  const kidsOf = (k: Json | undefined): { elements: StructObject[]; content: number } => {
    const list = Array.isArray(k) ? k : k === undefined ? [] : [k];
    const elements: StructObject[] = [];
    let content = 0;
    for (const kid of list) {
      const value = get(kid);
      if (typeof value === 'number') content += 1;
      else if (value && typeof value === 'object' && !Array.isArray(value) && typeof value['/S'] === 'string') {
        if (typeof kid === 'string') {
          if (seen.has(kid)) throw new Error(`${file}: structure element ${kid} is reached twice`);
          seen.add(kid);
        }
        elements.push(element(value));
      } else if (value && typeof value === 'object' && !Array.isArray(value)) content += 1;
    }
    return { elements, content };
  };
  const element = (dict: Record<string, Json>): StructObject => {
    const { elements, content } = kidsOf(dict['/K']);
    const alt = qpdfString(dict['/Alt']);
    const actualText = qpdfString(dict['/ActualText']);
    return { role: String(dict['/S']).replace(/^\//, ''), ...(alt !== undefined && { alt }), ...(actualText !== undefined && { actualText }), kids: elements, content };
  };
  return kidsOf(treeRoot['/K']).elements;
}

/** Every element of a qpdf-read tree, depth first in order. */
export const allObjects = (elements: StructObject[]): StructObject[] => elements.flatMap((e) => [e, ...allObjects(e.kids)]);

// ---- pdftotext: the words on the pages, to hold the tagged text against ----

/** A lettered list's marker, which pdftotext -raw prints on a line of its own, after its item's first line. */
const LIST_MARKER = /^\([a-z]\)$/;

/** A hyphen ends a line inside a word; so may punctuation inside a long run (a file name), where the paper lets it break. */
const HYPHEN_AT_END = /[-\u2010]$/;
const BREAK_POINT_AT_END = /[_./\\:;,\u2013\u2014=&?#+|]$/;
/** The paper lets a run of more than this many characters break at its punctuation (break-long-words.ts: 20). */
const LONG_RUN = 20;

/**
 * The words pdftotext (-raw, the order the pages draw them) finds on the pages: every whitespace-separated token,
 * and a word broken over two lines joined again where the line ends at a point a word breaks without a space: a
 * hyphen, or the punctuation of a run too long for its column ("data/council_children_indicators_" / "2021.csv").
 * A list marker pdftotext prints between the two halves ("self-" / "(e)" / "evaluation.") is stepped over. A line
 * that ends in a letter, or a short word and a comma, is never joined to the next: "and" / "young" stay two words.
 */
export function pageWords(file: string): Set<string> {
  const text = pdfText(file);
  const words = new Set(text.split(/\s+/).filter((word) => word !== ''));
  const lines = text.split(/\n|\f/).map((line) => line.trim()).filter((line) => line !== '' && !LIST_MARKER.test(line));
  let carry: string | undefined;
  lines.forEach((line, index) => {
    const tokens = line.split(/\s+/);
    if (carry !== undefined) {
      tokens[0] = carry + tokens[0]!;
      words.add(tokens[0]);
    }
    carry = undefined;
    const last = tokens.at(-1)!;
    const next = lines[index + 1]?.split(/\s+/)[0] ?? '';
    if (HYPHEN_AT_END.test(last) || (BREAK_POINT_AT_END.test(last) && (last + next).length > LONG_RUN)) carry = last;
  });
  return words;
}
