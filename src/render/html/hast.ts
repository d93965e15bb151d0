import type { Element, ElementContent, Properties, Text } from 'hast';

/** Builds hast trees: text is always a text node, so data can never become markup. */
export const text = (value: string): Text => ({ type: 'text', value });

export type Child = ElementContent | string | undefined | false;

export function h(tagName: string, properties: Properties = {}, children: readonly Child[] = []): Element {
  return {
    type: 'element',
    tagName,
    properties,
    children: children.filter((child): child is ElementContent | string => child !== undefined && child !== false).map((child) => (typeof child === 'string' ? text(child) : child)),
  };
}

/** Lines of text with a line break between each, as a cell that says a grade and its period. */
export const lines = (parts: readonly string[]): ElementContent[] => parts.flatMap((part, index) => (index === 0 ? [text(part)] : [h('br'), text(part)]));

/** Ids for headings and captions, unique in the page and stable for the same paper. */
export class Ids {
  private readonly used = new Map<string, number>();

  next(words: string): string {
    const base = words.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 48) || 'part';
    const seen = this.used.get(base) ?? 0;
    this.used.set(base, seen + 1);
    return seen === 0 ? base : `${base}-${seen + 1}`;
  }
}
