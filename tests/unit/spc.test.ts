// Statistical process control (XmR charts). Every expected value below is worked out by hand in the
// comments (mean, moving ranges, mR-bar, limits = mean ± 2.66 × mR-bar, then which side of the mean
// and which direction each step goes), never by calling the code under test.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { xmr, type SpcPoint } from '../../src/analyse/spc.js';

/** Periods are only labels to xmr; number them P0, P1, … so index i is period Pi. */
const series = (values: readonly number[]): SpcPoint[] => values.map((value, i) => ({ period: `P${i}`, value }));

describe('xmr: limits and beyond-limits', () => {
  it('finds the 30 beyond the upper limit of [10,12,11,13,12,11,10,12,30]', () => {
    // sum = 10+12+11+13+12+11+10+12+30 = 121, n = 9, mean = 121/9 = 13.4444
    // moving ranges: 2,1,2,1,1,1,2,18 → sum 28 over 8 → mR-bar = 3.5
    // 2.66 × 3.5 = 9.31 → UCL = 22.7544, LCL = 4.1344
    // 30 > 22.7544 → beyond-limits up at index 8; every other value lies in 10..13, inside the limits.
    // The first eight values (10..13) are all below 13.4444 → a run down over indexes 0–7 as well.
    // Steps: + − + − − − + + : longest same-direction stretch is 13,12,11,10 (4 points) → no trend.
    const result = xmr(series([10, 12, 11, 13, 12, 11, 10, 12, 30]));
    expect(result.judgeable).toBe(true);
    expect(result.minimumPoints).toBe(6);
    expect(result.mean).toBeCloseTo(13.4444, 4);
    expect(result.averageMovingRange).toBeCloseTo(3.5, 10);
    expect(result.upperLimit).toBeCloseTo(22.7544, 4);
    expect(result.lowerLimit).toBeCloseTo(4.1344, 4);
    expect(result.signals).toEqual([
      { rule: 'run', direction: 'down', points: [0, 1, 2, 3, 4, 5, 6, 7] },
      { rule: 'beyond-limits', direction: 'up', points: [8] },
    ]);
    expect(result.latestSignal).toEqual({ rule: 'beyond-limits', direction: 'up', points: [8] });
  });

  it('clamps the lower limit to a natural bound of 0 and the upper to a given upper bound', () => {
    // [2,10,3,12,2,11]: sum 40, mean = 6.6667
    // moving ranges 8,7,9,10,9 → 43/5 = 8.6; 2.66 × 8.6 = 22.876
    // unclamped: UCL = 29.5427, LCL = 6.6667 − 22.876 = −16.2093 (meaningless for a percentage)
    // sides: below, above, below, above, below, above → no run; steps alternate → no trend.
    const values = [2, 10, 3, 12, 2, 11];
    const free = xmr(series(values));
    expect(free.lowerLimit).toBeCloseTo(-16.2093, 4);
    expect(free.upperLimit).toBeCloseTo(29.5427, 4);

    const percentage = xmr(series(values), { lowerBound: 0, upperBound: 100 });
    expect(percentage.lowerLimit).toBe(0);
    expect(percentage.upperLimit).toBeCloseTo(29.5427, 4); // 100 is above it, so no clamp
    expect(percentage.mean).toBeCloseTo(6.6667, 4); // bounds clamp limits, not the mean
    expect(percentage.signals).toEqual([]);

    // An upper bound of 25 is below 29.5427, so the upper limit becomes 25; nothing exceeds it (max 12).
    const capped = xmr(series(values), { lowerBound: 0, upperBound: 25 });
    expect(capped.upperLimit).toBe(25);
    expect(capped.signals).toEqual([]);
  });

  it('does not count a point exactly on a (clamped) limit as beyond it', () => {
    // [98,100,97,100,99,100] as a percentage: sum 594, mean = 99
    // moving ranges 2,3,3,1,1 → 10/5 = 2; 2.66 × 2 = 5.32 → UCL 104.32, clamped to 100; LCL 93.68
    // the 100s sit exactly on the clamped limit, which is not strictly above it → no beyond-limits.
    // sides: below, above, below, above, ON the mean (99), above → no run; no trend.
    const result = xmr(series([98, 100, 97, 100, 99, 100]), { lowerBound: 0, upperBound: 100 });
    expect(result.mean).toBe(99);
    expect(result.averageMovingRange).toBe(2);
    expect(result.upperLimit).toBe(100);
    expect(result.lowerLimit).toBeCloseTo(93.68, 10);
    expect(result.signals).toEqual([]);
    expect(result.latestSignal).toBeUndefined();
  });

  it('gives a flat series mR-bar 0 and limits equal to the mean, with no signals', () => {
    // [7,7,7,7,7,7]: mean 7, every moving range 0 → mR-bar 0 → UCL = LCL = 7.
    // Every point equals the limits (not beyond) and equals the mean (no side → no run); no steps → no trend.
    const result = xmr(series([7, 7, 7, 7, 7, 7]));
    expect(result.mean).toBe(7);
    expect(result.averageMovingRange).toBe(0);
    expect(result.upperLimit).toBe(7);
    expect(result.lowerLimit).toBe(7);
    expect(result.signals).toEqual([]);
    expect(result.latestSignal).toBeUndefined();
  });

  it('is not fooled by floating-point error in the mean of a flat series', () => {
    // Seven 0.1s: the mean is 0.1 by hand, but summing in floating point gives 0.09999999999999999,
    // so a naive strict comparison would put every 0.1 "above the upper limit" and "above the mean".
    // By hand: mean 0.1, mR-bar 0, limits 0.1 and 0.1, no signals.
    const result = xmr(series([0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1]));
    expect(result.mean).toBeCloseTo(0.1, 12);
    expect(result.averageMovingRange).toBe(0);
    expect(result.signals).toEqual([]);
  });
});

