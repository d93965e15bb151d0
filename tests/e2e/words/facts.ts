// Facts several parts of the paper share, derived from the oracle's grades.
import { qualityIndicators } from '../../../src/framework/index.js';
import type { ExpectedPaper as Oracle, QiGrades } from '../../oracle/index.js';

export const CAPACITY = '10';

/** The QI's title in the workspace's framework edition. */
export const titleOf = (qi: string, o: Oracle): string => o.raw.titles[qi]!;

/** What inspectors grade under the workspace's model: its QIs, and the QIs of an area graded as a whole. */
export function inspectorGraded(qi: string, o: Oracle): boolean {
  const area = qualityIndicators.find((q) => q.id === qi)!.area;
  return qi !== CAPACITY && (o.raw.model.gradedQis.includes(qi) || o.raw.model.gradedAreas.includes(area));
}

/** A QI graded Weak or Unsatisfactory (the templates' words), at whatever period its latest grade is. */
export const isRisk = (g: QiGrades): boolean => g.qi !== CAPACITY && g.latest !== undefined && g.latest.grade <= 2;

/** The progress-review risks: the QIs inspectors grade under the model first, then in framework order. */
export const risks = (o: Oracle): QiGrades[] => {
  const all = o.qis.filter(isRisk);
  const byInspectors = (g: QiGrades) => o.raw.model.gradedQis.includes(g.qi);
  return [...all.filter(byInspectors), ...all.filter((g) => !byInspectors(g))];
};

/** How many items are not held in full, over all five questions (next-steps.md's `counts.gaps`). */
export const gapCount = (o: Oracle): number => o.questions.reduce((sum, q) => sum + q.evidence.gaps.length, 0);
