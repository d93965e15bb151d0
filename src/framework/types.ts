/** Identifiers are the paper's own: QIs as "5.3", area 10 as "10". */
export type QiId = string;
export type Grade = 1 | 2 | 3 | 4 | 5 | 6;
export type QuestionNumber = 1 | 2 | 3 | 4 | 5;

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
