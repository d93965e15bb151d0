import type { Content, TableCell } from 'pdfmake/interfaces.js';
import { keptWithNext } from '../keep-with-next.js';
import type { BlockContext } from './context.js';
import { gradeTextCell } from './question-tables.js';
import { headers, table1Layout, table2Rows, table3Rows, type Table1Grade } from './rows.js';
import { AREA_FILL, dataTable, gradeFill, gridLayout, headerCell, ROW_HEADER } from './table-style.js';

/** An area's title heads the QIs under it in its column, as the capacity row heads the judgement below it. */
const SUBHEADER = { role: 'TH', scope: 'Column' } as const;

const gradeRuns = (grade: Table1Grade): Content[] => (grade.period === undefined ? [{ text: grade.word, bold: true }] : [{ text: grade.word, bold: true }, { text: `\n${grade.period}` }]);

/**
 * Table 1 laid out as in the paper: one column per domain key question, each holding its areas and
 * their QIs in turn, and area 10 across the foot. Each QI cell carries its grade and its colour.
 */
export function table1(context: BlockContext): Content {
  const layout = table1Layout(context);
  const columns = layout.columns.map((column) =>
    column.map((cell): TableCell =>
      cell.kind === 'area'
        ? { text: cell.text, bold: true, fillColor: AREA_FILL, tag: SUBHEADER }
        : { text: [{ text: `${cell.label}\n` }, ...gradeRuns(cell.grade)], fillColor: gradeFill(cell.grade.grade) },
    ),
  );
  const body: TableCell[][] = [layout.keyQuestions.map(headerCell)];
  for (let row = 0; row < layout.depth; row++) body.push(columns.map((column) => column[row] ?? { text: '' }));

  const span = columns.length;
  body.push([{ text: layout.capacityRow, colSpan: span, bold: true, fillColor: AREA_FILL, tag: SUBHEADER }, ...Array.from({ length: span - 1 }, () => ({ text: '' }))]);
  body.push([
    { text: [{ text: `${layout.capacityNote}\n` }, ...gradeRuns(layout.capacity)], colSpan: span, fillColor: gradeFill(layout.capacity.grade) },
    ...Array.from({ length: span - 1 }, () => ({ text: '' })),
  ]);
  return {
    stack: [
      keptWithNext({ text: layout.title, style: 'tableTitle', tag: 'Caption' }),
      { table: { headerRows: 1, widths: columns.map(() => '*'), body }, layout: gridLayout, fontSize: 7.5 },
      { text: layout.changedNote, fontSize: 7.5, margin: [0, 4, 0, 0] },
    ],
  };
}

export function gradeKey({ model, labels }: BlockContext): Content {
  const { scale } = model.framework;
  const cells: TableCell[] = scale.map((point) => ({ text: `${point.grade} ${point.word}`, fillColor: gradeFill(point.grade), fontSize: 8 }));
  return {
    unbreakable: true,
    stack: [
      { text: labels.tables.key!, bold: true, margin: [0, 8, 0, 2] },
      { table: { widths: [...cells.map(() => '*'), '*'], body: [[...cells, { text: labels.tables.notGraded!, fillColor: gradeFill(undefined), fontSize: 8 }]] }, layout: gridLayout },
      {
        table: { widths: [80, '*'], body: scale.map((point) => [{ text: point.word, bold: true, tag: ROW_HEADER }, point.descriptor]) },
        layout: 'noBorders',
        fontSize: 8,
        margin: [0, 4, 0, 0],
      },
    ],
  };
}

/** Table 2 of the paper with each item's recorded status and the QI's coverage. */
export function table2(context: BlockContext): Content {
  const t = context.labels.tables;
  const rows = table2Rows(context).map((qi): TableCell[] => {
    const items: Content = qi.items
      ? { ul: qi.items.map((item) => ({ text: [item.text, item.local ? ` ${t.localItem}` : '', { text: ` – ${item.status}`, bold: !item.held }] })) }
      : { text: t.noList!, italics: true };
    return [{ text: qi.qi, bold: true }, qi.title, items, qi.coverage];
  });
  return { stack: [keptWithNext({ text: t.table2Title!, style: 'tableTitle', tag: 'Caption' }), dataTable([22, 90, '*', 44], headers(context).table2, rows, 7.5)] };
}

/** Each QI's latest grade with the strengths and areas for improvement the partnership recorded. */
export function table3(context: BlockContext): Content {
  const t = context.labels.tables;
  const rows = table3Rows(context).map((qi): TableCell[] => [{ text: qi.qi, bold: true }, qi.title, gradeTextCell(qi.grade), qi.strengths, qi.areasForImprovement]);
  return { stack: [keptWithNext({ text: t.table3Title!, style: 'tableTitle', tag: 'Caption' }), dataTable([22, 80, 52, '*', '*'], headers(context).table3, rows, 7.5)] };
}
