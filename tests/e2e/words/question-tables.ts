// The two tables under each question: its QIs' grades ([[question-grades N]]) and its performance figures
// ([[question-indicators N]]), each cell in the order pdfmake writes it.
import { percentText, type Comparator, type ExpectedPaper as Oracle, type GradeAt, type IndicatorExpectation, type Rank } from '../../oracle/index.js';
import { inspectorGraded, isRisk, titleOf } from './facts.js';
import { MODEL_WORDS } from './model-words.js';
import { DIRECTION, MOVEMENT, POSITION, TABLES, UNIT } from './labels.js';
import type { ExpectedPaper } from './pieces.js';

/** A grade cell: the word over its period. */
export const gradeCell = (g: GradeAt | undefined, none: string): string => (g ? `${g.word} ${g.period}` : none);

function evidenceCell(o: Oracle, qi: string): string {
  const e = o.qis.find((q) => q.qi === qi)!.evidence;
  return e.total === 0 || !e.coverage ? TABLES.noValue : TABLES.evidenceCount(e.held, e.total, e.partial, percentText(e.coverage));
}

/** One note a line: risk, not regraded, graded by inspectors. */
function notes(o: Oracle, qi: string): string[] {
  const g = o.qis.find((q) => q.qi === qi)!;
  return [isRisk(g) ? TABLES.progressReviewRisk : '', g.latest && !g.gradedThisRound ? TABLES.notRegraded : '', inspectorGraded(qi, o) ? MODEL_WORDS[o.raw.model.id].inspectorGraded : ''];
}

export function gradeRows(doc: ExpectedPaper, o: Oracle, qis: readonly string[]): void {
  for (const qi of qis) {
    const g = o.qis.find((q) => q.qi === qi)!;
    doc.row([qi, titleOf(qi, o), gradeCell(g.previous, TABLES.noValue), gradeCell(g.latest, TABLES.notGraded), MOVEMENT[g.movement], evidenceCell(o, qi), ...notes(o, qi)]);
  }
}

/** The change and, under it, the SPC signal's word ("signal: worsening"), else whether the series could be judged. */
function changeCell(i: IndicatorExpectation): string[] {
  if (!i.changeText) return [TABLES.noValue];
  if (i.arrow) return [i.changeText, TABLES.signal(DIRECTION[i.arrow])];
  return [i.changeText, i.spc.judgeable ? TABLES.noSignal : TABLES.tooShort];
}

function comparatorCell(i: IndicatorExpectation, role: Comparator['role']): string[] {
  const c = i.comparators.find((x) => x.role === role);
  return c ? [c.text, POSITION[c.position]] : [TABLES.noValue];
}

const rankText = (r: Rank | undefined) => (r ? TABLES.rankValue(r.rank, r.of, r.tiedWith.length > 0) : TABLES.noValue);

/** Within the family group over among the councils with a figure; a single dash when there is no rank at all. */
function rankCell(i: IndicatorExpectation): string[] {
  return i.ranks ? [rankText(i.ranks.familyGroup), rankText(i.ranks.scotland)] : [TABLES.noValue];
}

export function indicatorRows(doc: ExpectedPaper, indicators: readonly IndicatorExpectation[]): void {
  for (const i of indicators) {
    const d = i.definition;
    doc.row([d.title, UNIT[d.unit], i.latest.period, i.latest.table, ...changeCell(i), ...comparatorCell(i, 'scotland'), ...comparatorCell(i, 'family-group'), ...rankCell(i)]);
  }
}
