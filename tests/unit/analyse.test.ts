// Analysis: readiness ratings, evidence coverage, grade movement, capacity, indicator summaries and
// the report model. Expected values are worked out here by hand (for the Orkney fixture, straight from
// its CSV rows), never by calling the code under test.
import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import {
  assessCapacity,
  buildReportModel,
  countEvidence,
  directionOf,
  evidenceCoverage,
  evidenceGaps,
  gradeHistories,
  movementBetween,
  nearestGrade,
  questionMapping,
  rateReadiness,
  summariseIndicators,
  triangulate,
} from '../../src/analyse/index.js';
import { evidenceListFor, gradedQualityIndicators, indicatorCatalogue, qualityIndicators, type Grade } from '../../src/framework/index.js';
import { loadWorkspace } from '../../src/ingest/index.js';
import type {
  DatasetRecord,
  EvidenceCounts,
  EvidenceRecord,
  GradeRecord,
  Period,
  QiAssessment,
  ReadinessThresholds,
  ReportModel,
  ReportSettings,
  Workspace,
} from '../../src/model/index.js';

const THRESHOLDS: ReadinessThresholds = { readyMinimumGrade: 4, notReadyGradeAtOrBelow: 2, readyMinimumEvidence: 0.8, notReadyEvidenceBelow: 0.5 };
const WORDS = ['', 'Unsatisfactory', 'Weak', 'Adequate', 'Good', 'Very good', 'Excellent'];

// ---------------------------------------------------------------------------------------------------
// Hand-made inputs
// ---------------------------------------------------------------------------------------------------

/** A QI's assessment as analysis would build it; only what readiness and capacity read matters. */
function assessed(id: string, grade?: number, options: { period?: string; thisRound?: boolean } = {}): QiAssessment {
  const definition = qualityIndicators.find((qi) => qi.id === id)!;
  const period = options.period ?? '2018/19 Q1';
  return {
    id,
    title: definition.title,
    area: definition.area,
    areaTitle: `area ${definition.area}`,
    latest: grade === undefined ? undefined : { period, grade, word: WORDS[grade]!, evaluatedOn: '2018-06-27', source: { file: 'grades.csv', line: 2 } },
    gradedThisRound: grade !== undefined && (options.thisRound ?? true),
    movement: grade === undefined ? 'not-graded' : 'new',
    history: grade === undefined ? [] : [{ period, status: 'graded', grade, word: WORDS[grade]!, source: { file: 'grades.csv', line: 2 } }],
    strengths: '',
    areasForImprovement: '',
    inspectorGraded: false,
    progressReviewRisk: false,
    evidence: { listedInFramework: true, held: 0, partial: 0, missing: 0, notRecorded: 0, notEvaluated: 0, local: 0, total: 0, coverage: null, items: [] },
  };
}

/** Evidence counts with a given share held (out of 100 items). */
function share(coverage: number | null): EvidenceCounts {
  if (coverage === null) return { held: 0, partial: 0, missing: 0, notRecorded: 0, notEvaluated: 0, local: 0, total: 0, coverage: null };
  const held = Math.round(coverage * 100);
  return { held, partial: 0, missing: 100 - held, notRecorded: 0, notEvaluated: 0, local: 0, total: 100, coverage };
}

const period = (startYear: number, quarter?: 1 | 2 | 3 | 4): Period => (quarter ? { startYear, quarter } : { startYear });

function gradeRecord(qi: string, grade: Grade, at: Period, line = 2): GradeRecord {
  return { period: at, qi, grade, evaluatedOn: '2018-06-27', strengths: `strengths of ${qi}`, areasForImprovement: `improve ${qi}`, source: { file: 'grades.csv', line } };
}

function evidenceRecord(qi: string, item: string, status: EvidenceRecord['status'], local = false, line = 2): EvidenceRecord {
  return { qi, item, local, status, source: { file: 'evidence.csv', line } };
}

function datasetRecord(indicator: string, area: string, at: Period, value: number, line = 2): DatasetRecord {
  return { indicator, area, period: at, value, source: 'test source', row: { file: 'dataset.csv', line } };
}

function settings(overrides: Partial<ReportSettings> = {}): ReportSettings {
  return {
    inspectionModel: 'care-and-protection-2018',
    frameworkEdition: '2018-draft',
    council: 'Renfrewshire Council',
    committee: 'Improving Life Chances Group',
    meetingDate: '2018-06-27',
    reportBy: { name: 'Dorothy Example', post: 'Head of Service' },
    title: 'Inspection readiness',
    agendaItem: '7',
    partnership: 'Renfrewshire Children’s Services Partnership',
    area: 'Renfrewshire',
    period: period(2018, 1),
    draft: false,
    background: [],
    recommendations: ['note the report'],
    author: { name: 'Alex Example', post: 'Officer', contact: 'alex@example.org' },
    implications: [],
    backgroundPapers: [],
    thresholds: { ...THRESHOLDS },
    peers: [],
    ...overrides,
  };
}

function workspace(parts: Partial<Workspace> & { settings?: ReportSettings }): Workspace {
  return { directory: '/tmp/ws', settings: settings(), grades: [], rejectedGrades: [], unevaluated: [], evidence: [], dataset: [], suppressed: [], catalogue: [...indicatorCatalogue], intake: { mode: 'strict', files: [], rejected: [], warnings: [] }, ...parts };
}

// ---------------------------------------------------------------------------------------------------

