import { createHash } from 'node:crypto';
import type { Element, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { ReportModel } from '../../model/index.js';
import type { BlockContext } from '../blocks/context.js';
import type { RenderedChart } from '../charts.js';
import type { PaperTemplates } from '../templates.js';
import { buildView } from '../view.js';
import { renderHtmlBlock } from './blocks.js';
import { pageFontCss } from './fonts.js';
import { h, Ids, text } from './hast.js';
import { markdownToHast } from './markdown.js';
import { PAGE_CSS } from './style.js';

/**
 * Nothing leaves the page: no script, no remote font, style or image. The one style sheet is allowed by its
 * hash; charts' SVG is inline. `img-src data:` only, for an SVG a browser may treat as an image; `font-src
 * data:` only, for the fonts the style sheet embeds (fonts.ts).
 */
export function contentSecurityPolicy(css: string): string {
  const hash = createHash('sha256').update(css, 'utf8').digest('base64');
  return [`default-src 'none'`, `style-src 'sha256-${hash}'`, `img-src data:`, `font-src data:`, `base-uri 'none'`, `form-action 'none'`].join('; ');
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
export async function withEmbeddedFonts(page: Root): Promise<Root> {
  return withCssFirst(page, await pageFontCss(page));
}

/** The paper as one hast tree: the header block in `header`, the paper in `main`. */
export function paperHast(model: ReportModel, templates: PaperTemplates, charts: ReadonlyMap<string, RenderedChart[]>): Root {
  const { labels, fill } = templates;
  const markdown = templates.paper(buildView(model, labels));
  const context: BlockContext = { model, labels, fill, charts };
  const ids = new Ids();
  const blocks = markdownToHast(markdown, (directive, place) => renderHtmlBlock(context, directive, place), ids);
  const header = blocks.filter((node) => node.tagName === 'header');
  const rest = blocks.filter((node) => node.tagName !== 'header');
  const title = fill(labels.document.title, model.paper);
  const html: Element = h('html', { lang: 'en-GB' }, [
    h('head', {}, [
      h('meta', { charSet: 'utf-8' }),
      h('meta', { httpEquiv: ['Content-Security-Policy'], content: contentSecurityPolicy(PAGE_CSS) }),
      h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
      h('meta', { name: 'author', content: model.paper.reportBy.name }),
      h('meta', { name: 'description', content: fill(labels.document.subject, model.paper) }),
      h('meta', { name: 'generator', content: 'qif-report' }),
      h('title', {}, [title]),
      h('style', {}, [PAGE_CSS]),
    ]),
    h('body', {}, [...header, h('main', {}, rest)]),
  ]);
  return { type: 'root', children: [{ type: 'doctype' }, html] };
}

/**
 * The HTML edition of a paper: one self-contained page, its font embedded; a function of the model and the
 * templates alone (the same paper gives the same bytes).
 */
export async function paperHtml(model: ReportModel, templates: PaperTemplates, charts: ReadonlyMap<string, RenderedChart[]>): Promise<string> {
  // Raw nodes are only the charts' SVG from Vega (see charts.ts); every other piece is a text node, escaped.
  return `${toHtml(await withEmbeddedFonts(paperHast(model, templates, charts)), { allowDangerousHtml: true })}\n`;
}
