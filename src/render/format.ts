import { format } from 'date-fns/format';
import { parseISO } from 'date-fns/parseISO';
import type { IndicatorUnit } from '../framework/index.js';
import { fixedDecimal, product, roundHalfAway } from '../model/index.js';

export { longDate } from '../model/index.js';

/** A meeting's date as its front sheet and web page print it: "Thursday 24 November 2022". */
export const weekdayDate = (iso: string): string => format(parseISO(iso), 'EEEE d MMMM yyyy');

/** A figure to `decimals` places, rounded half away from zero on its exact decimal, with thousands grouped. */
export function number(value: number, decimals: number): string {
  const digits = fixedDecimal(value, decimals);
  const [whole, fraction] = digits.replace('-', '').split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${digits.startsWith('-') ? '−' : ''}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}

/** A share (0–1) as a whole percentage. */
export function percent(share: number, decimals = 0): string {
  return `${number(product(share, 100), decimals)}%`;
}

/**
 * A share printed beside the thresholds it is judged against: with as many decimals (up to two) as it takes
 * not to print the same as a threshold it is not equal to, so "79.6% … short of the 80% needed" never reads
 * "80% … short of the 80% needed".
 */
export function percentBeside(share: number, thresholds: readonly number[]): string {
  let decimals = 0;
  const clashes = () => thresholds.some((threshold) => threshold !== share && percent(threshold, decimals) === percent(share, decimals));
  while (decimals < 2 && clashes()) decimals += 1;
  return percent(share, decimals);
}

const UNIT_SUFFIX: Record<IndicatorUnit, string> = {
  percent: '%',
  'rate-per-1000-0-15': ' per 1,000',
  'rate-per-1000-0-17': ' per 1,000',
  'rate-per-10000': ' per 10,000',
  'gbp-per-week': '',
  count: '',
  days: ' days',
};

export function indicatorValue(value: number, unit: IndicatorUnit, decimals: number): string {
  const digits = number(value, decimals);
  return unit === 'gbp-per-week' ? `£${digits}` : `${digits}${UNIT_SUFFIX[unit]}`;
}

/** The figure alone, for a table whose row already names the unit: rates lose their "per 1,000". */
export function indicatorFigure(value: number, unit: IndicatorUnit, decimals: number): string {
  return unit.startsWith('rate') ? number(value, decimals) : indicatorValue(value, unit, decimals);
}

/**
 * Changes in the unit's own terms: percentage points for percentages, never per cent of per cent. The sign is
 * the printed figure's: a change that rounds to nothing prints "0.0 pp", never "−0.0 pp".
 */
export function indicatorChange(change: number, unit: IndicatorUnit, decimals: number): string {
  const rounded = roundHalfAway(change, decimals);
  const sign = rounded > 0 ? '+' : rounded < 0 ? '−' : '';
  const magnitude = number(Math.abs(rounded), decimals);
  if (unit === 'percent') return `${sign}${magnitude} pp`;
  if (unit === 'gbp-per-week') return `${sign}£${magnitude}`;
  return `${sign}${magnitude}`;
}

/** A mean grade to one decimal place. */
export function meanGrade(mean: number): string {
  return number(mean, 1);
}