describe('xmr: runs', () => {
  it('finds six points above the mean at the end as a run up', () => {
    // [3,8,3,8,3,7,8,7,8,7,8]: sum 25 + 45 = 70, n = 11, mean = 6.3636
    // moving ranges 5,5,5,5,4,1,1,1,1,1 → 29/10 = 2.9; 2.66 × 2.9 = 7.714 → UCL 14.0776, LCL −1.3504
    // sides: b a b a b | a a a a a a → run up over indexes 5–10 (exactly 6 points); nothing beyond limits.
    // Steps: + − + − + + − + − + : longest trend 3,7,8 (3 points) → no trend.
    const values = [3, 8, 3, 8, 3, 7, 8, 7, 8, 7, 8];
    const result = xmr(series(values));
    expect(result.mean).toBeCloseTo(6.3636, 4);
    expect(result.averageMovingRange).toBeCloseTo(2.9, 10);
    expect(result.upperLimit).toBeCloseTo(14.0776, 4);
    expect(result.lowerLimit).toBeCloseTo(-1.3504, 4);
    const run = { rule: 'run', direction: 'up', points: [5, 6, 7, 8, 9, 10] };
    expect(result.signals).toEqual([run]);
    expect(result.latestSignal).toEqual(run);

    // With the NHS long-series run length of 7, six points are not enough.
    const seven = xmr(series(values), { runLength: 7 });
    expect(seven.signals).toEqual([]);
    expect(seven.latestSignal).toBeUndefined();
  });

  it('lets a point exactly on the mean break a run', () => {
    // [4,0,4,0,7,7,7,5,7,7,7]: sum 8 + 21 + 5 + 21 = 55, n = 11, mean = 5 exactly
    // moving ranges 4,4,4,7,0,0,2,2,0,0 → 23/10 = 2.3; 2.66 × 2.3 = 6.118 → UCL 11.118, LCL −1.118
    // sides: b b b b | a a a | ON | a a a — six of the last seven points are above the mean, but the 5
    // on the mean splits them into two runs of 3, so the default run length of 6 finds nothing.
    // Steps: − + − + 0 0 − + 0 0 → no trend.
    const values = [4, 0, 4, 0, 7, 7, 7, 5, 7, 7, 7];
    const result = xmr(series(values));
    expect(result.mean).toBe(5);
    expect(result.averageMovingRange).toBeCloseTo(2.3, 10);
    expect(result.signals).toEqual([]);

    // With runLength 3 the stretches show up separately, and index 7 is in none of them.
    const short = xmr(series(values), { runLength: 3 });
    expect(short.signals).toEqual([
      { rule: 'run', direction: 'down', points: [0, 1, 2, 3] },
      { rule: 'run', direction: 'up', points: [4, 5, 6] },
      { rule: 'run', direction: 'up', points: [8, 9, 10] },
    ]);
    expect(short.latestSignal).toEqual({ rule: 'run', direction: 'up', points: [8, 9, 10] });
  });
});

