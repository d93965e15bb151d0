import {
  areas,
  CAPACITY_QI,
  changesFrom2014,
  domains,
  familyGroupArea,
  familyGroupOf,
  findCouncil,
  frameworkEdition,
  inspectionModel,
  qualityIndicatorsIn,
  scale,
  type FrameworkEdition,
  type InspectionModel,
  type QualityIndicator,
  type QuestionMapping,
} from '../framework/index.js';
import {
  comparePeriods,
  formatPeriod,
  meanOf,
  REPORT_MODEL_SCHEMA,
  type GradeRecord,
  type FrameworkShown,
  type IndicatorSummary,
  type InspectionShown,
  type Period,
  type QiAssessment,
  type QuestionAssessment,
  type RejectedGrade,
  type ReportModel,
  type SourceRow,
  type UnevaluatedGrade,
  type Workspace,
} from '../model/index.js';
import { assessCapacity } from './capacity.js';
import { publishedOutcomes } from './published-outcomes.js';
import { countEvidence, evidenceCoverage, evidenceGaps } from './evidence.js';
import { gradeHistory, gradeRounds } from './grade-history.js';
import { gradeAt, gradeHistories, isThisRound, movementBetween } from './grades.js';
import { summariseIndicators, type ComparisonSet } from './indicators.js';
import { triangulate, TRIANGULATION_GRADES } from './triangulation.js';
import { gradeFlag, rateReadiness } from './readiness.js';

/** Scotland, the partnership's LGBF family group (when its area is a council) and its named peers. */
export function comparisonSet(workspace: Workspace, council = findCouncil(workspace.settings.area)): ComparisonSet {
  const { area, peers } = workspace.settings;
  return {
    area,
    familyGroupAreas: council ? [familyGroupArea(council.childrenFamilyGroup), 'Family group'] : ['Family group'],
    familyGroupMembers: council ? familyGroupOf(council).map((member) => member.name) : [],
    peers: peers.filter((peer) => peer !== area),
  };
}

/** The workspace's mapping where it gives one for a question (statement, line of enquiry), the model's default elsewhere. */
export function questionMapping(workspace: Workspace, model = inspectionModel(workspace.settings.inspectionModel)): { origin: 'default' | 'workspace'; mapping: QuestionMapping } {
  const override = workspace.settings.mapping ?? {};
  const mapping = { ...model.defaultMapping, ...override } as QuestionMapping;
  return { origin: Object.keys(override).length > 0 ? 'workspace' : 'default', mapping };
}

/**
 * The QI's latest row among `rows` (grade rows rejected, or left empty) in a round after its latest accepted grade,
 * up to the report's: the round the paper must say was rejected, or is not yet evaluated.
 */
function latestRowAfter(id: string, latest: GradeRecord | undefined, rows: readonly (RejectedGrade | UnevaluatedGrade)[], workspace: Workspace): { period: string; source: SourceRow } | undefined {
  const later = rows
    .filter((row) => row.qi === id && comparePeriods(row.period, workspace.settings.period) <= 0 && (!latest || comparePeriods(row.period, latest.period) > 0))
    .sort((a, b) => comparePeriods(a.period, b.period))
    .at(-1);
  return later && { period: formatPeriod(later.period), source: later.source };
}

/** Whether inspectors grade the QI under the model: by itself, or as part of an area graded as a whole. */
const gradedByInspectors = (qi: QualityIndicator, model: InspectionModel) => model.graded.qis.includes(qi.id) || model.graded.areas.includes(qi.area);

