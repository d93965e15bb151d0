import type { ReportModel } from '../model/index.js';
import { indicatorCharts } from './charts.js';
import { paperDocument, type PaperOptions } from './document.js';
import type { FontRules } from './html/fonts.js';
import { paperHtml } from './html/page.js';
import { renderPdf } from './pdf.js';
import type { PaperTemplates } from './templates.js';

export interface EditionsWanted {
  pdf: boolean;
  html: boolean;
  /** The PDF's options (a pack's papers leave their page numbers to be stamped). */
  pdfOptions?: PaperOptions;
  /** Where the HTML edition's font rules come from; made afresh unless given. */
  fontRules?: FontRules;
}

export interface Editions {
  pdf?: Buffer;
  html?: string;
}

/**
 * A paper's editions from one model: the charts are drawn once (Vega renders asynchronously) and both the PDF
 * and the HTML page carry the same drawings.
 */
export async function renderEditions(model: ReportModel, templates: PaperTemplates, wanted: EditionsWanted): Promise<Editions> {
  if (!wanted.pdf && !wanted.html) return {};
  const charts = await indicatorCharts(model, templates.charts, templates.labels, templates.fill);
  return {
    ...(wanted.pdf ? { pdf: await renderPdf(paperDocument(model, templates, charts, wanted.pdfOptions), { fonts: templates.fonts }) } : {}),
    ...(wanted.html ? { html: await paperHtml(model, templates, charts, wanted.fontRules) } : {}),
  };
}
