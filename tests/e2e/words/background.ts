// Section 3, Background (templates/paper.md).
import { frameworkEdition, qualityIndicators, scale } from '../../../src/framework/index.js';
import { councilNamed, percentText, type ExpectedPaper as Oracle, type ModelId, type Thresholds } from '../../oracle/index.js';
import { CAPACITY, inspectorGraded, titleOf } from './facts.js';
import type { PaperInputs } from './inputs.js';
import { TABLES } from './labels.js';
import { MODEL_WORDS, type ModelWords } from './model-words.js';
import { listed } from './phrases.js';
import type { ExpectedPaper } from './pieces.js';

/** The lead to the list of what inspectors grade (inspection-<model>-graded.md). */
const GRADED_LEAD: Record<ModelId, string> = {
  'care-and-protection-2018': "Inspectors graded QIs 1.1, 2.1 and 2.2 and area 9 as a whole in the joint inspections of 2018 to 2020. The partnership's own latest grades for these are:",
  'at-risk-of-harm-2021': "Under this model inspectors grade QI 2.1 alone. The partnership's own latest grade for it is:",
  'cso-at-home-2025': "Under this model inspectors grade QIs 2.1, 5.3, 5.4 and 9.2. The partnership's own latest grades for these are:",
};

const word = (grade: number) => scale.find((p) => p.grade === grade)!.word;

/** The triangulation rule's grades (README, "How the figures are judged"): Very good and Adequate. */
const TRIANGULATION_HIGH = 5;
const TRIANGULATION_LOW = 3;

/** The model's description (inspection-<model>-background.md): its dates and items from the source, typed in the oracle. */
function inspectionParagraphs(doc: ExpectedPaper, o: Oracle): void {
  const { model } = o.raw;
  const words = MODEL_WORDS[model.id];
  const items = (text: (item: string, index: number) => string) => model.items.forEach((item, index) => doc.text(text(item, index)));
  const numbered = (item: string, index: number) => `${words.itemHeading} ${index + 1}: ${item}`;
  if (model.id === 'care-and-protection-2018') {
    doc.para('Joint inspections of services for children and young people at risk of harm are led by the Care Inspectorate. Each inspection results in a published report which seeks to answer the following questions:');
    items((item) => item);
  } else if (model.id === 'at-risk-of-harm-2021') {
    doc.para('From 2021 to 2025 the Care Inspectorate led joint inspections of services for children and young people at risk of harm: those under 18 at the time of their involvement with services. This paper prepares for that model of inspection. Inspectors look for assurance that services, working together, can demonstrate that:');
    items(numbered);
    doc.para(`Instead of a self-evaluation report, the partnership submits a position statement of at most 5,000 words, built on the ${words.items} and answering three questions for each: How good are we now? How do we know? What do we plan to do next? Inspectors grade one quality indicator on the six-point scale, QI 2.1 ${titleOf('2.1', o)}, and report on the other topics in words.`);
  } else {
    doc.para('Since 2025 the Care Inspectorate has led joint inspections of services for children and young people subject to compulsory supervision orders living at home. This paper prepares for that model of inspection, which follows three key lines of enquiry:');
    items(numbered);
    const graded = model.gradedQis.map((qi) => `QI ${qi} ${titleOf(qi, o)}`);
    doc.para(`Inspectors grade ${graded.length} quality indicators on the six-point scale: ${listed(graded, '; ')}. The public sources this paper draws on do not say what document the partnership submits before the inspection; a position statement built on the ${words.items}, as asked for under the previous model, can serve.`);
  }
}

/** The edition's name and note as the paper prints them (src/framework/editions.ts, checked in tests/unit). */
function frameworkParagraphs(doc: ExpectedPaper, o: Oracle): void {
  const edition = frameworkEdition(o.raw.edition);
  const words = MODEL_WORDS[o.raw.model.id];
  doc.para(
    `The partnership evaluates itself against the ${edition.name} (${edition.edition}), grading each QI on the Care Inspectorate's six-point scale from Excellent to Unsatisfactory. ${edition.note} All the grades are set out in Table 1, Appendix 2.`,
  );
  doc.para(
    `No official mapping from the ${words.items} to the QIs has been published. The QIs shown against each ${words.item} in this paper are the partnership's own mapping${o.raw.mappingOrigin === 'default' ? ', which follows the default suggested in qif-report' : ', set for this paper'}.`,
  );
}

function thresholdsParagraph(doc: ExpectedPaper, t: Thresholds, words: ModelWords): void {
  doc.para(
    `${words.itemStart} is rated Ready when every QI mapped to it is graded ${word(t.readyMinimumGrade)} or better in this round and at least ${percentText(t.readyMinimumEvidence)} of the evidence for those QIs is held; Not ready when any mapped QI is graded ${word(t.notReadyGradeAtOrBelow)} or worse, is not graded, or less than ${percentText(t.notReadyEvidenceBelow)} of the evidence is held; and Nearly ready otherwise. The evidence counted is the items the framework suggests for each QI and any the partnership adds; partly held items count as half.`,
  );
}

function figuresParagraph(doc: ExpectedPaper, area: string, item: string): void {
  const group = councilNamed(area)?.childrenFamilyGroup;
  doc.para(
    `Each ${item}'s performance figures show the latest value, the change since the period before, and the position against Scotland and the partnership's LGBF family group${group ? ` (family group ${group}: councils of similar deprivation)` : ''}. Beneath each change, an arrow marks a signal in a statistical process control (XmR) chart of the whole series — a point beyond the chart's limits, or a sustained run or trend — rather than ordinary year-to-year variation, and says whether it is improving or worsening; the signal can run against the latest year's change. Otherwise the table says there is no signal, or that the series is too short to judge. Ranks put 1 as best and are shown within the family group and among the councils with a figure: the LGBF publishes no official ranking, and small councils' figures can move a long way on a few children. Rates of registration and of looking after children, and costs, are context: their direction is shown without calling it better or worse. Figures are rounded half away from zero, and a figure is called the same as a comparator's only when the two print the same. Each ${item}'s grades are then tested against its other (directional) figures: a mean grade of ${word(TRIANGULATION_HIGH)} or better while most of those that can be judged are worsening or worse than the family group is flagged, as is a mean of ${word(TRIANGULATION_LOW)} or worse while most are improving or better. Details are in Appendix 5.`,
  );
}

function inspectorGradedParagraph(doc: ExpectedPaper, { oracle }: PaperInputs): void {
  const graded = qualityIndicators.filter((q) => q.id !== CAPACITY && inspectorGraded(q.id, oracle));
  doc.para(GRADED_LEAD[oracle.raw.model.id]);
  for (const q of graded) doc.text(`QI ${q.id} ${titleOf(q.id, oracle)}: ${oracle.qis.find((g) => g.qi === q.id)?.latest?.word ?? TABLES.notGraded}`);
}

export function background(doc: ExpectedPaper, inputs: PaperInputs): void {
  const { raw } = inputs.oracle;
  doc.heading('Background');
  for (const paragraph of inputs.particulars.background) doc.para(paragraph);
  const words = MODEL_WORDS[raw.model.id];
  inspectionParagraphs(doc, inputs.oracle);
  frameworkParagraphs(doc, inputs.oracle);
  thresholdsParagraph(doc, raw.thresholds, words);
  figuresParagraph(doc, raw.area, words.item);
  inspectorGradedParagraph(doc, inputs);
}