describe('xmr: trends', () => {
  it('finds six strictly increasing points as a trend up', () => {
    // [5,7,5,7,3,4,5,6,7,8]: sum 24 + 33 = 57, n = 10, mean = 5.7
    // moving ranges 2,2,2,4,1,1,1,1,1 → 15/9 = 1.6667; 2.66 × 1.6667 = 4.4333 → UCL 10.1333, LCL 1.2667
    // steps: + − + − + + + + + → 3,4,5,6,7,8 (indexes 4–9) is a 6-point trend up.
    // sides: b a b a b b b a a a → longest run 3 → no run; values 3..8 are inside the limits.
    const values = [5, 7, 5, 7, 3, 4, 5, 6, 7, 8];
    const result = xmr(series(values));
    expect(result.mean).toBeCloseTo(5.7, 10);
    expect(result.averageMovingRange).toBeCloseTo(1.6667, 4);
    expect(result.upperLimit).toBeCloseTo(10.1333, 4);
    expect(result.lowerLimit).toBeCloseTo(1.2667, 4);
    const trend = { rule: 'trend', direction: 'up', points: [4, 5, 6, 7, 8, 9] };
    expect(result.signals).toEqual([trend]);
    expect(result.latestSignal).toEqual(trend);

    // trendLength 7 needs one more point.
    expect(xmr(series(values), { trendLength: 7 }).signals).toEqual([]);
  });

  it('lets equal consecutive values break a trend', () => {
    // [5,7,5,7,3,4,5,5,6,7,8]: as above with the 5 repeated. sum 24 + 38 = 62, n = 11, mean = 5.6364
    // moving ranges 2,2,2,4,1,1,0,1,1,1 → 15/10 = 1.5; 2.66 × 1.5 = 3.99 → UCL 9.6264, LCL 1.6464
    // steps: + − + − + + 0 + + + → 3,4,5 (3 points) then, after the level step, 5,6,7,8 (4 points):
    // seven points that never fall, but no 6-point trend.
    // sides: b a b a b b b b a a a → longest run 4 → no run.
    const values = [5, 7, 5, 7, 3, 4, 5, 5, 6, 7, 8];
    const result = xmr(series(values));
    expect(result.mean).toBeCloseTo(5.6364, 4);
    expect(result.averageMovingRange).toBeCloseTo(1.5, 10);
    expect(result.upperLimit).toBeCloseTo(9.6264, 4);
    expect(result.lowerLimit).toBeCloseTo(1.6464, 4);
    expect(result.signals).toEqual([]);

    // With trendLength 4 the second stretch counts, starting at the repeated value (index 7).
    expect(xmr(series(values), { trendLength: 4 }).signals).toEqual([{ rule: 'trend', direction: 'up', points: [7, 8, 9, 10] }]);
  });

  it('reports a long trend down once, with every index, not once per window', () => {
    // [7,11,7,11,16,15,14,13,12,11,10,9]: sum 36 + 100 = 136, n = 12, mean = 11.3333
    // moving ranges 4,4,4,5,1,1,1,1,1,1,1 → 24/11 = 2.1818; 2.66 × 2.1818 = 5.8036 → UCL 17.1370, LCL 5.5297
    // steps: + − + + − − − − − − − → 7,11,16 (3 points, up), then 16 down to 9: indexes 4–11, 8 points.
    // sides: b b b b | a a a a a | b b b → longest run 5 → no run; 7..16 inside the limits.
    const result = xmr(series([7, 11, 7, 11, 16, 15, 14, 13, 12, 11, 10, 9]));
    expect(result.mean).toBeCloseTo(11.3333, 4);
    expect(result.averageMovingRange).toBeCloseTo(2.1818, 4);
    expect(result.upperLimit).toBeCloseTo(17.137, 3);
    expect(result.lowerLimit).toBeCloseTo(5.5297, 4);
    const trend = { rule: 'trend', direction: 'down', points: [4, 5, 6, 7, 8, 9, 10, 11] };
    expect(result.signals).toEqual([trend]);
    expect(result.latestSignal).toEqual(trend);
  });
});

