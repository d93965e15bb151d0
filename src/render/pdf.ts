import path from 'node:path';
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions, TFontDictionary } from 'pdfmake/interfaces.js';
import type { ReportModel } from '../model/index.js';
import { indicatorCharts } from './charts.js';
import { paperDocument, type PaperOptions } from './document.js';
import { PAPER_FONTS_DIR } from './font-files.js';
import { pdfFonts, applySharedFonts, type PdfFonts } from './pdf-fonts.js';
import { applyPdfmakeFixes } from './pdfmake-fixes.js';
import { applyFastMeasure } from './pdfmake-measure.js';
import { batchContentWrites } from './pdfkit-writes.js';
import { applyFastStyles } from './pdfmake-styles.js';
import { applyTagging, taggedDocument } from './tagging/index.js';
import type { PaperTemplates } from './templates.js';

let configured = false;

/** No network, and no local file but the fonts (pdfmake's own copy of Roboto) may be read. */
function configure(): void {
  if (configured) return;
  pdfmake.setUrlAccessPolicy(() => false);
  (pdfmake as unknown as { setLocalAccessPolicy(allow: (file: string) => boolean): void }).setLocalAccessPolicy((file) => path.resolve(file).startsWith(PAPER_FONTS_DIR + path.sep));
  applyPdfmakeFixes();
  applyFastStyles();
  applyFastMeasure();
  applySharedFonts();
  batchContentWrites();
  applyTagging();
  configured = true;
}

export interface PdfOptions {
  /** `false` is only for `npm run bench`, to measure what tagging costs: every PDF the tool draws is tagged (see tagging/). */
  tagged?: boolean;
  /** Fonts parsed by an earlier PDF, to share (see pdf-fonts.ts); a fresh set otherwise. */
  fonts?: PdfFonts;
}

export async function renderPdf(document: TDocumentDefinitions, { tagged = true, fonts = pdfFonts() }: PdfOptions = {}): Promise<Buffer> {
  configure();
  // pdfmake's printer takes the fonts as it is made, before createPdf's first await. Shared faces are not
  // pdfmake's kind of font source: pdf-fonts.ts opens them.
  pdfmake.setFonts(fonts as unknown as TFontDictionary);
  return pdfmake.createPdf(tagged ? taggedDocument(document) : document).getBuffer();
}

/** The whole paper: charts first (Vega renders asynchronously), then layout, then the PDF. */
export async function renderPaper(model: ReportModel, templates: PaperTemplates, options?: PaperOptions): Promise<Buffer> {
  const charts = await indicatorCharts(model, templates.charts, templates.labels, templates.fill);
  return renderPdf(paperDocument(model, templates, charts, options), { fonts: templates.fonts });
}
