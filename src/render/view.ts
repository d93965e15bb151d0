import { findIndicator, gradeWord, type Grade } from '../framework/index.js';
import type { GradeFlag, IndicatorSummary, ReadinessReason, ReportModel } from '../model/index.js';
import { escapeStrings, Trusted } from './escape-markdown.js';
import { indicatorChange, indicatorValue, longDate, meanGrade, percent } from './format.js';
import type { Labels } from './labels.js';

/**
 * The report model formatted for the templates: dates long, shares as percentages, figures with units,
 * labels looked up, and every string escaped for Markdown. Templates only place what is here.
 */
export function buildView(model: ReportModel, labels: Labels) {
  const flag = (f: GradeFlag) => ({ qi: f.qi, title: f.title, grade: f.grade, word: f.word, period: f.period });
  /** One formatted view of each indicator, used by the questions and by the appendix alike. */
  const indicator = (i: IndicatorSummary) => {
    const show = (value: number | undefined) => (value === undefined ? undefined : indicatorValue(value, i.unit, i.decimals));
    return {
      id: new Trusted(i.id),
      title: i.title,
      definition: i.definition,
      source: i.source,
      licence: i.licence,
      unit: labels.units[i.unit],
      context: i.polarity === 'context',
      points: i.series.length,
      firstPeriod: i.series[0]?.period,
      latestPeriod: i.latest?.period,
      latest: show(i.latest?.value),
      previous: show(i.previous?.value),
      change: i.change === undefined ? undefined : indicatorChange(i.change, i.unit, i.decimals),
      directionLabel: i.direction && labels.direction[i.direction],
      spc: {
        judgeable: i.spc.judgeable,
        minimumPoints: i.spc.minimumPoints,
        mean: show(i.spc.mean),
        lower: show(i.spc.lowerLimit),
        upper: show(i.spc.upperLimit),
        signal: i.spc.latestSignal && { rule: new Trusted(`spc-${i.spc.latestSignal.rule}`), direction: i.spc.latestSignal.direction, points: i.spc.latestSignal.points.length },
      },
      peers: i.comparators.filter((c) => c.role === 'peer').map((c) => ({ area: c.area, value: show(c.value.value), position: labels.position[c.position] })),
    };
  };
  const reason = (r: ReadinessReason) => {
    const base = { partial: new Trusted(`reason-${r.code}`), effect: r.effect };
    switch (r.code) {
      case 'weak-grades':
      case 'grades-below-ready':
        return { ...base, qis: r.qis.map(flag), threshold: 'threshold' in r ? gradeWord(r.threshold as Grade) : undefined };
      case 'ungraded':
      case 'not-regraded':
        return { ...base, qis: r.qis };
      case 'grades-meet-ready':
        return { ...base, lowest: gradeWord(r.lowest as Grade), threshold: gradeWord(r.threshold as Grade) };
      default:
        return { ...base, coverage: percent(r.coverage), threshold: percent(r.threshold) };
    }
  };
  const ratingCount = (rating: string) => model.questions.filter((q) => q.readiness.rating === rating).length;
  const byId = new Map(model.indicators.map((i) => [i.id, i]));
  const indicatorViews = new Map(model.indicators.map((i) => [i.id, indicator(i)]));

  const view = {
    paper: { ...model.paper, meetingDate: longDate(model.paper.meetingDate) },
    framework: model.framework,
    periods: model.periods,
    mappingIsDefault: model.mapping.origin === 'default',
    thresholds: {
      readyGrade: gradeWord(model.thresholds.readyMinimumGrade as Grade),
      notReadyGrade: gradeWord(model.thresholds.notReadyGradeAtOrBelow as Grade),
      readyEvidence: percent(model.thresholds.readyMinimumEvidence),
      notReadyEvidence: percent(model.thresholds.notReadyEvidenceBelow),
    },
    counts: { ready: ratingCount('ready'), nearlyReady: ratingCount('nearly-ready'), notReady: ratingCount('not-ready'), questions: model.questions.length },
    questions: model.questions.map((q) => ({
      number: q.number,
      shortTitle: q.shortTitle,
      text: q.text,
      rating: q.readiness.rating,
      ratingLabel: labels.rating[q.readiness.rating],
      reasons: q.readiness.reasons.map(reason),
      qis: q.qis.join(', '),
      evidence: { coverage: q.evidence.coverage === null ? undefined : percent(q.evidence.coverage), gapCount: q.evidence.gaps.length, held: q.evidence.held, total: q.evidence.total },
      gaps: [...new Set(q.evidence.gaps.map((gap) => gap.qi))].map((qi) => ({
        qi,
        items: q.evidence.gaps.filter((gap) => gap.qi === qi).map((gap) => `${gap.item} (${labels.evidenceStatus[gap.status]})`).join('; '),
      })),
      indicators: q.indicators.map((id) => indicatorViews.get(id)!),
      triangulation: {
        partial: new Trusted(`triangulation-${q.triangulation.code}`),
        meanGrade: q.triangulation.meanGrade === undefined ? undefined : meanGrade(q.triangulation.meanGrade),
        judged: q.triangulation.judged,
        adverse: q.triangulation.adverse.map((id) => byId.get(id)!.title),
        favourable: q.triangulation.favourable.map((id) => byId.get(id)!.title),
      },
    })),
    risks: model.progressReviewRisks.map(flag),
    inspectorGraded: model.inspectorGraded.map(flag),
    capacity: {
      partnership: model.capacity.partnershipGrade && { grade: model.capacity.partnershipGrade.grade, word: model.capacity.partnershipGrade.word, period: model.capacity.partnershipGrade.period },
      indicative: model.capacity.indicative && { ...model.capacity.indicative, mean: meanGrade(model.capacity.indicative.mean) },
      agrees: model.capacity.difference === 0,
      higher: (model.capacity.difference ?? 0) > 0,
    },
    dataSources: model.dataSources,
    suppressed: model.suppressed.map((figure) => ({ ...figure, title: findIndicator(figure.indicator)?.title ?? figure.indicator })),
    comparison: model.comparison,
    indicatorDetails: [...indicatorViews.values()],
    dataQuality: dataQualityView(model),
  };
  return escapeStrings(view);
}

export type View = ReturnType<typeof buildView>;

/** Whether the paper needs its data-quality appendix, and the counts its prose quotes. */
function dataQualityView(model: ReportModel) {
  const { mode, files, rejected, warnings } = model.dataQuality;
  const rejectedRows = files.reduce((sum, file) => sum + file.rejected, 0);
  return {
    lenient: mode === 'lenient',
    show: mode === 'lenient' || warnings.length > 0,
    rejectedRows,
    rejectedProblems: rejected.length,
    filesWithRejections: files.filter((file) => file.rejected > 0).length,
    warnings: warnings.length,
  };
}
