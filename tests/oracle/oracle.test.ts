// Sanity checks of the oracle against figures worked out by hand from the raw files (the working is in the
// comments), so the oracle can be trusted as the reference the end-to-end tests compare the PDFs with.
import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import {
  Fraction, changeDirection, changeText, comparePeriods, councilNamed, expectedPaper, fixed, parseGrade, parsePeriod,
  position, readWorkspaceRaw, roundHalfAway, scotphoPeriod, valueText, xmr, type IndicatorExpectation,
} from './index.js';

const fixture = (p: string) => fileURLToPath(new URL(`../../fixtures/${p}`, import.meta.url));
const RENFREWSHIRE = fixture('renfrewshire');
const ORKNEY = fixture('orkney');
const BENCHMARK = fixture('packs/benchmark-template');

const f = (s: string) => Fraction.parse(s);
const ints = (xs: number[]) => xs.map((x) => Fraction.int(x));
const indicator = (inds: IndicatorExpectation[], id: string) => {
  const found = inds.find((i) => i.id === id);
  if (!found) throw new Error(`no indicator ${id}`);
  return found;
};

const PCT_LOWER = { unit: 'percent', decimals: 1, polarity: 'lower-is-better' } as const;
const PCT_HIGHER = { unit: 'percent', decimals: 1, polarity: 'higher-is-better' } as const;
const GBP = { unit: 'gbp-per-week', decimals: 0, polarity: 'context' } as const;
const RATE = { unit: 'rate-per-1000-0-15', decimals: 1, polarity: 'context' } as const;
const RATE10K = { unit: 'rate-per-10000', decimals: 1, polarity: 'context' } as const;

describe('Fraction and rounding', () => {
  it('parses CSV decimals exactly', () => {
    expect(f('0.1824').eq(new Fraction(1824n, 10000n))).toBe(true);
    expect(f('8291.0').eq(Fraction.int(8291))).toBe(true);
    expect(f('14,738').eq(Fraction.int(14738))).toBe(true);
    expect(f('-0.65').eq(new Fraction(-13n, 20n))).toBe(true);
    expect(() => f('NA')).toThrow();
    expect(() => f('')).toThrow();
  });

  it('rounds half away from zero on the exact value', () => {
    expect(fixed(f('18.24').sub(f('2.19')), 1)).toBe('16.1'); // 16.05 exactly
    expect(fixed(f('-0.65'), 1)).toBe('−0.7');
    expect(fixed(f('-2.85'), 1)).toBe('−2.9');
    expect(fixed(f('-0.35'), 1)).toBe('−0.4');
    expect(fixed(f('0.25'), 1)).toBe('0.3');
    expect(fixed(f('2.5'), 0)).toBe('3');
    expect(roundHalfAway(f('-2.85'), 1).eq(f('-2.9'))).toBe(true);
    expect(roundHalfAway(f('1.049999'), 1).eq(f('1.0'))).toBe(true);
  });

  it('prints en-GB grouping and no sign on zero', () => {
    expect(fixed(f('1234.5'), 1)).toBe('1,234.5');
    expect(fixed(f('1234567.891'), 2)).toBe('1,234,567.89');
    expect(fixed(f('999.5'), 0)).toBe('1,000');
    expect(fixed(f('-0.04'), 1)).toBe('0.0');
    expect(fixed(f('11.97'), 1)).toBe('12.0');
  });
});

