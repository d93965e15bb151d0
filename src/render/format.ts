import type { IndicatorUnit } from '../framework/index.js';

export { longDate } from '../model/index.js';

export function number(value: number, decimals: number): string {
  return new Intl.NumberFormat('en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value);
}

export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
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

/** Changes in the unit's own terms: percentage points for percentages, never per cent of per cent. */
export function indicatorChange(change: number, unit: IndicatorUnit, decimals: number): string {
  const sign = change > 0 ? '+' : change < 0 ? '−' : '';
  const magnitude = Math.abs(change);
  if (unit === 'percent') return `${sign}${number(magnitude, decimals)} pp`;
  if (unit === 'gbp-per-week') return `${sign}£${number(magnitude, decimals)}`;
  return `${sign}${number(magnitude, decimals)}`;
}

/** A mean grade to one decimal place. */
export function meanGrade(mean: number): string {
  return number(mean, 1);
}
