import path from 'node:path';
import type { EvidenceGap, GradeFlag, QuestionAssessment, ReadinessReason, ReportModel, TriangulationFinding } from '../model/index.js';
import { Trusted } from './escape-markdown.js';
import { gradeWordIn } from './grade-words.js';
import { meanGrade, percentBeside } from './format.js';
import type { IndicatorView } from './view-indicators.js';
import type { Labels } from './labels.js';

export const flagView = (f: GradeFlag) => ({ qi: f.qi, title: f.title, grade: f.grade, word: f.word, period: f.period });

/** A question's evidence share, printed so it never reads the same as a threshold it falls short of. */
export function coverageText(coverage: number, model: ReportModel): string {
  return percentBeside(coverage, [model.thresholds.readyMinimumEvidence, model.thresholds.notReadyEvidenceBelow]);
}

function reasonView(r: ReadinessReason, model: ReportModel) {
  const base = { partial: new Trusted(`reason-${r.code}`), effect: r.effect };
  switch (r.code) {
    case 'weak-grades':
      return { ...base, qis: r.qis.map(flagView) };
    case 'grades-below-ready':
      return { ...base, qis: r.qis.map(flagView), threshold: gradeWordIn(model, r.threshold) };
    case 'ungraded':
    case 'not-regraded':
    case 'not-evaluated':
      return { ...base, qis: r.qis };
    case 'grade-rejected':
      return { ...base, qis: r.qis.map((flag) => ({ qi: flag.qi, period: flag.period, latest: flag.latest, file: path.basename(flag.source.file), ...(flag.source.sheet === undefined ? {} : { sheet: flag.source.sheet }), line: flag.source.line })) };
    case 'grades-meet-ready':
      return { ...base, lowest: gradeWordIn(model, r.lowest), threshold: gradeWordIn(model, r.threshold) };
    default:
      return { ...base, coverage: coverageText(r.coverage, model), threshold: percentBeside(r.threshold, []) };
  }
}

/** The items not held in full, grouped by QI in mapping order. */
function gapsView(gaps: readonly EvidenceGap[], labels: Labels) {
  return [...new Set(gaps.map((gap) => gap.qi))].map((qi) => ({
    qi,
    items: gaps.filter((gap) => gap.qi === qi).map((gap) => ({ text: gap.item, status: labels.evidenceStatus[gap.status] })),
  }));
}

/** A finding as its grounds: the SPC signal's word and the position against the family group. */
function findingView(finding: TriangulationFinding, title: string) {
  const signal = finding.signal === 'improving' || finding.signal === 'worsening' ? finding.signal : undefined;
  return { title, signal, group: finding.familyGroup };
}

function triangulationView(q: QuestionAssessment, titleOf: (id: string) => string) {
  const t = q.triangulation;
  const of = (stance: TriangulationFinding['stance']) => t.findings.filter((f) => f.stance === stance).map((f) => findingView(f, titleOf(f.indicator)));
  return {
    partial: new Trusted(`triangulation-${t.code}`),
    meanGrade: t.meanGrade === undefined ? undefined : meanGrade(t.meanGrade),
    directional: t.directional.map(titleOf),
    context: t.context.map(titleOf),
    findings: t.findings.map((f) => findingView(f, titleOf(f.indicator))),
    adverse: of('adverse'),
    favourable: of('favourable'),
    judged: t.findings.length,
  };
}

export function questionView(q: QuestionAssessment, model: ReportModel, labels: Labels, indicators: ReadonlyMap<string, IndicatorView>) {
  const titleOf = (id: string) => model.indicators.find((i) => i.id === id)!.title;
  const { evidence } = q;
  return {
    number: q.number,
    shortTitle: q.shortTitle,
    text: q.text,
    rating: q.readiness.rating,
    ratingLabel: labels.rating[q.readiness.rating],
    reasons: q.readiness.reasons.map((r) => reasonView(r, model)),
    qis: q.qis,
    evidence: {
      coverage: evidence.coverage === null ? undefined : coverageText(evidence.coverage, model),
      held: evidence.held,
      partial: evidence.partial,
      notEvaluated: evidence.notEvaluated,
      local: evidence.local,
      suggested: evidence.total - evidence.local,
      total: evidence.total,
    },
    gaps: gapsView(evidence.gaps, labels),
    indicators: q.indicators.map((id) => indicators.get(id)!),
    triangulation: triangulationView(q, titleOf),
  };
}
