import path from 'node:path';
import type { AgendaEntry, PackSpec, ReportModel } from '../model/index.js';
import type { MeetingIndex, PaperTemplates } from '../render/index.js';

/** The meeting's web page, in the pack's folder beside the papers it links to. */
export const INDEX_PAGE = 'index.html';

/** An agenda line's words, as the front sheet and the meeting's web page both print them. */
export function agendaWords(entry: AgendaEntry, model: ReportModel | undefined, { labels, fill }: PaperTemplates): { item: string; title: string; reportBy?: string } {
  if (entry.kind === 'paper') {
    if (!model) throw new Error(`item ${entry.item} has no paper to name on the agenda`);
    const { title, partnership, period, reportBy } = model.paper;
    return { item: entry.item, title: fill(labels.frontSheet.paperTitle, { title, partnership, period }), reportBy: reportBy.post };
  }
  return { item: entry.item, title: entry.title, ...(entry.kind === 'pdf' && entry.reportBy !== undefined ? { reportBy: entry.reportBy } : {}) };
}

interface IndexParts {
  spec: PackSpec;
  models: ReadonlyMap<string, ReportModel>;
  /** Each item's PDF and each paper's web page, by item, where they will be once the run's outputs are in place. */
  pdfs: ReadonlyMap<string, { path: string; pages: number }>;
  htmlPages: ReadonlyMap<string, { path: string }>;
  agendaPack?: { path: string; pages: number };
}

/** The meeting's agenda in item order, each line with the files of its paper, named as they are in the folder. */
export function meetingIndex({ spec, models, pdfs, htmlPages, agendaPack }: IndexParts, templates: PaperTemplates): MeetingIndex {
  const lines = spec.entries.map((entry) => {
    const pdf = pdfs.get(entry.item);
    const html = htmlPages.get(entry.item);
    return {
      ...agendaWords(entry, models.get(entry.item), templates),
      ...(html ? { html: path.basename(html.path) } : {}),
      ...(pdf ? { pdf: { path: path.basename(pdf.path), pages: pdf.pages } } : {}),
      ...(entry.kind === 'pdf' ? { included: true } : {}),
    };
  });
  return { meeting: spec.meeting, lines, ...(agendaPack ? { agendaPack: { path: path.basename(agendaPack.path), pages: agendaPack.pages } } : {}) };
}