describe('rateReadiness', () => {
  const codes = (result: ReturnType<typeof rateReadiness>) => result.reasons.map((reason) => reason.code);

  it('rates a question ready when every QI is graded 4 or more this round and 80% of the evidence is held', () => {
    const result = rateReadiness([assessed('5.1', 4), assessed('5.2', 6)], share(0.8), THRESHOLDS);
    expect(result.rating).toBe('ready');
    expect(result.reasons).toEqual([
      { code: 'grades-meet-ready', effect: 'ready', lowest: 4, threshold: 4 },
      { code: 'evidence-sufficient', effect: 'ready', coverage: 0.8, threshold: 0.8 },
    ]);
  });

  it('rates a question not ready when any QI is graded 2 or below, naming the weak QIs', () => {
    const result = rateReadiness([assessed('5.1', 5), assessed('5.2', 2), assessed('6.1', 1)], share(1), THRESHOLDS);
    expect(result.rating).toBe('not-ready');
    const weak = result.reasons.find((reason) => reason.code === 'weak-grades');
    expect(weak).toMatchObject({ effect: 'not-ready' });
    expect(weak && 'qis' in weak && weak.qis.map((flag) => [flag.qi, flag.grade, flag.word])).toEqual([
      ['5.2', 2, 'Weak'],
      ['6.1', 1, 'Unsatisfactory'],
    ]);
  });

  it('rates a question not ready when a mapped QI has no grade at all', () => {
    const result = rateReadiness([assessed('5.1', 5), assessed('5.2')], share(1), THRESHOLDS);
    expect(result.rating).toBe('not-ready');
    expect(result.reasons[0]).toEqual({ code: 'ungraded', effect: 'not-ready', qis: ['5.2'] });
  });

  it('rates a question nearly ready when its lowest grade is 3', () => {
    const result = rateReadiness([assessed('5.1', 5), assessed('5.2', 3)], share(0.9), THRESHOLDS);
    expect(result.rating).toBe('nearly-ready');
    expect(codes(result)).toEqual(['grades-below-ready', 'evidence-sufficient']);
    const below = result.reasons[0]!;
    expect(below.code === 'grades-below-ready' && below.qis.map((flag) => flag.qi)).toEqual(['5.2']);
  });

  it('rates a question nearly ready when evidence is between 50% and 80%, and says so with the figures', () => {
    const result = rateReadiness([assessed('5.1', 5)], share(0.65), THRESHOLDS);
    expect(result.rating).toBe('nearly-ready');
    expect(result.reasons[0]).toEqual({ code: 'evidence-incomplete', effect: 'nearly-ready', coverage: 0.65, threshold: 0.8 });
  });

  it('treats exactly 50% of evidence as nearly ready and just under as not ready', () => {
    expect(rateReadiness([assessed('5.1', 5)], share(0.5), THRESHOLDS).rating).toBe('nearly-ready');
    expect(rateReadiness([assessed('5.1', 5)], share(0.49), THRESHOLDS).rating).toBe('not-ready');
    expect(rateReadiness([assessed('5.1', 5)], share(0.79), THRESHOLDS).rating).toBe('nearly-ready');
  });

  it('rates a question not ready when less than half the evidence is held', () => {
    const result = rateReadiness([assessed('5.1', 6)], share(0.3), THRESHOLDS);
    expect(result.rating).toBe('not-ready');
    expect(result.reasons[0]).toEqual({ code: 'evidence-too-thin', effect: 'not-ready', coverage: 0.3, threshold: 0.5 });
  });

  it('rates a question not ready when there is no evidence to count at all', () => {
    const result = rateReadiness([assessed('6.3', 5)], share(null), THRESHOLDS);
    expect(result.rating).toBe('not-ready');
    expect(result.reasons[0]).toMatchObject({ code: 'evidence-too-thin', coverage: 0 });
  });

  it('rates a question nearly ready when a good grade is from an earlier round, naming its period', () => {
    const result = rateReadiness([assessed('5.1', 5), assessed('8.2', 5, { period: '2017/18 Q4', thisRound: false })], share(0.9), THRESHOLDS);
    expect(result.rating).toBe('nearly-ready');
    expect(result.reasons[0]).toEqual({ code: 'not-regraded', effect: 'nearly-ready', qis: [{ qi: '8.2', period: '2017/18 Q4' }] });
  });

  it('keeps every reason, worst first, and takes the worst as the rating', () => {
    const result = rateReadiness([assessed('5.1', 2), assessed('5.2', 3), assessed('5.3'), assessed('5.4', 4, { thisRound: false })], share(0.6), THRESHOLDS);
    expect(result.rating).toBe('not-ready');
    expect(codes(result).slice(0, 2).sort()).toEqual(['ungraded', 'weak-grades']);
    expect(codes(result).slice(2).sort()).toEqual(['evidence-incomplete', 'grades-below-ready', 'not-regraded']);
  });

  it('uses the workspace’s thresholds', () => {
    const strict: ReadinessThresholds = { readyMinimumGrade: 5, notReadyGradeAtOrBelow: 3, readyMinimumEvidence: 0.95, notReadyEvidenceBelow: 0.9 };
    expect(rateReadiness([assessed('5.1', 4)], share(1), strict)).toMatchObject({ rating: 'nearly-ready', reasons: [{ code: 'grades-below-ready', threshold: 5 }, { code: 'evidence-sufficient' }] });
    expect(rateReadiness([assessed('5.1', 3)], share(1), strict).rating).toBe('not-ready');
    const incomplete = rateReadiness([assessed('5.1', 6)], share(0.92), strict);
    expect(incomplete.rating).toBe('nearly-ready');
    expect(incomplete.reasons[0]).toMatchObject({ code: 'evidence-incomplete', threshold: 0.95 });
    expect(rateReadiness([assessed('5.1', 6)], share(0.85), strict).rating).toBe('not-ready');

    const lenient: ReadinessThresholds = { readyMinimumGrade: 3, notReadyGradeAtOrBelow: 1, readyMinimumEvidence: 0.6, notReadyEvidenceBelow: 0.2 };
    expect(rateReadiness([assessed('5.1', 3), assessed('5.2', 2)], share(0.6), lenient).rating).toBe('nearly-ready');
    expect(rateReadiness([assessed('5.1', 3)], share(0.6), lenient).rating).toBe('ready');
  });
});

describe('countEvidence', () => {
  it('counts each status and counts partial evidence as half', () => {
    const counts = countEvidence([{ status: 'held', local: false }, { status: 'held', local: false }, { status: 'partial', local: false }, { status: 'missing', local: false }, { status: 'not-recorded', local: false }, { status: 'not-evaluated', local: false }]);
    // Not yet evaluated is counted apart, and as not held.
    expect(counts).toEqual({ held: 2, partial: 1, missing: 1, notRecorded: 1, notEvaluated: 1, local: 0, total: 6, coverage: 2.5 / 6 });
  });

  it('gives full coverage when everything is held, none when nothing is', () => {
    expect(countEvidence([{ status: 'held', local: false }]).coverage).toBe(1);
    expect(countEvidence([{ status: 'missing', local: false }, { status: 'not-recorded', local: false }]).coverage).toBe(0);
    expect(countEvidence([{ status: 'partial', local: false }, { status: 'partial', local: false }]).coverage).toBe(0.5);
  });

  it('gives null coverage, not zero, when there is nothing to count', () => {
    expect(countEvidence([])).toEqual({ held: 0, partial: 0, missing: 0, notRecorded: 0, notEvaluated: 0, local: 0, total: 0, coverage: null });
  });
});

