import type { FrameworkEditionId, Grade, IndicatorDefinition, InspectionModelId, QiId, QuestionNumber } from '../framework/index.js';
import type { DataIntake } from './intake.js';
import type { Period } from './period.js';

/** Where a record came from, so every printed figure can be traced to its input row. */
export interface SourceRow {
  file: string;
  /** The worksheet, for a row of the self-evaluation workbook; `line` is then its row number. */
  sheet?: string;
  line: number;
}

export interface Person {
  name: string;
  post: string;
}

export interface Implication {
  heading: string;
  text: string;
}

export interface ReadinessThresholds {
  /** Every mapped QI at or above this grade is one condition of "Ready". */
  readyMinimumGrade: number;
  /** Any mapped QI at or below this grade makes the question "Not ready". */
  notReadyGradeAtOrBelow: number;
  /** Share of evidence held (partial counts half) needed for "Ready". */
  readyMinimumEvidence: number;
  /** Below this share of evidence held the question is "Not ready". */
  notReadyEvidenceBelow: number;
}

/** What `report.json` says: the paper's particulars, written by the performance officer. */
export interface ReportSettings {
  council: string;
  committee: string;
  meetingDate: string;
  reportBy: Person;
  title: string;
  agendaItem: string;
  partnership: string;
  /** The area name the partnership's own figures carry in dataset.csv. */
  area: string;
  period: Period;
  draft: boolean;
  background: string[];
  recommendations: string[];
  author: Person & { contact: string };
  implications: Implication[];
  backgroundPapers: string[];
  /** The joint inspection model the paper prepares for (report.json `inspectionModel`). */
  inspectionModel: InspectionModelId;
  /** The framework edition whose QI titles the paper uses (report.json `framework`). */
  frameworkEdition: FrameworkEditionId;
  /** By the model's question, statement or line of enquiry number. */
  mapping?: Partial<Record<QuestionNumber, QiId[]>>;
  thresholds: ReadinessThresholds;
  /** Published files to import, relative to the workspace; when absent, every CSV in its data/ folder. */
  data?: string[];
  /** Councils to compare with, beside Scotland and the family group. */
  peers: string[];
  /**
   * The paper as it stood at its period: grades and figures for later periods are left out rather than
   * refused. Set by a pack that builds one workspace for several periods.
   */
  asAtPeriod?: boolean;
}

/** A figure the publisher withheld (e.g. small numbers): listed in the paper, never read as zero. */
export interface SuppressedFigure {
  indicator: string;
  area: string;
  period: string;
  row: SourceRow;
}

export interface GradeRecord {
  period: Period;
  qi: QiId;
  grade: Grade;
  evaluatedOn: string;
  strengths: string;
  areasForImprovement: string;
  source: SourceRow;
}

/**
 * A grade row a lenient build left out, as far as it could be read: which QI and round it was for, so the
 * paper can say that grade was rejected rather than that the QI was not graded.
 */
export interface RejectedGrade {
  period: Period;
  qi: QiId;
  source: SourceRow;
}

/**
 * A grade row for a QI and round with its grade left empty: the QI is not yet evaluated for that round (a
 * workspace made by `init` starts so). Read and used, not rejected: the paper says so.
 */
export interface UnevaluatedGrade {
  period: Period;
  qi: QiId;
  source: SourceRow;
}

/** `not-evaluated`: the row is there, its status left empty for now. */
export type EvidenceStatus = 'held' | 'partial' | 'missing' | 'not-evaluated';

export interface EvidenceRecord {
  qi: QiId;
  item: string;
  /** True when the item is not one of the framework's listed items for the QI. */
  local: boolean;
  status: EvidenceStatus;
  reviewedOn?: string;
  reference?: string;
  source: SourceRow;
}

export interface DatasetRecord {
  indicator: string;
  area: string;
  period: Period;
  value: number;
  numerator?: number;
  denominator?: number;
  source?: string;
  row: SourceRow;
}

/** Everything read from a workspace folder, checked and typed. */
export interface Workspace {
  directory: string;
  settings: ReportSettings;
  grades: GradeRecord[];
  /** Grade rows rejected (in a lenient build) whose QI and period could still be read. */
  rejectedGrades: RejectedGrade[];
  /** Grade rows whose grade is left empty: QIs not yet evaluated for their round. */
  unevaluated: UnevaluatedGrade[];
  evidence: EvidenceRecord[];
  dataset: DatasetRecord[];
  suppressed: SuppressedFigure[];
  /** The built-in indicator catalogue as the workspace's indicators.csv changes and extends it. */
  catalogue: IndicatorDefinition[];
  /** Which files were read, how, and every row left out. */
  intake: DataIntake;
}
