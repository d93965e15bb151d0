import type { PositionWordCount } from '../../model/index.js';
import type { BlockContext } from '../blocks/context.js';
import { latestGradeText, questionOf, type GradeText } from '../blocks/rows.js';
import { number } from '../format.js';
import type { PositionLabels } from './templates.js';

/**
 * The position statement's tables as plain data, decided once from the model and the labels: the PDF and the
 * HTML edition lay out the same rows (pdf.ts, html.ts).
 */

export interface PositionContext extends BlockContext {
  positionLabels: PositionLabels;
}

/** The model's word for its items, in the labels: "statement", "line of enquiry". */
export const itemWords = ({ model, positionLabels }: PositionContext) => positionLabels.items[model.inspection.itemKind];

export interface QiFactRow {
  qi: string;
  title: string;
  /** "Graded by inspectors" for a QI the model's inspectors grade. */
  note?: string;
  grade: GradeText;
  held: string;
  partial: string;
  notHeld: string;
}

/** Each mapped QI: its latest grade with its period (or not graded, not yet evaluated), and its evidence counts. */
export function qiFactRows(context: PositionContext, item: number): QiFactRow[] {
  return questionOf(context, String(item)).qis.map((id) => {
    const qi = context.model.qis.find((q) => q.id === id)!;
    const { held, partial, total } = qi.evidence;
    return { qi: qi.id, title: qi.title, note: qi.inspectorGraded ? context.positionLabels.facts.inspectorGraded : undefined, grade: latestGradeText(qi, context, true), held: String(held), partial: String(partial), notHeld: String(total - held - partial) };
  });
}

export const qiFactHeaders = ({ positionLabels: { facts } }: PositionContext) => [facts.qi, facts.title, facts.grade, facts.held, facts.partial, facts.notHeld];

/** The items of evidence for the mapped QIs not held in full, each with its QI and status. */
export function gapLines(context: PositionContext, item: number): string[] {
  const { labels, fill, positionLabels } = context;
  return questionOf(context, String(item)).evidence.gaps.map((gap) => fill(positionLabels.facts.gap, { item: gap.item, qi: gap.qi, status: labels.evidenceStatus[gap.status] }));
}

export interface WordCountTable {
  caption: string;
  head: string[];
  rows: { item: string; words: string }[];
  total: { label: string; words: string };
  limit: { label: string; words: string };
}

/** The words in each section, their total and the limit. */
export function wordCountTable(context: PositionContext, count: PositionWordCount): WordCountTable {
  const { fill, positionLabels } = context;
  const words = positionLabels.wordCount;
  const { title } = itemWords(context);
  return {
    caption: words.caption,
    head: [fill(words.item, { title }), words.words],
    rows: count.sections.map((section) => ({ item: fill(words.row, { title, number: section.number, shortTitle: questionOf(context, String(section.number)).shortTitle }), words: number(section.words, 0) })),
    total: { label: words.total, words: number(count.total, 0) },
    limit: { label: words.limit, words: number(count.limit, 0) },
  };
}