describe('evidenceCoverage', () => {
  const list22 = evidenceListFor('2.2')!.items;

  it('lists the framework’s items in order, marking those with no row as not recorded, then the local items', () => {
    const records = [
      evidenceRecord('2.2', list22[2]!, 'held', false, 3),
      evidenceRecord('2.2', list22[0]!, 'partial', false, 2),
      evidenceRecord('2.2', 'Family group feedback cards', 'missing', true, 4),
      evidenceRecord('2.1', list22[1]!, 'held', false, 5), // another QI's row: not counted for 2.2
    ];
    const coverage = evidenceCoverage('2.2', records);
    expect(coverage.items.map((item) => [item.text, item.status, item.local])).toEqual([
      [list22[0], 'partial', false],
      [list22[1], 'not-recorded', false],
      [list22[2], 'held', false],
      [list22[3], 'not-recorded', false],
      ['Family group feedback cards', 'missing', true],
    ]);
    expect(coverage).toMatchObject({ listedInFramework: true, held: 1, partial: 1, missing: 1, notRecorded: 2, total: 5, coverage: 1.5 / 5 });
    expect(coverage.items[0]!.source).toEqual({ file: 'evidence.csv', line: 2 });
    expect(coverage.items[1]!.source).toBeUndefined();
  });

  it('shows every framework item as not recorded when the QI has no rows', () => {
    const coverage = evidenceCoverage('5.1', []);
    expect(coverage.items).toHaveLength(evidenceListFor('5.1')!.items.length);
    expect(coverage.items.every((item) => item.status === 'not-recorded' && !item.local)).toBe(true);
    expect(coverage.coverage).toBe(0);
  });

  it('has only local items for 6.3, which the framework gives no list', () => {
    const coverage = evidenceCoverage('6.3', [evidenceRecord('6.3', 'Participation strategy', 'held', true)]);
    expect(coverage).toMatchObject({ listedInFramework: false, total: 1, held: 1, coverage: 1 });
    expect(coverage.items).toMatchObject([{ text: 'Participation strategy', local: true }]);
  });

  it('has nothing to count for area 10 without local items', () => {
    const coverage = evidenceCoverage('10', []);
    expect(coverage).toMatchObject({ listedInFramework: false, total: 0, coverage: null, items: [] });
  });

  it('lists every item not held in full as a gap: missing, partly held and not recorded', () => {
    const records = [evidenceRecord('2.2', list22[0]!, 'missing'), evidenceRecord('2.2', list22[1]!, 'held'), evidenceRecord('2.2', list22[2]!, 'partial')];
    expect(evidenceGaps('2.2', evidenceCoverage('2.2', records))).toEqual([
      { qi: '2.2', item: list22[0], status: 'missing' },
      { qi: '2.2', item: list22[2], status: 'partial' },
      { qi: '2.2', item: list22[3], status: 'not-recorded' },
    ]);
  });
});

describe('grade movement', () => {
  it('says not graded, new, up, down or same', () => {
    expect(movementBetween(undefined, undefined)).toBe('not-graded');
    expect(movementBetween(undefined, { grade: 4 })).toBe('not-graded');
    expect(movementBetween({ grade: 4 }, undefined)).toBe('new');
    expect(movementBetween({ grade: 5 }, { grade: 4 })).toBe('up');
    expect(movementBetween({ grade: 3 }, { grade: 4 })).toBe('down');
    expect(movementBetween({ grade: 4 }, { grade: 4 })).toBe('same');
  });

  it('puts each QI’s grades in time order, whatever order the rows came in', () => {
    const histories = gradeHistories([
      gradeRecord('5.1', 4, period(2019, 2)),
      gradeRecord('5.1', 3, period(2018, 4)),
      gradeRecord('5.2', 5, period(2019, 1)),
      gradeRecord('5.1', 5, period(2019, 1)),
    ]);
    expect(histories.get('5.1')!.map((record) => record.grade)).toEqual([3, 5, 4]);
    expect(histories.get('5.2')!.map((record) => record.grade)).toEqual([5]);
    expect(histories.has('5.3')).toBe(false);
  });
});

describe('nearestGrade', () => {
  it('rounds a mean to the nearest point, halves up', () => {
    expect(nearestGrade(4.5)).toBe(5);
    expect(nearestGrade(4.49)).toBe(4);
    expect(nearestGrade(3.5)).toBe(4);
    expect(nearestGrade(2.51)).toBe(3);
    expect(nearestGrade(1)).toBe(1);
    expect(nearestGrade(6)).toBe(6);
  });

  it('stays on the scale', () => {
    expect(nearestGrade(0.2)).toBe(1);
    expect(nearestGrade(6.7)).toBe(6);
  });
});

describe('assessCapacity', () => {
  it('takes the mean of the 22 QIs’ latest grades, leaving out area 10, beside the partnership’s own grade', () => {
    const grades = [6, 5, 5, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 3, 3, 3, 3, 3];
    const qis = [...gradedQualityIndicators.map((qi, index) => assessed(qi.id, grades[index])), assessed('10', 1)];
    const mean = grades.reduce((a, b) => a + b, 0) / 22; // 87 / 22 = 3.95…
    const capacity = assessCapacity(qis);
    expect(capacity.indicative).toEqual({ mean, grade: 4, word: 'Good', qisGraded: 22 });
    expect(capacity.partnershipGrade?.grade).toBe(1);
    expect(capacity.difference).toBe(1 - 4);
  });

  it('counts only the QIs that have a grade', () => {
    const capacity = assessCapacity([assessed('5.1', 2), assessed('5.2', 3), assessed('5.3'), assessed('10')]);
    expect(capacity.indicative).toEqual({ mean: 2.5, grade: 3, word: 'Adequate', qisGraded: 2 });
    expect(capacity.partnershipGrade).toBeUndefined();
    expect(capacity.difference).toBeUndefined();
  });

  it('gives no indicative grade when no QI is graded, but still shows the partnership’s own', () => {
    const capacity = assessCapacity([assessed('5.1'), assessed('10', 4)]);
    expect(capacity.indicative).toBeUndefined();
    expect(capacity.partnershipGrade?.grade).toBe(4);
  });
});

