import type { PositionResult } from '../position/index.js';

const ITEM_WORD = { question: 'Question', statement: 'Statement', 'line-of-enquiry': 'Line of enquiry' } as const;

const grouped = (n: number) => n.toLocaleString('en-GB');

/** The word count as the command prints it: each statement's words, then the total against the limit. */
export function positionCountText({ count, items, itemKind }: Pick<PositionResult, 'count' | 'items' | 'itemKind'>): string {
  const lines = count.sections.map((section) => {
    const item = items.find((i) => i.number === section.number)!;
    return `${ITEM_WORD[itemKind]} ${section.number} (${item.shortTitle}): ${grouped(section.words)} words`;
  });
  return `${[...lines, `Total: ${grouped(count.total)} words of ${grouped(count.limit)}`].join('\n')}\n`;
}