function assessQi(definition: QualityIndicator, history: readonly GradeRecord[], workspace: Workspace, rounds: readonly Period[], model: InspectionModel): QiAssessment {
  const { id } = definition;
  const latestRecord = history.at(-1);
  const previousRecord = history.at(-2);
  const latest = latestRecord && gradeAt(latestRecord);
  const previous = previousRecord && gradeAt(previousRecord);
  const inspectorGraded = gradedByInspectors(definition, model);
  const rejected = latestRowAfter(id, latestRecord, workspace.rejectedGrades, workspace);
  const notEvaluated = latestRowAfter(id, latestRecord, workspace.unevaluated, workspace);
  return {
    id,
    title: definition.title,
    area: definition.area,
    areaTitle: areas.find((area) => area.id === definition.area)!.title,
    latest,
    previous,
    gradedThisRound: isThisRound(latestRecord, workspace.settings.period),
    ...(rejected ? { rejectedGrade: rejected } : {}),
    ...(notEvaluated ? { notEvaluated } : {}),
    movement: notEvaluated ? 'not-evaluated' : movementBetween(latest, previous),
    history: gradeHistory(id, history, { rejected: workspace.rejectedGrades, unevaluated: workspace.unevaluated }, rounds),
    strengths: latestRecord?.strengths ?? '',
    areasForImprovement: latestRecord?.areasForImprovement ?? '',
    inspectorGraded,
    progressReviewRisk: latest !== undefined && latest.grade <= workspace.settings.thresholds.notReadyGradeAtOrBelow,
    evidence: evidenceCoverage(id, workspace.evidence),
  };
}

/** The report model: everything the paper says, computed from the workspace and nothing else. */
export function buildReportModel(fullWorkspace: Workspace): ReportModel {
  const workspace = fullWorkspace.settings.asAtPeriod ? asAtPeriod(fullWorkspace) : fullWorkspace;
  const { settings } = workspace;
  const { period, mapping: _mapping, thresholds: _thresholds, data: _data, peers: _peers, asAtPeriod: _asAt, inspectionModel: _model, frameworkEdition: _edition, ...particulars } = settings;
  const council = findCouncil(settings.area);
  const model = inspectionModel(settings.inspectionModel);
  const edition = frameworkEdition(settings.frameworkEdition);
  const histories = gradeHistories(workspace.grades);
  const rounds = gradeRounds(workspace.grades, { rejected: workspace.rejectedGrades, unevaluated: workspace.unevaluated }, settings.period);
  const qis = qualityIndicatorsIn(edition).map((qi) => assessQi(qi, histories.get(qi.id) ?? [], workspace, rounds, model));
  const byId = new Map(qis.map((qi) => [qi.id, qi]));
  const { origin, mapping } = questionMapping(workspace, model);
  const comparison = comparisonSet(workspace, council);
  const indicators = linkIndicators(summariseIndicators(workspace.dataset, comparison, workspace.catalogue), model, mapping);

  const questions = model.items.map((question): QuestionAssessment => {
    const mapped = mapping[question.number]!.map((id) => byId.get(id)!);
    const items = mapped.flatMap((qi) => qi.evidence.items);
    const latestGrades = mapped.flatMap((qi) => (qi.latest ? [qi.latest.grade] : []));
    const evidence = countEvidence(items);
    const informing = indicators.filter((indicator) => indicator.questions.includes(question.number));
    return {
      number: question.number,
      text: question.text,
      shortTitle: question.shortTitle,
      qis: mapped.map((qi) => qi.id),
      grades: {
        graded: latestGrades.length,
        ungraded: mapped.length - latestGrades.length,
        notEvaluated: mapped.filter((qi) => qi.notEvaluated).length,
        lowest: latestGrades.length ? Math.min(...latestGrades) : undefined,
        mean: meanOf(latestGrades),
      },
      evidence: { ...evidence, gaps: mapped.flatMap((qi) => evidenceGaps(qi.id, qi.evidence)) },
      indicators: informing.map((indicator) => indicator.id),
      readiness: rateReadiness(mapped, evidence, settings.thresholds),
      triangulation: triangulate(mapped, informing),
    };
  });

  const gradedPeriods = [...new Map(workspace.grades.map((g) => [formatPeriod(g.period), g.period])).values()].sort(comparePeriods);
  const earlier = gradedPeriods.filter((period) => comparePeriods(period, settings.period) < 0);
  const flagged = (predicate: (qi: QiAssessment) => boolean) => qis.filter((qi) => qi.id !== CAPACITY_QI && predicate(qi)).flatMap((qi) => gradeFlag(qi) ?? []);

  return {
    schema: REPORT_MODEL_SCHEMA,
    framework: frameworkShown(edition),
    inspection: inspectionShown(model),
    publishedOutcomes: publishedOutcomes(model.id),
    paper: { ...particulars, period: formatPeriod(period) },
    periods: { report: formatPeriod(period), previous: earlier.length ? formatPeriod(earlier.at(-1)!) : undefined, graded: gradedPeriods.map(formatPeriod), rounds: rounds.map(formatPeriod) },
    mapping: { origin, questions: model.items.map((q) => ({ number: q.number, qis: [...mapping[q.number]!] })) },
    thresholds: settings.thresholds,
    triangulationRule: { highGrade: TRIANGULATION_GRADES.high, lowGrade: TRIANGULATION_GRADES.low },
    qis,
    questions,
    capacity: assessCapacity(qis),
    progressReviewRisks: flagged((qi) => qi.progressReviewRisk),
    inspectorGraded: flagged((qi) => qi.inspectorGraded),
    indicators,
    dataSources: [...new Set(workspace.dataset.flatMap((row) => (row.source ? [row.source] : [])))].sort(),
    suppressed: workspace.suppressed
      .filter((figure) => figure.area === settings.area)
      .map((figure) => ({ ...figure, title: workspace.catalogue.find((definition) => definition.id === figure.indicator)?.title ?? figure.indicator })),
    comparison: {
      council: council?.name,
      familyGroup: council && { number: council.childrenFamilyGroup, members: comparison.familyGroupMembers },
      peers: comparison.peers,
    },
    dataQuality: workspace.intake,
  };
}