describe('values and changes as printed', () => {
  it('formats each unit', () => {
    expect(valueText(PCT_LOWER, f('11.97'))).toBe('12.0%');
    expect(valueText(RATE, f('2.4'), 'table')).toBe('2.4');
    expect(valueText(RATE, f('2.4'), 'prose')).toBe('2.4 per 1,000');
    expect(valueText(RATE10K, f('7.9'), 'prose')).toBe('7.9 per 10,000');
    expect(valueText(GBP, f('5134.9925'))).toBe('£5,135');
  });

  it('signs changes with U+2212 and none on a change that rounds to zero', () => {
    expect(changeText(PCT_LOWER, f('0.26'))).toBe('+0.3 pp');
    expect(changeText(PCT_LOWER, f('-1.11'))).toBe('−1.1 pp');
    expect(changeText(PCT_LOWER, f('-0.04'))).toBe('0.0 pp');
    expect(changeText(GBP, f('344.7827'))).toBe('+£345');
    expect(changeText(GBP, f('-21.919'))).toBe('−£22');
    expect(changeText(RATE, f('-0.35'))).toBe('−0.4');
  });

  it('judges direction on the rounded change', () => {
    expect(changeDirection(PCT_LOWER, f('0.26'))).toBe('worsening');
    expect(changeDirection(PCT_HIGHER, f('0.26'))).toBe('improving');
    expect(changeDirection(PCT_HIGHER, f('0.049'))).toBe('no-change'); // prints 0.0
    expect(changeDirection(PCT_HIGHER, f('-0.05'))).toBe('worsening'); // prints −0.1
    expect(changeDirection(GBP, f('-21.919'))).toBe('down');
  });

  it('compares positions as printed', () => {
    expect(position(PCT_HIGHER, f('91.24'), f('91.16'))).toBe('same'); // both 91.2
    expect(position(PCT_HIGHER, f('91.25'), f('91.24'))).toBe('better'); // 91.3 vs 91.2
    expect(position(PCT_LOWER, f('91.25'), f('91.24'))).toBe('worse');
    expect(position(GBP, f('356.6402'), f('402.5337'))).toBe('lower');
  });
});

describe('periods and names', () => {
  it('reads periods and orders a year after its quarters', () => {
    expect(parsePeriod('Q2 2022/23')).toEqual({ year: 2022, quarter: 2 });
    expect(parsePeriod('2018/2019')).toEqual({ year: 2018 });
    expect(parsePeriod('2021-22')).toEqual({ year: 2021 });
    expect(comparePeriods(parsePeriod('2021/22'), parsePeriod('2021/22 Q4'))).toBeGreaterThan(0);
    expect(comparePeriods(parsePeriod('2021/22'), parsePeriod('2022/23 Q1'))).toBeLessThan(0);
  });

  it('files ScotPHO periods under the financial year they close', () => {
    expect(scotphoPeriod('2021 July snapshot')).toEqual({ year: 2020 });
    expect(scotphoPeriod('2021/22 financial year')).toEqual({ year: 2021 });
    expect(scotphoPeriod('2017/18 school year')).toEqual({ year: 2017 });
    expect(scotphoPeriod('2021 calendar year')).toBeUndefined();
  });

  it('reconciles council spellings', () => {
    expect(councilNamed('City of Edinburgh')?.name).toBe('Edinburgh City');
    expect(councilNamed('Na h-Eileanan Siar')?.name).toBe('Eilean Siar');
    expect(councilNamed('Argyll and Bute')?.name).toBe('Argyll & Bute');
    expect(councilNamed('Scotland')).toBeUndefined();
  });

  it('reads grades in every accepted form', () => {
    expect(['5', 'Very good', ' very  GOOD ', '5 - Very good', 'Very good (5)'].map(parseGrade)).toEqual([5, 5, 5, 5, 5]);
    expect(parseGrade('unsatisfactory')).toBe(1);
    expect(() => parseGrade('5 - Good')).toThrow();
    expect(() => parseGrade('Very goood')).toThrow();
  });
});

