// Readiness, triangulation and capacity: the paper's judgements, from grades, evidence and indicators.
import { Fraction, fixed } from './fraction.js';
import type { QiGrades } from './grades.js';
import type { QuestionEvidence } from './evidence.js';
import type { IndicatorExpectation } from './indicators.js';
import type { QuestionNo, Thresholds } from './workspace.js';

export type Rating = 'ready' | 'nearly-ready' | 'not-ready';

export interface Readiness {
  rating: Rating;
  /** The facts behind the rating, so a test can check the reasons printed. */
  weakQis: string[];
  ungradedQis: string[];
  belowReadyQis: string[];
  notRegradedQis: string[];
  evidenceTooThin: boolean;
  evidenceBelowReady: boolean;
}

/**
 * Not ready: a mapped QI graded at or below the weak threshold, or ungraded, or coverage below the
 * not-ready share (no evidence to count at all counts as 0). Ready: every QI at least the ready grade and
 * graded this round, and coverage at least the ready share. Otherwise nearly ready.
 */
export function readiness(grades: readonly QiGrades[], evidence: QuestionEvidence, t: Thresholds): Readiness {
  const coverage = evidence.coverage ?? Fraction.ZERO;
  const ids = (pred: (g: QiGrades) => boolean) => grades.filter(pred).map((g) => g.qi);
  const r = {
    weakQis: ids((g) => g.latest !== undefined && g.latest.grade <= t.notReadyGradeAtOrBelow),
    ungradedQis: ids((g) => g.latest === undefined),
    belowReadyQis: ids((g) => g.latest !== undefined && g.latest.grade < t.readyMinimumGrade),
    notRegradedQis: ids((g) => g.latest !== undefined && !g.gradedThisRound),
    evidenceTooThin: coverage.lt(t.notReadyEvidenceBelow),
    evidenceBelowReady: coverage.lt(t.readyMinimumEvidence),
  };
  const notReady = r.weakQis.length > 0 || r.ungradedQis.length > 0 || r.evidenceTooThin;
  const ready = r.belowReadyQis.length === 0 && r.notRegradedQis.length === 0 && !r.evidenceBelowReady;
  return { rating: notReady ? 'not-ready' : ready ? 'ready' : 'nearly-ready', ...r };
}

/** Mean of the latest grades given (ungraded QIs left out), exact; undefined when none is graded. */
export function meanGrade(grades: readonly QiGrades[]): Fraction | undefined {
  const gs = grades.flatMap((g) => (g.latest ? [Fraction.int(g.latest.grade)] : []));
  return gs.length ? Fraction.sum(gs).div(Fraction.int(gs.length)) : undefined;
}

export type TriangulationCode = 'no-grades' | 'all-context' | 'none-judged' | 'grade-not-supported' | 'may-undersell' | 'consistent';

export interface Triangulation {
  code: TriangulationCode;
  mean?: Fraction;
  /** Mean grade printed to 1 decimal, half away: "4.3". */
  meanText?: string;
  directional: string[];
  judged: string[];
  adverse: string[];
  favourable: string[];
}

/** Judged by an SPC signal (the arrow) or by sitting better/worse than the family group. */
function judge(ind: IndicatorExpectation): { judged: boolean; adverse: boolean; favourable: boolean } {
  const fg = ind.comparators.find((c) => c.role === 'family-group')?.position;
  const adverse = ind.arrow === 'worsening' || fg === 'worse';
  return { judged: ind.arrow !== undefined || fg !== undefined, adverse, favourable: !adverse && (ind.arrow === 'improving' || fg === 'better') };
}

/** How a question's grades sit with its directional indicators (those in the paper, not context). */
export function triangulation(grades: readonly QiGrades[], indicators: readonly IndicatorExpectation[]): Triangulation {
  const mean = meanGrade(grades);
  const directional = indicators.filter((i) => i.definition.polarity !== 'context');
  const judgedInds = directional.filter((i) => judge(i).judged);
  const names = (pred: (i: IndicatorExpectation) => boolean) => judgedInds.filter(pred).map((i) => i.id);
  const base = {
    ...(mean ? { mean, meanText: fixed(mean, 1) } : {}),
    directional: directional.map((i) => i.id), judged: names(() => true),
    adverse: names((i) => judge(i).adverse), favourable: names((i) => judge(i).favourable),
  };
  const n = base.judged.length;
  const code: TriangulationCode = !mean ? 'no-grades'
    : directional.length === 0 ? 'all-context'
    : n === 0 ? 'none-judged'
    : mean.ge(Fraction.int(5)) && base.adverse.length * 2 > n ? 'grade-not-supported'
    : mean.le(Fraction.int(3)) && base.favourable.length * 2 > n ? 'may-undersell'
    : 'consistent';
  return { code, ...base };
}

export interface Capacity {
  /** Area 10's own latest grade. */
  partnershipGrade?: number;
  /** Mean of the 22 QIs' latest grades (area 10 left out), exact, and printed to 1 decimal. */
  mean?: Fraction;
  meanText?: string;
  /** floor(mean + 1/2), clamped to 1..6: the nearest point on the scale, halves up. */
  nearestGrade?: number;
  qisGraded: number;
}

export function capacity(all: readonly QiGrades[]): Capacity {
  const qis = all.filter((g) => g.qi !== '10');
  const mean = meanGrade(qis);
  const own = all.find((g) => g.qi === '10')?.latest?.grade;
  const nearest = mean ? Math.min(6, Math.max(1, Number(mean.add(new Fraction(1n, 2n)).floor()))) : undefined;
  return {
    ...(own !== undefined ? { partnershipGrade: own } : {}),
    ...(mean ? { mean, meanText: fixed(mean, 1), nearestGrade: nearest } : {}),
    qisGraded: qis.filter((g) => g.latest).length,
  };
}
