import type { PositionText, PositionWordCount, ReportModel } from '../../model/index.js';
import { escapeStrings, Trusted } from '../escape-markdown.js';
import { number } from '../format.js';
import type { PositionLabels } from './templates.js';

/** The reflective question whose answer the facts stand under: "How do we know?", the second. */
const FACTS_UNDER = 1;

/** What an answer directive names: the item's number and the question's, from 1 ("2.3"). */
export const answerRef = (item: number, question: number) => `${item}.${question + 1}`;

/**
 * What templates/position/position.md sees: the particulars, the model's items in their published wording with
 * the reflective questions under each, and the word count. Every string from the inputs is made inert Markdown;
 * the officer's answers are not here: they are placed as parsed nodes by the `answer` directive.
 */
export function positionView(model: ReportModel, text: PositionText, count: PositionWordCount, labels: PositionLabels) {
  const items = labels.items[model.inspection.itemKind];
  const questions = text.sections[0]!.answers.map((answer) => answer.question);
  return escapeStrings({
    paper: model.paper,
    inspection: { name: model.inspection.name },
    items: { one: items.one, many: items.many },
    questions,
    count: { total: number(count.total, 0), limit: number(count.limit, 0) },
    sections: model.questions.map((item) => ({
      number: new Trusted(String(item.number)),
      text: item.text,
      answers: questions.map((question, index) => ({ question, ref: new Trusted(answerRef(item.number, index)), facts: index === FACTS_UNDER })),
    })),
  });
}
