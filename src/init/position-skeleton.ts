import { positionStatement, type InspectionModel } from '../framework/index.js';
import { POSITION_FILE, TO_COMPLETE } from '../model/index.js';
import { fill } from './fill.js';
import type { InitTemplates } from './init-templates.js';

/**
 * position.md to fill in, for a model whose document is a position statement (B, and C for want of a published
 * one): each item's heading in its published wording, the three reflective questions under it, and under each a
 * "TO COMPLETE:" prompt, which `qif-report position` refuses while it is there.
 */
export function positionSkeleton(model: InspectionModel, templates: InitTemplates): { name: string; text: string } | undefined {
  if (model.document.kind === 'self-evaluation') return undefined;
  const { title, one } = templates.positionWords[model.itemKind];
  const maxWords = positionStatement.maxWords.toLocaleString('en-GB');
  const text = fill(templates.position, { items: model.items.map((item) => ({ ...item, title })), questions: positionStatement.reflectiveQuestions, one, maxWords, toComplete: TO_COMPLETE });
  return { name: POSITION_FILE, text: `${text.trimEnd()}\n` };
}