describe('SPC (XmR), series built by hand', () => {
  it('is too short below 6 points', () => {
    expect(xmr(ints([1, 2, 3, 4, 5]), false)).toEqual({ judgeable: false, points: 5 });
  });

  it('beyond-limits up: nine 10s then 20', () => {
    // mean 110/10 = 11; mR-bar = 10/9; upper = 11 + 2.66·10/9 = 13.955…; lower 8.044…
    const s = xmr(ints([10, 10, 10, 10, 10, 10, 10, 10, 10, 20]), false);
    expect(s.mean!.eq(Fraction.int(11))).toBe(true);
    expect(s.averageMovingRange!.eq(new Fraction(10n, 9n))).toBe(true);
    expect([fixed(s.upper!, 1), fixed(s.lower!, 1)]).toEqual(['14.0', '8.0']);
    expect(s.latestSignal).toEqual({ rule: 'beyond-limits', direction: 'up', length: 1 });
  });

  it('beyond-limits down: nine 10s then 0', () => {
    // mean 9; lower = 9 − 2.66·10/9 = 6.044…; 0 is below it
    expect(xmr(ints([10, 10, 10, 10, 10, 10, 10, 10, 10, 0]), false).latestSignal).toEqual({ rule: 'beyond-limits', direction: 'down', length: 1 });
  });

  it('clamps limits at 0 and, for percentages, 100', () => {
    // mean 50, mR-bar 80: 50 ± 212.8
    const s = xmr(ints([90, 10, 90, 10, 90, 10]), true);
    expect(s.upper!.eq(Fraction.int(100))).toBe(true);
    expect(s.lower!.eq(Fraction.ZERO)).toBe(true);
    expect(xmr(ints([90, 10, 90, 10, 90, 10]), false).upper!.eq(f('262.8'))).toBe(true);
    expect(s.latestSignal).toBeUndefined();
  });

  it('rounds a mean of exactly x.x5 up', () => {
    // mean 6.3/6 = 1.05; mR-bar 0.06; upper 1.05 + 0.1596 = 1.2096; 1.3 is beyond it
    const s = xmr([...ints([1, 1, 1, 1, 1]), f('1.3')], true);
    expect([fixed(s.mean!, 1), fixed(s.upper!, 1), fixed(s.lower!, 1)]).toEqual(['1.1', '1.2', '0.9']);
    expect(s.latestSignal?.rule).toBe('beyond-limits');
  });

  it('run up of 7 and run down of 7 (true length of the stretch)', () => {
    // mean 33/13 ≈ 2.54, mR-bar 1, limits 0 … 5.20: the last seven (3s and 4s) sit above the mean
    expect(xmr(ints([1, 2, 1, 2, 1, 2, 3, 4, 3, 4, 3, 4, 3]), false).latestSignal).toEqual({ rule: 'run', direction: 'up', length: 7 });
    // mean 32/13 ≈ 2.46: the last seven (1s and 2s) sit below it
    expect(xmr(ints([4, 3, 4, 3, 4, 3, 2, 1, 2, 1, 2, 1, 2]), false).latestSignal).toEqual({ rule: 'run', direction: 'down', length: 7 });
  });

  it('a point on the mean breaks a run', () => {
    // mean exactly 3 (39/13): the 3 belongs to neither side, so the run is the last six, not seven
    expect(xmr(ints([1, 2, 1, 2, 1, 2, 3, 4, 5, 4, 5, 4, 5]), false).latestSignal).toEqual({ rule: 'run', direction: 'up', length: 6 });
    expect(xmr(ints([5, 4, 5, 4, 5, 4, 3, 2, 1, 2, 1, 2, 1]), false).latestSignal).toEqual({ rule: 'run', direction: 'down', length: 6 });
    // mean 33/11 = 3: five points above after the 3 are not a run; mR-bar 1.2, upper 6.19
    expect(xmr(ints([1, 2, 1, 2, 1, 3, 5, 4, 5, 4, 5]), false).latestSignal).toBeUndefined();
  });

  it('trend up and down of 7 points', () => {
    // 1…7 rising after a fall from 5; mean 49/12, upper 8.44, only 3 points above the mean
    expect(xmr(ints([5, 3, 5, 3, 5, 1, 2, 3, 4, 5, 6, 7]), false).latestSignal).toEqual({ rule: 'trend', direction: 'up', length: 7 });
    expect(xmr(ints([3, 5, 3, 5, 3, 7, 6, 5, 4, 3, 2, 1]), false).latestSignal).toEqual({ rule: 'trend', direction: 'down', length: 7 });
  });

  it('a trend counts points, not steps, and an equal value breaks it', () => {
    // 1,2,3,4,5,6: six points (five rises) is a trend
    expect(xmr(ints([5, 3, 5, 3, 5, 3, 1, 2, 3, 4, 5, 6]), false).latestSignal).toEqual({ rule: 'trend', direction: 'up', length: 6 });
    // 2,3,4,5,6: five points is not
    expect(xmr(ints([5, 3, 5, 3, 5, 3, 5, 2, 3, 4, 5, 6]), false).latestSignal).toBeUndefined();
    // 3,3 breaks it: 3,4,5,6 is four points
    expect(xmr(ints([5, 3, 5, 3, 5, 1, 2, 3, 3, 4, 5, 6]), false).latestSignal).toBeUndefined();
  });

  it('prefers beyond-limits to run, and run to trend', () => {
    // twelve 0s, five 1s, 10: run of six above mean 5/6, but 10 is beyond upper 2.40
    expect(xmr(ints([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 10]), false).latestSignal?.rule).toBe('beyond-limits');
    // 0,7…12 is a trend of seven; 7…12 a run of six above mean 87/14; upper 20.9
    expect(xmr(ints([0, 10, 0, 10, 0, 10, 0, 0, 7, 8, 9, 10, 11, 12]), false).latestSignal).toEqual({ rule: 'run', direction: 'up', length: 6 });
  });
});

