import type { PositionText, PositionWordCount, ReportModel } from '../../model/index.js';
import type { Editions, EditionsWanted } from '../editions.js';
import { positionHtml } from './html.js';
import { renderPositionPdf } from './pdf.js';
import type { PositionTemplates } from './templates.js';

export { loadPositionTemplates, type PositionTemplates } from './templates.js';
export { positionDocument } from './pdf.js';
export { positionHast } from './html.js';

/** The position statement's editions, as the paper's: a tagged PDF and a self-contained HTML page. */
export async function renderPositionEditions(model: ReportModel, text: PositionText, count: PositionWordCount, templates: PositionTemplates, wanted: Omit<EditionsWanted, 'pdfOptions'>): Promise<Editions> {
  return {
    ...(wanted.pdf ? { pdf: await renderPositionPdf(model, text, count, templates) } : {}),
    ...(wanted.html ? { html: await positionHtml(model, text, count, templates) } : {}),
  };
}
