/**
 * The report model: the contract between analysis and rendering (docs/report-model.md).
 * Plain JSON only — strings, numbers, booleans, arrays, objects — so `--format json` writes it as it is
 * and an HTML edition or an agenda pack can read it without this code. Periods are labels (`2018/19 Q1`),
 * dates ISO (`2018-06-27`), fractions 0–1. No wording for the paper lives here: reasons are codes
 * with their figures, and templates/ turns them into sentences.
 */
import type { Attribution, FrameworkEditionId, Grade, IndicatorUnit, InspectionItemKind, InspectionModelId, Polarity, QiId, QuestionNumber, SubmittedDocument } from '../framework/index.js';
import type { DataIntake } from './intake.js';
import type { SpcResult } from './spc.js';
import type { EvidenceStatus, ReadinessThresholds, ReportSettings, SourceRow, SuppressedFigure } from './records.js';

export const REPORT_MODEL_SCHEMA = 'qif-report/report-model@1';

export interface ReportModel {
  schema: typeof REPORT_MODEL_SCHEMA;
  framework: FrameworkShown;
  /** The joint inspection model the paper prepares for; `questions` are its questions, statements or lines of enquiry. */
  inspection: InspectionShown;
  paper: PaperParticulars;
  /** `rounds`: the columns of the grades-over-time table, every round with a grade row up to the report's. */
  periods: { report: string; previous?: string; graded: string[]; rounds: string[] };
  mapping: { origin: 'default' | 'workspace'; questions: { number: QuestionNumber; qis: QiId[] }[] };
  thresholds: ReadinessThresholds;
  /** The grades triangulation tests: a mean at or above `highGrade`, or at or below `lowGrade`. */
  triangulationRule: { highGrade: number; lowGrade: number };
  qis: QiAssessment[];
  questions: QuestionAssessment[];
  capacity: CapacityAssessment;
  progressReviewRisks: GradeFlag[];
  inspectorGraded: GradeFlag[];
  indicators: IndicatorSummary[];
  dataSources: string[];
  /** Figures the publishers withheld, listed so none is silently lost. */
  suppressed: WithheldFigure[];
  /** The comparators used: the partnership's family group and named peers. */
  comparison: { council?: string; familyGroup?: { number: number; members: string[] }; peers: string[] };
  /** The input files as read, and every row a lenient build left out: the data-quality appendix. */
  dataQuality: DataIntake;
  /**
   * Evaluations published from inspections under the chosen model, as context (never a rank or a prediction);
   * empty for the default model (see src/analyse/published-outcomes.ts).
   */
  publishedOutcomes: PublishedOutcomeShown[];
}

/** One published evaluation: who, when (as far as the sources give it), what was graded, the grade, where it was read. */
export interface PublishedOutcomeShown {
  partnership: string;
  /** ISO, a day ("2023-04-18") or only a month ("2020-02"); absent when no source gives it. */
  reportDate?: string;
  /** The QI graded, or `area` when an area was graded as a whole. */
  qi?: QiId;
  area?: number;
  grade: Grade;
  word: string;
  source: string;
  /** `inferred`: the source gives the grade without naming the QI, attributed because the model grades only one. */
  attribution: Attribution;
}

/**
 * The framework as the paper shows it: its edition, Table 1's layout (each domain's key question and its areas),
 * the six-point scale with its words and descriptors, the QIs renamed since 2014, and the id of the capacity QI.
 */
export interface FrameworkShown {
  id: FrameworkEditionId;
  name: string;
  edition: string;
  note: string;
  domains: { keyQuestion: string; areas: { id: number; title: string }[] }[];
  scale: { grade: number; word: string; descriptor: string }[];
  changesFrom2014: { qi: QiId; previousId: string; previousTitle: string }[];
  capacityQi: QiId;
}

/** The inspection model: what it asks about, what inspectors grade under it, what the partnership submits. */
export interface InspectionShown {
  id: InspectionModelId;
  name: string;
  years: { from: number; to?: number };
  itemKind: InspectionItemKind;
  graded: { qis: QiId[]; areas: number[] };
  document: SubmittedDocument;
}

/** A figure the publisher withheld, with its indicator's title as the workspace's catalogue gives it. */
export type WithheldFigure = SuppressedFigure & { title: string };

/** The particulars from report.json, with the period as its label. */
export type PaperParticulars = Omit<ReportSettings, 'period' | 'mapping' | 'thresholds' | 'data' | 'peers' | 'inspectionModel' | 'frameworkEdition'> & { period: string };

export interface GradeAt {
  period: string;
  grade: number;
  word: string;
  evaluatedOn: string;
  source: SourceRow;
}

