export { loadTemplates, DEFAULT_TEMPLATES_DIR, type PaperTemplates } from './templates.js';
export { paperDocument } from './document.js';
export { renderPdf, renderPaper } from './pdf.js';
export { indicatorCharts, renderChart, trendValues, benchmarkValues, type RenderedChart } from './charts.js';
export { escapeMarkdown } from './escape-markdown.js';
export { markdownToPdf } from './markdown.js';
export { buildView } from './view.js';
