/** Terminal width the framework's text is set to: long wordings wrap, so a line is read without scrolling. */
export const TEXT_WIDTH = 100;

/**
 * Words filled into lines of at most `width` characters: the first line starts with `first` (a number, a
 * label), the rest with `indent`. A word longer than the line (a URL) stands on a line of its own, unbroken.
 */
export function wrapText(text: string, first: string, indent: string, width = TEXT_WIDTH): string[] {
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (!empty && line.length + 1 + word.length > width) {
      lines.push(line);
      line = indent;
      empty = true;
    }
    line += empty ? word : ` ${word}`;
    empty = false;
  }
  lines.push(line);
  return lines;
}
