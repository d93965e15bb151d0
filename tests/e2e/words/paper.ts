// The whole expected paper, in reading order, from templates/paper.md's outline.
import { ExpectedPaper } from './pieces.js';
import { evidenceAppendix, gradesAppendix, implications, summaryAppendix } from './appendix-tables.js';
import { figuresAppendix } from './appendix-figures.js';
import { outcomesAppendix } from './appendix-outcomes.js';
import { background } from './background.js';
import { capacity, nextSteps } from './capacity.js';
import { headerBlock } from './header-block.js';
import type { PaperInputs } from './inputs.js';
import { question } from './question.js';
import { recommendations, summary } from './summary.js';

function endMatter(doc: ExpectedPaper, { particulars: p }: PaperInputs): void {
  doc.heading('List of background papers');
  if (p.backgroundPapers.length === 0) doc.para('None.');
  for (const paper of p.backgroundPapers) doc.text(paper);
  doc.para(`Author: ${p.author.name}, ${p.author.post}. ${p.author.contact}`);
}

/**
 * Appendix 6 (data quality) is printed only for a lenient build or for warnings (a column the tool does not
 * read, a peer that is the partnership's own area). These papers are built strictly from inputs without
 * either, so it is not expected: were it printed, its text would be left over and the match would fail there.
 */
export function expectedPaper(inputs: PaperInputs): ExpectedPaper {
  const doc = new ExpectedPaper();
  headerBlock(doc, inputs.particulars);
  summary(doc, inputs);
  recommendations(doc, inputs);
  background(doc, inputs);
  for (const q of inputs.oracle.questions) question(doc, inputs.oracle, q);
  capacity(doc, inputs);
  nextSteps(doc, inputs);
  doc.appendices();
  implications(doc, inputs);
  gradesAppendix(doc, inputs);
  evidenceAppendix(doc, inputs);
  summaryAppendix(doc, inputs);
  figuresAppendix(doc, inputs);
  outcomesAppendix(doc, inputs);
  endMatter(doc, inputs);
  return doc;
}
