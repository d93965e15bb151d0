import type { Element, ElementContent, Root } from 'hast';
import { toHtml, toHast } from '../../vendor/markdown.js';
import type { PositionBlock, PositionText, PositionWordCount, ReportModel } from '../../model/index.js';
import { dataTable, gradeCell, headerBlock, questionIndicators, rowTh, td, type Cell } from '../html/blocks.js';
import { h, Ids } from '../html/hast.js';
import { markdownToHast, type BlockPlace } from '../html/markdown.js';
import { pageShell, withEmbeddedFonts } from '../html/shell.js';
import { PAGE_CSS } from '../html/style.js';
import type { Directive } from '../paper-structure.js';
import { positionContext, positionParts } from './parts.js';
import { gapLines, itemWords, qiFactHeaders, qiFactRows, wordCountTable, type PositionContext } from './rows.js';
import type { PositionTemplates } from './templates.js';

/** The officer's answer as hast: ingest let in only nodes mdast-util-to-hast turns into plain elements and text. */
const officerHast = (blocks: readonly PositionBlock[]): Element[] => blocks.map((block) => toHast(block) as Element);

function wordCount(context: PositionContext, count: PositionWordCount, place: BlockPlace): Element {
  const table = wordCountTable(context, count);
  const row = (label: string, words: string, bold = false): Cell[] => [rowTh(bold ? [h('strong', {}, [label])] : label), td(bold ? [h('strong', {}, [words])] : words, ['figure'])];
  const rows = [...table.rows.map((r) => row(r.item, r.words)), row(table.total.label, table.total.words, true), row(table.limit.label, table.limit.words)];
  return dataTable(place, table.head, rows, { caption: table.caption });
}

function facts(context: PositionContext, item: number, place: BlockPlace): Element[] {
  const { facts: words } = context.positionLabels;
  const { one } = itemWords(context);
  const rows = qiFactRows(context, item).map((r) => [rowTh([h('strong', {}, [r.qi])]), td(r.note ? [r.title, h('br'), h('span', { className: ['small'] }, [r.note])] : r.title), gradeCell(r.grade), td(r.held, ['figure']), td(r.partial, ['figure']), td(r.notHeld, ['figure'])]);
  const gaps = gapLines(context, item);
  const indicators = context.model.questions.find((q) => q.number === item)!.indicators;
  const headingId = place.ids.next(words.heading);
  const here: BlockPlace = { ...place, headingId };
  return [
    h('h3', { id: headingId }, [words.heading]),
    dataTable(here, qiFactHeaders(context), rows, { caption: context.fill(words.qiCaption, { item: one }) }),
    ...(gaps.length > 0 ? [h('p', {}, [words.gapsLeadIn]), h('ul', {}, gaps.map((gap) => h('li', {}, [gap])))] : [h('p', {}, [words.noGaps])]),
    ...(indicators.length > 0
      ? figures(context, item, place, context.fill(words.figuresCaption, { item: one }))
      : [h('p', {}, [context.fill(words.noFigures, { item: one })])]),
  ];
}

/** The key figures under a heading of their own, which names their table. */
function figures(context: PositionContext, item: number, place: BlockPlace, heading: string): Element[] {
  const id = place.ids.next(heading);
  return [h('h4', { id }, [heading]), questionIndicators(context, String(item), { ...place, headingId: id })];
}

/** The position statement as one hast tree: the header block in `header`, the statement in `main`. */
export function positionHast(model: ReportModel, text: PositionText, count: PositionWordCount, templates: PositionTemplates): Root {
  const context = positionContext(model, templates);
  const parts = positionParts(context, text, count, templates);
  const render = (directive: Directive, place: BlockPlace): Element | Element[] => {
    switch (directive.name) {
      case 'header-block':
        return headerBlock(context);
      case 'word-count':
        return wordCount(context, count, place);
      case 'answer':
        return officerHast(parts.answer(directive.argument));
      case 'facts':
        return facts(context, Number(directive.argument), place);
      default:
        throw new Error(`templates/position/position.md asks for an unknown block [[${directive.name}]]`);
    }
  };
  const blocks = markdownToHast(parts.markdown, render, new Ids());
  const header = blocks.filter((node) => node.tagName === 'header');
  const rest: ElementContent[] = blocks.filter((node) => node.tagName !== 'header');
  return pageShell({
    title: parts.info.title,
    css: PAGE_CSS,
    meta: [h('meta', { name: 'author', content: model.paper.reportBy.name }), h('meta', { name: 'description', content: parts.info.subject })],
    body: [...header, h('main', {}, rest)],
  });
}

/** The HTML edition: one self-contained page, its font embedded; no raw HTML from any input reaches it. */
export async function positionHtml(model: ReportModel, text: PositionText, count: PositionWordCount, templates: PositionTemplates): Promise<string> {
  return `${toHtml(await withEmbeddedFonts(positionHast(model, text, count, templates)))}\n`;
}
