import type { Element, ElementContent } from 'hast';
import type { BlockContext } from '../blocks/context.js';
import { dataFileRows, headers, indicatorRows, problemRows, questionGradeRows, readinessRows, table1Layout, table2Rows, table3Rows, type ChangeText, type ComparatorText, type GradeText, type Table1Grade } from '../blocks/rows.js';
import type { InputProblem } from '../../model/index.js';
import { longDate } from '../format.js';
import { blockFor, type BlockName, type Directive } from '../paper-structure.js';
import { historyParts } from '../blocks/history-rows.js';
import { chartsBlock } from './charts.js';
import { h, lines, type Child } from './hast.js';
import type { BlockPlace } from './markdown.js';

/** A cell: a `td`, or a `th` heading its row. */
export interface Cell {
  content: readonly Child[];
  rowHeader?: boolean;
  className?: string[];
}

export const td = (content: readonly Child[] | string, className?: string[]): Cell => ({ content: typeof content === 'string' ? [content] : content, className });
export const rowTh = (content: readonly Child[] | string, className?: string[]): Cell => ({ ...td(content, className), rowHeader: true });

const gradeClass = (grade: number | undefined) => [grade === undefined ? 'grade-none' : `grade-${grade}`];
export const gradeCell = (grade: GradeText): Cell => td(lines(grade.lines), ['grade', ...gradeClass(grade.grade)]);

/**
 * A data table in its own scroll box (a wide table scrolls there, never the page): named by its caption
 * where the PDF titles the table, else by the heading it sits under, so no words are added to the paper's.
 */
export function dataTable(place: BlockPlace, head: readonly string[], rows: readonly Cell[][], { caption, className = [] }: { caption?: string; className?: string[] } = {}): Element {
  const captionId = caption === undefined ? undefined : place.ids.next(caption);
  const name = captionId ?? place.headingId;
  const table = h('table', { className: ['data', ...className], ariaLabelledBy: caption === undefined && name ? [name] : undefined }, [
    caption !== undefined && h('caption', { id: captionId }, [caption]),
    h('thead', {}, [h('tr', {}, head.map((words) => h('th', { scope: 'col' }, [words])))]),
    h('tbody', {}, rows.map((row) => h('tr', {}, row.map((cell) => h(cell.rowHeader ? 'th' : 'td', { scope: cell.rowHeader ? 'row' : undefined, className: cell.className }, cell.content))))),
  ]);
  // A scroll box a keyboard can reach, named as its table is.
  return h('div', { className: ['table-scroll'], role: 'region', tabIndex: 0, ariaLabelledBy: name ? [name] : undefined }, [table]);
}

const small = (words: string) => h('span', { className: ['small'] }, [words]);

export function headerBlock({ model, labels, fill }: BlockContext): Element {
  const { paper } = model;
  const particular = (label: string, value: readonly Child[]) => [h('dt', {}, [label]), h('dd', {}, value)];
  return h('header', { className: ['paper-header'] }, [
    h('p', { className: ['agenda-item'] }, [fill(labels.headerBlock.item, { agendaItem: paper.agendaItem })]),
    h('p', { className: ['council'] }, [paper.council]),
    h('dl', { className: ['particulars'] }, [
      ...particular(labels.headerBlock.to, [paper.committee]),
      ...particular(labels.headerBlock.on, [longDate(paper.meetingDate)]),
      ...particular(labels.headerBlock.reportBy, [h('strong', {}, [paper.reportBy.name]), `: ${paper.reportBy.post}`]),
      ...particular(labels.headerBlock.heading, [h('strong', { className: ['paper-title'] }, [paper.title.toUpperCase()])]),
    ]),
    paper.draft && h('p', { className: ['draft'] }, [labels.page.draftMarker]),
  ]);
}

export function readinessTable(context: BlockContext, _argument: string | undefined, place: BlockPlace): Element {
  const rows = readinessRows(context).map((q) => [td(q.number), rowTh(q.question), td([h('strong', {}, [q.ratingWord])], ['rating', `rating-${q.rating}`])]);
  return dataTable(place, headers(context).readiness, rows);
}

