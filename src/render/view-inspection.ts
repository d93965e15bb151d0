import type { GradeFlag, ReportModel } from '../model/index.js';
import { Trusted } from './escape-markdown.js';
import { number } from './format.js';
import type { Labels } from './labels.js';

/** The paper's sections before the first question's: Summary, Recommendations, Background. */
const SECTIONS_BEFORE_QUESTIONS = 3;

/**
 * What the paper says of the inspection model: its words, the partials that describe it (one set a model, in
 * templates/partials), the QIs inspectors grade under it with their titles, and the document it asks for.
 */
export function inspectionView(model: ReportModel, labels: Labels) {
  const { inspection } = model;
  const titleOf = (id: string) => model.qis.find((qi) => qi.id === id)!.title;
  const part = (name: string) => new Trusted(`inspection-${inspection.id}-${name}`);
  return {
    id: inspection.id,
    words: labels.inspection[inspection.id],
    summary: part('summary'),
    background: part('background'),
    graded: part('graded'),
    gradedQis: inspection.graded.qis.map((qi) => ({ qi, title: titleOf(qi) })),
    gradedAreas: inspection.graded.areas,
    items: model.questions.map((q) => ({ number: q.number, text: q.text })),
    document: 'maxWords' in inspection.document ? { ...inspection.document, maxWords: number(inspection.document.maxWords, 0) } : inspection.document,
    years: inspection.years,
    sections: { first: SECTIONS_BEFORE_QUESTIONS + 1, last: SECTIONS_BEFORE_QUESTIONS + model.questions.length },
  };
}

/** The partials each model's paper looks up by name, for the templates folder's check. */
export const INSPECTION_PARTS = ['summary', 'background', 'graded'] as const;

/**
 * The risks, those inspectors grade as QIs under the model first (their order otherwise kept), each marked
 * whether it is one. Areas graded as a whole (area 9 under model A) do not move their QIs ahead.
 */
export function risksView(model: ReportModel, flag: (risk: GradeFlag) => object) {
  const graded = (risk: GradeFlag) => model.inspection.graded.qis.includes(risk.qi);
  const ordered = [...model.progressReviewRisks.filter(graded), ...model.progressReviewRisks.filter((risk) => !graded(risk))];
  return ordered.map((risk) => ({ ...flag(risk), inspectorGraded: graded(risk) }));
}
