/**
 * The officer's position statement as ingest reads it from position.md: one section per item of the inspection
 * model (model B's statements, model C's lines of enquiry), each answering the three reflective questions in
 * order. The answers are kept as the Markdown parser's own nodes (mdast), so they reach the document as written,
 * never as text escaped and parsed again. Plain JSON, like the report model.
 */
import type { Blockquote, List, Paragraph } from 'mdast';

/** The file in the workspace the officer writes. */
export const POSITION_FILE = 'position.md';

/** The blocks an answer may hold: paragraphs, lists and block quotes (README, "Writing the position statement"). */
export type PositionBlock = Paragraph | List | Blockquote;

export interface PositionAnswer {
  /** The reflective question answered, in the model's wording ("How do we know?"). */
  question: string;
  blocks: PositionBlock[];
}

export interface PositionSection {
  /** The item's number in the inspection model, from 1. */
  number: number;
  /** One answer a reflective question, in their order. */
  answers: PositionAnswer[];
}

export interface PositionText {
  /** The file as messages name it. */
  file: string;
  sections: PositionSection[];
}

/** Words the officer wrote, as the limit counts them (analyse/position-words.ts). */
export interface PositionWordCount {
  sections: { number: number; words: number; answers: { question: string; words: number }[] }[];
  total: number;
  /** The most words the model allows, and the count from which the tool warns. */
  limit: number;
  warnAt: number;
}
