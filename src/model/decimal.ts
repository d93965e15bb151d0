/**
 * Figures as decimals, not binary fractions. The published figures are decimals (18.24, 2.19); in binary
 * floating point 18.24 − 2.19 is 16.049999999999997 and would print as 16.0, where a person with a
 * calculator gets 16.05 and prints 16.1. So every figure the paper derives — changes, differences, means,
 * limits, shares — is computed here on the exact decimal of its inputs (big.js), and every figure it
 * prints is rounded here, half away from zero, as the publishers round theirs.
 *
 * A number enters as its shortest decimal (JavaScript's own `String(x)`: 16.05, never 16.050000000000000711),
 * which is the decimal that was read from the file. Results leave as the nearest double, whose shortest
 * decimal is again the exact result whenever that result has at most 15 significant digits.
 */
import Big from 'big.js';

const decimal = (value: number) => new Big(value);

/** `value` rounded to `decimals` places, half away from zero: 16.05 → 16.1, −0.65 → −0.7. */
export function roundHalfAway(value: number, decimals: number): number {
  return zeroUnsigned(Number(decimal(value).round(decimals, Big.roundHalfUp)));
}

/** The digits a paper prints: `roundHalfAway` as text, with no sign on a zero ("0.0", never "-0.0"). */
export function fixedDecimal(value: number, decimals: number): string {
  return decimal(roundHalfAway(value, decimals)).toFixed(decimals);
}

/** a − b, exactly. */
export function difference(a: number, b: number): number {
  return Number(decimal(a).minus(b));
}

/** a × b, exactly (a share as a percentage: 0.1824 × 100 = 18.24). */
export function product(a: number, b: number): number {
  return Number(decimal(a).times(b));
}

/** a ÷ b to 20 decimal places; undefined when b is 0. */
export function ratio(a: number, b: number): number | undefined {
  return b === 0 ? undefined : Number(decimal(a).div(b));
}

/** The sum, exactly. */
export function sumOf(values: readonly number[]): number {
  return Number(values.reduce((total, value) => total.plus(value), new Big(0)));
}

/** The arithmetic mean, exactly to 20 places; undefined for no values rather than NaN. */
export function meanOf(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  return Number(values.reduce((total, value) => total.plus(value), new Big(0)).div(values.length));
}

/** Whether two figures print the same at `decimals` places: what the reader sees decides "the same". */
export function sameWhenPrinted(a: number, b: number, decimals: number): boolean {
  return roundHalfAway(a, decimals) === roundHalfAway(b, decimals);
}

const zeroUnsigned = (value: number) => (Object.is(value, -0) ? 0 : value);
