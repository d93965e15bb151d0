import { addDays } from 'date-fns/addDays';
import { format } from 'date-fns/format';
import { isValid } from 'date-fns/isValid';
import { parse as parseDateWith } from 'date-fns/parse';
import type { Delimiter } from './delimiter.js';
import { didYouMean, editDistance, listWithOr } from './near-miss.js';
import { gradedQualityIndicators, isGrade, qualityIndicators, scale, type Grade } from '../framework/index.js';

/** A field read as a value, or what was expected instead and, where a near miss is likely, a hint. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; expected: string; hint?: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (expected: string, hint?: string): Parsed<never> => (hint ? { ok: false, expected, hint } : { ok: false, expected });

const squash = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();

export const gradeExpectation = `a grade 1–6 or one of ${scale.map((p) => p.word).join(', ')}`;

const gradeOfWord = (word: string) => scale.find((point) => point.word.toLowerCase() === word)?.grade;
const gradeOfNumber = (text: string) => {
  const number = Number(text);
  return text !== '' && isGrade(number) ? number : undefined;
};

/**
 * Grades as people write them: "5", "Very good", "VERY GOOD ", and the drop-down styles "5 - Very good"
 * and "Very good (5)", whose number and word must agree.
 */
export function parseGrade(text: string): Parsed<Grade> {
  const word = squash(text);
  const single = gradeOfWord(word) ?? gradeOfNumber(word);
  if (single !== undefined) return ok(single);
  const numberFirst = /^([1-6])\s*[-–:.]\s*(.+)$/.exec(word);
  const wordFirst = /^(.+?)\s*\(([1-6])\)$/.exec(word);
  const pair = numberFirst ? { number: Number(numberFirst[1]), named: numberFirst[2]! } : wordFirst ? { number: Number(wordFirst[2]), named: wordFirst[1]! } : undefined;
  const named = pair && gradeOfWord(pair.named);
  if (pair && named === pair.number) return ok(named);
  if (pair && named !== undefined) return fail(gradeExpectation, `${pair.number} and ${scale.find((p) => p.grade === named)!.word} disagree`);
  return fail(gradeExpectation, didYouMean(word, scale.map((point) => point.word)));
}

/** Day first, as a UK spreadsheet writes dates; a time of day after it (Excel adds 00:00) is ignored. */
const DATE_FORMATS = ['yyyy-MM-dd', 'd/M/yyyy', 'd.M.yyyy', 'd-M-yyyy', 'd/M/yy', 'd MMM yyyy', 'd MMMM yyyy'];
const REFERENCE_DATE = new Date(2000, 0, 1);
const TIME_OF_DAY = /(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(?:Z)?$/;
/** Excel counts days from 30 December 1899 (its 1900 leap-year bug is before any date we accept). */
const EXCEL_EPOCH = new Date(1899, 11, 30);
const EXCEL_SERIALS = { from: 32874, to: 73050 }; // 1 January 1990 to 31 December 2099
export const dateExpectation = 'a date such as 27/06/2018 or 2018-06-27 (day before month), or an Excel date number';

/** Dates as UK `27/06/2018` or `27/6/18`, ISO `2018-06-27`, `27 June 2018`, or Excel's serial 43278; returned as ISO. */
export function parseDate(text: string): Parsed<string> {
  const trimmed = text.trim();
  if (/^\d{5}(\.\d+)?$/.test(trimmed)) {
    const serial = Math.floor(Number(trimmed));
    if (serial >= EXCEL_SERIALS.from && serial <= EXCEL_SERIALS.to) return ok(format(addDays(EXCEL_EPOCH, serial), 'yyyy-MM-dd'));
    return fail(dateExpectation, 'as an Excel date number it falls outside 1990–2099');
  }
  const withoutTime = trimmed.replace(TIME_OF_DAY, '');
  for (const pattern of DATE_FORMATS) {
    const date = parseDateWith(withoutTime, pattern, REFERENCE_DATE);
    if (isValid(date) && date.getFullYear() >= 1990 && date.getFullYear() <= 2099) return ok(format(date, 'yyyy-MM-dd'));
  }
  const monthFirst = /^(\d{1,2})\/(\d{1,2})\/\d{2,4}$/.exec(withoutTime);
  const hint = monthFirst && Number(monthFirst[2]) > 12 && Number(monthFirst[1]) <= 12 ? 'it looks like month before day' : undefined;
  return fail(dateExpectation, hint);
}

const qiIds = qualityIndicators.map((qi) => qi.id);
export const qiExpectation = `a QI of the framework (${gradedQualityIndicators[0]!.id} to ${gradedQualityIndicators.at(-1)!.id}, or 10 for capacity for improvement)`;

/** "5.1", "QI 5.1" or, from a spreadsheet set to decimal commas, "5,1". A near miss gets a suggestion. */
export function parseQi(text: string): Parsed<string> {
  const code = text.trim().replace(/^qi\s*/i, '').replace(',', '.');
  if (qiIds.includes(code)) return ok(code);
  const nearest = nearestQis(code);
  return fail(qiExpectation, nearest.length > 0 ? `did you mean ${listWithOr(nearest)}?` : undefined);
}

/** QIs numerically equal ("5.10" is 5.1 to a spreadsheet), or one edit away, those in the same area first. */
function nearestQis(code: string): string[] {
  const numeric = qiIds.filter((id) => code !== '' && Number(id) === Number(code));
  if (numeric.length > 0) return numeric;
  const sameArea = (id: string) => (id.split('.')[0] === code.split('.')[0] ? 0 : 1);
  return qiIds.filter((id) => editDistance(id, code) === 1).sort((a, b) => sameArea(a) - sameArea(b)).slice(0, 4);
}

/**
 * Plain numbers, allowing thousands separators ("14,738") but not units. Where a comma may be a decimal
 * comma — a semicolon-separated file comes from a spreadsheet set to continental conventions — a number
 * with a comma is refused rather than guessed.
 */
export function parseNumber(text: string, commaMayBeDecimal = false): Parsed<number> {
  const trimmed = text.trim();
  const expected = 'a number such as 12.5 or 1,204';
  if (commaMayBeDecimal && trimmed.includes(',') && /^[+-]?[\d.,]+$/.test(trimmed)) {
    return fail(expected, 'in a semicolon-separated file a comma may be a decimal comma: write the number with a decimal point and no thousands separator');
  }
  const plain = trimmed.replace(/,(?=\d{3}(\D|$))/g, '');
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(plain)) return ok(Number(plain));
  if (/^[+-]?[\d.,]+\s*%$/.test(trimmed)) return fail(expected, 'write it without the % sign');
  if (/^[+-]?\d+,\d{1,2}$/.test(trimmed)) return fail(expected, 'a decimal comma? write it with a decimal point');
  return fail(expected);
}

/** Numbers as the file's conventions write them (a sheet has no delimiter: its numbers are cells): see parseNumber. */
export const numberParserFor = (delimiter: Delimiter | undefined) => (text: string) => parseNumber(text, delimiter === ';');
