import type { Content, TableCell } from 'pdfmake/interfaces.js';
import type { GradeAt } from '../../model/index.js';
import { arrowWithWord } from './arrow.js';
import type { BlockContext } from './context.js';
import { gradeText, headers, indicatorRows, questionGradeRows, readinessRows, type ChangeText, type ComparatorText, type GradeText } from './rows.js';
import { dataTable, gradeFill, RATING_FILL } from './table-style.js';

/** A grade's cell: its word (and period), on its grade's colour. */
export const gradeTextCell = (grade: GradeText): TableCell => ({ text: grade.lines.join('\n'), fillColor: gradeFill(grade.grade) });

export function gradeCell(grade: GradeAt | undefined, notGraded: string, withPeriod = false): TableCell {
  return gradeTextCell(gradeText(grade, notGraded, withPeriod));
}

export function questionGrades(context: BlockContext, argument?: string): Content {
  const rows = questionGradeRows(context, argument).map((row) => [
    { text: row.qi, bold: true },
    row.title,
    gradeTextCell(row.previous),
    gradeTextCell(row.latest),
    row.movement,
    row.evidence,
    { stack: row.notes },
  ]);
  return dataTable([24, '*', 58, 58, 44, 56, 70], headers(context).questionGrades, rows, 8);
}

function changeCell(change: ChangeText | undefined, noValue: string): TableCell {
  if (!change) return noValue;
  if (!change.arrow) return { stack: [change.figure, { text: change.words, color: '#555555', fontSize: 7 }] };
  return { stack: [change.figure, arrowWithWord(change.arrow.direction, change.arrow.pointsUp, change.words)] };
}

function comparatorCell(comparator: ComparatorText | undefined, noValue: string): TableCell {
  if (!comparator) return noValue;
  return { stack: [comparator.figure, { text: comparator.positionWord, fontSize: 7, color: '#555555' }] };
}

/** The key-data table: value, change (an arrow only on an SPC signal), Scotland, family group, rank. */
export function questionIndicators(context: BlockContext, argument?: string): Content {
  const noValue = context.labels.tables.noValue!;
  const rows = indicatorRows(context, argument).map((i): TableCell[] => [
    { text: [i.title, { text: `\n${i.unit}`, fontSize: 7, color: '#555555' }] },
    i.period,
    { text: i.value, bold: true },
    changeCell(i.change, noValue),
    comparatorCell(i.scotland, noValue),
    comparatorCell(i.familyGroup, noValue),
    i.ranks ? { stack: i.ranks } : noValue,
  ]);
  return dataTable(['*', 40, 44, 62, 50, 50, 52], headers(context).indicators, rows, 8);
}

export function readinessTable(context: BlockContext): Content {
  const rows = readinessRows(context).map((q): TableCell[] => [
    { text: q.number, bold: true },
    q.question,
    { text: q.ratingWord, bold: true, fillColor: RATING_FILL[q.rating] },
  ]);
  return dataTable([24, '*', 80], headers(context).readiness, rows, 9);
}