describe('Renfrewshire (LGBF and ScotPHO files)', () => {
  const paper = expectedPaper(RENFREWSHIRE);

  it('reads CHN22 as a percentage and its change', () => {
    // LGBF rows 12122–12123: 0.1171 (2020-21), 0.1197 (2021-22); Scotland 0.0801; FG 0.0686
    const chn22 = indicator(paper.indicators, 'CHN22');
    expect(chn22.latest.period).toBe('2021/22');
    expect(chn22.latest.table).toBe('12.0%');
    expect(chn22.previous?.table).toBe('11.7%');
    expect(chn22.change!.eq(f('0.26'))).toBe(true);
    expect(chn22.changeText).toBe('+0.3 pp');
    expect(chn22.direction).toBe('worsening');
    expect(chn22.comparators.map((c) => `${c.area} ${c.text} ${c.position}`)).toEqual([
      'Scotland 8.0% worse', 'Family group 3 6.9% worse',
      'Inverclyde 10.5% worse', 'East Renfrewshire 0.0% worse', 'West Dunbartonshire 3.0% worse', // 10.45 → 10.5
    ]);
    // sorted 2021-22 values: 25 councils below 0.1197, none equal; in family group 3 six are below
    expect(chn22.ranks).toEqual({ scotland: { rank: 26, of: 32, tiedWith: [] }, familyGroup: { rank: 7, of: 8, tiedWith: [] } });
  });

  it('finds the run in CHN23 with exact arithmetic', () => {
    // sum of the 12 fractions 2.2543 → mean 18.785833…%; 2014-15 (18.77) and 2018-19 (18.76) are just below
    // it, so the last eight points are below: run down of 8. mR-bar 22.16/11; limits 13.4% … 24.1%.
    const chn23 = indicator(paper.indicators, 'CHN23');
    expect(chn23.spc.mean!.eq(f('225.43').div(Fraction.int(12)))).toBe(true);
    expect(chn23.spcText).toEqual({ mean: '18.8%', upper: '24.1%', lower: '13.4%' });
    expect(chn23.spc.latestSignal).toEqual({ rule: 'run', direction: 'down', length: 8 });
    expect(chn23.arrow).toBe('improving');
  });

  it('prints costs in pounds with context directions and no ranks', () => {
    // 356.6402 (2021-22) − 378.5592 (2020-21) = −21.919
    const chn08b = indicator(paper.indicators, 'CHN08b');
    expect([chn08b.latest.table, chn08b.previous?.table, chn08b.changeText, chn08b.direction]).toEqual(['£357', '£379', '−£22', 'down']);
    expect(chn08b.ranks).toBeUndefined();
  });

  it('files ScotPHO snapshots and leaves withheld figures out', () => {
    const register = indicator(paper.indicators, 'cp-register-rate');
    expect([register.latest.period, register.latest.table, register.latest.prose]).toEqual(['2020/21', '2.4', '2.4 per 1,000']);
    expect(register.spc.judgeable).toBe(false);
    expect(register.comparators.map((c) => `${c.area} ${c.text} ${c.position}`)).toEqual(['Inverclyde 2.5 lower', 'East Renfrewshire 0.4 higher', 'West Dunbartonshire 3.7 lower']);
    // East Renfrewshire's parental-substance figure is NA: no comparator, but listed as withheld
    expect(indicator(paper.indicators, 'cp-parental-substance-rate').comparators.map((c) => c.area)).toEqual(['Inverclyde', 'West Dunbartonshire']);
    expect(paper.raw.withheld).toContainEqual(expect.objectContaining({ indicator: 'cp-parental-substance-rate', area: 'East Renfrewshire', period: '2020/21' }));
  });

  it('grades, movement and capacity', () => {
    // grades.csv: 2.1 Good (2021/22 Q4) → Very good (2022/23 Q2); 3.1 Very Good → Good
    const qi = (id: string) => paper.qis.find((q) => q.qi === id)!;
    expect([qi('2.1').latest?.word, qi('2.1').previous?.word, qi('2.1').movement]).toEqual(['Very good', 'Good', 'up']);
    expect(qi('3.1').movement).toBe('down');
    expect(qi('2.1').gradedThisRound).toBe(true);
    // latest 22 grades: nine 5s, eleven 4s, two 3s = 95; 95/22 = 4.318…
    expect(paper.capacity.mean!.eq(new Fraction(95n, 22n))).toBe(true);
    expect([paper.capacity.meanText, paper.capacity.nearestGrade, paper.capacity.partnershipGrade]).toEqual(['4.3', 4, 4]);
  });

  it('question 1: four QIs graded Very good while CHN22 sits worse than the family group', () => {
    const q1 = paper.questions[0]!;
    expect(q1.triangulation.meanText).toBe('5.0');
    expect(q1.triangulation.code).toBe('grade-not-supported');
  });
});

