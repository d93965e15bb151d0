import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { Meeting } from '../model/index.js';
import { dataTable, ROW_HEADER } from './blocks/table-style.js';
import { withBreakableText } from './break-long-words.js';
import { PAPER_FONT } from './document.js';
import { weekdayDate } from './format.js';
import type { PaperTemplates } from './templates.js';

/** One line of the agenda: an item, and where its paper starts and ends in the pack. */
export interface AgendaLine {
  item: string;
  title: string;
  reportBy?: string;
  pages?: { first: number; last: number };
}

export interface FrontSheet {
  meeting: Meeting;
  lines: AgendaLine[];
}

/** The scheme of the links agenda lines carry; merging the pack turns each into a jump to its item's first page. */
export const ITEM_LINK_SCHEME = 'qif-item:';
export const itemLink = (item: string) => `${ITEM_LINK_SCHEME}${item}`;

/**
 * The agenda pack's front sheet: the meeting's particulars and membership, then the agenda, each line
 * with its report-by line and page range, and a link to its paper. Words come from labels.json. Its pages
 * are numbered when the pack is merged, with the rest of the pack.
 */
export function frontSheetDocument({ meeting, lines }: FrontSheet, { labels, fill }: PaperTemplates): TDocumentDefinitions {
  const t = labels.frontSheet;
  const date = weekdayDate(meeting.date);
  const particulars: TableCell[][] = [
    [{ text: t.date, bold: true, tag: ROW_HEADER }, date],
    ...(meeting.time ? [[{ text: t.time, bold: true, tag: ROW_HEADER }, meeting.time]] : []),
    ...(meeting.venue ? [[{ text: t.venue, bold: true, tag: ROW_HEADER }, meeting.venue]] : []),
  ];
  const agenda: TableCell[][] = lines.map((line) => {
    const link = line.pages ? itemLink(line.item) : undefined;
    // Each link says where it goes, for a screen reader's list of links (the annotation's /Contents).
    const tag = link ? ({ role: 'Link', contents: fill(t.linkContents, { ...line, first: line.pages!.first }) } as const) : undefined;
    const title: Content = { stack: [{ text: line.title, bold: true, link, tag }, ...(line.reportBy ? [{ text: fill(t.reportBy, line), fontSize: 9, color: '#444444', link, tag }] : [])] };
    const pages = line.pages ? fill(line.pages.first === line.pages.last ? t.singlePage : t.pageRange, line.pages) : t.noPaper;
    return [{ text: line.item, bold: true, link, tag }, title, { text: pages, alignment: 'right', link, tag }];
  });
  const content: Content[] = [
    { text: meeting.council, style: 'councilName' },
    { text: meeting.committee, fontSize: 13, bold: true, margin: [0, 0, 0, 8] },
    { table: { widths: [60, '*'], body: particulars }, layout: 'noBorders', margin: [0, 0, 0, 8] },
    ...(meeting.membership.length > 0 ? [{ text: t.membership, style: 'sectionHeading', tag: 'H1' as const }, { text: meeting.membership.join('; '), fontSize: 9.5 }] : []),
    { text: t.agenda, style: 'sectionHeading', tag: 'H1' as const, tocItem: false },
    dataTable([35, '*', 55], [t.item, t.business, t.pages], agenda, 9.5),
    { text: t.note, fontSize: 8.5, color: '#444444', margin: [0, 8, 0, 0] },
  ];
  // The meeting date stands in for "now", so the same pack always gives the same bytes.
  const issued = new Date(`${meeting.date}T00:00:00Z`);
  return {
    pageSize: 'A4',
    pageMargins: [57, 60, 57, 60],
    language: 'en-GB',
    info: { title: meeting.committee, creator: 'qif-report', producer: 'qif-report', creationDate: issued, modDate: issued },
    content: withBreakableText(content),
    defaultStyle: { font: PAPER_FONT, fontSize: 10.5, lineHeight: 1.2 },
    styles: {
      councilName: { fontSize: 15, bold: true, margin: [0, 4, 0, 4] },
      sectionHeading: { fontSize: 12.5, bold: true, margin: [0, 12, 0, 6] },
    },
  };
}
