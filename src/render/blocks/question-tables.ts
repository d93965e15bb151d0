import type { Content, TableCell } from 'pdfmake/interfaces.js';
import type { GradeAt, IndicatorSummary, QiAssessment, QuestionAssessment, Rank } from '../../model/index.js';
import { arrowWithWord } from './arrow.js';
import { indicatorChange, indicatorFigure, percent } from '../format.js';
import type { BlockContext } from './context.js';
import { spcResult } from '../spc-words.js';
import { dataTable, gradeFill, RATING_FILL } from './table-style.js';

export function gradeCell(grade: GradeAt | undefined, notGraded: string, withPeriod = false): TableCell {
  if (!grade) return { text: notGraded, fillColor: gradeFill(undefined) };
  return { text: withPeriod ? `${grade.word}\n${grade.period}` : grade.word, fillColor: gradeFill(grade.grade) };
}

/** One note a line; a grade rejected by a lenient build is said as such, not as "not regraded". */
function qiNotes(qi: QiAssessment, { labels, fill }: BlockContext): TableCell {
  const rejected = qi.rejectedGrade && fill(labels.tables.gradeRejected!, { period: qi.rejectedGrade.period, line: qi.rejectedGrade.source.line });
  const notes = [
    qi.progressReviewRisk && labels.tables.progressReviewRisk,
    rejected || (qi.latest && !qi.gradedThisRound && labels.tables.notRegraded),
    qi.inspectorGraded && labels.tables.inspectorGraded,
  ];
  return { stack: notes.filter((note): note is string => Boolean(note)) };
}

function evidenceCell(qi: QiAssessment, { labels, fill }: BlockContext): string {
  const { held, partial, total, coverage } = qi.evidence;
  return total === 0 ? labels.tables.noValue! : fill(labels.tables.evidenceCount!, { held, partial, total, coverage: percent(coverage ?? 0) });
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

function changeCell(i: IndicatorSummary, { labels, fill }: BlockContext): TableCell {
  const t = labels.tables;
  if (i.change === undefined) return t.noValue!;
  const figure = indicatorChange(i.change, i.unit, i.decimals);
  const result = spcResult(i, labels, fill);
  if (!result.signal) return { stack: [figure, { text: result.words, color: '#555555', fontSize: 7 }] };
  // The arrow is the XmR signal's, which may run against the year's change beside it: its word says so.
  return { stack: [figure, arrowWithWord(i.arrow!, i.spc.latestSignal!.direction === 'up', result.words)] };
}

function comparatorCell(i: IndicatorSummary, role: 'scotland' | 'family-group', { labels }: BlockContext): TableCell {
  const comparator = i.comparators.find((c) => c.role === role);
  if (!comparator) return labels.tables.noValue!;
  return { stack: [indicatorFigure(comparator.value.value, i.unit, i.decimals), { text: labels.position[comparator.position], fontSize: 7, color: '#555555' }] };
}

function rankCell(i: IndicatorSummary, { labels, fill }: BlockContext): TableCell {
  const rank = (r?: Rank) => (r ? fill(labels.tables.rankValue!, { ...r, tied: r.tiedWith > 0 }) : labels.tables.noValue!);
  return i.ranks ? { stack: [rank(i.ranks.familyGroup), rank(i.ranks.scotland)] } : labels.tables.noValue!;
}

/** The key-data table: value, change (an arrow only on an SPC signal), Scotland, family group, rank. */
export function questionIndicators(context: BlockContext, argument?: string): Content {
  const { model, labels } = context;
  const t = labels.tables;
  const indicators = question(context, argument).indicators.map((id) => model.indicators.find((i) => i.id === id)!);
  const rows = indicators.map((i): TableCell[] => [
    { text: [i.title, { text: `\n${labels.units[i.unit]}`, fontSize: 7, color: '#555555' }] },
    i.latest?.period ?? t.noValue!,
    { text: i.latest ? indicatorFigure(i.latest.value, i.unit, i.decimals) : t.noValue!, bold: true },
    changeCell(i, context),
    comparatorCell(i, 'scotland', context),
    comparatorCell(i, 'family-group', context),
    rankCell(i, context),
  ]);
  return dataTable(['*', 40, 44, 62, 50, 50, 52], [t.indicator!, t.period!, t.value!, t.change!, t.vsScotland!, t.vsFamilyGroup!, t.rank!], rows, 8);
}

export function readinessTable({ model, labels }: BlockContext): Content {
  const t = labels.tables;
  const rows = model.questions.map((q): TableCell[] => [
    { text: String(q.number), bold: true },
    q.shortTitle,
    { text: labels.rating[q.readiness.rating], bold: true, fillColor: RATING_FILL[q.readiness.rating] },
  ]);
  return dataTable([24, '*', 80], [t.number!, t.question!, t.rating!], rows, 9);
}
