import type { ReportModel } from '../../model/index.js';
import { indicatorCharts } from '../charts.js';
import type { PaperTemplates } from '../templates.js';
import { paperHtml } from './page.js';

export { paperHast, paperHtml, contentSecurityPolicy } from './page.js';
export { markdownToHast } from './markdown.js';
export { HTML_BLOCK_NAMES } from './blocks.js';
export { PAGE_CSS } from './style.js';

/** The whole HTML edition of a paper: charts first (Vega renders asynchronously), then the page. */
export async function renderHtmlPaper(model: ReportModel, templates: PaperTemplates): Promise<string> {
  const charts = await indicatorCharts(model, templates.charts, templates.labels, templates.fill);
  return paperHtml(model, templates, charts);
}
