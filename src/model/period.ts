import { format } from 'date-fns/format';
import { parseISO } from 'date-fns/parseISO';

/**
 * A reporting period: a financial year (1 April – 31 March) and optionally a quarter of it,
 * written the councils' way, `2018/19` or `2018/19 Q1` (Q1 is April–June).
 */
export interface Period {
  /** The calendar year in which the financial year starts: 2018 for 2018/19. */
  startYear: number;
  quarter?: 1 | 2 | 3 | 4;
}

const FINANCIAL_YEAR = String.raw`(\d{4})\s*[/-]\s*(\d{2}|\d{4})`;
const YEAR_THEN_QUARTER = new RegExp(String.raw`^${FINANCIAL_YEAR}(?:\s+Q([1-4]))?$`, 'i');
const QUARTER_THEN_YEAR = new RegExp(String.raw`^Q([1-4])\s+${FINANCIAL_YEAR}$`, 'i');

/** Reads `2018/19`, `2018-19`, `2018/2019`, `2018/19 Q1` and `Q1 2018/19`; undefined otherwise. */
export function parsePeriod(text: string): Period | undefined {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  let start: string | undefined;
  let end: string | undefined;
  let quarter: string | undefined;
  const yearFirst = YEAR_THEN_QUARTER.exec(trimmed);
  const quarterFirst = QUARTER_THEN_YEAR.exec(trimmed);
  if (yearFirst) [, start, end, quarter] = yearFirst;
  else if (quarterFirst) [, quarter, start, end] = quarterFirst;
  else return undefined;
  const startYear = Number(start);
  const endYear = Number(end);
  const followsOn = end!.length === 2 ? endYear === (startYear + 1) % 100 : endYear === startYear + 1;
  if (!followsOn) return undefined;
  return quarter ? { startYear, quarter: Number(quarter) as Period['quarter'] } : { startYear };
}

export function formatPeriod(period: Period): string {
  const endYear = String((period.startYear + 1) % 100).padStart(2, '0');
  const year = `${period.startYear}/${endYear}`;
  return period.quarter ? `${year} Q${period.quarter}` : year;
}

/** Orders by time; a whole year sorts after its own quarters, as its figures close after them. */
export function comparePeriods(a: Period, b: Period): number {
  return a.startYear - b.startYear || (a.quarter ?? 5) - (b.quarter ?? 5);
}

export function periodKey(period: Period): string {
  return formatPeriod(period);
}

/** The first and last day of a period, as ISO dates: a financial year runs 1 April to 31 March. */
export function periodDates(period: Period): { start: string; end: string } {
  const iso = (year: number, month: number, day: number) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (!period.quarter) return { start: iso(period.startYear, 4, 1), end: iso(period.startYear + 1, 3, 31) };
  const firstMonth = 4 + 3 * (period.quarter - 1);
  const year = period.startYear + (firstMonth > 12 ? 1 : 0);
  const month = ((firstMonth - 1) % 12) + 1;
  const lastDay = [30, 30, 31, 31][period.quarter - 1]!; // June, September, December, March
  return { start: iso(year, month, 1), end: iso(year, month + 2, lastDay) };
}

/** Dates as committee papers print them: "27 June 2018". */
export function longDate(iso: string): string {
  return format(parseISO(iso), 'd MMMM yyyy');
}