export function questionGrades(context: BlockContext, argument: string | undefined, place: BlockPlace): Element {
  const rows = questionGradeRows(context, argument).map((row) => [
    rowTh([h('strong', {}, [row.qi])]),
    td(row.title),
    gradeCell(row.previous),
    gradeCell(row.latest),
    td(row.movement),
    td(row.evidence),
    td(lines(row.notes)),
  ]);
  return dataTable(place, headers(context).questionGrades, rows);
}

const ARROW: Record<string, string> = { up: '▲', down: '▼' };

function changeCell(change: ChangeText | undefined, noValue: string): Cell {
  if (!change) return td(noValue);
  if (!change.arrow) return td([change.figure, h('br'), small(change.words)]);
  // The arrow is decoration: its word carries the meaning.
  return td([change.figure, h('br'), h('span', { className: ['signal', `signal-${change.arrow.direction}`] }, [h('span', { ariaHidden: 'true', className: ['arrow'] }, [ARROW[change.arrow.pointsUp ? 'up' : 'down']!]), ' ', change.words])]);
}

const comparatorCell = (comparator: ComparatorText | undefined, noValue: string): Cell => (comparator ? td([comparator.figure, h('br'), small(comparator.positionWord)]) : td(noValue));

export function questionIndicators(context: BlockContext, argument: string | undefined, place: BlockPlace): Element {
  const noValue = context.labels.tables.noValue!;
  const rows = indicatorRows(context, argument).map((i) => [
    rowTh([i.title, h('br'), small(i.unit)]),
    td(i.period),
    td([h('strong', {}, [i.value])], ['figure']),
    changeCell(i.change, noValue),
    comparatorCell(i.scotland, noValue),
    comparatorCell(i.familyGroup, noValue),
    td(i.ranks ? lines(i.ranks) : [noValue]),
  ]);
  return dataTable(place, headers(context).indicators, rows, { className: ['indicators'] });
}

const table1Grade = (grade: Table1Grade): ElementContent[] => [h('strong', {}, [grade.word]), ...(grade.period === undefined ? [] : [h('br'), ...lines([grade.period])])];

/** Table 1 as the paper lays it out: a column per key question, its areas heading the QIs under them. */
export function table1(context: BlockContext, _argument: string | undefined, place: BlockPlace): Element[] {
  const layout = table1Layout(context);
  const captionId = place.ids.next(layout.title);
  const body: Element[] = [];
  for (let row = 0; row < layout.depth; row++) {
    body.push(
      h(
        'tr',
        {},
        layout.columns.map((column) => {
          const cell = column[row];
          if (!cell) return h('td', {}, []);
          if (cell.kind === 'area') return h('th', { scope: 'col', className: ['area'] }, [cell.text]);
          return h('td', { className: ['grade', ...gradeClass(cell.grade.grade)] }, [cell.label, h('br'), ...table1Grade(cell.grade)]);
        }),
      ),
    );
  }
  const span = layout.columns.length;
  const table = h('table', { className: ['data', 'table-1'] }, [
    h('caption', { id: captionId }, [layout.title]),
    h('thead', {}, [h('tr', {}, layout.keyQuestions.map((words) => h('th', { scope: 'col' }, [words])))]),
    h('tbody', {}, body),
    h('tfoot', {}, [
      h('tr', {}, [h('th', { scope: 'colgroup', colSpan: span, className: ['area'] }, [layout.capacityRow])]),
      h('tr', {}, [h('td', { colSpan: span, className: ['grade', ...gradeClass(layout.capacity.grade)] }, [layout.capacityNote, h('br'), ...table1Grade(layout.capacity)])]),
    ]),
  ]);
  return [h('div', { className: ['table-scroll'], role: 'region', tabIndex: 0, ariaLabelledBy: [captionId] }, [table]), h('p', { className: ['table-note'] }, [layout.changedNote])];
}

