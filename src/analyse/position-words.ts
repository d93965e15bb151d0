import type { PhrasingContent } from 'mdast';
import type { PositionBlock, PositionText, PositionWordCount } from '../model/index.js';

/**
 * Words as the position statement's limit counts them (README "Writing the position statement"): the officer's
 * own prose only — paragraphs, list items and quotes under the reflective questions. The headings (the fixed
 * statements and questions) and the facts the tool adds are not counted. A word is a run of characters between
 * whitespace that holds at least one letter or digit: "co-ordinated", "2021/22" and "5.1" are one word each;
 * a dash or a bullet standing alone is none.
 */
const WORD = /[\p{L}\p{N}]/u;

export function countWords(text: string): number {
  return text.split(/\s+/).filter((run) => WORD.test(run)).length;
}

/** A paragraph's text as it reads: marks joined as written, a hard line break a space. */
function phrasingText(children: readonly PhrasingContent[]): string {
  return children
    .map((child) => {
      if (child.type === 'text' || child.type === 'inlineCode') return child.value;
      if (child.type === 'break') return ' ';
      return 'children' in child ? phrasingText(child.children as PhrasingContent[]) : '';
    })
    .join('');
}

/** Each paragraph is counted on its own, so two blocks never join into one word. */
function blockWords(block: PositionBlock | { type: 'listItem'; children: PositionBlock[] }): number {
  if (block.type === 'paragraph') return countWords(phrasingText(block.children));
  const children = block.children as (PositionBlock | { type: 'listItem'; children: PositionBlock[] })[];
  return children.reduce((sum, child) => sum + blockWords(child), 0);
}

/** Words per answer, per section and in all, with the limits they are judged against. */
export function positionWordCount(text: PositionText, limits: { limit: number; warnAt: number }): PositionWordCount {
  const sections = text.sections.map((section) => {
    const answers = section.answers.map((answer) => ({ question: answer.question, words: answer.blocks.reduce((sum, block) => sum + blockWords(block), 0) }));
    return { number: section.number, words: answers.reduce((sum, answer) => sum + answer.words, 0), answers };
  });
  return { sections, total: sections.reduce((sum, section) => sum + section.words, 0), ...limits };
}

export type WordLimitState = 'within' | 'near' | 'over';

/** At or above the warning count the tool warns; over the limit it refuses. */
export const wordLimitState = (count: PositionWordCount): WordLimitState => (count.total > count.limit ? 'over' : count.total >= count.warnAt ? 'near' : 'within');

/** The longest answers, longest first (ties in the document's order): what to shorten first. */
export function longestAnswers(count: PositionWordCount, howMany = 3): { number: number; question: string; words: number }[] {
  const answers = count.sections.flatMap((section) => section.answers.map((answer) => ({ number: section.number, ...answer })));
  return answers.map((answer, order) => ({ answer, order })).sort((a, b) => b.answer.words - a.answer.words || a.order - b.order).slice(0, howMany).map(({ answer }) => answer);
}
