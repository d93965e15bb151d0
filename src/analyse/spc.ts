/**
 * Statistical process control for an indicator series: an XmR (individuals and moving range) chart,
 * as NHS England's "Making Data Count" uses, so that a change arrow is shown only when the latest
 * value is a signal rather than ordinary year-to-year noise. Pure functions: no I/O, no wording.
 *
 * The rules, and why:
 * - Limits: mean ± 2.66 × mR-bar, where mR-bar is the mean of the moving ranges |x_i − x_{i−1}|.
 *   2.66 is 3 ÷ d2 (d2 = 1.128 for ranges of two), i.e. three sigma estimated from point-to-point
 *   variation, which is robust to shifts and trends in a way the ordinary standard deviation is not.
 *   Mean and limits are computed over the whole series given: the caller chooses the baseline.
 * - Natural bounds: a limit beyond what the measure can take (a lower limit of −3 % for a percentage)
 *   means nothing, so limits are clamped to `lowerBound` / `upperBound` when given.
 * - Too short (fewer than `minimumPoints`, default 6): not judged at all. NHS guidance wants 15–20
 *   points for reliable limits, but LGBF indicators are annual with about 10–12 points, and the
 *   report still has to judge them; 6 is the least that gives a run or trend rule a chance to fire.
 * - beyond-limits: a point strictly above the upper or strictly below the lower limit (one signal
 *   per point). A point exactly on a limit is not beyond it.
 * - run: `runLength` (default 6) or more consecutive points strictly on the same side of the mean;
 *   a point on the mean belongs to neither side and breaks the run. NHS uses 7 for long monthly
 *   series; with ~10 annual points a run of 7 could hardly occur, so 6 is the default here.
 * - trend: `trendLength` (default 6) or more consecutive points each strictly higher (or each strictly
 *   lower) than the one before, as in Making Data Count; an equal value breaks the trend.
 * - Runs and trends are reported once per maximal stretch, with every index of the stretch, not once
 *   per overlapping window. Signals are listed in series order (by first index; at equal first index
 *   beyond-limits, then run, then trend).
 * - latestSignal: of the signals that include the last point, beyond-limits before run before trend,
 *   because a point outside the limits is the strongest evidence of change.
 * - "On the mean" and "on a limit" are judged with a tolerance of 1e-9 × max(1, largest |value|), so
 *   that floating-point error in the mean (seven 0.1s average to 0.09999999999999999) does not turn a
 *   flat series into a string of signals. Trends compare the raw values exactly.
 */

import { difference, meanOf, product, sumOf, type SpcPoint, type SpcResult, type SpcRule, type SpcSignal } from '../model/index.js';

export type { SpcPoint, SpcResult, SpcSignal, SpcRule } from '../model/index.js';

export interface SpcOptions {
  minimumPoints?: number;
  runLength?: number;
  trendLength?: number;
  lowerBound?: number;
  upperBound?: number;
}

export const DEFAULT_MINIMUM_POINTS = 6;
export const DEFAULT_RUN_LENGTH = 6;
export const DEFAULT_TREND_LENGTH = 6;
/** 3 / d2, with d2 = 1.128 for moving ranges of two points. */
export const XMR_LIMIT_FACTOR = 2.66;

const RELATIVE_TOLERANCE = 1e-9;
const RULE_ORDER: Record<SpcRule, number> = { 'beyond-limits': 0, run: 1, trend: 2 };

function wholeAtLeast(name: string, value: number | undefined, fallback: number, least: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < least) throw new RangeError(`${name} must be a whole number of at least ${least}, not ${value}`);
  return value;
}

function bound(name: string, value: number | undefined): number | undefined {
  if (value !== undefined && Number.isNaN(value)) throw new RangeError(`${name} must be a number, not NaN`);
  return value;
}

/** Maximal stretches of consecutive indexes for which `side(i)` gives the same non-zero sign. */
function stretches(length: number, side: (index: number) => -1 | 0 | 1): { sign: 1 | -1; points: number[] }[] {
  const found: { sign: 1 | -1; points: number[] }[] = [];
  let current: { sign: 1 | -1; points: number[] } | undefined;
  for (let i = 0; i < length; i++) {
    const sign = side(i);
    if (sign === 0) {
      current = undefined;
    } else if (current && current.sign === sign) {
      current.points.push(i);
    } else {
      current = { sign, points: [i] };
      found.push(current);
    }
  }
  return found;
}