describe('summariseIndicators', () => {
  const own = 'Renfrewshire';
  const rows = [
    // Lower is better: re-registrations falling is improving.
    datasetRecord('CHN22', own, period(2020), 8.4, 3),
    datasetRecord('CHN22', own, period(2019), 10.0, 2),
    datasetRecord('CHN22', own, period(2018), 12.0, 4),
    // Higher is better: care in the community falling is worsening.
    datasetRecord('CHN09', own, period(2019), 90.5, 5),
    datasetRecord('CHN09', own, period(2020), 88.25, 6),
    // Context: looked-after rate rising is just "up".
    datasetRecord('lac-rate', own, period(2019), 12.1, 7),
    datasetRecord('lac-rate', own, period(2020), 13.4, 8),
    // Comparators for CHN22, in no particular order, one from an earlier period.
    datasetRecord('CHN22', 'Angus', period(2020), 7.0, 9),
    datasetRecord('CHN22', 'Family group', period(2020), 6.0, 10),
    datasetRecord('CHN22', 'Aberdeen City', period(2020), 9.0, 11),
    datasetRecord('CHN22', 'Scotland', period(2020), 5.0, 12),
    datasetRecord('CHN22', 'Scotland', period(2019), 5.5, 13),
    // Only a comparator, no figure of the partnership's own: no summary.
    datasetRecord('CHN23', 'Scotland', period(2020), 20, 14),
  ];
  const comparison = { area: own, familyGroupAreas: ['Family group'], familyGroupMembers: [], peers: ['Aberdeen City', 'Angus'] };
  const summaries = summariseIndicators(rows, comparison);
  const summary = (id: string) => summaries.find((s) => s.id === id);

  it('summarises only indicators with figures for the partnership, in catalogue order', () => {
    expect(summaries.map((s) => s.id)).toEqual(['CHN22', 'lac-rate', 'CHN09']);
  });

  it('takes the latest and previous figures by period, whatever the row order', () => {
    expect(summary('CHN22')).toMatchObject({ latest: { period: '2020/21', value: 8.4, source: { line: 3 } }, previous: { period: '2019/20', value: 10.0 } });
  });

  it('gives the change in the unit’s own terms (percentage points) and judges it by polarity', () => {
    expect(summary('CHN22')!.change).toBeCloseTo(8.4 - 10.0, 10);
    expect(summary('CHN22')!.direction).toBe('improving');
    expect(summary('CHN09')!.change).toBeCloseTo(88.25 - 90.5, 10);
    expect(summary('CHN09')!.direction).toBe('worsening');
  });

  it('matches the partnership’s area however the file spells the council (ingest reconciles names)', async () => {
    const { canonicalArea } = await import('../../src/ingest/data-files.js');
    expect(['RENFREWSHIRE', 'City of Edinburgh', 'Na h-Eileanan Siar', 'Argyll and Bute'].map(canonicalArea)).toEqual(['Renfrewshire', 'Edinburgh City', 'Eilean Siar', 'Argyll & Bute']);
  });

  it('calls a context indicator up or down, never better or worse', () => {
    expect(summary('lac-rate')!.direction).toBe('up');
    expect(summary('lac-rate')!.polarity).toBe('context');
  });

  it('lists comparators for the latest period only: Scotland first, then the family group, then the named peers', () => {
    expect(summary('CHN22')!.comparators.map((c) => [c.area, c.value.value])).toEqual([
      ['Scotland', 5.0],
      ['Family group', 6.0],
      ['Aberdeen City', 9.0],
      ['Angus', 7.0],
    ]);
  });

  it('has no previous figure, change or direction when there is only one period', () => {
    const [only] = summariseIndicators([datasetRecord('CHN09', own, period(2020), 88)], comparison);
    expect(only).toMatchObject({ id: 'CHN09', latest: { value: 88 }, comparators: [] });
    expect(only!.previous).toBeUndefined();
    expect(only!.change).toBeUndefined();
    expect(only!.direction).toBeUndefined();
  });

  it('traces the latest figure to its row and names the publisher from the catalogue', () => {
    expect(summary('CHN22')!.latest!.source).toEqual({ file: 'dataset.csv', line: 3 });
    expect(summary('CHN22')!.source).toBe('Local Government Benchmarking Framework (Improvement Service)');
  });
});

describe('directionOf', () => {
  const lowerIsBetter = { polarity: 'lower-is-better', decimals: 1 } as const;
  const higherIsBetter = { polarity: 'higher-is-better', decimals: 1 } as const;
  const context = { polarity: 'context', decimals: 0 } as const;

  it('judges falling figures by polarity', () => {
    expect(directionOf(-1, lowerIsBetter)).toBe('improving');
    expect(directionOf(1, lowerIsBetter)).toBe('worsening');
    expect(directionOf(-1, higherIsBetter)).toBe('worsening');
    expect(directionOf(1, higherIsBetter)).toBe('improving');
    expect(directionOf(-3, context)).toBe('down');
    expect(directionOf(3, context)).toBe('up');
  });

  it('calls a change too small to show at the printed decimals no change', () => {
    expect(directionOf(0, higherIsBetter)).toBe('no-change');
    expect(directionOf(0.04, higherIsBetter)).toBe('no-change');
    expect(directionOf(-0.04, lowerIsBetter)).toBe('no-change');
    expect(directionOf(0.4, context)).toBe('no-change');
    expect(directionOf(0.06, higherIsBetter)).toBe('improving');
  });
});

// ---------------------------------------------------------------------------------------------------

describe('buildReportModel on a hand-made workspace', () => {
  const list51 = evidenceListFor('5.1')!.items;
  const ws = workspace({
    settings: settings({ mapping: { 1: ['5.1', '5.2'] }, period: period(2018, 2) }),
    grades: [
      gradeRecord('5.1', 3, period(2018, 1), 2),
      gradeRecord('5.1', 5, period(2018, 2), 3),
      gradeRecord('5.2', 4, period(2018, 1), 4),
      gradeRecord('10', 4, period(2018, 2), 5),
    ],
    evidence: list51.map((item, index) => evidenceRecord('5.1', item, index < 8 ? 'held' : 'missing', false, index + 2)),
    dataset: [datasetRecord('CHN22', 'Renfrewshire', period(2017), 10), datasetRecord('CHN22', 'Renfrewshire', period(2018), 12)],
  });
  const model = buildReportModel(ws);
  const qi = (id: string) => model.qis.find((q) => q.id === id)!;

  it('uses the workspace’s mapping where it gives one and the default elsewhere', () => {
    expect(model.mapping.origin).toBe('workspace');
    expect(model.mapping.questions[0]).toEqual({ number: 1, qis: ['5.1', '5.2'] });
    expect(model.mapping.questions[3]).toEqual({ number: 4, qis: ['1.1', '2.1', '5.3', '5.4'] });
    expect(questionMapping(workspace({})).origin).toBe('default');
  });

  it('takes each QI’s latest grade and its movement from the round before', () => {
    expect(qi('5.1')).toMatchObject({ latest: { grade: 5, word: 'Very good', period: '2018/19 Q2' }, previous: { grade: 3 }, movement: 'up', gradedThisRound: true });
    expect(qi('5.1').strengths).toBe('strengths of 5.1');
    expect(qi('5.2')).toMatchObject({ latest: { grade: 4, period: '2018/19 Q1' }, movement: 'new', gradedThisRound: false });
    expect(qi('5.3')).toMatchObject({ movement: 'not-graded', gradedThisRound: false, strengths: '' });
    expect(qi('5.3').latest).toBeUndefined();
  });

  it('rates question 1 from its two QIs together: too little evidence, and 5.2 not re-graded this round', () => {
    const q1 = model.questions[0]!;
    // 5.1: 8 of its 9 items held; 5.2: 10 items, none recorded → 8 / 19.
    expect(q1.evidence).toMatchObject({ held: 8, missing: 1, notRecorded: 10, total: 19, coverage: 8 / 19 });
    expect(q1.grades).toEqual({ graded: 2, ungraded: 0, notEvaluated: 0, lowest: 4, mean: 4.5 });
    expect(q1.readiness.rating).toBe('not-ready');
    expect(q1.readiness.reasons.map((r) => r.code).sort()).toEqual(['evidence-too-thin', 'grades-meet-ready', 'not-regraded']);
  });

  it('lists the periods graded and the one before the report’s', () => {
    expect(model.periods).toEqual({ report: '2018/19 Q2', previous: '2018/19 Q1', graded: ['2018/19 Q1', '2018/19 Q2'], rounds: ['2018/19 Q1', '2018/19 Q2'] });
  });

  it('compares the partnership’s capacity grade with the 22 QIs’ mean', () => {
    expect(model.capacity.partnershipGrade?.grade).toBe(4);
    expect(model.capacity.indicative).toMatchObject({ mean: 4.5, grade: 5, qisGraded: 2 });
    expect(model.capacity.difference).toBe(-1);
  });

  it('links indicators to the questions they inform', () => {
    expect(model.questions.map((q) => q.indicators)).toEqual([['CHN22'], ['CHN22'], [], [], []]);
    expect(model.indicators[0]).toMatchObject({ id: 'CHN22', change: 2, direction: 'worsening' });
  });

  it('flags QIs at or below the weak threshold the workspace sets as progress-review risks', () => {
    expect(model.progressReviewRisks).toEqual([]);
    const strict = buildReportModel({ ...ws, settings: { ...ws.settings, thresholds: { ...THRESHOLDS, notReadyGradeAtOrBelow: 4 } } });
    expect(strict.progressReviewRisks.map((flag) => flag.qi)).toEqual(['5.2']);
  });

  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(model))).toEqual(model);
    expect(model.schema).toBe('qif-report/report-model@1');
  });
});