describe('Orkney (dataset.csv)', () => {
  const paper = expectedPaper(ORKNEY);

  it('carries grades from an earlier round and says so', () => {
    // 4.1 and 8.2 have no 2021/22 Q4 row; their latest grades are from 2020/21 Q4
    const qi82 = paper.qis.find((q) => q.qi === '8.2')!;
    expect([qi82.latest?.period, qi82.latest?.word, qi82.gradedThisRound]).toEqual(['2020/21 Q4', 'Weak', false]);
  });

  it('question 2: evidence exactly 50% is not "too thin" (nearly ready)', () => {
    // QIs 5.3 (10 items), 5.4 (9), 2.1 (4), 2.2 (4), 1.1 (1) = 28; rows give held 4+4+1+1+0 = 10,
    // partial 3+2+1+1+1 = 8, missing 5, not recorded 28 − 23 = 5; (10 + 8/2)/28 = 1/2
    const q2 = paper.questions[1]!;
    expect([q2.evidence.held, q2.evidence.partial, q2.evidence.missing, q2.evidence.notRecorded, q2.evidence.total]).toEqual([10, 8, 5, 5, 28]);
    expect(q2.evidence.coverage!.eq(new Fraction(1n, 2n))).toBe(true);
    expect(q2.evidence.coverageText).toBe('50%');
    expect(q2.readiness.rating).toBe('nearly-ready');
  });

  it('takes comparators from dataset rows and ranks nothing without other councils', () => {
    const chn22 = indicator(paper.indicators, 'CHN22');
    expect(chn22.comparators.map((c) => `${c.area} ${c.text}`)).toEqual(['Scotland 8.0%', 'Family group 1 9.8%']);
    expect(chn22.ranks).toBeUndefined();
    expect([chn22.latest.table, chn22.changeText, chn22.direction]).toEqual(['0.0%', '0.0 pp', 'no-change']);
  });

  it('capacity: 68/22 → 3.1, nearest Adequate', () => {
    expect([paper.capacity.meanText, paper.capacity.nearestGrade]).toEqual(['3.1', 3]);
  });
});