export function xmr(series: readonly SpcPoint[], options: SpcOptions = {}): SpcResult {
  const minimumPoints = wholeAtLeast('minimumPoints', options.minimumPoints, DEFAULT_MINIMUM_POINTS, 2);
  const runLength = wholeAtLeast('runLength', options.runLength, DEFAULT_RUN_LENGTH, 2);
  const trendLength = wholeAtLeast('trendLength', options.trendLength, DEFAULT_TREND_LENGTH, 2);
  const lowerBound = bound('lowerBound', options.lowerBound);
  const upperBound = bound('upperBound', options.upperBound);
  if (lowerBound !== undefined && upperBound !== undefined && lowerBound > upperBound) {
    throw new RangeError(`lowerBound (${lowerBound}) is above upperBound (${upperBound})`);
  }

  series.forEach((point, index) => {
    if (!Number.isFinite(point.value)) throw new RangeError(`value at index ${index} (${point.period}) is not finite: ${point.value}`);
  });

  if (series.length < minimumPoints) return { judgeable: false, minimumPoints, signals: [] };

  const values = series.map((point) => point.value);
  const n = values.length;
  // On exact decimals (model/decimal.ts), so a mean or limit of exactly x.x5 prints rounded up, as by hand.
  const mean = meanOf(values)!;
  const averageMovingRange = meanOf(values.slice(1).map((x, i) => Math.abs(difference(x, values[i]!))))!;
  const spread = product(XMR_LIMIT_FACTOR, averageMovingRange);

  let upperLimit = sumOf([mean, spread]);
  let lowerLimit = difference(mean, spread);
  if (upperBound !== undefined) upperLimit = Math.min(upperLimit, upperBound);
  if (lowerBound !== undefined) lowerLimit = Math.max(lowerLimit, lowerBound);

  const tolerance = RELATIVE_TOLERANCE * values.reduce((largest, x) => Math.max(largest, Math.abs(x)), 1);
  const signals: SpcSignal[] = [];

  values.forEach((x, i) => {
    if (x > upperLimit + tolerance) signals.push({ rule: 'beyond-limits', direction: 'up', points: [i] });
    else if (x < lowerLimit - tolerance) signals.push({ rule: 'beyond-limits', direction: 'down', points: [i] });
  });

  const sideOfMean = (i: number): -1 | 0 | 1 => {
    const d = values[i]! - mean;
    return d > tolerance ? 1 : d < -tolerance ? -1 : 0;
  };
  for (const run of stretches(n, sideOfMean)) {
    if (run.points.length >= runLength) signals.push({ rule: 'run', direction: run.sign > 0 ? 'up' : 'down', points: run.points });
  }

  // Each step i (from point i−1 to point i) is up, down or level; a trend of k points is k−1 like steps.
  const step = (i: number): -1 | 0 | 1 => {
    const a = values[i]!;
    const b = values[i + 1]!;
    return b > a ? 1 : b < a ? -1 : 0;
  };
  for (const steps of stretches(n - 1, step)) {
    const points = [...steps.points, steps.points.at(-1)! + 1];
    if (points.length >= trendLength) signals.push({ rule: 'trend', direction: steps.sign > 0 ? 'up' : 'down', points });
  }

  signals.sort((a, b) => a.points[0]! - b.points[0]! || RULE_ORDER[a.rule] - RULE_ORDER[b.rule]);

  const last = n - 1;
  const latestSignal = signals
    .filter((signal) => signal.points.includes(last))
    .sort((a, b) => RULE_ORDER[a.rule] - RULE_ORDER[b.rule])[0];

  return {
    judgeable: true,
    minimumPoints,
    mean,
    upperLimit,
    lowerLimit,
    averageMovingRange,
    signals,
    ...(latestSignal ? { latestSignal } : {}),
  };
}
