// The test oracle: every figure and judgement a paper should print, computed from a workspace's raw files
// with exact arithmetic and none of the code under test (only plain framework data is imported).
import { allQiGrades, qiGrades, type QiGrades } from './grades.js';
import { qiEvidence, questionEvidence, type QiEvidence, type QuestionEvidence } from './evidence.js';
import type { Withheld } from './figures.js';
import { indicatorExpectations, type IndicatorExpectation } from './indicators.js';
import { capacity, readiness, triangulation, type Capacity, type Readiness, type Triangulation } from './judgements.js';
import { readWorkspaceRaw, type Overrides, type QuestionNo, type WorkspaceRaw } from './workspace.js';

export * from './fraction.js';
export * from './periods.js';
export * from './format.js';
export * from './spc.js';
export * from './figures.js';
export * from './comparators.js';
export * from './indicators.js';
export * from './grades.js';
export * from './evidence.js';
export * from './judgements.js';
export * from './workspace.js';
export * from './sources.js';
export * from './models.js';
export { councilNamed, canonicalCouncil, familyGroupMembers, familyGroupAreaName } from './councils.js';

export interface QuestionExpectation {
  number: QuestionNo;
  qis: string[];
  grades: QiGrades[];
  evidence: QuestionEvidence;
  readiness: Readiness;
  triangulation: Triangulation;
  /** The figures that inform it, in catalogue order. */
  indicators: IndicatorExpectation[];
}

/**
 * Under the 2018 model a figure informs the questions the catalogue names; under the later models, each item
 * one of the figure's QIs is mapped to (README, "Choosing the inspection model").
 */
function informs(indicator: IndicatorExpectation, number: number, raw: WorkspaceRaw): boolean {
  if (raw.model.linksByCatalogue) return indicator.definition.questions.includes(number);
  return indicator.definition.qis.some((qi) => raw.mapping[number]!.includes(qi));
}

export interface ExpectedPaper {
  raw: WorkspaceRaw;
  qis: (QiGrades & { evidence: QiEvidence })[];
  indicators: IndicatorExpectation[];
  questions: QuestionExpectation[];
  capacity: Capacity;
  /** Figures the publisher withheld for the partnership's own area (the paper lists them). */
  withheld: Withheld[];
}

/** Everything the paper for `dir` (with a pack's `overrides`) should print, as plain data. */
export function expectedPaper(dir: string, overrides: Overrides = {}): ExpectedPaper {
  const raw = readWorkspaceRaw(dir, overrides);
  const grades = allQiGrades(raw.grades, raw.period);
  const indicators = indicatorExpectations(raw.figures, raw.area, raw.peers);
  const questions = raw.model.items.map((_, index): QuestionExpectation => {
    const number = index + 1;
    const qis = [...new Set(raw.mapping[number])];
    const qg = qis.map((qi) => grades.find((g) => g.qi === qi) ?? qiGrades(qi, [], raw.period));
    const evidence = questionEvidence(qis, raw.evidence);
    const informing = indicators.filter((i) => informs(i, number, raw));
    return { number, qis, grades: qg, evidence, readiness: readiness(qg, evidence, raw.thresholds), triangulation: triangulation(qg, informing), indicators: informing };
  });
  return {
    raw,
    qis: grades.map((g) => ({ ...g, evidence: qiEvidence(g.qi, raw.evidence) })),
    indicators,
    questions,
    capacity: capacity(grades),
    withheld: raw.withheld.filter((w) => w.area === raw.area),
  };
}
