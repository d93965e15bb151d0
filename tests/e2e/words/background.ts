// Section 3, Background (templates/paper.md).
import { frameworkEdition, qualityIndicators, scale } from '../../../src/framework/index.js';
import { councilNamed, percentText, type Thresholds } from '../../oracle/index.js';
import { CAPACITY, inspectorGraded, titleOf } from './facts.js';
import type { PaperInputs } from './inputs.js';
import { TABLES } from './labels.js';
import type { ExpectedPaper } from './pieces.js';

const word = (grade: number) => scale.find((p) => p.grade === grade)!.word;

/** The triangulation rule's grades (README, "How the figures are judged"): Very good and Adequate. */
const TRIANGULATION_HIGH = 5;
const TRIANGULATION_LOW = 3;

function inspectionParagraphs(doc: ExpectedPaper): void {
  doc.para('Joint inspections of services for children and young people at risk of harm are led by the Care Inspectorate. Each inspection results in a published report which seeks to answer the following questions:');
  doc.text('How good is the partnership at recognising and responding when children and young people need protection?');
  doc.text('How good is the partnership at helping children and young people who have experienced abuse and neglect stay safe, healthy and well and recover from their experiences?');
  doc.text('How good is the partnership at maximising the wellbeing of children and young people who are looked after?');
  doc.text('How good is the partnership at enabling care experienced young people to succeed in their transition to adulthood?');
  doc.text('How good is collaborative leadership?');
}

function frameworkParagraphs(doc: ExpectedPaper, mappingOrigin: 'default' | 'workspace'): void {
  doc.para(
    `The partnership evaluates itself against the ${frameworkEdition('2018-draft').name} (${frameworkEdition('2018-draft').edition}), grading each QI on the Care Inspectorate's six-point scale from Excellent to Unsatisfactory. ${frameworkEdition('2018-draft').note} All the grades are set out in Table 1, Appendix 2.`,
  );
  doc.para(
    `No official mapping from the five questions to the QIs has been published. The QIs shown against each question in this paper are the partnership's own mapping${mappingOrigin === 'default' ? ', which follows the default suggested in qif-report' : ', set for this paper'}.`,
  );
}

function thresholdsParagraph(doc: ExpectedPaper, t: Thresholds): void {
  doc.para(
    `A question is rated Ready when every QI mapped to it is graded ${word(t.readyMinimumGrade)} or better in this round and at least ${percentText(t.readyMinimumEvidence)} of the evidence for those QIs is held; Not ready when any mapped QI is graded ${word(t.notReadyGradeAtOrBelow)} or worse, is not graded, or less than ${percentText(t.notReadyEvidenceBelow)} of the evidence is held; and Nearly ready otherwise. The evidence counted is the items the framework suggests for each QI and any the partnership adds; partly held items count as half.`,
  );
}

function figuresParagraph(doc: ExpectedPaper, area: string): void {
  const group = councilNamed(area)?.childrenFamilyGroup;
  doc.para(
    `Each question's performance figures show the latest value, the change since the period before, and the position against Scotland and the partnership's LGBF family group${group ? ` (family group ${group}: councils of similar deprivation)` : ''}. Beneath each change, an arrow marks a signal in a statistical process control (XmR) chart of the whole series — a point beyond the chart's limits, or a sustained run or trend — rather than ordinary year-to-year variation, and says whether it is improving or worsening; the signal can run against the latest year's change. Otherwise the table says there is no signal, or that the series is too short to judge. Ranks put 1 as best and are shown within the family group and among the councils with a figure: the LGBF publishes no official ranking, and small councils' figures can move a long way on a few children. Rates of registration and of looking after children, and costs, are context: their direction is shown without calling it better or worse. Figures are rounded half away from zero, and a figure is called the same as a comparator's only when the two print the same. Each question's grades are then tested against its other (directional) figures: a mean grade of ${word(TRIANGULATION_HIGH)} or better while most of those that can be judged are worsening or worse than the family group is flagged, as is a mean of ${word(TRIANGULATION_LOW)} or worse while most are improving or better. Details are in Appendix 5.`,
  );
}

function inspectorGradedParagraph(doc: ExpectedPaper, { oracle }: PaperInputs): void {
  const graded = qualityIndicators.filter((q) => q.id !== CAPACITY && inspectorGraded(q.id));
  doc.para('Inspectors graded QIs 1.1, 2.1 and 2.2 and area 9 as a whole in the joint inspections of 2018 to 2020. The partnership\'s own latest grades for these are:');
  for (const q of graded) doc.text(`QI ${q.id} ${titleOf(q.id)}: ${oracle.qis.find((g) => g.qi === q.id)?.latest?.word ?? TABLES.notGraded}`);
}

export function background(doc: ExpectedPaper, inputs: PaperInputs): void {
  const { raw } = inputs.oracle;
  doc.heading('Background');
  for (const paragraph of inputs.particulars.background) doc.para(paragraph);
  inspectionParagraphs(doc);
  frameworkParagraphs(doc, raw.mappingOrigin);
  thresholdsParagraph(doc, raw.thresholds);
  figuresParagraph(doc, raw.area);
  inspectorGradedParagraph(doc, inputs);
}
