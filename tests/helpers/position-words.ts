// The tests' own word count for position.md, independent of src/analyse/position-words.ts: the officer's prose,
// line by line, without headings and Markdown markup (list markers, quote marks, bold and italic stars), split at
// whitespace; a word is a run holding a letter or a digit.

export function proseWords(markdown: string): number {
  return markdown
    .split('\n')
    .filter((line) => !line.startsWith('#'))
    .map((line) => line.replace(/^\s*(?:[-*+]|\d+[.)]|>)\s+/, '').replace(/\*+/g, ''))
    .join(' ')
    .split(/\s+/)
    .filter((run) => /[\p{L}\p{N}]/u.test(run)).length;
}

/** Each `#` section's text, in order. */
export const sectionsOf = (markdown: string): string[] => markdown.split(/^(?=# )/m).filter((part) => part.startsWith('# '));