describe('the 32-council pack (as at 2021/22)', () => {
  it('Aberdeen City CHN22: +16.05 exactly, beyond the upper limit', () => {
    // 0.1824 − 0.0219 = 0.1605 → 16.05 pp; series sum 63.87 → mean 6.387; mR-bar 38.71/9; upper 17.83
    const p = expectedPaper(BENCHMARK, { area: 'Aberdeen City', period: '2021/22', asAt: true });
    const chn22 = indicator(p.indicators, 'CHN22');
    expect(chn22.change!.eq(f('16.05'))).toBe(true);
    expect(chn22.changeText).toBe('+16.1 pp');
    expect(chn22.spcText).toEqual({ mean: '6.4%', upper: '17.8%', lower: '0.0%' });
    expect(chn22.spc.latestSignal).toEqual({ rule: 'beyond-limits', direction: 'up', length: 1 });
    expect(chn22.arrow).toBe('worsening');
  });

  it('ties share a rank', () => {
    // CHN22 2021-22: Dumfries & Galloway, East Renfrewshire, Eilean Siar and Orkney all 0.0
    const dg = indicator(expectedPaper(BENCHMARK, { area: 'Dumfries & Galloway', period: '2021/22', asAt: true }).indicators, 'CHN22');
    expect(dg.ranks?.scotland).toEqual({ rank: 1, of: 32, tiedWith: ['East Renfrewshire', 'Eilean Siar', 'Orkney Islands'] });
    // CHN23 2021-22: 24 councils below 0.208, then East Renfrewshire, Perth & Kinross, Scottish Borders
    const er = indicator(expectedPaper(BENCHMARK, { area: 'East Renfrewshire', period: '2021/22', asAt: true }).indicators, 'CHN23');
    expect(er.ranks?.scotland).toEqual({ rank: 25, of: 32, tiedWith: ['Perth & Kinross', 'Scottish Borders'] });
  });

  it('as at an earlier year, later figures and grades are left out', () => {
    const raw = readWorkspaceRaw(BENCHMARK, { area: 'Aberdeen City', period: '2020/21', asAt: true });
    expect(raw.figures.some((x) => x.period === '2021/22')).toBe(false);
    expect(raw.grades).toEqual([]); // the template's grades are 2021/22 Q4 and 2022/23 Q2
    expect(readWorkspaceRaw(BENCHMARK, { area: 'Aberdeen City', period: '2020/21' }).figures.some((x) => x.period === '2021/22')).toBe(true);
  });

  it('drops the workspace peers for another area unless given', () => {
    expect(readWorkspaceRaw(RENFREWSHIRE, { area: 'Inverclyde' }).peers).toEqual([]);
    expect(readWorkspaceRaw(RENFREWSHIRE, { area: 'Inverclyde', peers: ['City of Edinburgh'] }).peers).toEqual(['Edinburgh City']);
  });

  it('a 2021/22 Q4 paper keeps that year’s annual figures but not the next round’s grades', () => {
    const p = expectedPaper(RENFREWSHIRE, { period: '2021/22 Q4', asAt: true });
    expect(indicator(p.indicators, 'CHN22').latest.period).toBe('2021/22');
    const qi21 = p.qis.find((q) => q.qi === '2.1')!;
    expect([qi21.latest?.period, qi21.movement, qi21.gradedThisRound]).toEqual(['2021/22 Q4', 'first-grade', true]);
  });
});

describe('reading re-saved files', () => {
  it('reads grades.csv saved as UTF-16LE with tabs (Excel "Unicode Text") the same', () => {
    const dir = mkdtempSync(join(tmpdir(), 'oracle-'));
    try {
      cpSync(ORKNEY, dir, { recursive: true });
      const rows = parse(readFileSync(join(ORKNEY, 'grades.csv')), {}) as string[][];
      const tsv = rows.map((r) => r.map((c) => (/[\t"\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join('\t')).join('\r\n');
      writeFileSync(join(dir, 'grades.csv'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tsv, 'utf16le')]));
      expect(readWorkspaceRaw(dir).grades).toEqual(readWorkspaceRaw(ORKNEY).grades);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
