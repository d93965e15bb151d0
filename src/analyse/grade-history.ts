import type { QiId } from '../framework/index.js';
import { comparePeriods, formatPeriod, type GradeInRound, type GradeRecord, type Period, type RejectedGrade, type UnevaluatedGrade } from '../model/index.js';
import { gradeAt } from './grades.js';

/** The grade rows that are not grades: rows a lenient build rejected, and rows whose grade is left empty. */
export interface UngradedRows {
  rejected: readonly RejectedGrade[];
  unevaluated: readonly UnevaluatedGrade[];
}

/**
 * The rounds the grades-over-time table shows: every period with a grade row up to the report's, oldest
 * first. A rejected row's round counts too, so a lenient build still shows that the QI was graded then; so does
 * a round not yet evaluated, so a round just begun shows as such.
 */
export function gradeRounds(grades: readonly GradeRecord[], ungraded: UngradedRows, reportPeriod: Period): Period[] {
  const periods = [...grades, ...ungraded.rejected, ...ungraded.unevaluated].map((row) => row.period).filter((period) => comparePeriods(period, reportPeriod) <= 0);
  return [...new Map(periods.map((period) => [formatPeriod(period), period])).values()].sort(comparePeriods);
}

/**
 * One QI in one round: its grade, a rejected row, a row not yet evaluated, or no row (not regraded when an earlier
 * round graded it).
 */
function inRound(round: Period, history: readonly GradeRecord[], ungraded: UngradedRows): GradeInRound {
  const period = formatPeriod(round);
  const graded = history.find((record) => comparePeriods(record.period, round) === 0);
  if (graded) {
    const { grade, word, source } = gradeAt(graded);
    return { period, status: 'graded', grade, word, source };
  }
  const refused = ungraded.rejected.find((row) => comparePeriods(row.period, round) === 0);
  if (refused) return { period, status: 'rejected', source: refused.source };
  const notYet = ungraded.unevaluated.find((row) => comparePeriods(row.period, round) === 0);
  if (notYet) return { period, status: 'not-evaluated', source: notYet.source };
  const earlier = history.some((record) => comparePeriods(record.period, round) < 0);
  return { period, status: earlier ? 'not-regraded' : 'not-graded' };
}

/** A QI's grade in each of `rounds`, in their order: one entry a round, whatever the QI's state in it. */
export function gradeHistory(qi: QiId, history: readonly GradeRecord[], ungraded: UngradedRows, rounds: readonly Period[]): GradeInRound[] {
  const own = { rejected: ungraded.rejected.filter((row) => row.qi === qi), unevaluated: ungraded.unevaluated.filter((row) => row.qi === qi) };
  return rounds.map((round) => inRound(round, history, own));
}
