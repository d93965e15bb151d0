/**
 * pdfmake 0.3.11 resolves about 24 style properties for every run of text it measures. Each lookup pushes the run
 * onto the style stack through a new closure, walks every level of the stack, and makes a closure and a Set for
 * every named style it meets on the way: a quarter of the time a paper takes, most of it garbage. The two
 * methods are replaced by ones that give the same answer in the same order without allocating. (The version is
 * pinned in package.json, so the methods replaced are known; the paper's bytes are unchanged.)
 */
import { classOf, wrapOnce, type Prototype } from './pdfmake-patch.js';

type Style = Record<string, unknown> & { extends?: string | string[] };
type Override = string | Record<string, unknown>;

interface StyleStack {
  styleDictionary: Record<string, Style | undefined>;
  defaultStyle?: Record<string, unknown>;
  styleOverrides: Override[];
  getProperty(property: string): unknown;
}

type Item = Override & { style?: Override | Override[]; section?: unknown };

const isValue = (value: unknown) => value !== undefined && value !== null;
const isString = (value: unknown): value is string => typeof value === 'string' || value instanceof String;

/** A named style's property, else its parents' (last parent first), each style visited once: pdfmake's rule. */
function fromNamedStyle(styles: StyleStack['styleDictionary'], name: string, property: string, visited?: Set<string>): unknown {
  if (visited?.has(name)) return undefined;
  const style = styles[name];
  if (!style) return undefined;
  if (isValue(style[property])) return style[property];
  if (!style.extends) return undefined;
  const seen = (visited ?? new Set<string>()).add(name);
  const parents = Array.isArray(style.extends) ? style.extends : [style.extends];
  for (let i = parents.length - 1; i >= 0; i--) {
    const value = fromNamedStyle(styles, parents[i]!, property, seen);
    if (isValue(value)) return value;
  }
  return undefined;
}

/** One level of the stack: a style name, or an object whose own properties override. */
function fromOverride(stack: StyleStack, override: Override, property: string): unknown {
  return isString(override) ? fromNamedStyle(stack.styleDictionary, String(override), property) : override[property];
}

function getProperty(this: StyleStack, property: string): unknown {
  const overrides = this.styleOverrides;
  for (let i = overrides.length - 1; i >= 0; i--) {
    const value = fromOverride(this, overrides[i]!, property);
    if (isValue(value)) return value;
  }
  return this.defaultStyle && this.defaultStyle[property];
}

/**
 * pdfmake's `auto(item, …)` pushes the item's styles and then the item itself: read in that order (item, its styles
 * from last to first, the stack beneath) without pushing. Strings and sections push nothing, as in `autopush`.
 */
function getStyleProperty(item: Item, stack: StyleStack | undefined, property: string, defaultValue: unknown): unknown {
  const own = (item as Record<string, unknown>)[property];
  if (isValue(own)) return own;
  if (!stack) return defaultValue;
  if (!isString(item) && typeof item.section === 'undefined' && item.style) {
    const names = Array.isArray(item.style) ? item.style : [item.style];
    for (let i = names.length - 1; i >= 0; i--) {
      const value = fromOverride(stack, names[i]!, property);
      if (isValue(value)) return value;
    }
  }
  const value = stack.getProperty(property);
  return isValue(value) ? value : defaultValue;
}

export function applyFastStyles(): void {
  const StyleContextStack = classOf('StyleContextStack');
  wrapOnce(StyleContextStack.prototype, 'getProperty', () => getProperty, 'fast-styles.getProperty');
  wrapOnce(StyleContextStack as unknown as Prototype, 'getStyleProperty', () => getStyleProperty, 'fast-styles.getStyleProperty');
}
