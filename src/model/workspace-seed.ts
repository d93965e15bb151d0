/**
 * A workspace's contents as `init` writes them, before they are files: the same seed becomes report.json and
 * CSVs, or one self-evaluation workbook. Values are the text an officer would type (dates ISO, grades as words),
 * and an empty string is a cell left blank for the officer to fill in.
 */
export interface WorkspaceSeed {
  /** report.json as an object; a value still to fill in is a string starting with TO_COMPLETE. */
  report: Record<string, unknown>;
  grades: GradeSeedRow[];
  evidence: EvidenceSeedRow[];
  figures: FigureSeedRow[];
}

/** What a value still to be filled in starts with, in report.json and the workbook's Particulars sheet alike. */
export const TO_COMPLETE = 'TO COMPLETE:';

export interface GradeSeedRow {
  period: string;
  qi: string;
  /** The QI's title, for the officer's eye; not read back. */
  title: string;
  /** A grade word ("Very good"), or '' for not yet evaluated. */
  grade: string;
  /** ISO date, or ''. */
  evaluatedOn: string;
  strengths: string;
  areasForImprovement: string;
}

export interface EvidenceSeedRow {
  qi: string;
  /** The item's number in the QI's list (Table 2), or undefined for the partnership's own (local) evidence. */
  itemNumber?: number;
  item: string;
  /** held, partial, missing, or '' for not yet evaluated. */
  status: string;
  /** ISO date, or ''. */
  reviewedOn: string;
  reference: string;
}

export interface FigureSeedRow {
  indicator: string;
  area: string;
  period: string;
  value: number;
  numerator?: number;
  denominator?: number;
  source: string;
}
