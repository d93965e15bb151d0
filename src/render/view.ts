import type { QiAssessment, ReportModel } from '../model/index.js';
import { escapeStrings } from './escape-markdown.js';
import { gradeWordIn } from './grade-words.js';
import { longDate, meanGrade, percent } from './format.js';
import type { Labels } from './labels.js';
import { splitRounds } from './grade-history.js';
import { indicatorView } from './view-indicators.js';
import { flagView, questionView } from './view-questions.js';
import { inspectionView, risksView } from './view-inspection.js';
import { outcomesView } from './view-outcomes.js';
import { dataQualityShown } from './view-data-quality.js';

/**
 * The report model formatted for the templates: dates long, shares as percentages, figures with units,
 * labels looked up, and every string escaped for Markdown. Templates only place what is here.
 */
export function buildView(model: ReportModel, labels: Labels) {
  const indicators = new Map(model.indicators.map((i) => [i.id, indicatorView(i, labels)]));
  const ratingCount = (rating: string) => model.questions.filter((q) => q.readiness.rating === rating).length;
  const view = {
    paper: { ...model.paper, meetingDate: longDate(model.paper.meetingDate) },
    framework: model.framework,
    inspection: inspectionView(model, labels),
    periods: model.periods,
    mappingIsDefault: model.mapping.origin === 'default',
    thresholds: {
      readyGrade: gradeWordIn(model, model.thresholds.readyMinimumGrade),
      notReadyGrade: gradeWordIn(model, model.thresholds.notReadyGradeAtOrBelow),
      readyEvidence: percent(model.thresholds.readyMinimumEvidence),
      notReadyEvidence: percent(model.thresholds.notReadyEvidenceBelow),
      triangulationHigh: gradeWordIn(model, model.triangulationRule.highGrade),
      triangulationLow: gradeWordIn(model, model.triangulationRule.lowGrade),
    },
    counts: {
      ready: ratingCount('ready'),
      nearlyReady: ratingCount('nearly-ready'),
      notReady: ratingCount('not-ready'),
      questions: model.questions.length,
      gaps: model.questions.reduce((sum, q) => sum + q.evidence.gaps.length, 0),
    },
    questions: model.questions.map((q) => questionView(q, model, labels, indicators)),
    risks: risksView(model, flagView),
    inspectorGraded: model.qis
      .filter((qi) => qi.inspectorGraded && qi.id !== model.framework.capacityQi)
      .map((qi) => ({ qi: qi.id, title: qi.title, word: qi.latest?.word ?? labels.tables.notGraded!, notEvaluated: notEvaluatedOf(qi) })),
    notEvaluated: notEvaluatedView(model),
    capacity: capacityView(model),
    dataSources: model.dataSources,
    suppressed: model.suppressed,
    comparison: model.comparison,
    indicatorDetails: [...indicators.values()],
    dataQuality: dataQualityView(model),
    gradeHistory: gradeHistoryView(model),
    outcomes: outcomesView(model),
  };
  return escapeStrings(view);
}

export type View = ReturnType<typeof buildView>;

/** A QI whose latest round is not yet evaluated: that round, and the earlier grade the paper uses, if any. */
function notEvaluatedOf(qi: QiAssessment) {
  return qi.notEvaluated && { period: qi.notEvaluated.period, earlier: qi.latest && { word: qi.latest.word, period: qi.latest.period } };
}

/** The QIs (area 10 aside, which its own section speaks of) not yet evaluated, and whether any evidence is. */
function notEvaluatedView(model: ReportModel) {
  const qis = model.qis.filter((qi) => qi.id !== model.framework.capacityQi);
  const pending = qis.flatMap((qi) => (qi.notEvaluated ? [{ qi: qi.id, ...notEvaluatedOf(qi)! }] : []));
  const rounds = [...new Set(pending.map((qi) => qi.period))].map((period) => ({ period, qis: pending.filter((qi) => qi.period === period) }));
  return {
    qis: pending,
    rounds,
    of: qis.length,
    withEarlier: pending.some((qi) => qi.earlier),
    evidence: model.qis.reduce((sum, qi) => sum + qi.evidence.notEvaluated, 0),
    any: model.qis.some((qi) => qi.notEvaluated) || model.qis.some((qi) => qi.evidence.notEvaluated > 0),
  };
}

function capacityView(model: ReportModel) {
  const { partnershipGrade, indicative, difference } = model.capacity;
  const capacity = model.qis.find((qi) => qi.id === model.framework.capacityQi);
  const notEvaluated = capacity && notEvaluatedOf(capacity);
  return {
    // An earlier round's judgement is named as such, not set against this round's figure.
    notEvaluated,
    partnership: !notEvaluated && partnershipGrade ? { grade: partnershipGrade.grade, word: partnershipGrade.word, period: partnershipGrade.period } : undefined,
    indicative: indicative && { ...indicative, mean: meanGrade(indicative.mean) },
    agrees: difference === 0,
    higher: (difference ?? 0) > 0,
  };
}

/** What the sentence before the grades-over-time table says: the rounds, their span, the states it marks, its parts. */
function gradeHistoryView(model: ReportModel) {
  const { rounds } = model.periods;
  const marked = (status: string) => model.qis.some((qi) => qi.history.some((entry) => entry.status === status));
  const parts = splitRounds(rounds).length;
  return { rounds: rounds.length, first: rounds[0], last: rounds.at(-1), notRegraded: marked('not-regraded'), notEvaluated: marked('not-evaluated'), rejected: marked('rejected'), parts, split: parts > 1 };
}

/** Whether the paper needs its data-quality appendix, and the counts its prose quotes. */
function dataQualityView(model: ReportModel) {
  const { mode, files, rejected, warnings } = model.dataQuality;
  const rejectedRows = files.reduce((sum, file) => sum + file.rejected, 0);
  return {
    lenient: mode === 'lenient',
    show: dataQualityShown(model),
    rejectedRows,
    rejectedProblems: rejected.length,
    filesWithRejections: files.filter((file) => file.rejected > 0).length,
    sheetsRead: files.some((file) => file.sheet !== undefined),
    warnings: warnings.length,
  };
}
