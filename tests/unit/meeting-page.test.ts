// The meeting's web page (index.html), issue 12: the front sheet with the agenda, each line linking to its paper's
// web page and PDF. Expected words, hrefs and hashes are written out here by hand, not computed by the page's code.
import { createHash } from 'node:crypto';
import type { Element, Root } from 'hast';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Meeting } from '../../src/model/index.js';
import { loadTemplates, type PaperTemplates } from '../../src/render/index.js';
import { meetingPageHast, meetingPageHtml, type MeetingIndex } from '../../src/render/html/index.js';
import { all, classes, isElement, tag, textOf, type Node } from '../helpers/hast.js';

const hasClass = (name: string) => (element: Element) => classes(element).includes(name);
const one = (node: Node, test: (element: Element) => boolean) => {
  const found = all(node, test);
  expect(found).toHaveLength(1);
  return found[0]!;
};
const childTags = (element: Element) => element.children.filter(isElement).map((child) => child.tagName);

const MEETING: Meeting = {
  council: 'Renfrewshire Council',
  committee: 'Improving Life Chances Group',
  date: '2022-11-24',
  time: '10:00',
  venue: 'Council Chambers',
  membership: ['Councillor Example (Convener)', 'Chief Social Work Officer'],
};

const INDEX: MeetingIndex = {
  meeting: MEETING,
  lines: [
    { item: '1', title: 'Apologies' },
    { item: '3', title: "Children's services plan: progress report", reportBy: 'Head of Service', pdf: { path: "03 Children's services plan progress report.pdf", pages: 2 }, included: true },
    {
      item: '4',
      title: 'Inspection readiness – Renfrewshire, 2021/22',
      reportBy: 'Head of Children’s Services',
      html: '04 Inspection readiness – Renfrewshire 2021-22.html',
      pdf: { path: '04 Inspection readiness – Renfrewshire 2021-22.pdf', pages: 12 },
    },
    { item: '4B', title: 'Inspection readiness – Orkney, 2021/22', html: 'papers/04B Orkney #2?.html', pdf: { path: 'papers/04B Orkney: 50% done.pdf', pages: 1 } },
    { item: '5.1', title: 'Date of next meeting' },
  ],
  agendaPack: { path: '00 Improving Life Chances Group 2022-11-24 agenda pack.pdf', pages: 74 },
};

let templates: PaperTemplates;
let page: Root;
let html: string;
beforeAll(async () => {
  templates = await loadTemplates();
  page = meetingPageHast(INDEX, templates);
  html = await meetingPageHtml(INDEX, templates);
}, 60_000);

const agendaLines = (root: Root) => one(root, hasClass('agenda')).children.filter(isElement);
const links = (node: Node) => all(node, tag('a')).map((a) => [textOf(a), a.properties.href]);