// ---------------------------------------------------------------------------------------------------
// The Orkney fixture, worked out by hand from its CSV rows.
// ---------------------------------------------------------------------------------------------------

describe('buildReportModel on the Orkney fixture', () => {
  const dir = fileURLToPath(new URL('../../fixtures/orkney/', import.meta.url));
  type Row = Record<string, string>;
  const readCsv = (name: string) => parse(readFileSync(dir + name), { columns: true, bom: true, skip_empty_lines: true }) as Row[];
  const report = JSON.parse(readFileSync(dir + 'report.json', 'utf8')) as { period: string; area: string };

  const gradeRows = readCsv('grades.csv');
  const evidenceRows = readCsv('evidence.csv');
  const datasetRows = readCsv('dataset.csv');

  const WORD_GRADES: Record<string, number> = { excellent: 6, 'very good': 5, good: 4, adequate: 3, weak: 2, unsatisfactory: 1 };
  const gradeOf = (text: string) => WORD_GRADES[text.trim().toLowerCase()] ?? Number(text);
  /** "2021/22 Q4" → 20214, to order rounds. */
  const roundKey = (text: string) => {
    const match = /^(\d{4})\/\d{2} Q(\d)$/.exec(text.trim());
    if (!match) throw new Error(`unexpected period ${text}`);
    return Number(match[1]) * 10 + Number(match[2]);
  };

  /** Each QI's rows, oldest first, with their line in grades.csv (header is line 1, no multi-line fields). */
  const byQi = new Map<string, { period: string; grade: number; line: number; strengths: string }[]>();
  gradeRows.forEach((row, index) => {
    const list = byQi.get(row.qi!) ?? [];
    list.push({ period: row.period!, grade: gradeOf(row.grade!), line: index + 2, strengths: row.strengths! });
    byQi.set(row.qi!, list);
  });
  for (const list of byQi.values()) list.sort((a, b) => roundKey(a.period) - roundKey(b.period));
  const latestOf = (id: string) => byQi.get(id)?.at(-1);
  const previousOf = (id: string) => byQi.get(id)?.at(-2);

  /** Coverage of one QI: the framework's items (unrecorded count nothing) plus the partnership's own rows. */
  const WEIGHT: Record<string, number> = { held: 1, partial: 0.5, missing: 0 };
  const squash = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();
  function handCounts(id: string) {
    const listed = (evidenceListFor(id)?.items ?? []).map(squash);
    const rows = evidenceRows.filter((row) => row.qi === id);
    const local = rows.filter((row) => !listed.includes(squash(row.item!)));
    const recorded = rows.filter((row) => listed.includes(squash(row.item!)));
    const total = listed.length + local.length;
    const status = (s: string) => rows.filter((row) => row.status === s).length;
    return {
      held: status('held'),
      partial: status('partial'),
      missing: status('missing'),
      notRecorded: listed.length - recorded.length,
      total,
      weight: rows.reduce((sum, row) => sum + WEIGHT[row.status!]!, 0),
    };
  }

  const MAPPING: Record<number, string[]> = {
    1: ['5.1', '5.2', '6.1', '2.1'],
    2: ['5.3', '5.4', '2.1', '2.2', '1.1'],
    3: ['1.1', '2.1', '5.3', '5.4', '8.2'],
    4: ['1.1', '2.1', '5.3', '5.4'],
    5: ['9.1', '9.2', '9.3', '9.4', '6.2', '6.3', '6.4', '6.5', '7.1', '7.2', '8.1', '8.2', '3.1', '4.1'],
  };

  /** The readiness rules of domain.md, applied by hand. */
  function handRating(qis: string[]): string {
    const latest = qis.map(latestOf);
    const grades = latest.flatMap((l) => (l ? [l.grade] : []));
    const stale = latest.some((l) => l && l.period !== report.period);
    const counts = qis.map(handCounts);
    const total = counts.reduce((sum, c) => sum + c.total, 0);
    const coverage = total === 0 ? 0 : counts.reduce((sum, c) => sum + c.weight, 0) / total;
    if (latest.some((l) => !l) || grades.some((g) => g <= 2) || coverage < 0.5) return 'not-ready';
    if (grades.some((g) => g < 4) || stale || coverage < 0.8) return 'nearly-ready';
    return 'ready';
  }

  let model: ReportModel;
  beforeAll(async () => {
    model = buildReportModel(await loadWorkspace(dir));
  });
  const qi = (id: string) => model.qis.find((q) => q.id === id)!;

  it('reports for the fixture’s period, after the two earlier rounds', () => {
    const rounds = [...new Set(gradeRows.map((row) => row.period!))].sort((a, b) => roundKey(a) - roundKey(b));
    expect(rounds).toHaveLength(3);
    expect(model.periods).toEqual({ report: report.period, previous: rounds[1], graded: rounds, rounds });
  });

  it('gives QI 9.2 its latest grade, Weak in 2021/22 Q4, unchanged from the year before', () => {
    const latest = latestOf('9.2')!;
    expect(latest).toMatchObject({ period: '2021/22 Q4', grade: 2 });
    expect(qi('9.2').latest).toMatchObject({ period: latest.period, grade: latest.grade, word: WORDS[latest.grade], source: { line: latest.line } });
    expect(qi('9.2').previous?.grade).toBe(previousOf('9.2')!.grade);
    expect(qi('9.2').movement).toBe(latest.grade === previousOf('9.2')!.grade ? 'same' : latest.grade > previousOf('9.2')!.grade ? 'up' : 'down');
    expect(qi('9.2').strengths).toBe(latest.strengths);
  });

  it('gives every QI its latest and previous grade, movement and whether it was graded this round', () => {
    for (const { id } of qualityIndicators) {
      const latest = latestOf(id);
      const previous = previousOf(id);
      const movement = !latest ? 'not-graded' : !previous ? 'new' : latest.grade > previous.grade ? 'up' : latest.grade < previous.grade ? 'down' : 'same';
      expect([id, qi(id).latest?.grade, qi(id).latest?.period, qi(id).previous?.grade, qi(id).movement, qi(id).gradedThisRound]).toEqual([
        id,
        latest?.grade,
        latest?.period,
        previous?.grade,
        movement,
        latest?.period === report.period,
      ]);
    }
  });

  it('carries an older grade for 4.1 and 8.2, which were not graded this round', () => {
    for (const id of ['4.1', '8.2']) {
      expect(gradeRows.some((row) => row.qi === id && row.period === report.period)).toBe(false);
      expect(qi(id).gradedThisRound).toBe(false);
      expect(qi(id).latest).toMatchObject({ period: '2020/21 Q4', grade: latestOf(id)!.grade });
    }
    expect(model.qis.filter((q) => q.latest && !q.gradedThisRound).map((q) => q.id)).toEqual(['4.1', '8.2']);
  });

  it('flags as progress-review risks exactly the QIs whose latest grade is weak or worse', () => {
    const expected = gradedQualityIndicators.map((q) => q.id).filter((id) => (latestOf(id)?.grade ?? 99) <= 2);
    expect(expected).toContain('9.2');
    expect(model.progressReviewRisks.map((flag) => [flag.qi, flag.grade, flag.period])).toEqual(
      expected.map((id) => [id, latestOf(id)!.grade, latestOf(id)!.period]),
    );
    expect(model.qis.filter((q) => q.progressReviewRisk).map((q) => q.id)).toEqual(expected);
  });

  it('flags what inspectors graded: 1.1, 2.1, 2.2 and the QIs of area 9', () => {
    expect(model.inspectorGraded.map((flag) => [flag.qi, flag.grade])).toEqual(
      ['1.1', '2.1', '2.2', '9.1', '9.2', '9.3', '9.4'].map((id) => [id, latestOf(id)!.grade]),
    );
  });

  it('counts each QI’s evidence from the fixture rows and the framework’s lists', () => {
    for (const { id } of qualityIndicators) {
      const hand = handCounts(id);
      const counted = qi(id).evidence;
      expect([id, counted.held, counted.partial, counted.missing, counted.notRecorded, counted.total]).toEqual([id, hand.held, hand.partial, hand.missing, hand.notRecorded, hand.total]);
      expect(counted.coverage, id).toBe(hand.total === 0 ? null : hand.weight / hand.total);
    }
  });

  it('counts 6.3’s evidence from its local item alone', () => {
    const local = evidenceRows.filter((row) => row.qi === '6.3');
    expect(local.length).toBeGreaterThan(0);
    expect(qi('6.3').evidence.listedInFramework).toBe(false);
    expect(qi('6.3').evidence.items.map((item) => [item.text, item.local])).toEqual(local.map((row) => [row.item, true]));
  });

  it('rates each question as the rules give by hand', () => {
    const ratings = model.questions.map((q) => [q.number, q.readiness.rating]);
    expect(ratings).toEqual([1, 2, 3, 4, 5].map((n) => [n, handRating(MAPPING[n]!)]));
    // A check on the hand rules themselves: the fixture is a partnership in recovery.
    expect(handRating(MAPPING[5]!)).toBe('not-ready');
  });

  it('gives each question the evidence coverage of its QIs taken together', () => {
    for (const question of model.questions) {
      const counts = MAPPING[question.number]!.map(handCounts);
      const total = counts.reduce((sum, c) => sum + c.total, 0);
      const weight = counts.reduce((sum, c) => sum + c.weight, 0);
      expect([question.number, question.evidence.total, question.evidence.coverage]).toEqual([question.number, total, weight / total]);
      expect(question.qis).toEqual(MAPPING[question.number]);
    }
  });

  it('gives question 3 a weak-grades reason for 8.2 and a not-regraded reason, as 8.2 is weak and from 2020/21', () => {
    const q3 = model.questions[2]!;
    const weak = q3.readiness.reasons.find((r) => r.code === 'weak-grades');
    const stale = q3.readiness.reasons.find((r) => r.code === 'not-regraded');
    expect(weak && weak.code === 'weak-grades' && weak.qis.map((f) => f.qi)).toEqual(
      MAPPING[3]!.filter((id) => latestOf(id)!.grade <= 2),
    );
    expect(stale && stale.code === 'not-regraded' && stale.qis).toEqual([{ qi: '8.2', period: '2020/21 Q4' }]);
  });

  it('compares the partnership’s own capacity grade with the mean of the 22 QIs’ latest grades', () => {
    const grades = gradedQualityIndicators.map((q) => latestOf(q.id)!.grade);
    const mean = grades.reduce((a, b) => a + b, 0) / grades.length;
    const rounded = Math.floor(mean + 0.5);
    expect(model.capacity.indicative).toEqual({ mean, grade: rounded, word: WORDS[rounded], qisGraded: 22 });
    expect(model.capacity.partnershipGrade?.grade).toBe(latestOf('10')!.grade);
    expect(model.capacity.difference).toBe(latestOf('10')!.grade - rounded);
  });

  it('summarises care in the community (CHN09): latest, previous, change in points and Scotland first', () => {
    const own = datasetRows.filter((row) => row.indicator === 'CHN09' && row.area === report.area).sort((a, b) => a.period!.localeCompare(b.period!));
    const latest = own.at(-1)!;
    const previous = own.at(-2)!;
    const change = Number(latest.value) - Number(previous.value);
    const summary = model.indicators.find((i) => i.id === 'CHN09')!;
    expect(summary.latest).toMatchObject({ period: latest.period, value: Number(latest.value) });
    expect(summary.previous).toMatchObject({ period: previous.period, value: Number(previous.value) });
    expect(summary.change).toBeCloseTo(change, 10);
    expect(summary.direction).toBe(change > 0.05 ? 'improving' : change < -0.05 ? 'worsening' : 'no-change');
    const comparators = datasetRows.filter((row) => row.indicator === 'CHN09' && row.period === latest.period && row.area !== report.area);
    expect(comparators.map((row) => row.area)).toEqual(expect.arrayContaining(['Scotland', 'Family group']));
    expect(summary.comparators.map((c) => [c.area, c.value.value])).toEqual(
      ['Scotland', 'Family group'].map((area) => [area, Number(comparators.find((row) => row.area === area)!.value)]),
    );
  });

  it('summarises only the indicators the fixture has figures for', () => {
    const present = new Set(datasetRows.filter((row) => row.area === report.area).map((row) => row.indicator));
    expect(new Set(model.indicators.map((i) => i.id))).toEqual(present);
  });

  it('names each data source once', () => {
    expect(model.dataSources).toEqual([...new Set(datasetRows.map((row) => row.source!).filter((s) => s !== ''))].sort());
  });
});