/**
 * A QI's state in one round: `graded`; `rejected` (a lenient build left its grade row out); `not-evaluated` (its
 * row leaves the grade empty); `not-regraded` (no row, but an earlier round graded it); `not-graded` (no row, and
 * none before). A status, not just an optional grade, so that further states can be added without changing the shape.
 */
export type GradeInRoundStatus = 'graded' | 'rejected' | 'not-evaluated' | 'not-regraded' | 'not-graded';

/** One cell of the grades-over-time table: `grade` and `word` when graded; `source`, the row, when graded, rejected or not yet evaluated. */
export interface GradeInRound {
  period: string;
  status: GradeInRoundStatus;
  grade?: number;
  word?: string;
  source?: SourceRow;
}

/**
 * `not-graded`: no grade at all; `not-evaluated`: the latest round is not yet evaluated; `new`: graded for the
 * first time; the rest compare with the round before.
 */
export type Movement = 'up' | 'down' | 'same' | 'new' | 'not-graded' | 'not-evaluated';

export interface QiAssessment {
  id: QiId;
  title: string;
  area: number;
  areaTitle: string;
  latest?: GradeAt;
  previous?: GradeAt;
  /** False when the latest grade is from an earlier round than the report's period. */
  gradedThisRound: boolean;
  /**
   * A grade row for a later round than `latest` (up to the report's) that a lenient build rejected: the QI was
   * graded then, but the grade could not be read, so `latest` is older than it should be, or missing.
   */
  rejectedGrade?: { period: string; source: SourceRow };
  /**
   * A round after `latest` (up to the report's) whose row leaves the grade empty: the QI is not yet evaluated
   * for it. `latest`, if any, is the grade of an earlier round, which the paper names as such.
   */
  notEvaluated?: { period: string; source: SourceRow };
  movement: Movement;
  /** The QI in each of `periods.rounds`, oldest first: one entry a round. */
  history: GradeInRound[];
  strengths: string;
  areasForImprovement: string;
  inspectorGraded: boolean;
  progressReviewRisk: boolean;
  evidence: EvidenceCoverage;
}

export type EvidenceItemStatus = EvidenceStatus | 'not-recorded';

export interface EvidenceItem {
  text: string;
  status: EvidenceItemStatus;
  /** Added by the partnership, not listed in the framework for this QI. */
  local: boolean;
  reviewedOn?: string;
  reference?: string;
  source?: SourceRow;
}

export interface EvidenceCounts {
  held: number;
  partial: number;
  missing: number;
  notRecorded: number;
  /** Items with a row whose status is left empty: not yet evaluated, and not counted as held. */
  notEvaluated: number;
  /** Items the partnership added itself; the rest (total − local) are the framework's suggestions. */
  local: number;
  total: number;
  /** (held + half of partial) / total; null when there is nothing to count. */
  coverage: number | null;
}

export interface EvidenceCoverage extends EvidenceCounts {
  /** False for 6.3, which has no list in the paper, and for area 10, which has a note instead. */
  listedInFramework: boolean;
  items: EvidenceItem[];
}

/** An item not held in full. */
export interface EvidenceGap {
  qi: QiId;
  item: string;
  status: 'partial' | 'missing' | 'not-recorded' | 'not-evaluated';
}

export type ReadinessRating = 'ready' | 'nearly-ready' | 'not-ready';

/** Why a question got its rating; `effect` says which way the reason pulls. */
export type ReadinessReason =
  | { code: 'weak-grades'; effect: 'not-ready'; qis: GradeFlag[] }
  | { code: 'ungraded'; effect: 'not-ready'; qis: QiId[] }
  | { code: 'evidence-too-thin'; effect: 'not-ready'; coverage: number; threshold: number }
  | { code: 'grades-below-ready'; effect: 'nearly-ready'; qis: GradeFlag[]; threshold: number }
  | { code: 'not-regraded'; effect: 'nearly-ready'; qis: { qi: QiId; period: string }[] }
  | { code: 'grade-rejected'; effect: 'not-ready' | 'nearly-ready'; qis: RejectedGradeFlag[] }
  | { code: 'not-evaluated'; effect: 'not-ready' | 'nearly-ready'; qis: NotEvaluatedFlag[] }
  | { code: 'evidence-incomplete'; effect: 'nearly-ready'; coverage: number; threshold: number }
  | { code: 'grades-meet-ready'; effect: 'ready'; lowest: number; threshold: number }
  | { code: 'evidence-sufficient'; effect: 'ready'; coverage: number; threshold: number };

/** A QI whose grade for `period` was rejected; `latest` is the round of the older grade used instead, if any. */
export interface RejectedGradeFlag {
  qi: QiId;
  period: string;
  source: SourceRow;
  latest?: string;
}

