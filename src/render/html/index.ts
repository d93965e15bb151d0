import type { ReportModel } from '../../model/index.js';
import { indicatorCharts } from '../charts.js';
import type { PaperTemplates } from '../templates.js';
import { paperHtml } from './page.js';

export { paperHast, paperHtml } from './page.js';
export { contentSecurityPolicy, pageShell, type PageShell } from './shell.js';
export { meetingPageHast, meetingPageHtml, relativeHref, type LinkedPdf, type MeetingIndex, type MeetingIndexLine } from './meeting-page.js';
export { markdownToHast } from './markdown.js';
export { freshFontRules, type FontRules } from './fonts.js';
export { PAGE_CSS } from './style.js';

/** The whole HTML edition of a paper: charts first (Vega renders asynchronously), then the page. */
export async function renderHtmlPaper(model: ReportModel, templates: PaperTemplates): Promise<string> {
  const charts = await indicatorCharts(model, templates.charts, templates.labels, templates.fill);
  return paperHtml(model, templates, charts);
}
