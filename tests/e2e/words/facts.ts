// Facts several parts of the paper share, derived from the oracle's grades.
import { inspectionModel, qualityIndicators } from '../../../src/framework/index.js';
import type { ExpectedPaper as Oracle, QiGrades } from '../../oracle/index.js';

export const CAPACITY = '10';

export const titleOf = (qi: string): string => qualityIndicators.find((q) => q.id === qi)!.title;

/** What inspectors graded in 2018–20: QIs 1.1, 2.1, 2.2 and area 9's QIs (README, "How readiness is rated"). */
export function inspectorGraded(qi: string): boolean {
  const area = qualityIndicators.find((q) => q.id === qi)!.area;
  return qi !== CAPACITY && (inspectionModel('care-and-protection-2018').graded.qis.includes(qi) || inspectionModel('care-and-protection-2018').graded.areas.includes(area));
}

/** A QI graded Weak or Unsatisfactory (the templates' words), at whatever period its latest grade is. */
export const isRisk = (g: QiGrades): boolean => g.qi !== CAPACITY && g.latest !== undefined && g.latest.grade <= 2;

/** The progress-review risks, in framework order. */
export const risks = (o: Oracle): QiGrades[] => o.qis.filter(isRisk);

/** How many items are not held in full, over all five questions (next-steps.md's `counts.gaps`). */
export const gapCount = (o: Oracle): number => o.questions.reduce((sum, q) => sum + q.evidence.gaps.length, 0);
