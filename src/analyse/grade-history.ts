import type { QiId } from '../framework/index.js';
import { comparePeriods, formatPeriod, type GradeInRound, type GradeRecord, type Period, type RejectedGrade } from '../model/index.js';
import { gradeAt } from './grades.js';

/**
 * The rounds the grades-over-time table shows: every period with a grade row up to the report's, oldest
 * first. A rejected row's round counts too, so a lenient build still shows that the QI was graded then.
 */
export function gradeRounds(grades: readonly GradeRecord[], rejected: readonly RejectedGrade[], reportPeriod: Period): Period[] {
  const periods = [...grades, ...rejected].map((row) => row.period).filter((period) => comparePeriods(period, reportPeriod) <= 0);
  return [...new Map(periods.map((period) => [formatPeriod(period), period])).values()].sort(comparePeriods);
}

/** One QI in one round: its grade, a rejected row, or no row (not regraded when an earlier round graded it). */
function inRound(round: Period, history: readonly GradeRecord[], rejected: readonly RejectedGrade[]): GradeInRound {
  const period = formatPeriod(round);
  const graded = history.find((record) => comparePeriods(record.period, round) === 0);
  if (graded) {
    const { grade, word, source } = gradeAt(graded);
    return { period, status: 'graded', grade, word, source };
  }
  const refused = rejected.find((row) => comparePeriods(row.period, round) === 0);
  if (refused) return { period, status: 'rejected', source: refused.source };
  const earlier = history.some((record) => comparePeriods(record.period, round) < 0);
  return { period, status: earlier ? 'not-regraded' : 'not-graded' };
}

/** A QI's grade in each of `rounds`, in their order: one entry a round, whatever the QI's state in it. */
export function gradeHistory(qi: QiId, history: readonly GradeRecord[], rejected: readonly RejectedGrade[], rounds: readonly Period[]): GradeInRound[] {
  const own = rejected.filter((row) => row.qi === qi);
  return rounds.map((round) => inRound(round, history, own));
}