/** A QI not yet evaluated for `period`; `earlier` is the grade of an earlier round the paper uses, if any. */
export interface NotEvaluatedFlag {
  qi: QiId;
  period: string;
  earlier?: { period: string; grade: number; word: string };
}

export interface GradeFlag {
  qi: QiId;
  title: string;
  grade: number;
  word: string;
  period: string;
}

export interface QuestionAssessment {
  number: QuestionNumber;
  text: string;
  shortTitle: string;
  qis: QiId[];
  /** `graded` counts QIs with any grade, older ones included; `notEvaluated` those whose latest round is not yet evaluated. */
  grades: { graded: number; ungraded: number; notEvaluated: number; lowest?: number; mean?: number };
  evidence: EvidenceCounts & { gaps: EvidenceGap[] };
  indicators: string[];
  readiness: { rating: ReadinessRating; reasons: ReadinessReason[] };
  triangulation: Triangulation;
}

export interface CapacityAssessment {
  /** The partnership's own grade for area 10, if it gave one. */
  partnershipGrade?: GradeAt;
  /** Derived from the latest grades of the 22 QIs: their mean, and the nearest point on the scale. */
  indicative?: { mean: number; grade: number; word: string; qisGraded: number };
  /** partnership grade minus the indicative grade, when both exist. */
  difference?: number;
}

export type Direction = 'improving' | 'worsening' | 'no-change' | 'up' | 'down';

export interface IndicatorValue {
  period: string;
  value: number;
  numerator?: number;
  denominator?: number;
  source: SourceRow;
}

export type ComparatorRole = 'scotland' | 'family-group' | 'peer';

/** better/worse for directional indicators, higher/lower for context ones. */
export type Position = 'better' | 'worse' | 'same' | 'higher' | 'lower';

export interface Comparator {
  area: string;
  role: ComparatorRole;
  value: IndicatorValue;
  /** partnership minus comparator, in the unit's own terms. */
  difference: number;
  position: Position;
  /** The comparator's series, for trend charts (Scotland and the family group only). */
  series?: { period: string; value: number }[];
}

/** 1 is best by polarity; councils with equal values share a rank. The LGBF publishes no official ranking. */
export interface Rank {
  rank: number;
  of: number;
  /** How many other councils share the rank: their figures print the same. */
  tiedWith: number;
}

export interface IndicatorSummary {
  id: string;
  title: string;
  definition: string;
  unit: IndicatorUnit;
  polarity: Polarity;
  decimals: number;
  questions: QuestionNumber[];
  qis: QiId[];
  source: string;
  licence: string;
  /** The partnership's own series, oldest first. */
  series: IndicatorValue[];
  latest?: IndicatorValue;
  previous?: IndicatorValue;
  /** The same quarter a year before, for quarterly figures. */
  yearAgo?: IndicatorValue;
  /** latest − previous in the unit's own terms (percentage points for %). */
  change?: number;
  /** improving/worsening for directional indicators; up/down for context ones; judged on the plain change. */
  direction?: Direction;
  /** XmR over the partnership's series: whether the latest point is a signal, and by which rule. */
  spc: SpcResult;
  /** The direction to show with an arrow: present only when the latest point is an SPC signal. */
  arrow?: Direction;
  comparators: Comparator[];
  /** Rank among the 32 councils and within the family group; none for context indicators. */
  ranks?: { scotland?: Rank; familyGroup?: Rank };
  /** The family group members' latest values, for the benchmark chart. */
  benchmark: { area: string; value: number; partnership: boolean }[];
}

/**
 * `no-grades`: no mapped QI is graded; `all-context`: every figure is a context measure; `none-judged`: no
 * directional figure has a signal or a family-group figure; otherwise the grades against the findings.
 */
export type TriangulationCode = 'grade-not-supported' | 'may-undersell' | 'consistent' | 'no-grades' | 'all-context' | 'none-judged';

/** What one directional indicator that can be judged says about the grades, and on what grounds. */
export interface TriangulationFinding {
  indicator: string;
  /** adverse: worsening or worse than the family group; favourable: improving or better, and not adverse. */
  stance: 'adverse' | 'favourable' | 'neutral';
  /** The SPC arrow at the latest point, if there is a signal. */
  signal?: Direction;
  /** The position against the family group, if it has a figure. */
  familyGroup?: Position;
}

/** How the self-evaluated grades of a question's QIs sit with what its directional indicators say. */
export interface Triangulation {
  code: TriangulationCode;
  meanGrade?: number;
  /** Ids of the question's directional indicators (better or worse when they move), in catalogue order. */
  directional: string[];
  /** Ids of its context indicators, which cannot test a grade. */
  context: string[];
  /** One finding per directional indicator that can be judged, in catalogue order. */
  findings: TriangulationFinding[];
}
