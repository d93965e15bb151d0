import { isValid, parse as parseDateWith, format } from 'date-fns';
import { gradedQualityIndicators, isGrade, qualityIndicators, scale, type Grade } from '../framework/index.js';

export type Parsed<T> = { ok: true; value: T } | { ok: false; expected: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (expected: string): Parsed<never> => ({ ok: false, expected });

const squash = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();

export const gradeExpectation = `a grade 1–6 or one of ${scale.map((p) => p.word).join(', ')}`;

/** Grades as people write them: "5", "Very good", "VERY GOOD", "very  good ". */
export function parseGrade(text: string): Parsed<Grade> {
  const word = squash(text);
  const byWord = scale.find((point) => point.word.toLowerCase() === word);
  if (byWord) return ok(byWord.grade);
  const number = Number(word);
  if (word !== '' && isGrade(number)) return ok(number);
  return fail(gradeExpectation);
}

const DATE_FORMATS = ['yyyy-MM-dd', 'dd/MM/yyyy', 'd/M/yyyy'];
const REFERENCE_DATE = new Date(2000, 0, 1);

/** Dates as ISO `2018-06-27` or UK `27/06/2018`; returned as ISO. */
export function parseDate(text: string): Parsed<string> {
  const trimmed = text.trim();
  for (const pattern of DATE_FORMATS) {
    const date = parseDateWith(trimmed, pattern, REFERENCE_DATE);
    if (isValid(date) && date.getFullYear() >= 1900) return ok(format(date, 'yyyy-MM-dd'));
  }
  return fail('a date such as 2018-06-27 or 27/06/2018');
}

const qiIds = qualityIndicators.map((qi) => qi.id);
export const qiExpectation = `a QI of the framework (${gradedQualityIndicators[0]!.id} to ${gradedQualityIndicators.at(-1)!.id}, or 10 for capacity for improvement)`;

export function parseQi(text: string): Parsed<string> {
  const trimmed = text.trim();
  return qiIds.includes(trimmed) ? ok(trimmed) : fail(qiExpectation);
}

/** Plain numbers, allowing thousands separators ("14,738") but not units. */
export function parseNumber(text: string): Parsed<number> {
  const trimmed = text.trim().replace(/,(?=\d{3}(\D|$))/g, '');
  return /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(trimmed) ? ok(Number(trimmed)) : fail('a number such as 12.5 or 1,204');
}
