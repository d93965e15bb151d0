// How a paper is laid out, read back from the PDF with poppler and qpdf: where each bookmark lands against
// the heading it names, and what ends each page.
import { execFileSync } from 'node:child_process';
import { pdfText } from './pdf.js';

interface RawOutline {
  title: string;
  dest: unknown[];
  destpageposfrom1: number;
  kids: RawOutline[];
}

export interface Bookmark {
  title: string;
  page: number;
  /** The destination's view: `/XYZ left top zoom` (PDF space, origin bottom left). */
  view: unknown[];
}

export function bookmarks(pdf: string): Bookmark[] {
  const json = JSON.parse(execFileSync('qpdf', ['--json', '--json-key=outlines', pdf], { encoding: 'utf8' })) as { outlines: RawOutline[] };
  const flatten = (items: RawOutline[]): Bookmark[] => items.flatMap((item) => [{ title: item.title, page: item.destpageposfrom1, view: item.dest.slice(1) }, ...flatten(item.kids)]);
  return flatten(json.outlines);
}

interface PageLine {
  text: string;
  /** Top of the line's tallest word, from the top of the page. */
  yMin: number;
}

/** The lines poppler finds on one page, each with its top, and the page's height. */
export function pageLines(pdf: string, page: number): { height: number; lines: PageLine[] } {
  const xml = execFileSync('pdftotext', ['-bbox-layout', '-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const height = Number(/<page width="[\d.]+" height="([\d.]+)">/.exec(xml)![1]);
  const lines = [...xml.matchAll(/<line xMin="[\d.]+" yMin="([\d.]+)"[^>]*>([\s\S]*?)<\/line>/g)].map((match) => ({
    yMin: Number(match[1]),
    text: [...match[2]!.matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((word) => decodeXml(word[1]!)).join(' '),
  }));
  return { height, lines };
}

const decodeXml = (text: string) => text.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'");

/**
 * For each bookmark: the top its destination shows, and the top of the first line on its page that starts its
 * heading (the heading's first three words), in PDF space. A bookmark lands on its heading when these agree.
 */
export function bookmarkLandings(pdf: string): { title: string; page: number; left: unknown; destinationTop: number; headingTop: number | undefined }[] {
  return bookmarks(pdf).map((mark) => {
    const { height, lines } = pageLines(pdf, mark.page);
    const opening = mark.title.split(/\s+/).slice(0, 3).join(' ');
    const line = lines.find((candidate) => candidate.text.startsWith(opening));
    return { title: mark.title, page: mark.page, left: mark.view[1], destinationTop: Number(mark.view[2]), headingTop: line && height - line.yMin };
  });
}

/** A line of page furniture, which follows the page's own content in poppler's reading order. */
const FURNITURE = [/^Page \d+ of \d+$/, /^.+ – \d{1,2} [A-Z][a-z]+ \d{4}( DRAFT – not for publication)?$/, /^DRAFT – not for publication$/, /^(D ?R?|R|A ?F?|F|T|DR|AF|D R A F T)$/];

/** The last line of each page's own content (page furniture left out), in reading order. */
export function lastLines(pdf: string): string[] {
  return pdfText(pdf)
    .split('\f')
    .slice(0, -1)
    .map((page) => page.split('\n').map((line) => line.trim()).filter((line) => line !== '' && !FURNITURE.some((pattern) => pattern.test(line))).at(-1) ?? '');
}

/**
 * What must never end a page, because it introduces what follows: the paper's headings (its bookmarks), the
 * subheadings given, a table's title, and a lead-in line ending in a colon.
 */
export function introducesWhatFollows(line: string, headings: readonly string[]): boolean {
  return line.endsWith(':') || /^Table \d+: /.test(line) || headings.some((heading) => heading === line || (heading.startsWith(line) && line.length > 12));
}
