import type { Grade, ScalePoint } from './types.js';

/** The Care Inspectorate's six-point scale, best first. */
export const scale: readonly ScalePoint[] = [
  { grade: 6, word: 'Excellent', descriptor: 'Outstanding or sector leading' },
  { grade: 5, word: 'Very good', descriptor: 'Major strengths' },
  { grade: 4, word: 'Good', descriptor: 'Important strengths, with some areas for improvement' },
  { grade: 3, word: 'Adequate', descriptor: 'Strengths just outweigh weaknesses' },
  { grade: 2, word: 'Weak', descriptor: 'Important weaknesses – priority action required' },
  { grade: 1, word: 'Unsatisfactory', descriptor: 'Major weaknesses – urgent remedial action required' },
];

export function scalePoint(grade: Grade): ScalePoint {
  const point = scale.find((p) => p.grade === grade);
  if (!point) throw new RangeError(`no grade ${grade} on the six-point scale`);
  return point;
}

export function gradeWord(grade: Grade): string {
  return scalePoint(grade).word;
}

export function isGrade(value: number): value is Grade {
  return Number.isInteger(value) && value >= 1 && value <= 6;
}
