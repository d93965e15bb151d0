import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { PositionText, PositionWordCount, ReportModel } from '../../model/index.js';
import { headerBlock } from '../blocks/header-block.js';
import { gradeTextCell, questionIndicators } from '../blocks/question-tables.js';
import { dataTable, ROW_HEADER } from '../blocks/table-style.js';
import { withBreakableText } from '../break-long-words.js';
import { pageFrame } from '../document.js';
import { keptWithNext } from '../keep-with-next.js';
import { markdownToPdf, type Directive } from '../markdown.js';
import { renderPdf } from '../pdf.js';
import { officerPdf } from './officer-pdf.js';
import { gapLines, itemWords, qiFactHeaders, qiFactRows, wordCountTable, type PositionContext } from './rows.js';
import { positionContext, positionParts } from './parts.js';
import type { PositionTemplates } from './templates.js';

const caption = (text: string) => keptWithNext({ text, style: 'tableTitle', tag: 'Caption' } as Content);

function wordCount(context: PositionContext, count: PositionWordCount): Content {
  const table = wordCountTable(context, count);
  const row = (label: string, words: string, bold = false): TableCell[] => [{ text: label, bold, tag: ROW_HEADER } as TableCell, { text: words, alignment: 'right', bold }];
  const rows = [...table.rows.map((r) => row(r.item, r.words)), row(table.total.label, table.total.words, true), row(table.limit.label, table.limit.words)];
  return { stack: [caption(table.caption), dataTable(['*', 60], table.head, rows, 9)] };
}

/** Under "How do we know?": the mapped QIs' grades and evidence, the evidence not held, the key figures. */
function facts(context: PositionContext, item: number): Content {
  const { facts: words } = context.positionLabels;
  const { one } = itemWords(context);
  const rows = qiFactRows(context, item).map((r): TableCell[] => [{ text: r.qi, bold: true }, r.note ? { stack: [r.title, { text: r.note, fontSize: 7, color: '#555555' }] } : r.title, gradeTextCell(r.grade), r.held, r.partial, r.notHeld]);
  const gaps = gapLines(context, item);
  const indicators = context.model.questions.find((q) => q.number === item)!.indicators;
  return {
    stack: [
      keptWithNext({ text: words.heading, style: 'subheading', tag: 'H2' } as Content),
      caption(context.fill(words.qiCaption, { item: one })),
      dataTable([24, '*', 70, 34, 34, 38], qiFactHeaders(context), rows, 8),
      ...(gaps.length > 0 ? [keptWithNext({ text: words.gapsLeadIn, style: 'paragraph', tag: 'P' } as Content), { ul: gaps, style: 'list', fontSize: 9 } as Content] : [{ text: words.noGaps, style: 'paragraph', tag: 'P' } as Content]),
      ...(indicators.length > 0
        ? [caption(context.fill(words.figuresCaption, { item: one })), questionIndicators(context, String(item))]
        : [{ text: context.fill(words.noFigures, { item: one }), style: 'paragraph', tag: 'P' } as Content]),
    ],
  };
}

/** The position statement as a pdfmake document: the paper's pages, header block and tables, the officer's words. */
export function positionDocument(model: ReportModel, text: PositionText, count: PositionWordCount, templates: PositionTemplates): TDocumentDefinitions {
  const context = positionContext(model, templates);
  const parts = positionParts(context, text, count, templates);
  const render = (directive: Directive): Content | Content[] => {
    switch (directive.name) {
      case 'header-block':
        return headerBlock(context);
      case 'word-count':
        return wordCount(context, count);
      case 'answer':
        return officerPdf(parts.answer(directive.argument));
      case 'facts':
        return facts(context, Number(directive.argument));
      default:
        throw new Error(`templates/position/position.md asks for an unknown block [[${directive.name}]]`);
    }
  };
  return { ...pageFrame(model.paper, templates.paper, parts.info), content: withBreakableText(markdownToPdf(parts.markdown, render)) };
}

export async function renderPositionPdf(model: ReportModel, text: PositionText, count: PositionWordCount, templates: PositionTemplates): Promise<Buffer> {
  return renderPdf(positionDocument(model, text, count, templates), { fonts: templates.paper.fonts });
}