describe('a report for a whole year', () => {
  it('takes grades from any quarter of that year as this round’s', async () => {
    const { isThisRound } = await import('../../src/analyse/grades.js');
    const grade = { period: { startYear: 2021, quarter: 4 as const } } as Parameters<typeof isThisRound>[0];
    expect(isThisRound(grade, { startYear: 2021 })).toBe(true);
    expect(isThisRound(grade, { startYear: 2021, quarter: 2 })).toBe(false);
    expect(isThisRound(grade, { startYear: 2022 })).toBe(false);
  });
});

describe('positions against comparators, judged on the figures as printed', () => {
  const own = 'East Ayrshire';
  const comparison = { area: own, familyGroupAreas: ['Family group'], familyGroupMembers: [], peers: ['Angus'] };
  const positions = (own_: number, scotland: number, group: number, peer: number) =>
    summariseIndicators(
      [datasetRecord('CHN09', own, period(2021), own_), datasetRecord('CHN09', 'Scotland', period(2021), scotland), datasetRecord('CHN09', 'Family group', period(2021), group), datasetRecord('CHN09', 'Angus', period(2021), peer)],
      comparison,
    )[0]!.comparators.map((c) => c.position);

  it('never calls "the same" two figures that print differently: 89.94% (89.9%) against 89.96% (90.0%) is worse', () => {
    expect(positions(89.94, 89.96, 89.96, 89.96)).toEqual(['worse', 'worse', 'worse']);
  });

  it('calls "the same" two figures that print the same, however they differ unprinted', () => {
    // 14.95 rounds half away to 15.0, as does 15.04: both print as the partnership's 15.0%. 15.05 prints 15.1%,
    // higher than 15.0%, and a higher share in the community is better: the partnership is worse.
    expect(positions(15, 14.95, 15.04, 15.05)).toEqual(['same', 'same', 'worse']);
  });

  it('compares whole pounds for costs: £402.4 (£402) is lower than £402.6 (£403)', () => {
    const [summary] = summariseIndicators([datasetRecord('CHN08b', own, period(2021), 402.4), datasetRecord('CHN08b', 'Scotland', period(2021), 402.6)], comparison);
    expect(summary!.comparators[0]).toMatchObject({ position: 'lower', difference: -0.2 });
  });

  it('keeps the exact difference in the model, computed on decimals: 18.24 − 2.19 is 16.05', () => {
    const [summary] = summariseIndicators([datasetRecord('CHN22', own, period(2020), 2.19), datasetRecord('CHN22', own, period(2021), 18.24)], comparison);
    expect(summary!.change).toBe(16.05);
  });
});