describe('xmr: latestSignal', () => {
  it('prefers beyond-limits over a trend that also ends at the latest point', () => {
    // [10,10,10,10,10,10,10,10,11,12,13,14,15,40]: sum 80 + 65 + 40 = 185, n = 14, mean = 13.2143
    // moving ranges: seven 0s, five 1s, then 25 → 30/13 = 2.3077; 2.66 × 2.3077 = 6.1385
    // → UCL 19.3527, LCL 7.0758. 40 > 19.3527 → beyond-limits up at index 13; the 10s are inside.
    // sides: 10×8, 11, 12, 13 below (13 < 13.2143) → run down 0–10; 14, 15, 40 above (3).
    // steps: seven level, then six + → trend up 10,11,12,13,14,15,40 over indexes 7–13 (7 points).
    // Listed by first index: run (0), trend (7), beyond-limits (13); index 13 is in the trend and the
    // beyond-limits signal, and beyond-limits wins.
    const result = xmr(series([10, 10, 10, 10, 10, 10, 10, 10, 11, 12, 13, 14, 15, 40]));
    expect(result.mean).toBeCloseTo(13.2143, 4);
    expect(result.averageMovingRange).toBeCloseTo(2.3077, 4);
    expect(result.upperLimit).toBeCloseTo(19.3527, 4);
    expect(result.lowerLimit).toBeCloseTo(7.0758, 4);
    expect(result.signals).toEqual([
      { rule: 'run', direction: 'down', points: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] },
      { rule: 'trend', direction: 'up', points: [7, 8, 9, 10, 11, 12, 13] },
      { rule: 'beyond-limits', direction: 'up', points: [13] },
    ]);
    expect(result.latestSignal).toEqual({ rule: 'beyond-limits', direction: 'up', points: [13] });
  });

  it('prefers a run over a trend when both end at the latest point', () => {
    // [0,4,0,4,0,4,6,7,8,9,10,11]: sum 12 + 51 = 63, n = 12, mean = 5.25
    // moving ranges 4,4,4,4,4,2,1,1,1,1,1 → 27/11 = 2.4545; 2.66 × 2.4545 = 6.5291
    // → UCL 11.7791, LCL −1.2791; 0..11 all inside.
    // sides: 0,4,0,4,0,4 below → run down 0–5; 6..11 above → run up 6–11.
    // steps: − + − + then + from index 4 (0) onwards: 0,4,6,7,8,9,10,11 → trend up 4–11 (8 points).
    // Listed by first index: run down (0), trend (4), run up (6); latest: run up, not the trend.
    const result = xmr(series([0, 4, 0, 4, 0, 4, 6, 7, 8, 9, 10, 11]));
    expect(result.mean).toBe(5.25);
    expect(result.averageMovingRange).toBeCloseTo(2.4545, 4);
    expect(result.upperLimit).toBeCloseTo(11.7791, 4);
    expect(result.lowerLimit).toBeCloseTo(-1.2791, 4);
    expect(result.signals).toEqual([
      { rule: 'run', direction: 'down', points: [0, 1, 2, 3, 4, 5] },
      { rule: 'trend', direction: 'up', points: [4, 5, 6, 7, 8, 9, 10, 11] },
      { rule: 'run', direction: 'up', points: [6, 7, 8, 9, 10, 11] },
    ]);
    expect(result.latestSignal).toEqual({ rule: 'run', direction: 'up', points: [6, 7, 8, 9, 10, 11] });
  });
});

