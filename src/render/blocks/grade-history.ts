import type { Content, TableCell } from 'pdfmake/interfaces.js';
import { keptWithNext } from '../keep-with-next.js';
import type { BlockContext } from './context.js';
import { historyParts, type HistoryPart } from './history-rows.js';
import { dataTable, gradeFill, ROW_HEADER } from './table-style.js';

/** Width of a round's column: the longest grade word (Unsatisfactory) at the table's size, with padding. */
const ROUND_WIDTH = 58;
const FONT_SIZE = 7.5;

function part(context: BlockContext, { title, rounds, rows }: HistoryPart): Content {
  const t = context.labels.tables;
  const body = rows.map((row): TableCell[] => [
    { text: row.qi, bold: true, tag: ROW_HEADER },
    row.title,
    ...row.cells.map((cell): TableCell => ({ text: cell.text, fillColor: gradeFill(cell.grade) })),
  ]);
  return { stack: [keptWithNext({ text: title, style: 'tableTitle', tag: 'Caption' }), dataTable([22, '*', ...rounds.map(() => ROUND_WIDTH)], [t.qi!, t.qualityIndicator!, ...rounds], body, FONT_SIZE)] };
}

/** Each QI's grade in every round held, oldest first: one table, or several parts when the rounds are many. */
export function gradeHistory(context: BlockContext): Content {
  return { stack: historyParts(context).map((each) => part(context, each)) };
}