describe('triangulation', () => {
  const graded = (grade: number) => ['5.1', '5.2'].map((qi) => assessed(qi, grade));
  const own = 'Renfrewshire';
  const comparison = { area: own, familyGroupAreas: ['Family group'], familyGroupMembers: [], peers: [] };
  /** CHN22 (lower is better) with a family-group figure; lac-rate (context) alone. */
  const indicators = (ownValue: number, group?: number) =>
    summariseIndicators(
      [datasetRecord('CHN22', own, period(2021), ownValue), ...(group === undefined ? [] : [datasetRecord('CHN22', 'Family group', period(2021), group)]), datasetRecord('lac-rate', own, period(2021), 12)],
      comparison,
    );

  it('flags strong grades that the figures contradict, naming the grounds', () => {
    const result = triangulate(graded(5), indicators(12, 7));
    expect(result).toMatchObject({ code: 'grade-not-supported', meanGrade: 5, directional: ['CHN22'], context: ['lac-rate'] });
    expect(result.findings).toEqual([{ indicator: 'CHN22', stance: 'adverse', signal: undefined, familyGroup: 'worse' }]);
  });

  it('flags weak grades the figures would support better', () => {
    expect(triangulate(graded(3), indicators(5, 7)).code).toBe('may-undersell');
  });

  it('finds no conflict when the grades make no strong claim', () => {
    expect(triangulate(graded(4), indicators(12, 7)).code).toBe('consistent');
  });

  it('counts a figure level with the family group as judged, for and against nothing', () => {
    const result = triangulate(graded(5), indicators(7.04, 7));
    expect(result.findings).toEqual([{ indicator: 'CHN22', stance: 'neutral', signal: undefined, familyGroup: 'same' }]);
    expect(result.code).toBe('consistent');
  });

  it('says which reason there is no test: no grades, only context figures, or nothing to judge a figure by', () => {
    expect(triangulate([assessed('5.1')], indicators(12, 7)).code).toBe('no-grades');
    expect(triangulate(graded(5), indicators(12, 7).filter((i) => i.polarity === 'context')).code).toBe('all-context');
    expect(triangulate(graded(5), indicators(12)).code).toBe('none-judged');
  });
});

describe('a grade row a lenient build rejected', () => {
  const base = workspace({
    settings: settings({ period: period(2018, 2), mapping: { 1: ['5.1', '5.2'] } }),
    grades: [gradeRecord('5.1', 4, period(2018, 1), 2), gradeRecord('5.2', 5, period(2018, 2), 3)],
    evidence: evidenceListFor('5.1')!.items.map((item, index) => evidenceRecord('5.1', item, 'held', false, index + 2)),
  });
  const rejected = (qi: string, at: Period, line: number) => ({ qi, period: at, source: { file: 'grades.csv', line } });

  it('is said as rejected, with the older grade used in its place, not as a QI that was not regraded', () => {
    const model = buildReportModel({ ...base, rejectedGrades: [rejected('5.1', period(2018, 2), 9)] });
    const qi = model.qis.find((q) => q.id === '5.1')!;
    expect(qi).toMatchObject({ latest: { period: '2018/19 Q1' }, gradedThisRound: false, rejectedGrade: { period: '2018/19 Q2', source: { line: 9 } } });
    const codes = model.questions[0]!.readiness.reasons.map((r) => r.code);
    expect(codes).toContain('grade-rejected');
    expect(codes).not.toContain('not-regraded');
    expect(model.questions[0]!.readiness.reasons.find((r) => r.code === 'grade-rejected')).toMatchObject({ effect: 'nearly-ready', qis: [{ qi: '5.1', period: '2018/19 Q2', latest: '2018/19 Q1' }] });
  });

  it('makes the question not ready when there is no other grade, and is not called ungraded', () => {
    const model = buildReportModel({ ...base, grades: [gradeRecord('5.2', 5, period(2018, 2), 3)], rejectedGrades: [rejected('5.1', period(2018, 2), 2)] });
    const reasons = model.questions[0]!.readiness.reasons;
    expect(reasons.map((r) => r.code)).not.toContain('ungraded');
    expect(reasons.find((r) => r.code === 'grade-rejected')).toMatchObject({ effect: 'not-ready', qis: [{ qi: '5.1' }] });
    expect(model.questions[0]!.readiness.rating).toBe('not-ready');
  });

  it('counts for nothing when it is older than the grade in use, or later than the report', () => {
    const model = buildReportModel({ ...base, rejectedGrades: [rejected('5.2', period(2018, 1), 7), rejected('5.1', period(2019, 1), 8)] });
    expect(model.qis.filter((q) => q.rejectedGrade)).toEqual([]);
  });
});

