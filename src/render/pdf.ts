import path from 'node:path';
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { ReportModel } from '../model/index.js';
import { indicatorCharts } from './charts.js';
import { paperDocument, type PaperOptions } from './document.js';
import { PAPER_FONT, PAPER_FONT_FILES, PAPER_FONTS_DIR } from './font-files.js';
import { applyPdfmakeFixes } from './pdfmake-fixes.js';
import { applyTagging, taggedDocument } from './tagging/index.js';
import type { PaperTemplates } from './templates.js';

let configured = false;

/** Fonts from pdfmake's own package; no network, and no local file but the fonts may be read. */
function configure(): void {
  if (configured) return;
  pdfmake.setFonts({
    [PAPER_FONT]: {
      normal: PAPER_FONT_FILES.regular,
      bold: PAPER_FONT_FILES.bold,
      italics: PAPER_FONT_FILES.italic,
      bolditalics: PAPER_FONT_FILES.boldItalic,
    },
  });
  pdfmake.setUrlAccessPolicy(() => false);
  (pdfmake as unknown as { setLocalAccessPolicy(allow: (file: string) => boolean): void }).setLocalAccessPolicy((file) => path.resolve(file).startsWith(PAPER_FONTS_DIR + path.sep));
  applyPdfmakeFixes();
  applyTagging();
  configured = true;
}

/**
 * Every PDF the tool draws is tagged (see tagging/). `tagged: false` is only for `npm run bench`, to measure
 * what tagging costs.
 */
export async function renderPdf(document: TDocumentDefinitions, { tagged = true }: { tagged?: boolean } = {}): Promise<Buffer> {
  configure();
  return pdfmake.createPdf(tagged ? taggedDocument(document) : document).getBuffer();
}

/** The whole paper: charts first (Vega renders asynchronously), then layout, then the PDF. */
export async function renderPaper(model: ReportModel, templates: PaperTemplates, options?: PaperOptions): Promise<Buffer> {
  const charts = await indicatorCharts(model, templates.charts, templates.labels, templates.fill);
  return renderPdf(paperDocument(model, templates, charts, options));
}