describe('the meeting page', () => {
  it('is a British English HTML document with a header and a main, and its head says what it is', () => {
    expect(html.startsWith('<!doctype html><html lang="en-GB"><head><meta charset="utf-8">')).toBe(true);
    const body = one(page, tag('body'));
    expect(childTags(body)).toEqual(['header', 'main']);
    expect(textOf(one(page, tag('title')))).toBe('Improving Life Chances Group, 24 November 2022: agenda');
    expect(one(page, (e) => e.tagName === 'meta' && e.properties.name === 'viewport').properties.content).toBe('width=device-width, initial-scale=1');
  });

  it('allows its one inline style sheet by hash, its embedded fonts, and nothing from anywhere else', () => {
    const css = textOf(one(page, tag('style')));
    const hash = createHash('sha256').update(css, 'utf8').digest('base64');
    const csp = one(page, (e) => e.tagName === 'meta' && (e.properties.httpEquiv as string[] | undefined)?.[0] === 'Content-Security-Policy');
    expect(csp.properties.content).toBe(`default-src 'none'; style-src 'sha256-${hash}'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'`);
    expect(all(page, (e) => ['script', 'link', 'img', 'iframe'].includes(e.tagName))).toEqual([]);
    // The style sheet's only url( are its embedded fonts, data: URLs (whose base64 may hold "//").
    expect(html.replace(/<style>[\s\S]*<\/style>/, '')).not.toMatch(/https?:|\/\/|@import|url\(/);
    expect(html).not.toMatch(/https?:|@import|url\((?!data:font\/woff2;base64,)/);
    expect(html).toContain('@font-face { font-family: "Roboto"; font-style: normal; font-weight: 400; src: url(data:font/woff2;base64,');
    // Dark mode and print are the style sheet's.
    expect(css).toContain('@media (prefers-color-scheme: dark)');
    expect(css).toContain('@media print');
  });

  it('heads the page with the council, the committee as h1 and the particulars as a dl, the date as the front sheet prints it', () => {
    const header = one(page, tag('header'));
    expect(textOf(one(header, hasClass('council')))).toBe('Renfrewshire Council');
    expect(all(page, tag('h1')).map(textOf)).toEqual(['Improving Life Chances Group']);
    const dl = one(header, tag('dl'));
    expect(childTags(dl)).toEqual(['dt', 'dd', 'dt', 'dd', 'dt', 'dd']);
    expect(dl.children.filter(isElement).map(textOf)).toEqual(['Date:', 'Thursday 24 November 2022', 'Time:', '10:00', 'Venue:', 'Council Chambers']);
    expect(links(header)).toEqual([['Agenda pack: the agenda and every paper in one PDF, 74 pages', '00%20Improving%20Life%20Chances%20Group%202022-11-24%20agenda%20pack.pdf']]);
  });

  it('lists the membership and the agenda under h2 headings that name their sections', () => {
    const main = one(page, tag('main'));
    expect(all(main, tag('h2')).map((h2) => [textOf(h2), h2.properties.id])).toEqual([
      ['Membership', 'membership'],
      ['Agenda', 'agenda'],
    ]);
    expect(all(main, tag('section')).map((section) => section.properties.ariaLabelledBy)).toEqual([['membership'], ['agenda']]);
    expect(all(one(main, hasClass('membership')), tag('li')).map(textOf)).toEqual(['Councillor Example (Convener)', 'Chief Social Work Officer']);
    const agenda = one(main, hasClass('agenda'));
    expect(agenda.tagName).toBe('ol');
    expect(agenda.properties.role).toBe('list');
  });

  it('keeps the agenda in item order, each number read as "Item …", with its title and report-by line', () => {
    const lines = agendaLines(page);
    expect(lines.map((li) => li.tagName)).toEqual(['li', 'li', 'li', 'li', 'li']);
    expect(lines.map((li) => textOf(one(li, hasClass('item-number'))))).toEqual(['Item 1', 'Item 3', 'Item 4', 'Item 4B', 'Item 5.1']);
    expect(lines.map((li) => textOf(one(li, hasClass('item-title'))))).toEqual([
      'Apologies',
      "Children's services plan: progress report",
      'Inspection readiness – Renfrewshire, 2021/22',
      'Inspection readiness – Orkney, 2021/22',
      'Date of next meeting',
    ]);
    expect(lines.map((li) => all(li, hasClass('report-by')).map(textOf))).toEqual([[], ['Report by Head of Service'], ['Report by Head of Children’s Services'], [], []]);
  });

  it('links each paper’s web page and PDF with words that make sense out of context, and hrefs encoded segment by segment', () => {
    const lines = agendaLines(page);
    expect(links(lines[2]!)).toEqual([
      ['Item 4: Inspection readiness – Renfrewshire, 2021/22 – Web page', '04%20Inspection%20readiness%20%E2%80%93%20Renfrewshire%202021-22.html'],
      ['Item 4: Inspection readiness – Renfrewshire, 2021/22 – PDF, 12 pages', '04%20Inspection%20readiness%20%E2%80%93%20Renfrewshire%202021-22.pdf'],
    ]);
    expect(links(lines[3]!)).toEqual([
      ['Item 4B: Inspection readiness – Orkney, 2021/22 – Web page', 'papers/04B%20Orkney%20%232%3F.html'],
      ['Item 4B: Inspection readiness – Orkney, 2021/22 – PDF, 1 page', 'papers/04B%20Orkney%3A%2050%25%20done.pdf'],
    ]);
    // Another service's PDF: no web page, and the link says it is the PDF as supplied.
    expect(links(lines[1]!)).toEqual([["Item 3: Children's services plan: progress report – PDF as supplied, 2 pages", "03%20Children's%20services%20plan%20progress%20report.pdf"]]);
    // What the screen shows of each link: the item's words are for screen readers.
    const shown = (a: Element) => a.children.filter((child) => !(isElement(child) && hasClass('visually-hidden')(child))).map(textOf).join('');
    expect(all(lines[2]!, tag('a')).map(shown)).toEqual(['Web page', 'PDF, 12 pages']);
    expect(html).toContain('<a href="04%20Inspection%20readiness%20%E2%80%93%20Renfrewshire%202021-22.html"><span class="visually-hidden">Item 4: Inspection readiness – Renfrewshire, 2021/22 – </span>Web page</a>');
  });

  it('says a line with no paper has none, and links nothing from it', () => {
    const lines = agendaLines(page);
    for (const index of [0, 4]) {
      expect(textOf(one(lines[index]!, hasClass('no-paper')))).toBe('No paper');
      expect(all(lines[index]!, tag('a'))).toEqual([]);
    }
    expect(all(lines[2]!, hasClass('no-paper'))).toEqual([]);
  });

  it('leaves out what the meeting does not have: time, venue, membership, the agenda pack', () => {
    const bare = meetingPageHast({ meeting: { council: 'Orkney Islands Council', committee: 'Children’s Partnership', date: '2022-05-19', membership: [] }, lines: [{ item: '1', title: 'Apologies' }] }, templates);
    expect(one(bare, tag('dl')).children.filter(isElement).map(textOf)).toEqual(['Date:', 'Thursday 19 May 2022']);
    expect(all(bare, tag('h2')).map(textOf)).toEqual(['Agenda']);
    expect(all(bare, hasClass('agenda-pack'))).toEqual([]);
    expect(all(bare, tag('a'))).toEqual([]);
  });

  it('escapes what the pack file says: a committee or title with markup stays text', async () => {
    const hostile: MeetingIndex = {
      meeting: { ...MEETING, committee: '<script>alert(1)</script> & Co', venue: 'A "quoted" <b>hall</b>' },
      lines: [{ item: '1', title: '<img src=x onerror=alert(1)>', html: '"><script>.html', pdf: { path: '01 a&b.pdf', pages: 3 } }],
    };
    const out = await meetingPageHtml(hostile, templates);
    expect(out).not.toMatch(/<script|<img|<b>/);
    expect(out).toContain('<h1>&#x3C;script>alert(1)&#x3C;/script> &#x26; Co</h1>');
    expect(out).toContain('<title>&#x3C;script>alert(1)&#x3C;/script> &#x26; Co, 24 November 2022: agenda</title>');
    expect(out).toContain('<dd>A "quoted" &#x3C;b>hall&#x3C;/b></dd>');
    expect(out).toContain('<p class="item-title">&#x3C;img src=x onerror=alert(1)></p>');
    expect(out).toContain('<a href="%22%3E%3Cscript%3E.html">');
    expect(out).toContain('<a href="01%20a%26b.pdf">');
  });

  it('is the same page every time, for the same index and templates', async () => {
    expect(await meetingPageHtml(INDEX, templates)).toBe(html);
    expect(await meetingPageHtml(structuredClone(INDEX), templates)).toBe(html);
  });
});
