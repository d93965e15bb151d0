import { gradeWord, type Grade, type QiId } from '../framework/index.js';
import { comparePeriods, formatPeriod, type GradeAt, type GradeRecord, type Movement, type Period } from '../model/index.js';

export function gradeAt(record: GradeRecord): GradeAt {
  return { period: formatPeriod(record.period), grade: record.grade, word: gradeWord(record.grade), evaluatedOn: record.evaluatedOn, source: record.source };
}

/** Each QI's grades, oldest first. */
export function gradeHistories(grades: readonly GradeRecord[]): Map<QiId, GradeRecord[]> {
  const histories = new Map<QiId, GradeRecord[]>();
  for (const record of grades) histories.set(record.qi, [...(histories.get(record.qi) ?? []), record]);
  for (const history of histories.values()) history.sort((a, b) => comparePeriods(a.period, b.period));
  return histories;
}

export function movementBetween(latest?: { grade: number }, previous?: { grade: number }): Movement {
  if (!latest) return 'not-graded';
  if (!previous) return 'new';
  if (latest.grade > previous.grade) return 'up';
  if (latest.grade < previous.grade) return 'down';
  return 'same';
}

/** A report for a whole year takes grades from any of its quarters as this round's. */
export function isThisRound(record: GradeRecord | undefined, reportPeriod: Period): boolean {
  if (!record || record.period.startYear !== reportPeriod.startYear) return false;
  return reportPeriod.quarter === undefined || record.period.quarter === reportPeriod.quarter;
}

/** The nearest point on the scale to a mean grade; halves round up, as a panel would give the benefit. */
export function nearestGrade(mean: number): Grade {
  return Math.min(6, Math.max(1, Math.floor(mean + 0.5))) as Grade;
}
