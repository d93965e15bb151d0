import { createHash } from 'node:crypto';
import type { Element, Root } from 'hast';
import { pageFontCss, type FontRules } from './fonts.js';
import { h, text } from './hast.js';

/**
 * Nothing leaves the page: no script, no remote font, style or image. The one style sheet is allowed by its
 * hash; charts' SVG is inline. `img-src data:` only, for an SVG a browser may treat as an image; `font-src
 * data:` only, for the fonts the style sheet embeds (fonts.ts).
 */
export function contentSecurityPolicy(css: string): string {
  const hash = createHash('sha256').update(css, 'utf8').digest('base64');
  return [`default-src 'none'`, `style-src 'sha256-${hash}'`, `img-src data:`, `font-src data:`, `base-uri 'none'`, `form-action 'none'`].join('; ');
}

export interface PageShell {
  title: string;
  /** The page's one style sheet, inline and allowed by its hash. */
  css: string;
  /** Meta elements of the page's own (author, description), after the viewport. */
  meta?: readonly Element[];
  /** The body's children: a `header` and a `main`. */
  body: readonly Element[];
}

/**
 * Every page the tool writes, a paper or a meeting's index: a British English document that makes no request —
 * its style inline, a Content-Security-Policy forbidding anything else — and scales on a phone.
 */
export function pageShell({ title, css, meta = [], body }: PageShell): Root {
  const html = h('html', { lang: 'en-GB' }, [
    h('head', {}, [
      h('meta', { charSet: 'utf-8' }),
      h('meta', { httpEquiv: ['Content-Security-Policy'], content: contentSecurityPolicy(css) }),
      h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
      ...meta,
      h('meta', { name: 'generator', content: 'qif-report' }),
      h('title', {}, [title]),
      h('style', {}, [css]),
    ]),
    h('body', {}, body),
  ]);
  return { type: 'root', children: [{ type: 'doctype' }, html] };
}

/**
 * A page with rules put before its style sheet's own, and its Content-Security-Policy allowing the sheet that
 * makes. The tree given is left as it was.
 */
export function withCssFirst(page: Root, css: string): Root {
  const copy = structuredClone(page);
  const child = (parent: Root | Element | undefined, tagName: string, test = (_: Element) => true): Element | undefined => {
    for (const node of parent?.children ?? []) if (node.type === 'element' && node.tagName === tagName && test(node)) return node;
    return undefined;
  };
  const head = child(child(copy, 'html'), 'head');
  const style = child(head, 'style');
  const policy = child(head, 'meta', (meta) => String(meta.properties.httpEquiv) === 'Content-Security-Policy');
  if (!style || !policy) throw new Error('a page has its style sheet and its Content-Security-Policy in its head');
  const sheet = `${css}${style.children.map((node) => (node.type === 'text' ? node.value : '')).join('')}`;
  style.children = [text(sheet)];
  policy.properties.content = contentSecurityPolicy(sheet);
  return copy;
}

/** A page with its font embedded, each face cut down to the characters it shows (fonts.ts). */
export async function withEmbeddedFonts(page: Root, rules?: FontRules): Promise<Root> {
  return withCssFirst(page, await pageFontCss(page, rules));
}
