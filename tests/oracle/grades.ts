// Each QI's latest and previous grade, its movement, and whether it was graded in the report's round.
import { qualityIndicators } from '../../src/framework/index.js';
import { comparePeriods, parsePeriod, type Period } from './periods.js';
import type { GradeRow } from './workspace.js';

export const GRADE_WORDS: Readonly<Record<number, string>> = {
  6: 'Excellent', 5: 'Very good', 4: 'Good', 3: 'Adequate', 2: 'Weak', 1: 'Unsatisfactory',
};

/** A QI's grade for one period, with the strengths and areas for improvement recorded beside it. */
export interface GradeAt { period: string; grade: number; word: string; strengths: string; areasForImprovement: string }

export type Movement = 'up' | 'down' | 'same' | 'first-grade' | 'not-graded';

export interface QiGrades {
  qi: string;
  latest?: GradeAt;
  previous?: GradeAt;
  movement: Movement;
  /** Latest grade is from the report's round (same financial year and, if the report has one, quarter). */
  gradedThisRound: boolean;
}

/** Same financial year and, when the report period has a quarter, the same quarter. */
export function inRound(grade: Period, report: Period): boolean {
  return grade.year === report.year && (report.quarter === undefined || grade.quarter === report.quarter);
}

function movementOf(latest?: GradeAt, previous?: GradeAt): Movement {
  if (!latest) return 'not-graded';
  if (!previous) return 'first-grade';
  return latest.grade > previous.grade ? 'up' : latest.grade < previous.grade ? 'down' : 'same';
}

/** One QI from the rows (already cut to the report period): latest and the one before it, by period. */
export function qiGrades(qi: string, rows: readonly GradeRow[], reportPeriod: string): QiGrades {
  const mine = rows
    .filter((r) => r.qi === qi)
    .sort((a, b) => comparePeriods(parsePeriod(b.period), parsePeriod(a.period)))
    .map((r): GradeAt => ({ period: r.period, grade: r.grade, word: GRADE_WORDS[r.grade]!, strengths: r.strengths, areasForImprovement: r.areasForImprovement }));
  const [latest, previous] = mine;
  return {
    qi,
    ...(latest ? { latest } : {}),
    ...(previous ? { previous } : {}),
    movement: movementOf(latest, previous),
    gradedThisRound: latest !== undefined && inRound(parsePeriod(latest.period), parsePeriod(reportPeriod)),
  };
}

/** The 22 QIs and area 10, in framework order. */
export function allQiGrades(rows: readonly GradeRow[], reportPeriod: string): QiGrades[] {
  return qualityIndicators.map((q) => qiGrades(q.id, rows, reportPeriod));
}
