// Section 1, Summary (templates/paper.md), and section 2, Recommendations.
import { inspectionModel } from '../../../src/framework/index.js';
import { ITEMS_SENTENCE, itemSections, MODEL_WORDS } from './model-words.js';
import type { Rating } from '../../oracle/index.js';
import { risks, titleOf } from './facts.js';
import type { PaperInputs } from './inputs.js';
import { RATING } from './labels.js';
import { count, plural } from './phrases.js';
import type { ExpectedPaper } from './pieces.js';

function ratingsSentence(doc: ExpectedPaper, { oracle }: PaperInputs): void {
  const n = (rating: Rating) => oracle.questions.filter((q) => q.readiness.rating === rating).length;
  const ready = n('ready');
  doc.para(
    `${ITEMS_SENTENCE[oracle.raw.model.id]} Of these, ${count(ready)} ${plural(ready, 'is', 'are')} rated Ready, ${count(n('nearly-ready'))} Nearly ready and ${count(n('not-ready'))} Not ready. The ratings are summarised below and explained in ${itemSections(oracle.questions.length)}.`,
  );
  for (const q of oracle.questions) doc.row([String(q.number), inspectionModel(oracle.raw.model.id).items[q.number - 1]!.shortTitle, RATING[q.readiness.rating]]);
}

/** Only a lenient build that rejected rows says so; these tests build strictly, so `rejectedRows` is 0. */
function incompleteData(doc: ExpectedPaper, rejectedRows: number): void {
  if (rejectedRows === 0) return;
  doc.para(
    `This paper is built from incomplete data. ${rejectedRows} ${plural(rejectedRows, 'row', 'rows')} of the partnership's input files failed the checks and ${plural(rejectedRows, 'is', 'are')} left out of every grade, evidence count and figure in this paper. Appendix 6 lists each one and why, so members can judge what is missing.`,
  );
}

function risksParagraph(doc: ExpectedPaper, { oracle }: PaperInputs): void {
  const list = risks(oracle);
  if (list.length === 0) {
    doc.para('No QI is graded weak or unsatisfactory, so no area is at immediate risk of a follow-up progress review.');
    return;
  }
  doc.para(
    `${list.length} ${plural(list.length, 'QI is', 'QIs are')} graded weak or unsatisfactory. Where key areas are weak or unsatisfactory the Care Inspectorate may follow up an inspection with progress reviews, so these are the partnership's greatest inspection risks:`,
  );
  const mark = MODEL_WORDS[oracle.raw.model.id].riskMark;
  for (const g of list) doc.text(`QI ${g.qi} ${titleOf(g.qi, oracle)}: ${g.latest!.word} (${g.latest!.period})${oracle.raw.model.gradedQis.includes(g.qi) && mark ? ` – ${mark}` : ''}`);
}

export function summary(doc: ExpectedPaper, inputs: PaperInputs, rejectedRows = 0): void {
  doc.heading('Summary');
  doc.para(
    `This report sets out how ready the ${inputs.particulars.partnership} is for ${MODEL_WORDS[inputs.oracle.raw.model.id].inspection}. It draws on the partnership's self-evaluation for ${inputs.oracle.raw.period} against the Care Inspectorate's Quality Improvement Framework, the evidence held for each quality indicator (QI), and the partnership's performance figures.`,
  );
  ratingsSentence(doc, inputs);
  incompleteData(doc, rejectedRows);
  risksParagraph(doc, inputs);
}

/** The lettered list's markers are checked apart from the words (see paper-checks.ts). */
export function recommendations(doc: ExpectedPaper, { particulars }: PaperInputs): void {
  doc.heading('Recommendations').para('Members are asked to:');
  for (const r of particulars.recommendations) doc.text(r);
}
