/** Identifiers are the paper's own: QIs as "5.3", area 10 as "10". */
export type QiId = string;
export type Grade = 1 | 2 | 3 | 4 | 5 | 6;
/** A question's, statement's or line of enquiry's number within its inspection model, from 1. */
export type QuestionNumber = number;

export interface ScalePoint {
  grade: Grade;
  word: string;
  descriptor: string;
}

export interface Domain {
  id: number;
  keyQuestion: string;
  areas: readonly number[];
}

export interface Area {
  id: number;
  title: string;
  domain: number;
}

export interface QualityIndicator {
  id: QiId;
  title: string;
  area: number;
}

export interface EvidenceList {
  qi: QiId;
  items: readonly string[];
  note?: string;
  footnotes?: readonly { item: string; text: string }[];
}

export interface InspectionQuestion {
  number: QuestionNumber;
  text: string;
  /** A short name for headings and tables; the paper's own wording is `text`. */
  shortTitle: string;
}

export type QuestionMapping = Readonly<Record<QuestionNumber, readonly QiId[]>>;

export type InspectionModelId = 'care-and-protection-2018' | 'at-risk-of-harm-2021' | 'cso-at-home-2025';

/** What a model asks about: model A's questions, model B's inspection statements, model C's lines of enquiry. */
export type InspectionItemKind = 'question' | 'statement' | 'line-of-enquiry';

/** The document the partnership submits before the inspection. */
export type SubmittedDocument =
  | { kind: 'self-evaluation'; maxPages: number }
  | { kind: 'position-statement'; maxWords: number }
  /** The sources read do not say. */
  | { kind: 'not-published' };

export interface InspectionModel {
  id: InspectionModelId;
  name: string;
  /** Years in use; `to` absent while the model is current. */
  years: { from: number; to?: number };
  itemKind: InspectionItemKind;
  /** In their published wording, numbered from 1. */
  items: readonly InspectionQuestion[];
  /** What inspectors grade on the six-point scale: QIs, and areas graded as a whole. */
  graded: { qis: readonly QiId[]; areas: readonly number[] };
  /** A local choice (none was published), overridable in report.json `mapping`. */
  defaultMapping: QuestionMapping;
  /**
   * How a performance figure comes to inform an item: by the indicator catalogue's own `questions` (written for
   * model A's five questions), or through the mapping, from the QIs the figure informs.
   */
  indicatorLinks: 'catalogue' | 'mapping';
  document: SubmittedDocument;
}

export type FrameworkEditionId = '2018-draft' | '2019-revised';

/** How far a QI's title in an edition is known: read in a source, probable, or carried over without a check. */
export interface TitleCheck {
  qi: QiId;
  status: 'verified' | 'probable' | 'unchecked';
  source: string;
}

export interface FrameworkEdition {
  id: FrameworkEditionId;
  name: string;
  edition: string;
  /** What the paper says of its titles' provenance. */
  note: string;
  /** Titles that differ from the 2018 draft's, by QI. */
  retitled: Readonly<Record<QiId, string>>;
  titleChecks: readonly TitleCheck[];
}

export interface FrameworkChange {
  qi: QiId;
  previousId: QiId;
  previousTitle: string;
  note?: string;
}

export interface Council {
  /** The LGBF's spelling, used as the council's name throughout the tool. */
  name: string;
  onsName: string;
  /** The council's own name, as its papers are headed: "Fife Council", "Comhairle nan Eilean Siar". */
  councilName: string;
  code: string;
  /** LGBF family group for children's services, by deprivation: 1 least … 4 most deprived. */
  childrenFamilyGroup: 1 | 2 | 3 | 4;
}
