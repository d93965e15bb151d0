import { createHash } from 'node:crypto';
import type { Element, Root } from 'hast';
import { h } from './hast.js';

/**
 * Nothing leaves the page: no script, no remote font, style or image. The one style sheet is allowed by its
 * hash; charts' SVG is inline. `img-src data:` only, for an SVG a browser may treat as an image.
 */
export function contentSecurityPolicy(css: string): string {
  const hash = createHash('sha256').update(css, 'utf8').digest('base64');
  return [`default-src 'none'`, `style-src 'sha256-${hash}'`, `img-src data:`, `base-uri 'none'`, `form-action 'none'`].join('; ');
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
