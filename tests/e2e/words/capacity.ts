// Section 9, Capacity for improvement (partials/capacity.md), and section 10, Next steps (next-steps.md).
import { scale } from '../../../src/framework/index.js';
import { CAPACITY, gapCount, risks } from './facts.js';
import type { PaperInputs } from './inputs.js';
import { plural } from './phrases.js';
import type { ExpectedPaper } from './pieces.js';
import { itemSections, MODEL_WORDS } from './model-words.js';

const word = (grade: number) => scale.find((p) => p.grade === grade)!.word;

/** How the partnership's own grade sits with the indicative figure's nearest point on the scale. */
function judgement(own: number | undefined, nearest: number): string {
  if (own === undefined) return '';
  if (own === nearest) return " The partnership's judgement agrees with it.";
  return own > nearest
    ? " The partnership's judgement is higher than the indicative figure: members may wish to ask what supports it."
    : " The partnership's judgement is more cautious than the indicative figure.";
}

export function capacity(doc: ExpectedPaper, { oracle }: PaperInputs): void {
  const c = oracle.capacity;
  const own = oracle.qis.find((g) => g.qi === CAPACITY)!.latest;
  doc.heading('Capacity for improvement');
  doc.para(
    `Capacity for improvement (area 10) is a global judgement based on an evaluation of all the QIs. ${own ? `The partnership grades its capacity for improvement as ${own.word} (${own.period}).` : 'The partnership has not yet graded its capacity for improvement.'}`,
  );
  if (!c.meanText || c.nearestGrade === undefined) return;
  const basis = c.qisGraded === 1 ? 'grade of the one graded QI' : `grades of the ${c.qisGraded} graded QIs`;
  doc.para(
    `As a check, an indicative figure derived from the latest ${basis} gives a mean of ${c.meanText}, which rounds to ${word(c.nearestGrade)}.${judgement(c.partnershipGrade, c.nearestGrade)} The indicative figure is arithmetic, not an inspection judgement.`,
  );
}

export function nextSteps(doc: ExpectedPaper, { oracle, particulars }: PaperInputs): void {
  const notReady = oracle.questions.filter((q) => q.readiness.rating === 'not-ready').length;
  const words = MODEL_WORDS[oracle.raw.model.id];
  doc.heading('Next steps');
  if (risks(oracle).length > 0) {
    doc.para(
      `Improvement plans for the QIs graded weak or unsatisfactory should be agreed and brought to the ${particulars.committee}, as these are the areas most likely to lead to progress reviews after an inspection.`,
    );
  }
  doc.para(
    gapCount(oracle) > 0
      ? `Officers will close the evidence gaps listed in ${itemSections(oracle.questions.length)}${notReady ? `, giving priority to the ${plural(notReady, words.item, words.itemPlural)} rated Not ready` : ''}, and record the evidence against each item so that it can be produced for inspectors at short notice.`
      : 'Officers will keep the evidence recorded against each item up to date, so that it can be produced for inspectors at short notice.',
  );
  doc.para(`The self-evaluated grades will be reviewed again at the next round of self-evaluation and a further report brought to the ${particulars.committee}.`);
}
