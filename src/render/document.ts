import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { ReportModel } from '../model/index.js';
import { renderBlock } from './blocks/index.js';
import type { RenderedChart } from './charts.js';
import { PAPER_FONT } from './font-files.js';
import { longDate } from './format.js';
import { withBreakableText } from './break-long-words.js';
import { markdownToPdf } from './markdown.js';
import type { PaperTemplates } from './templates.js';
import { buildView } from './view.js';

export { PAPER_FONT };



export interface PaperOptions {
  /**
   * False leaves the foot of each page empty, for a paper whose pages are numbered afterwards: alone, or as
   * pages of an agenda pack (see pack/merge.ts).
   */
  pageNumbers?: boolean;
}

/**
 * The paper as a pdfmake document definition: the templates' Markdown, the blocks built from the model,
 * and the page furniture. A pure function of the model and the templates, so its PDF is reproducible.
 */
export function paperDocument(model: ReportModel, templates: PaperTemplates, charts: ReadonlyMap<string, RenderedChart[]>, { pageNumbers = true }: PaperOptions = {}): TDocumentDefinitions {
  const { labels, fill } = templates;
  const markdown = templates.paper(buildView(model, labels));
  const content = withBreakableText(markdownToPdf(markdown, (directive) => renderBlock({ model, labels, fill, charts }, directive)));
  return { ...pageFrame(model.paper, templates, { title: fill(labels.document.title, model.paper), subject: fill(labels.document.subject, model.paper) }, { pageNumbers }), content };
}

/**
 * A committee document's pages without their content: A4, the running header and draft marker, page numbers,
 * the draft's watermark, the metadata and the styles. The paper and the position statement share it.
 */
export function pageFrame(paper: ReportModel['paper'], { labels, fill }: Pick<PaperTemplates, 'labels' | 'fill'>, { title, subject }: { title: string; subject: string }, { pageNumbers = true }: PaperOptions = {}): Omit<TDocumentDefinitions, 'content'> {
  const meetingDate = longDate(paper.meetingDate);
  // The meeting date stands in for "now", so the same inputs always give the same bytes.
  const issued = new Date(`${paper.meetingDate}T00:00:00Z`);
  const runningHeader = fill(labels.page.runningHeader, { committee: paper.committee, meetingDate });

  return {
    pageSize: 'A4',
    pageMargins: [57, 60, 57, 60],
    language: 'en-GB',
    displayTitle: true,
    info: {
      title,
      author: paper.reportBy.name,
      subject,
      keywords: labels.document.keywords,
      creator: 'qif-report',
      producer: 'qif-report',
      creationDate: issued,
      modDate: issued,
    },
    // The first page carries the header block instead of the running header; a draft says so on every page.
    header: (currentPage: number): Content => ({
      columns: [{ text: currentPage === 1 ? '' : runningHeader }, { text: paper.draft ? labels.page.draftMarker : '', alignment: 'right', bold: true }],
      margin: [57, 28, 57, 0],
      fontSize: 8,
      color: '#444444',
    }),
    footer: pageNumbers
      ? (currentPage: number, pageCount: number): Content => ({ text: fill(labels.page.footer, { page: currentPage, pages: pageCount }), alignment: 'center', fontSize: 8, margin: [0, 24, 0, 0] })
      : undefined,
    watermark: paper.draft ? { text: labels.page.watermark, color: '#c0392b', opacity: 0.12, bold: true, fontSize: 110 } : undefined,
    // Headings, tables' titles and lead-in lines are kept with what follows them: see pdfmake-fixes.ts.
    defaultStyle: { font: PAPER_FONT, fontSize: 10.5, lineHeight: 1.2 },
    styles: {
      councilName: { fontSize: 15, bold: true, margin: [0, 4, 0, 4] },
      sectionHeading: { fontSize: 12.5, bold: true, margin: [0, 12, 0, 6] },
      appendixHeading: { fontSize: 13, bold: true, margin: [0, 0, 0, 8] },
      subheading: { fontSize: 11, bold: true, italics: true, margin: [0, 6, 0, 4] },
      paragraph: { margin: [0, 0, 0, 7] },
      paragraphNumber: { bold: false },
      list: { margin: [36, 0, 0, 8] },
      tableTitle: { bold: true, fontSize: 10, margin: [0, 4, 0, 4] },
    },
  };
}