describe('a QI not yet evaluated (issue 13)', () => {
  const base = workspace({
    settings: settings({ period: period(2018, 2), mapping: { 1: ['5.1', '5.2'] } }),
    grades: [gradeRecord('5.1', 4, period(2018, 1), 2), gradeRecord('5.2', 5, period(2018, 2), 3)],
    evidence: evidenceListFor('5.1')!.items.map((item, index) => evidenceRecord('5.1', item, 'held', false, index + 2)),
  });
  const notYet = (qi: string, at: Period, line: number) => ({ qi, period: at, source: { file: 'grades.csv', line } });
  const reasonsOf = (model: ReportModel) => model.questions[0]!.readiness.reasons;

  it('is said as not yet evaluated, the earlier grade named, not as not regraded; the question is at best nearly ready', () => {
    // Every item of both QIs held, so only the grades decide the rating.
    const evidence = ['5.1', '5.2'].flatMap((id) => evidenceListFor(id)!.items.map((item, index) => evidenceRecord(id, item, 'held', false, index + 2)));
    const model = buildReportModel({ ...base, evidence, unevaluated: [notYet('5.1', period(2018, 2), 9)] });
    const qi = model.qis.find((q) => q.id === '5.1')!;
    expect(qi).toMatchObject({ latest: { period: '2018/19 Q1', grade: 4 }, gradedThisRound: false, movement: 'not-evaluated', notEvaluated: { period: '2018/19 Q2', source: { file: 'grades.csv', line: 9 } } });
    expect(reasonsOf(model).map((r) => r.code)).not.toContain('not-regraded');
    expect(reasonsOf(model).find((r) => r.code === 'not-evaluated')).toEqual({
      code: 'not-evaluated', effect: 'nearly-ready', qis: [{ qi: '5.1', period: '2018/19 Q2', earlier: { period: '2018/19 Q1', grade: 4, word: 'Good' } }],
    });
    expect(model.questions[0]!.grades).toMatchObject({ graded: 2, ungraded: 0, notEvaluated: 1 });
    expect(model.questions[0]!.readiness.rating).toBe('nearly-ready');
  });

  it('makes the question not ready when there is no earlier grade, and is not called ungraded', () => {
    const model = buildReportModel({ ...base, grades: [gradeRecord('5.2', 5, period(2018, 2), 3)], unevaluated: [notYet('5.1', period(2018, 2), 2)] });
    expect(reasonsOf(model).map((r) => r.code)).not.toContain('ungraded');
    expect(reasonsOf(model).find((r) => r.code === 'not-evaluated')).toEqual({ code: 'not-evaluated', effect: 'not-ready', qis: [{ qi: '5.1', period: '2018/19 Q2' }] });
    expect(model.qis.find((q) => q.id === '5.1')).toMatchObject({ latest: undefined, movement: 'not-evaluated' });
    expect(model.questions[0]!.readiness.rating).toBe('not-ready');
  });

  it('counts for nothing when it is older than the grade in use, or later than the report', () => {
    const model = buildReportModel({ ...base, unevaluated: [notYet('5.2', period(2018, 1), 7), notYet('5.1', period(2019, 1), 8)] });
    expect(model.qis.filter((q) => q.notEvaluated)).toEqual([]);
    expect(reasonsOf(model).map((r) => r.code)).not.toContain('not-evaluated');
  });

  it('builds a model when no QI is evaluated at all: every question not ready, no capacity figure', () => {
    const unevaluated = qualityIndicators.map((qi, index) => notYet(qi.id, period(2018, 2), index + 2));
    const model = buildReportModel(workspace({ settings: settings({ period: period(2018, 2) }), unevaluated }));
    expect(model.qis.every((qi) => qi.notEvaluated && !qi.latest && qi.movement === 'not-evaluated')).toBe(true);
    expect(model.questions.map((q) => q.readiness.rating)).toEqual(['not-ready', 'not-ready', 'not-ready', 'not-ready', 'not-ready']);
    expect(model.capacity).toEqual({ partnershipGrade: undefined });
  });

  it('counts evidence not yet evaluated apart, as a gap, and not as held', () => {
    const [first, second] = evidenceListFor('5.1')!.items;
    const coverage = evidenceCoverage('5.1', [evidenceRecord('5.1', first!, 'held'), evidenceRecord('5.1', second!, 'not-evaluated', false, 3)]);
    const listed = evidenceListFor('5.1')!.items.length;
    expect(coverage).toMatchObject({ held: 1, notEvaluated: 1, notRecorded: listed - 2, total: listed, coverage: 1 / listed });
    expect(evidenceGaps('5.1', coverage).filter((gap) => gap.status === 'not-evaluated')).toEqual([{ qi: '5.1', item: second, status: 'not-evaluated' }]);
  });
});

describe('the report model carries what the paper shows of the framework (issue 12)', () => {
  it('gives a withheld figure its indicator’s title as the workspace’s indicators.csv changes it', () => {
    const catalogue = indicatorCatalogue.map((definition) => (definition.id === 'CHN22' ? { ...definition, title: 'Our own name for re-registrations' } : definition));
    const row = { file: '/tmp/ws/data/scotpho.csv', line: 7 };
    const model = buildReportModel(workspace({ catalogue, suppressed: [{ indicator: 'CHN22', area: 'Renfrewshire', period: '2016/17', row }, { indicator: 'CHN22', area: 'Angus', period: '2016/17', row }] }));
    expect(model.suppressed).toEqual([{ indicator: 'CHN22', area: 'Renfrewshire', period: '2016/17', row, title: 'Our own name for re-registrations' }]);
  });

  it('holds Table 1’s domains and areas, the scale, the 2014 changes and the capacity QI, as the published framework has them', () => {
    const { framework } = buildReportModel(workspace({}));
    expect(framework.domains.map((domain) => [domain.keyQuestion, domain.areas.map((area) => `${area.id}. ${area.title}`)])).toEqual([
      ['What key outcomes have we achieved?', ['1. Key performance outcomes']],
      ['How well do we meet the needs of our stakeholders?', ['2. Impact on children, young people and families', '3. Impact on staff', '4. Impact on the community']],
      ['How good is our delivery of services for children, young people and families?', ['5. Delivery of key processes']],
      ['How good is our operational management?', ['6. Policy, service development and planning', '7. Management and support of staff', '8. Partnership and resources']],
      ['How good is our leadership?', ['9. Leadership and direction']],
      ['What is our capacity for improvement?', ['10. Capacity for improvement']],
    ]);
    expect(framework.scale.map((point) => `${point.grade} ${point.word}`)).toEqual(['6 Excellent', '5 Very good', '4 Good', '3 Adequate', '2 Weak', '1 Unsatisfactory']);
    expect(framework.changesFrom2014.map((change) => `${change.qi}←${change.previousId}`)).toEqual(['1.1←1.1', '5.1←5.1', '5.2←5.2', '5.3←5.3', '6.5←8.3', '9.3←9.3']);
    expect(framework.capacityQi).toBe('10');
  });
});