/** The key to the grades' colours, and what each grade means. */
export function gradeKey({ model, labels }: BlockContext): Element {
  const { scale } = model.framework;
  return h('section', { className: ['grade-key'], ariaLabel: labels.tables.key }, [
    h('p', { className: ['key-title'] }, [h('strong', {}, [labels.tables.key!])]),
    h('ul', { className: ['key-swatches'] }, [
      ...scale.map((point) => h('li', { className: ['grade', ...gradeClass(point.grade)] }, [`${point.grade} ${point.word}`])),
      h('li', { className: ['grade', 'grade-none'] }, [labels.tables.notGraded!]),
    ]),
    h('dl', { className: ['descriptors'] }, scale.flatMap((point) => [h('dt', {}, [point.word]), h('dd', {}, [point.descriptor])])),
  ]);
}

export function table2(context: BlockContext, _argument: string | undefined, place: BlockPlace): Element {
  const t = context.labels.tables;
  const rows = table2Rows(context).map((qi) => [
    rowTh([h('strong', {}, [qi.qi])]),
    td(qi.title),
    td(qi.items ? [h('ul', {}, qi.items.map((item) => h('li', {}, [item.text, item.local ? ` ${t.localItem}` : '', item.held ? ` – ${item.status}` : h('strong', {}, [` – ${item.status}`])])))] : [h('em', {}, [t.noList!])]),
    td(qi.coverage, ['figure']),
  ]);
  return dataTable(place, headers(context).table2, rows, { caption: t.table2Title!, className: ['table-2'] });
}

export function table3(context: BlockContext, _argument: string | undefined, place: BlockPlace): Element {
  const rows = table3Rows(context).map((qi) => [rowTh([h('strong', {}, [qi.qi])]), td(qi.title), gradeCell(qi.grade), td(qi.strengths), td(qi.areasForImprovement)]);
  return dataTable(place, headers(context).table3, rows, { caption: context.labels.tables.table3Title!, className: ['table-3'] });
}

/** Each QI's grade in every round held, in the same parts as the PDF's, each with its caption. */
export function gradeHistory(context: BlockContext, _argument: string | undefined, place: BlockPlace): Element[] {
  const t = context.labels.tables;
  return historyParts(context).map((part) => {
    const rows = part.rows.map((row) => [rowTh([h('strong', {}, [row.qi])]), td(row.title), ...row.cells.map((cell) => td(cell.text, ['grade', ...gradeClass(cell.grade)]))]);
    return dataTable(place, [t.qi!, t.qualityIndicator!, ...part.rounds], rows, { caption: part.title, className: ['grade-history'] });
  });
}

export function dataFiles(context: BlockContext, _argument: string | undefined, place: BlockPlace): Element {
  const rows = dataFileRows(context).map((file) => [rowTh(file.file), ...file.counts.map((n) => td(n.text, n.numeric ? ['figure'] : undefined)), td(file.readAs)]);
  return dataTable(place, headers(context).dataFiles, rows);
}

function problemTable(problems: readonly InputProblem[], context: BlockContext, place: BlockPlace): Element {
  const rows = problemRows(problems, context).map((p) => [td(p.file), td(p.line, ['figure']), td(p.column, ['figure']), td(p.problem)]);
  return dataTable(place, headers(context).problems, rows);
}

export const rejectedRows = (context: BlockContext, _argument: string | undefined, place: BlockPlace) => problemTable(context.model.dataQuality.rejected, context, place);
export const inputWarnings = (context: BlockContext, _argument: string | undefined, place: BlockPlace) => problemTable(context.model.dataQuality.warnings, context, place);

const BLOCKS: Record<BlockName, (context: BlockContext, argument: string | undefined, place: BlockPlace) => Element | Element[]> = {
  'header-block': headerBlock,
  'readiness-table': readinessTable,
  'question-grades': questionGrades,
  'question-indicators': questionIndicators,
  'table-1': table1,
  'grade-key': gradeKey,
  'table-2': table2,
  'table-3': table3,
  'grade-history': gradeHistory,
  'indicator-charts': chartsBlock,
  'data-files': dataFiles,
  'rejected-rows': rejectedRows,
  'input-warnings': inputWarnings,
};

export function renderHtmlBlock(context: BlockContext, directive: Directive, place: BlockPlace): Element | Element[] {
  // The same names as the PDF's (blocks/index.ts), built as hast from the same rows.
  return blockFor(BLOCKS, directive.name)(context, directive.argument, place);
}
