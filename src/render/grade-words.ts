import type { ReportModel } from '../model/index.js';

/** A grade's word ("Good") on the scale the model carries: the paper reads the framework only through the model. */
export function gradeWordIn(model: ReportModel, grade: number): string {
  const point = model.framework.scale.find((candidate) => candidate.grade === grade);
  if (!point) throw new Error(`grade ${grade} is not on the model's six-point scale`);
  return point.word;
}
