import type { PositionBlock, PositionText, PositionWordCount, ReportModel } from '../../model/index.js';
import type { PositionContext } from './rows.js';
import { itemWords } from './rows.js';
import type { PositionTemplates } from './templates.js';
import { answerRef, positionView } from './view.js';

/**
 * What both editions need before layout: the context their blocks read (the model with the position statement's
 * heading in place of the paper's title), the document's Markdown frame, its metadata, and each answer by the
 * reference its directive gives.
 */
export function positionContext(model: ReportModel, templates: PositionTemplates): PositionContext {
  const { labels, fill } = templates.paper;
  const heading = fill(templates.labels.document.heading, { inspection: model.inspection.name });
  return { model: { ...model, paper: { ...model.paper, title: heading } }, labels, fill, charts: new Map(), positionLabels: templates.labels };
}

export function positionParts(context: PositionContext, text: PositionText, count: PositionWordCount, templates: PositionTemplates) {
  const { model, fill } = context;
  const answers = new Map<string, PositionBlock[]>();
  for (const section of text.sections) section.answers.forEach((answer, index) => answers.set(answerRef(section.number, index), answer.blocks));
  const values = { partnership: model.paper.partnership, period: model.paper.period, inspection: model.inspection.name, item: itemWords(context).one };
  return {
    markdown: templates.document(positionView(model, text, count, templates.labels)),
    info: { title: fill(templates.labels.document.title, values), subject: fill(templates.labels.document.subject, values) },
    answer: (ref: string | undefined): PositionBlock[] => {
      const blocks = ref === undefined ? undefined : answers.get(ref);
      if (!blocks) throw new Error(`templates/position/position.md asks for an answer "${ref}" the statement does not have`);
      return blocks;
    },
  };
}
