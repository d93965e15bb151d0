import type { Element, Root } from 'hast';
import { toHtml } from '../../vendor/markdown.js';
import type { Meeting } from '../../model/index.js';
import { longDate, weekdayDate } from '../format.js';
import type { PaperTemplates } from '../templates.js';
import { h, Ids } from './hast.js';
import { MEETING_CSS } from './meeting-style.js';
import type { FontRules } from './fonts.js';
import { pageShell, withEmbeddedFonts } from './shell.js';
import { PAGE_CSS } from './style.js';

/** A file the page links to: its path from the page, `/`-separated, as it is named on disk (encoded here). */
export interface LinkedPdf {
  path: string;
  pages: number;
}

/** One line of the meeting's agenda, with its paper's files. */
export interface MeetingIndexLine {
  item: string;
  title: string;
  reportBy?: string;
  /** The paper's web page, its path from the index as named on disk. */
  html?: string;
  pdf?: LinkedPdf;
  /** Another service's PDF, included as supplied: it has no web page. */
  included?: boolean;
}

/** The meeting's web page: the front sheet, its agenda linking to each paper's files, in item order. */
export interface MeetingIndex {
  meeting: Meeting;
  lines: readonly MeetingIndexLine[];
  agendaPack?: LinkedPdf;
}

/** The meeting page's style sheet: the paper's, then its own. */
const STYLE = `${PAGE_CSS}${MEETING_CSS}`;

/** A relative URL for a file's path: each segment percent-encoded, so spaces, "–", "#", "?" and ":" stay in the name. */
export const relativeHref = (file: string): string => file.split('/').map(encodeURIComponent).join('/');

/**
 * A link whose words make sense out of context: it shows "Web page" or "PDF, 24 pages", and a screen reader's
 * list of links hears "Item 4: Inspection readiness … – Web page", the item's words hidden on screen only.
 */
function paperLink(file: string, context: string, words: string): Element {
  return h('a', { href: relativeHref(file) }, [h('span', { className: ['visually-hidden'] }, [`${context} `]), words]);
}

function agendaLine(line: MeetingIndexLine, { labels, fill }: PaperTemplates): Element {
  const t = labels.meetingPage;
  const context = fill(t.linkItem, line);
  const links = [
    line.html !== undefined && h('li', {}, [paperLink(line.html, context, t.webPage)]),
    line.pdf !== undefined && h('li', {}, [paperLink(line.pdf.path, context, fill(line.included ? t.includedPdf : t.pdf, line.pdf))]),
  ].filter((link): link is Element => link !== false);
  return h('li', {}, [
    // Read as "Item 4"; seen as the number alone, in its column.
    h('span', { className: ['item-number'] }, [h('span', { className: ['visually-hidden'] }, [`${labels.frontSheet.item} `]), line.item]),
    h('div', { className: ['item-body'] }, [
      h('p', { className: ['item-title'] }, [line.title]),
      line.reportBy !== undefined && h('p', { className: ['report-by'] }, [fill(labels.frontSheet.reportBy, line)]),
      links.length > 0 ? h('ul', { className: ['paper-links'] }, links) : h('p', { className: ['no-paper'] }, [t.noPaper]),
    ]),
  ]);
}

/**
 * The meeting's page as one hast tree: the meeting's particulars in the `header`, with the agenda pack; the
 * membership and the agenda in `main`, each line linking to its paper's web page and PDF. The words are the
 * front sheet's (labels.json), the date printed as it prints it.
 */
export function meetingPageHast(index: MeetingIndex, templates: PaperTemplates): Root {
  const { labels, fill } = templates;
  const { meeting } = index;
  const f = labels.frontSheet;
  const t = labels.meetingPage;
  const ids = new Ids();
  const particular = (label: string, value: string | undefined) => (value === undefined ? [] : [h('dt', {}, [label]), h('dd', {}, [value])]);
  const section = (heading: string, content: Element[]) => {
    const id = ids.next(heading);
    return h('section', { ariaLabelledBy: [id] }, [h('h2', { id }, [heading]), ...content]);
  };
  const header = h('header', { className: ['meeting-header'] }, [
    h('p', { className: ['council'] }, [meeting.council]),
    h('h1', {}, [meeting.committee]),
    h('dl', { className: ['particulars'] }, [...particular(f.date, weekdayDate(meeting.date)), ...particular(f.time, meeting.time), ...particular(f.venue, meeting.venue)]),
    index.agendaPack && h('p', { className: ['agenda-pack'] }, [h('a', { href: relativeHref(index.agendaPack.path) }, [fill(t.agendaPack, index.agendaPack)])]),
  ]);
  const main = h('main', {}, [
    meeting.membership.length > 0 && section(f.membership, [h('ul', { className: ['membership'] }, meeting.membership.map((member) => h('li', {}, [member])))]),
    section(f.agenda, [
      // role="list": Safari drops a list's semantics when its markers are styled away.
      h('ol', { className: ['agenda'], role: 'list' }, index.lines.map((line) => agendaLine(line, templates))),
      h('p', { className: ['page-note'] }, [t.note]),
    ]),
  ]);
  return pageShell({
    title: fill(t.title, { committee: meeting.committee, date: longDate(meeting.date) }),
    css: STYLE,
    meta: [h('meta', { name: 'author', content: meeting.council })],
    body: [header, main],
  });
}


/**
 * The meeting's web page, index.html: one self-contained page, its font embedded (as the papers' pages); a
 * function of the index and the templates alone.
 */
export async function meetingPageHtml(index: MeetingIndex, templates: PaperTemplates, fontRules?: FontRules): Promise<string> {
  return `${toHtml(await withEmbeddedFonts(meetingPageHast(index, templates), fontRules))}\n`;
}
