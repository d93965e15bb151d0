import type { IndicatorUnit, InspectionModelId } from '../framework/index.js';
import type { Direction, EvidenceItemStatus, Movement, Position, ReadinessRating } from '../model/index.js';

export interface InspectionWords {
  /** The inspection as the summary's first sentence names it. */
  inspection: string;
  itemHeading: string;
  itemColumn: string;
  /** One item, "question", "statement" or "line of enquiry", and several. */
  item: string;
  itemPlural: string;
  /** The model's items counted: "five questions". */
  items: string;
  /** A sentence's start: "A question". */
  itemStart: string;
  inspectorGraded: string;
  /** After a dash, beside a risk inspectors grade under the model; empty where the paper lists those QIs on their own. */
  riskMark: string;
}

/** Short words the code places in tables and page furniture; they live in templates/labels.json. */
export interface Labels {
  rating: Record<ReadinessRating, string>;
  movement: Record<Movement, string>;
  direction: Record<Direction, string>;
  position: Record<Position, string>;
  /** The position as a sentence says it: "the partnership's figure is the same". */
  positionPhrase: Record<Position, string>;
  /** How a list of several is joined in a sentence: "a, b and c". */
  list: { separator: string; lastSeparator: string };
  evidenceStatus: Record<EvidenceItemStatus, string>;
  headerBlock: { item: string; to: string; on: string; reportBy: string; heading: string };
  document: { title: string; subject: string; keywords: string };
  page: { runningHeader: string; footer: string; watermark: string; draftMarker: string };
  /** The words that differ with the inspection model: what its items are called, what inspectors grade. */
  inspection: Record<InspectionModelId, InspectionWords>;
  tables: Record<string, string>;
  units: Record<IndicatorUnit, string>;
  delimiter: Record<'comma' | 'semicolon' | 'tab', string>;
  frontSheet: {
    date: string; time: string; venue: string; membership: string; agenda: string; item: string; business: string;
    pages: string; reportBy: string; pageRange: string; singlePage: string; noPaper: string; note: string;
    linkContents: string; documentTitle: string; bookmark: string; frontSheetBookmark: string; paperTitle: string; paperBookmark: string; packFileName: string;
  };
  /** The meeting's web page, index.html: the agenda, each line linking to its paper. */
  meetingPage: { title: string; linkItem: string; webPage: string; pdf: string; includedPdf: string; noPaper: string; agendaPack: string; note: string };
  charts: { trendAlt: string; benchmarkAlt: string; mean: string; upper: string; lower: string; figuresSummary: string; area: string };
}
