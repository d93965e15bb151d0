import type { EvidenceCounts, GradeFlag, NotEvaluatedFlag, QiAssessment, ReadinessRating, ReadinessReason, ReadinessThresholds } from '../model/index.js';

const SEVERITY: Record<ReadinessRating, number> = { ready: 0, 'nearly-ready': 1, 'not-ready': 2 };

export function gradeFlag(qi: QiAssessment): GradeFlag | undefined {
  return qi.latest && { qi: qi.id, title: qi.title, grade: qi.latest.grade, word: qi.latest.word, period: qi.latest.period };
}

export function notEvaluatedFlag(qi: QiAssessment): NotEvaluatedFlag {
  const earlier = qi.latest && { period: qi.latest.period, grade: qi.latest.grade, word: qi.latest.word };
  return { qi: qi.id, period: qi.notEvaluated!.period, ...(earlier ? { earlier } : {}) };
}

/**
 * Rates a question from its QIs' grades and evidence. The rating is the worst that any reason allows,
 * and every reason is kept, so the paper can say why in full.
 */
export function rateReadiness(qis: readonly QiAssessment[], evidence: EvidenceCounts, thresholds: ReadinessThresholds): { rating: ReadinessRating; reasons: ReadinessReason[] } {
  const reasons: ReadinessReason[] = [];
  const graded = qis.filter((qi) => qi.latest);
  const flags = graded.map((qi) => gradeFlag(qi)!);

  // A grade the build rejected is not the same as a grade never given: the paper says which it was.
  const rejected = qis.filter((qi) => qi.rejectedGrade).map((qi) => ({ qi: qi.id, period: qi.rejectedGrade!.period, source: qi.rejectedGrade!.source, ...(qi.latest ? { latest: qi.latest.period } : {}) }));
  if (rejected.length > 0) reasons.push({ code: 'grade-rejected', effect: rejected.some((flag) => !flag.latest) ? 'not-ready' : 'nearly-ready', qis: rejected });

  // Not yet evaluated is a grade still to come, said as such: Not ready with no grade to go on, Nearly ready
  // when an earlier round's grade stands in for it, never Ready.
  const notEvaluated = qis.filter((qi) => qi.notEvaluated).map(notEvaluatedFlag);
  if (notEvaluated.length > 0) reasons.push({ code: 'not-evaluated', effect: notEvaluated.some((flag) => !flag.earlier) ? 'not-ready' : 'nearly-ready', qis: notEvaluated });

  const ungraded = qis.filter((qi) => !qi.latest && !qi.rejectedGrade && !qi.notEvaluated).map((qi) => qi.id);
  if (ungraded.length > 0) reasons.push({ code: 'ungraded', effect: 'not-ready', qis: ungraded });

  const weak = flags.filter((flag) => flag.grade <= thresholds.notReadyGradeAtOrBelow);
  const belowReady = flags.filter((flag) => flag.grade > thresholds.notReadyGradeAtOrBelow && flag.grade < thresholds.readyMinimumGrade);
  if (weak.length > 0) reasons.push({ code: 'weak-grades', effect: 'not-ready', qis: weak });
  if (belowReady.length > 0) reasons.push({ code: 'grades-below-ready', effect: 'nearly-ready', qis: belowReady, threshold: thresholds.readyMinimumGrade });
  if (flags.length > 0 && weak.length === 0 && belowReady.length === 0) {
    reasons.push({ code: 'grades-meet-ready', effect: 'ready', lowest: Math.min(...flags.map((f) => f.grade)), threshold: thresholds.readyMinimumGrade });
  }

  const stale = graded.filter((qi) => !qi.gradedThisRound && !qi.rejectedGrade && !qi.notEvaluated).map((qi) => ({ qi: qi.id, period: qi.latest!.period }));
  if (stale.length > 0) reasons.push({ code: 'not-regraded', effect: 'nearly-ready', qis: stale });

  const coverage = evidence.coverage ?? 0;
  if (coverage < thresholds.notReadyEvidenceBelow) reasons.push({ code: 'evidence-too-thin', effect: 'not-ready', coverage, threshold: thresholds.notReadyEvidenceBelow });
  else if (coverage < thresholds.readyMinimumEvidence) reasons.push({ code: 'evidence-incomplete', effect: 'nearly-ready', coverage, threshold: thresholds.readyMinimumEvidence });
  else reasons.push({ code: 'evidence-sufficient', effect: 'ready', coverage, threshold: thresholds.readyMinimumEvidence });

  const rating = reasons.reduce<ReadinessRating>((worst, reason) => (SEVERITY[reason.effect] > SEVERITY[worst] ? reason.effect : worst), 'ready');
  reasons.sort((a, b) => SEVERITY[b.effect] - SEVERITY[a.effect]);
  return { rating, reasons };
}
