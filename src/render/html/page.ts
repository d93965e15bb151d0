import type { Root } from 'hast';
import { toHtml } from '../../vendor/markdown.js';
import type { ReportModel } from '../../model/index.js';
import type { BlockContext } from '../blocks/context.js';
import type { RenderedChart } from '../charts.js';
import type { PaperTemplates } from '../templates.js';
import { buildView } from '../view.js';
import { renderHtmlBlock } from './blocks.js';
import { h, Ids } from './hast.js';
import { markdownToHast } from './markdown.js';
import type { FontRules } from './fonts.js';
import { pageShell, withEmbeddedFonts } from './shell.js';
import { PAGE_CSS } from './style.js';

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
  return pageShell({
    title,
    css: PAGE_CSS,
    meta: [h('meta', { name: 'author', content: model.paper.reportBy.name }), h('meta', { name: 'description', content: fill(labels.document.subject, model.paper) })],
    body: [...header, h('main', {}, rest)],
  });
}

/**
 * The HTML edition of a paper: one self-contained page, its font embedded; a function of the model and the
 * templates alone (the same paper gives the same bytes).
 */
export async function paperHtml(model: ReportModel, templates: PaperTemplates, charts: ReadonlyMap<string, RenderedChart[]>, fontRules?: FontRules): Promise<string> {
  // Raw nodes are only the charts' SVG from Vega (see charts.ts); every other piece is a text node, escaped.
  return `${toHtml(await withEmbeddedFonts(paperHast(model, templates, charts), fontRules), { allowDangerousHtml: true })}\n`;
}
