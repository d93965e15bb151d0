// XmR (individuals and moving range) chart over a series, in exact arithmetic. The rules as the README
// states them; a trend's length counts its points, so 6 points = 5 strict steps the same way.
import { Fraction } from './fraction.js';

export const MINIMUM_POINTS = 6;
export const RUN_LENGTH = 6;
export const TREND_LENGTH = 6;
const FACTOR = Fraction.parse('2.66');

export type SpcRule = 'beyond-limits' | 'run' | 'trend';

export interface SpcSignal {
  rule: SpcRule;
  direction: 'up' | 'down';
  /** Points in the maximal stretch ending at the last point (1 for beyond-limits). */
  length: number;
}

export interface Spc {
  judgeable: boolean;
  points: number;
  mean?: Fraction;
  averageMovingRange?: Fraction;
  /** Clamped: never above 100 for a percentage. */
  upper?: Fraction;
  /** Clamped: never below 0. */
  lower?: Fraction;
  latestSignal?: SpcSignal;
}

const mean = (xs: readonly Fraction[]): Fraction => Fraction.sum(xs).div(Fraction.int(xs.length));

/** Length of the stretch ending at the last index where `same(i)` holds for each index in it, counted back. */
function stretchBack(n: number, same: (i: number) => boolean): number {
  let k = 0;
  while (k < n && same(n - 1 - k)) k++;
  return k;
}

/** Run at the last point: consecutive points strictly on the last point's side of the mean. */
function runAtLast(xs: readonly Fraction[], m: Fraction): SpcSignal | undefined {
  const side = xs.at(-1)!.cmp(m);
  if (side === 0) return undefined;
  const length = stretchBack(xs.length, (i) => xs[i]!.cmp(m) === side);
  return length >= RUN_LENGTH ? { rule: 'run', direction: side > 0 ? 'up' : 'down', length } : undefined;
}

/** Trend at the last point: points each strictly above (below) the one before; length counts the first too. */
function trendAtLast(xs: readonly Fraction[]): SpcSignal | undefined {
  const n = xs.length;
  const step = xs[n - 1]!.cmp(xs[n - 2]!);
  if (step === 0) return undefined;
  const steps = stretchBack(n - 1, (i) => xs[i + 1]!.cmp(xs[i]!) === step);
  const length = steps + 1;
  return length >= TREND_LENGTH ? { rule: 'trend', direction: step > 0 ? 'up' : 'down', length } : undefined;
}

/**
 * The XmR chart of `xs` (oldest first): mean, mR-bar, limits mean ± 2.66·mR-bar clamped at 0 (and at 100
 * when `percent`), and the latest signal — the one including the last point, beyond-limits before run
 * before trend. Fewer than 6 points: not judgeable.
 */
export function xmr(xs: readonly Fraction[], percent: boolean): Spc {
  if (xs.length < MINIMUM_POINTS) return { judgeable: false, points: xs.length };
  const m = mean(xs);
  const mr = mean(xs.slice(1).map((x, i) => x.sub(xs[i]!).abs()));
  const spread = FACTOR.mul(mr);
  const upper = percent ? Fraction.min(m.add(spread), Fraction.int(100)) : m.add(spread);
  const lower = Fraction.max(m.sub(spread), Fraction.ZERO);
  const last = xs.at(-1)!;
  const beyond: SpcSignal | undefined = last.gt(upper)
    ? { rule: 'beyond-limits', direction: 'up', length: 1 }
    : last.lt(lower) ? { rule: 'beyond-limits', direction: 'down', length: 1 } : undefined;
  const latestSignal = beyond ?? runAtLast(xs, m) ?? trendAtLast(xs);
  return { judgeable: true, points: xs.length, mean: m, averageMovingRange: mr, upper, lower, ...(latestSignal ? { latestSignal } : {}) };
}
