import type { Content, TableCell } from 'pdfmake/interfaces.js';
import type { QiAssessment, ReportModel } from '../../model/index.js';
import type { Labels } from '../labels.js';
import { percent } from '../format.js';
import { keptWithNext } from '../keep-with-next.js';
import type { BlockContext } from './context.js';
import { gradeCell } from './question-tables.js';
import { AREA_FILL, dataTable, gradeFill, gridLayout, headerCell, ROW_HEADER } from './table-style.js';

/** An area's title heads the QIs under it in its column, as the capacity row heads the judgement below it. */
const SUBHEADER = { role: 'TH', scope: 'Column' } as const;

const changed = (model: ReportModel, qi: string) => model.framework.changesFrom2014.some((change) => change.qi === qi);

/** A QI's grade in Table 1, which is titled with the report's round: a grade from an earlier round says so. */
function gradeInTable1(qi: QiAssessment, t: Labels['tables']): Content[] {
  if (!qi.latest) return [{ text: t.notGraded!, bold: true }];
  return qi.gradedThisRound ? [{ text: qi.latest.word, bold: true }] : [{ text: qi.latest.word, bold: true }, { text: `\n${qi.latest.period}` }];
}

/**
 * Table 1 laid out as in the paper: one column per domain key question, each holding its areas and
 * their QIs in turn, and area 10 across the foot. Each QI cell carries its grade and its colour.
 */
export function table1({ model, labels, fill }: BlockContext): Content {
  const t = labels.tables;
  const { domains, capacityQi, changesFrom2014 } = model.framework;
  // Area 10, the capacity for improvement, runs across the foot of the table instead of in a column.
  const capacity = model.qis.find((qi) => qi.id === capacityQi)!;
  const columnDomains = domains.filter((domain) => !domain.areas.some((area) => area.id === capacity.area));
  const columns = columnDomains.map((domain) =>
    domain.areas.flatMap((area): TableCell[] => {
      const qis = model.qis.filter((qi) => qi.area === area.id);
      return [
        { text: `${area.id}. ${area.title}`, bold: true, fillColor: AREA_FILL, tag: SUBHEADER },
        ...qis.map((qi): TableCell => ({
          text: [{ text: `${qi.id} ${qi.title}${changed(model, qi.id) ? ` ${t.changedMarker}` : ''}\n` }, ...gradeInTable1(qi, t)],
          fillColor: gradeFill(qi.latest?.grade),
        })),
      ];
    }),
  );
  const depth = Math.max(...columns.map((column) => column.length));
  const body: TableCell[][] = [columnDomains.map((domain) => headerCell(domain.keyQuestion))];
  for (let row = 0; row < depth; row++) body.push(columns.map((column) => column[row] ?? { text: '' }));

  const span = columns.length;
  body.push([{ text: t.capacityRow!, colSpan: span, bold: true, fillColor: AREA_FILL, tag: SUBHEADER }, ...Array.from({ length: span - 1 }, () => ({ text: '' }))]);
  body.push([
    { text: [{ text: `${t.capacityNote}\n` }, ...gradeInTable1(capacity, t)], colSpan: span, fillColor: gradeFill(capacity.latest?.grade) },
    ...Array.from({ length: span - 1 }, () => ({ text: '' })),
  ]);
  return {
    stack: [
      keptWithNext({ text: fill(t.table1Title!, { period: model.periods.report }), style: 'tableTitle', tag: 'Caption' }),
      { table: { headerRows: 1, widths: columns.map(() => '*'), body }, layout: gridLayout, fontSize: 7.5 },
      { text: fill(t.changedNote!, { changes: changesFrom2014.map((c) => `${c.qi} was ${c.previousId} “${c.previousTitle}”`).join('; ') }), fontSize: 7.5, margin: [0, 4, 0, 0] },
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
export function table2({ model, labels }: BlockContext): Content {
  const t = labels.tables;
  const rows = model.qis.map((qi): TableCell[] => {
    const items: Content = qi.evidence.items.length
      ? { ul: qi.evidence.items.map((item) => ({ text: [item.text, item.local ? ` ${t.localItem}` : '', { text: ` – ${labels.evidenceStatus[item.status]}`, bold: item.status !== 'held' }] })) }
      : { text: t.noList!, italics: true };
    return [
      { text: qi.id, bold: true },
      qi.title,
      items,
      qi.evidence.coverage === null ? t.noValue! : percent(qi.evidence.coverage),
    ];
  });
  return { stack: [keptWithNext({ text: t.table2Title!, style: 'tableTitle', tag: 'Caption' }), dataTable([22, 90, '*', 44], [t.qi!, t.qualityIndicator!, t.evidenceToConsider!, t.coverage!], rows, 7.5)] };
}

/** Each QI's latest grade with the strengths and areas for improvement the partnership recorded. */
export function table3({ model, labels }: BlockContext): Content {
  const t = labels.tables;
  const rows = model.qis.map((qi): TableCell[] => [
    { text: qi.id, bold: true },
    qi.title,
    gradeCell(qi.latest, t.notGraded!, true),
    qi.strengths || t.noValue!,
    qi.areasForImprovement || t.noValue!,
  ]);
  return { stack: [keptWithNext({ text: t.table3Title!, style: 'tableTitle', tag: 'Caption' }), dataTable([22, 80, 52, '*', '*'], [t.qi!, t.qualityIndicator!, t.grade!, t.strengths!, t.areasForImprovement!], rows, 7.5)] };
}
