import { execFileSync } from 'node:child_process';

/** The PDF's text as poppler's pdftotext reads it: the test sees what a reader's copy-paste would. */
export function pdfText(file: string, { layout = false } = {}): string {
  return execFileSync('pdftotext', [layout ? '-layout' : '-raw', file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
}

/** In content order with whitespace collapsed, so table cells wrapped over lines still read as one phrase. */
export function flatText(file: string): string {
  return pdfText(file).replace(/\s+/g, ' ');
}

/** A line of page furniture: the page number, the running header, the draft marker, the watermark's letters. */
const FURNITURE = [/^Page \d+ of \d+$/, /^.+ – \d{1,2} [A-Z][a-z]+ \d{4}( DRAFT – not for publication)?$/, /^DRAFT – not for publication$/, /^(D ?R?|R|A ?F?|F|T|DR|AF|D R A F T)$/];

/** A lettered list's marker, "(a)", which pdftotext -raw puts on a line of its own after its item's first line. */
const LIST_MARKER = /^\([a-z]\)$/;

export interface ProseOptions {
  /**
   * Leave out the lettered lists' markers. pdftotext -raw prints "(a)" after its item's first line, so kept they
   * split a sentence ("…for (a) 2022/23 Q2…") and stop a word broken over lines ("self-" / "(e)" / "evaluation")
   * being joined. `listMarkers` reads them, in order, for a test to check separately.
   */
  dropListMarkers?: boolean;
}

/**
 * The paper's own words in reading order, whitespace collapsed, with the page furniture taken out, so a
 * sentence or a table row broken over a page reads as one. A line broken after a hyphen or a zero-width
 * break point is joined without a space, as it was written.
 */
export function proseText(file: string, { dropListMarkers = false }: ProseOptions = {}): string {
  const lines = pdfText(file)
    .split(/\n|\f/)
    .filter((line) => !FURNITURE.some((pattern) => pattern.test(line.trim())))
    .filter((line) => !(dropListMarkers && LIST_MARKER.test(line.trim())));
  return lines
    .map((line) => line.trim())
    .join('\n')
    .replace(/(?<=[\p{L}\p{N}][-/\u200B])\n(?=[\p{L}\p{N}])/gu, '')
    .replace(/\u200B/g, '')
    .replace(/\s+/g, ' ');
}

/** The lettered lists' markers, "(a)", "(b)" …, in reading order (each is a line of its own). */
export function listMarkers(file: string): string[] {
  return pdfText(file).split(/\n|\f/).map((line) => line.trim()).filter((line) => LIST_MARKER.test(line));
}

export function pdfInfo(file: string): Record<string, string> {
  const info: Record<string, string> = {};
  for (const line of execFileSync('pdfinfo', [file], { encoding: 'utf8' }).split('\n')) {
    const match = /^([^:]+):\s*(.*)$/.exec(line);
    if (match) info[match[1]!] = match[2]!;
  }
  return info;
}

export function pdfPageTexts(file: string): string[] {
  return pdfText(file).split('\f').slice(0, -1);
}

interface Outline {
  title: string;
  destpageposfrom1: number;
  kids: Outline[];
}

export function pdfOutline(file: string): { title: string; page: number }[] {
  const json = JSON.parse(execFileSync('qpdf', ['--json', '--json-key=outlines', file], { encoding: 'utf8' })) as { outlines: Outline[] };
  const flatten = (items: Outline[]): { title: string; page: number }[] => items.flatMap((item) => [{ title: item.title, page: item.destpageposfrom1 }, ...flatten(item.kids)]);
  return flatten(json.outlines);
}

export function pdfCatalogue(file: string): string {
  return execFileSync('qpdf', ['--qdf', '--object-streams=disable', file, '-'], { encoding: 'latin1', maxBuffer: 256 << 20 });
}
