// The PDF's words as the matcher reads them.
import { domains } from '../../../src/framework/index.js';
import { proseText } from '../../helpers/pdf.js';

/**
 * The header rows of the paper's tables (labels.json "tables", and Table 1's domain key questions). pdfmake
 * repeats a table's header row at the top of every page the table runs onto, so where it appears depends on
 * page breaks, not on the data; and it carries no figures. Every occurrence is taken out of the PDF's text
 * before matching, and the expected text leaves the header rows out.
 */
export const TABLE_HEADERS: readonly string[] = [
  'No. Inspection question Readiness',
  'No. Inspection statement Readiness',
  'No. Line of enquiry Readiness',
  'QI Quality indicator Previous Latest Movement Evidence held Notes',
  'Indicator Period Value Change Scotland Family group Rank (group / Scotland)',
  'QI Quality indicator Evidence to consider and its status Coverage',
  'QI Quality indicator Grade Strengths Areas for improvement',
  domains.filter((d) => !d.areas.includes(10)).map((d) => d.keyQuestion).join(' '),
];

/** Table 4's header row (grades over time): the QI's columns, then one column per round, its period. */
const ROUNDS_HEADER = 'QI Quality indicator(?: \\d{4}/\\d{2}(?: Q[1-4])?)+';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const HEADER_ROW = new RegExp(`(?<=^| )(?:${[...TABLE_HEADERS.map(escape), ROUNDS_HEADER].join('|')})(?= |$)`, 'g');

/** The paper's words in reading order: furniture, list markers and table header rows taken out. */
export function paperWords(pdf: string): string {
  return proseText(pdf, { dropListMarkers: true }).replace(HEADER_ROW, ' ').replace(/\s+/g, ' ').trim();
}