describe('xmr: short series and bad input', () => {
  it('does not judge a series shorter than minimumPoints', () => {
    // 5 points < default 6 → not judgeable: no mean, no limits, no signals.
    const short = xmr(series([1, 2, 3, 4, 5]));
    expect(short).toEqual({ judgeable: false, minimumPoints: 6, signals: [] });
    expect(xmr([])).toEqual({ judgeable: false, minimumPoints: 6, signals: [] });

    // minimumPoints 5 lets the same series through: mean 3, moving ranges all 1 → mR-bar 1,
    // limits 3 ± 2.66 = 5.66 and 0.34; 1..5 inside; 5-point rise < trend length 6 → no signals.
    const allowed = xmr(series([1, 2, 3, 4, 5]), { minimumPoints: 5 });
    expect(allowed.judgeable).toBe(true);
    expect(allowed.minimumPoints).toBe(5);
    expect(allowed.mean).toBe(3);
    expect(allowed.averageMovingRange).toBe(1);
    expect(allowed.upperLimit).toBeCloseTo(5.66, 10);
    expect(allowed.lowerLimit).toBeCloseTo(0.34, 10);
    expect(allowed.signals).toEqual([]);

    // A stricter caller (NHS-style 15 points) refuses 10 annual points.
    expect(xmr(series([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), { minimumPoints: 15 }).judgeable).toBe(false);
  });

  it('throws a RangeError for non-finite values, even in a series too short to judge', () => {
    expect(() => xmr(series([1, 2, Number.NaN, 4, 5, 6]))).toThrow(RangeError);
    expect(() => xmr(series([1, 2, 3, 4, 5, Number.POSITIVE_INFINITY]))).toThrow(RangeError);
    expect(() => xmr(series([Number.NEGATIVE_INFINITY]))).toThrow(RangeError);
  });

  it('throws a RangeError for nonsensical options', () => {
    const ok = series([1, 2, 3, 4, 5, 6]);
    expect(() => xmr(ok, { minimumPoints: 1 })).toThrow(RangeError);
    expect(() => xmr(ok, { runLength: 2.5 })).toThrow(RangeError);
    expect(() => xmr(ok, { trendLength: 0 })).toThrow(RangeError);
    expect(() => xmr(ok, { lowerBound: Number.NaN })).toThrow(RangeError);
    expect(() => xmr(ok, { lowerBound: 100, upperBound: 0 })).toThrow(RangeError);
  });
});

describe('xmr on real data: Renfrewshire CHN22 (child protection re-registrations, %)', () => {
  // 2012/13–2021/22: 12.04, 2.92, 5.04, 6.02, 5.67, 9.38, 11.88, 8.09, 11.71, 11.97
  // sum: 12.04+2.92 = 14.96; +5.04 = 20.00; +6.02 = 26.02; +5.67 = 31.69; +9.38 = 41.07; +11.88 = 52.95;
  //      +8.09 = 61.04; +11.71 = 72.75; +11.97 = 84.72 → mean = 84.72/10 = 8.472
  // moving ranges: 9.12, 2.12, 0.98, 0.35, 3.71, 2.50, 3.79, 3.62, 0.26
  //      sum 26.45 over 9 → mR-bar = 2.938889
  // 2.66 × 26.45/9 = 70.357/9 = 7.817444 → UCL = 16.289444, LCL = 0.654556
  // (bounds 0 and 100 for a percentage do not bite: 0 < 0.65 and 100 > 16.29)
  // beyond-limits: largest 12.04 < 16.29, smallest 2.92 > 0.65 → none.
  // sides of 8.472: a b b b b a a b a a → longest run 4 (indexes 1–4) → no run.
  // steps: − + + − + + − + + → longest trend 3 points (2.92,5.04,6.02 / 5.67,9.38,11.88 / 8.09,11.71,11.97)
  // → no trend. So no signal at all, and none at the latest point (2021/22, 11.97): common-cause variation.
  const hand = [12.04, 2.92, 5.04, 6.02, 5.67, 9.38, 11.88, 8.09, 11.71, 11.97];

  it('matches the published LGBF rows', () => {
    type Row = { LocalAuthority: string; IndicatorCode: string; Year: string; IndicatorCash_LA: string };
    const file = fileURLToPath(new URL('../../fixtures/renfrewshire/data/lgbf_data_table_cash.csv', import.meta.url));
    const rows = (parse(readFileSync(file), { columns: true, bom: true, skip_empty_lines: true }) as Row[]).filter(
      (row) => row.IndicatorCode === 'CHN22' && row.LocalAuthority === 'Renfrewshire' && row.IndicatorCash_LA !== '',
    );
    expect(rows.map((row) => row.Year)).toEqual([
      '2012-13', '2013-14', '2014-15', '2015-16', '2016-17', '2017-18', '2018-19', '2019-20', '2020-21', '2021-22',
    ]);
    expect(rows.map((row) => Math.round(Number(row.IndicatorCash_LA) * 10000) / 100)).toEqual(hand);
  });

  it('has mean 8.47, mR-bar 2.94, limits 0.65–16.29 and no signal at the latest point', () => {
    const points = hand.map((value, i) => ({ period: `${2012 + i}/${String(13 + i).padStart(2, '0')}`, value }));
    const result = xmr(points, { lowerBound: 0, upperBound: 100 });
    expect(result.judgeable).toBe(true);
    expect(result.mean!.toFixed(2)).toBe('8.47');
    expect(result.averageMovingRange!.toFixed(2)).toBe('2.94');
    expect(result.upperLimit!.toFixed(2)).toBe('16.29');
    expect(result.lowerLimit!.toFixed(2)).toBe('0.65');
    expect(result.mean).toBeCloseTo(8.472, 6);
    expect(result.averageMovingRange).toBeCloseTo(2.938889, 6);
    expect(result.upperLimit).toBeCloseTo(16.289444, 6);
    expect(result.lowerLimit).toBeCloseTo(0.654556, 6);
    expect(result.signals).toEqual([]);
    expect(result.latestSignal).toBeUndefined();
  });
});
