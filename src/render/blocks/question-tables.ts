import type { Content, TableCell } from 'pdfmake/interfaces.js';
import type { GradeAt, QiAssessment, QuestionAssessment } from '../../model/index.js';
import { indicatorChange, indicatorFigure, percent } from '../format.js';
import type { BlockContext } from './context.js';
import { dataTable, gradeFill, RATING_FILL } from './table-style.js';

export function gradeCell(grade: GradeAt | undefined, notGraded: string, withPeriod = false): TableCell {
  if (!grade) return { text: notGraded, fillColor: gradeFill(undefined) };
  return { text: withPeriod ? `${grade.word}\n${grade.period}` : grade.word, fillColor: gradeFill(grade.grade) };
}

function qiNotes(qi: QiAssessment, { labels }: BlockContext): string {
  const notes = [
    qi.progressReviewRisk && labels.tables.progressReviewRisk,
    qi.latest && !qi.gradedThisRound && labels.tables.notRegraded,
    qi.inspectorGraded && labels.tables.inspectorGraded,
  ];
  return notes.filter(Boolean).join('; ');
}

function evidenceCell(qi: QiAssessment, { labels, fill }: BlockContext): string {
  const { held, total, coverage } = qi.evidence;
  return total === 0 ? labels.tables.noValue! : fill(labels.tables.evidenceCount!, { held, total, coverage: percent(coverage ?? 0) });
}

function question(context: BlockContext, argument: string | undefined): QuestionAssessment {
  const found = context.model.questions.find((q) => String(q.number) === argument);
  if (!found) throw new Error(`template asks for inspection question "${argument}"; there are questions 1 to 5`);
  return found;
}

export function questionGrades(context: BlockContext, argument?: string): Content {
  const { model, labels } = context;
  const t = labels.tables;
  const rows = question(context, argument).qis.map((id) => {
    const qi = model.qis.find((q) => q.id === id)!;
    return [
      { text: qi.id, bold: true },
      qi.title,
      gradeCell(qi.previous, t.noValue!, true),
      gradeCell(qi.latest, t.notGraded!, true),
      labels.movement[qi.movement],
      evidenceCell(qi, context),
      qiNotes(qi, context),
    ];
  });
  return dataTable([24, '*', 58, 58, 44, 56, 70], [t.qi!, t.qualityIndicator!, t.previousGrade!, t.latestGrade!, t.movement!, t.evidence!, t.flags!], rows, 8);
}

export function questionIndicators(context: BlockContext, argument?: string): Content {
  const { model, labels } = context;
  const t = labels.tables;
  const indicators = question(context, argument).indicators.map((id) => model.indicators.find((i) => i.id === id)!);
  const comparatorAreas = [...new Set(indicators.flatMap((i) => i.comparators.map((c) => c.area)))];
  const rows = indicators.map((i): TableCell[] => {
    const value = (v: number | undefined) => (v === undefined ? t.noValue! : indicatorFigure(v, i.unit, i.decimals));
    const change = i.change === undefined ? t.noValue! : `${indicatorChange(i.change, i.unit, i.decimals)}${i.direction ? `\n${labels.direction[i.direction]}` : ''}`;
    return [
      { text: [i.title, { text: `\n${labels.units[i.unit]}`, fontSize: 7, color: '#555555' }] },
      i.latest?.period ?? t.noValue!,
      { text: value(i.latest?.value), bold: true },
      i.previous ? `${value(i.previous.value)}\n${i.previous.period}` : t.noValue!,
      change,
      ...comparatorAreas.map((area) => value(i.comparators.find((c) => c.area === area)?.value.value)),
    ];
  });
  const widths = ['*', 44, 50, 56, 50, ...comparatorAreas.map(() => 50)];
  return dataTable(widths, [t.indicator!, t.period!, t.value!, t.previousValue!, t.change!, ...comparatorAreas], rows, 8);
}

export function readinessTable({ model, labels }: BlockContext): Content {
  const t = labels.tables;
  const rows = model.questions.map((q): TableCell[] => [
    { text: String(q.number), bold: true },
    q.shortTitle,
    { text: labels.rating[q.readiness.rating], bold: true, fillColor: RATING_FILL[q.readiness.rating] },
  ]);
  return dataTable([16, '*', 80], ['', t.question!, t.rating!], rows, 9);
}
