// The paper's layout read back from the PDF: what ends each page, where each bookmark lands, and the lettered
// lists' markers (which the word match leaves out, since pdftotext puts them out of order).
import { bookmarkLandings, bookmarks, introducesWhatFollows, lastLines } from '../../helpers/layout.js';
import { listMarkers } from '../../helpers/pdf.js';
import type { PaperInputs } from './inputs.js';
import { letters } from './phrases.js';

/** The headings nothing may be cut off from: the bookmarks' titles and Appendix 5's indicator subheadings. */
export function headingsOf(pdf: string, { oracle }: PaperInputs): string[] {
  return [...bookmarks(pdf).map((b) => b.title), ...oracle.indicators.map((i) => i.definition.title)];
}

/** Each page that ends on a heading, a table's title or a lead-in line, said as "page N ends with …". */
export function pageEndProblems(pdf: string, inputs: PaperInputs): string[] {
  const headings = headingsOf(pdf, inputs);
  return lastLines(pdf).flatMap((line, i) => (introducesWhatFollows(line, headings) ? [`page ${i + 1} ends with "${line}"`] : []));
}

/** Each bookmark that does not open its page at the left edge with its heading at the top (within 1 pt). */
export function bookmarkProblems(pdf: string): string[] {
  return bookmarkLandings(pdf).flatMap((b) => {
    if (b.left !== 0) return [`"${b.title}" opens at left ${String(b.left)}, not 0`];
    if (b.headingTop === undefined) return [`"${b.title}": no line on page ${b.page} starts with its heading`];
    const off = Math.abs(b.destinationTop - b.headingTop);
    return off > 1 ? [`"${b.title}" lands ${off.toFixed(1)} pt from its heading on page ${b.page}`] : [];
  });
}

/** The markers the paper should letter its two lists with: the recommendations, then the background papers. */
export function expectedMarkers({ particulars }: PaperInputs): string[] {
  return [...letters(particulars.recommendations.length), ...letters(particulars.backgroundPapers.length)];
}

export const markersOf = listMarkers;