/**
 * The items each figure informs under the model: the catalogue's own choice for the model it was written for;
 * otherwise every item one of the figure's QIs is mapped to.
 */
function linkIndicators(indicators: IndicatorSummary[], model: InspectionModel, mapping: QuestionMapping): IndicatorSummary[] {
  if (model.indicatorLinks === 'catalogue') return indicators;
  const informed = (indicator: IndicatorSummary) => model.items.filter((item) => mapping[item.number]!.some((qi) => indicator.qis.includes(qi))).map((item) => item.number);
  return indicators.map((indicator) => ({ ...indicator, questions: informed(indicator) }));
}

/** The inspection model as the paper speaks of it. */
function inspectionShown(model: InspectionModel): InspectionShown {
  return { id: model.id, name: model.name, years: { ...model.years }, itemKind: model.itemKind, graded: { qis: [...model.graded.qis], areas: [...model.graded.areas] }, document: { ...model.document } };
}

/** What the paper shows of the framework, so that rendering reads nothing but the model. */
function frameworkShown(edition: FrameworkEdition): FrameworkShown {
  return {
    id: edition.id,
    name: edition.name,
    edition: edition.edition,
    note: edition.note,
    domains: domains.map((domain) => ({ keyQuestion: domain.keyQuestion, areas: domain.areas.map((id) => ({ id, title: areas.find((area) => area.id === id)!.title })) })),
    scale: scale.map((point) => ({ ...point })),
    changesFrom2014: changesFrom2014.map((change) => ({ ...change })),
    capacityQi: CAPACITY_QI,
  };
}

/** Only the grades and figures up to the report's period: the paper as it could have been written then. */
function asAtPeriod(workspace: Workspace): Workspace {
  const notLater = (period: Period) => comparePeriods(period, workspace.settings.period) <= 0;
  return { ...workspace, grades: workspace.grades.filter((g) => notLater(g.period)), unevaluated: workspace.unevaluated.filter((g) => notLater(g.period)), dataset: workspace.dataset.filter((d) => notLater(d.period)) };
}
