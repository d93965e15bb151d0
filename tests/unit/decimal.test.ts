// The one rounding helper (model/decimal.ts): figures derived on exact decimals, rounded half away from zero.
// Expected values are worked by hand from the published figures named in each case.
import { describe, expect, it } from 'vitest';
import { difference, fixedDecimal, meanOf, product, ratio, roundHalfAway, sameWhenPrinted, sumOf } from '../../src/model/index.js';

describe('changes computed on exact decimals and rounded half away from zero', () => {
  // The four cases of issue 9: 2020-21 and 2021-22 in the LGBF 2022-23 data table, shares written as percentages
  // (Aberdeen City CHN22 0.0219 → 0.1824; East Ayrshire CHN23 0.0685 → 0.062; North Ayrshire CHN23 0.2165 → 0.188;
  // North Lanarkshire CHN22 0.1159 → 0.1124).
  it.each([
    { council: 'Aberdeen City CHN22', previous: 2.19, latest: 18.24, exact: 16.05, printed: '16.1' },
    { council: 'East Ayrshire CHN23', previous: 6.85, latest: 6.2, exact: -0.65, printed: '-0.7' },
    { council: 'North Ayrshire CHN23', previous: 21.65, latest: 18.8, exact: -2.85, printed: '-2.9' },
    { council: 'North Lanarkshire CHN22', previous: 11.59, latest: 11.24, exact: -0.35, printed: '-0.4' },
  ])('$council: $latest − $previous is exactly $exact and prints $printed', ({ previous, latest, exact, printed }) => {
    expect(difference(latest, previous)).toBe(exact);
    expect(fixedDecimal(difference(latest, previous), 1)).toBe(printed);
  });

  it('differs from binary floating point exactly where floating point goes wrong', () => {
    expect(18.24 - 2.19).toBe(16.049999999999997);
    expect(difference(18.24, 2.19)).toBe(16.05);
    expect((16.049999999999997).toFixed(1)).toBe('16.0');
  });

  it('rounds halves away from zero on the decimal as written, not on its binary neighbour', () => {
    // 2.675 is held in binary as 2.67499999999999982236431605997495353221893310546875.
    expect(fixedDecimal(2.675, 2)).toBe('2.68');
    expect(roundHalfAway(2.5, 0)).toBe(3);
    expect(roundHalfAway(-2.5, 0)).toBe(-3);
    expect(roundHalfAway(0.05, 1)).toBe(0.1);
    expect(roundHalfAway(-0.04, 1)).toBe(0);
  });

  it('never prints a signed zero', () => {
    expect(fixedDecimal(-0.02, 1)).toBe('0.0');
    expect(Object.is(roundHalfAway(-0.02, 1), -0)).toBe(false);
  });
});

describe('exact arithmetic', () => {
  it('turns a share into a percentage without float noise', () => {
    expect(0.0685 * 100).toBe(6.8500000000000005);
    expect(product(0.0685, 100)).toBe(6.85);
  });

  it('takes means, sums and ratios on exact decimals', () => {
    expect(meanOf([12, 12.1])).toBe(12.05);
    expect(meanOf([0.1, 0.2])).toBe(0.15);
    expect(meanOf([])).toBeUndefined();
    expect(sumOf([0.1, 0.2])).toBe(0.3);
    expect(ratio(29, 200)).toBe(0.145);
    expect(ratio(1, 0)).toBeUndefined();
  });

  it('calls two figures the same only when they print the same', () => {
    expect(sameWhenPrinted(89.94, 89.96, 1)).toBe(false);
    expect(sameWhenPrinted(14.95, 15, 1)).toBe(true);
    expect(sameWhenPrinted(402.4, 402.6, 0)).toBe(false);
  });
});
