/**
 * Makes text from the inputs inert inside Markdown: every ASCII punctuation character that Markdown
 * could read as syntax is backslash-escaped, and line breaks and runs of spaces collapse to one space,
 * so a CSV cell can never start a heading, a list, a table, a code block or a directive.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g, '\\$&');
}

/** A string written by the code, not the inputs (a partial's name, say): placed as it is. */
export class Trusted {
  constructor(readonly text: string) {}
}

type Escaped<T> = T extends Trusted ? string : T extends (infer U)[] ? Escaped<U>[] : T extends object ? { [K in keyof T]: Escaped<T[K]> } : T;

/** Escapes every string in a plain data structure; numbers, booleans, structure and Trusted text are kept. */
export function escapeStrings<T>(value: T): Escaped<T> {
  if (value instanceof Trusted) return value.text as Escaped<T>;
  if (typeof value === 'string') return escapeMarkdown(value) as Escaped<T>;
  if (Array.isArray(value)) return value.map(escapeStrings) as Escaped<T>;
  if (value !== null && typeof value === 'object') {
    const escaped: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) escaped[key] = escapeStrings(inner);
    return escaped as Escaped<T>;
  }
  return value as Escaped<T>;
}
