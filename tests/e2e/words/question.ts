// Sections 4 to 8: one for each inspection question (templates/partials/question.md, evidence-summary.md).
import { inspectionModel } from '../../../src/framework/index.js';
import { MODEL_WORDS } from './model-words.js';
import { Fraction, percentBeside, type ExpectedPaper as Oracle, type QuestionExpectation } from '../../oracle/index.js';
import { RATING, STATUS } from './labels.js';
import { count, listed, plural } from './phrases.js';
import type { ExpectedPaper } from './pieces.js';
import { gradeRows, indicatorRows } from './question-tables.js';
import { readinessReasons } from './reasons.js';
import { triangulationText } from './triangulation.js';

function evidenceSummary(o: Oracle, q: QuestionExpectation): string {
  const e = q.evidence;
  if (e.total === 0) return 'The framework suggests no evidence for these QIs and the partnership has recorded none.';
  const t = o.raw.thresholds;
  const suggested = e.total - e.local;
  const first = suggested
    ? `The framework suggests ${suggested} evidence ${plural(suggested, 'item', 'items')} for these QIs${e.local ? `, and the partnership has added ${e.local} of its own` : ''}.`
    : `The framework suggests no evidence for these QIs; the partnership has added ${e.local} ${plural(e.local, 'item', 'items')} of its own.`;
  const coverage = percentBeside(e.coverage ?? Fraction.ZERO, [t.readyMinimumEvidence, t.notReadyEvidenceBelow]);
  return `${first} Of ${e.total === 1 ? 'that one item' : `these ${e.total}`}, ${count(e.held)} ${plural(e.held, 'is', 'are')} held in full${e.partial ? ` and ${e.partial} in part` : ''}: ${coverage} coverage, counting partly held items as half.`;
}

/** The items not held in full, one line a QI (in mapping order), items joined with semicolons. */
function gaps(doc: ExpectedPaper, q: QuestionExpectation): void {
  if (q.evidence.gaps.length === 0) return;
  doc.para('The items not held in full are:');
  for (const qi of [...new Set(q.evidence.gaps.map((g) => g.qi))]) {
    const items = q.evidence.gaps.filter((g) => g.qi === qi).map((g) => `${g.item} (${STATUS[g.status]})`);
    doc.text(`QI ${qi}: ${listed(items, '; ')}`);
  }
}

function figures(doc: ExpectedPaper, o: Oracle, q: QuestionExpectation): void {
  const { indicators } = q;
  const { item } = MODEL_WORDS[o.raw.model.id];
  if (indicators.length === 0) {
    doc.para(`No figures in the partnership's dataset inform this ${item}.`);
    return;
  }
  doc.para(`The performance figures that inform this ${item}, with the latest comparators where published:`);
  indicatorRows(doc, indicators);
  doc.para(triangulationText(q.triangulation, indicators, item));
}

export function question(doc: ExpectedPaper, o: Oracle, q: QuestionExpectation): void {
  const words = MODEL_WORDS[o.raw.model.id];
  doc.heading(inspectionModel(o.raw.model.id).items[q.number - 1]!.shortTitle);
  doc.para(`${words.itemHeading} ${q.number}: ${o.raw.model.items[q.number - 1]!}`);
  doc.para(`Readiness: ${RATING[q.readiness.rating]}. The rating rests on the following:`);
  for (const reason of readinessReasons(q, o.raw.thresholds)) doc.text(reason);
  doc.para(`The QIs mapped to this ${words.item} (${listed(q.qis)}) and their grades:`);
  gradeRows(doc, o, q.qis);
  doc.para(evidenceSummary(o, q));
  gaps(doc, q);
  figures(doc, o, q);
}
