import { CAPACITY_QI, gradeWord } from '../framework/index.js';
import { meanOf, type CapacityAssessment, type QiAssessment } from '../model/index.js';
import { nearestGrade } from './grades.js';

/**
 * Area 10 is "a global judgement based on an evaluation of the framework of quality indicators":
 * the partnership's own grade is shown beside an indicative figure from the 22 QIs' latest grades.
 */
export function assessCapacity(qis: readonly QiAssessment[]): CapacityAssessment {
  const capacity = qis.find((qi) => qi.id === CAPACITY_QI);
  const grades = qis.filter((qi) => qi.id !== CAPACITY_QI && qi.latest).map((qi) => qi.latest!.grade);
  if (grades.length === 0) return { partnershipGrade: capacity?.latest };
  const mean = meanOf(grades)!;
  const grade = nearestGrade(mean);
  const indicative = { mean, grade, word: gradeWord(grade), qisGraded: grades.length };
  const partnershipGrade = capacity?.latest;
  return { partnershipGrade, indicative, difference: partnershipGrade && partnershipGrade.grade - grade };
}
