// Every word of the Renfrewshire, Orkney and synthetic SPC-signals papers, and of the two prepared for the later
// inspection models (at-risk-of-harm, model B; cso-at-home, model C), checked against the text the test
// rebuilds from the raw inputs and the templates' wording (tests/e2e/words), then their layout; and, written
// out where a reviewer can see them, the SPC and comparator cases the synthetic paper exists for.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { indicatorCatalogue } from '../../src/framework/index.js';
import { FIXTURES, qifReport, tempDir } from '../helpers/cli.js';
import { readCsv } from '../oracle/csv.js';
import { changeText, fixed, Fraction, valueText } from '../oracle/index.js';
import { paperWords } from './words/actual.js';
import { UNIT } from './words/labels.js';
import { workspaceInputs, type PaperInputs } from './words/inputs.js';
import { bookmarkProblems, expectedMarkers, markersOf, pageEndProblems } from './words/layout-checks.js';
import { mismatch } from './words/match.js';
import { expectedPaper } from './words/paper.js';
import { limitsAtEnd, runAtEnd, trendAtEnd } from './words/series-counts.js';

const WORKSPACES = ['renfrewshire', 'orkney', 'synthetic/spc-signals', 'at-risk-of-harm', 'cso-at-home'] as const;
type Workspace = (typeof WORKSPACES)[number];

const out = tempDir();
const pdfs = new Map<Workspace, string>();
const inputs = new Map<Workspace, PaperInputs>();

/** at-risk-of-harm is Orkney's workspace for the same period, so its paper is built in a run (and folder) of its own. */
const RUNS: readonly (readonly Workspace[])[] = [['renfrewshire', 'orkney', 'synthetic/spc-signals', 'cso-at-home'], ['at-risk-of-harm']];

beforeAll(() => {
  RUNS.forEach((run, index) => {
    const result = qifReport(['build', ...run.map((w) => path.join(FIXTURES, w)), '--out', path.join(out, String(index))]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    // build prints the papers' paths in the order the workspaces were given.
    const files = result.stdout.trim().split('\n');
    run.forEach((w, i) => {
      pdfs.set(w, files[i]!);
      inputs.set(w, workspaceInputs(path.join(FIXTURES, w)));
    });
  });
}, 180_000);

describe.each(WORKSPACES)('the %s paper', (workspace) => {
  it('prints, in reading order, exactly the words its templates give for its inputs, and nothing else', () => {
    const problem = mismatch(paperWords(pdfs.get(workspace)!), expectedPaper(inputs.get(workspace)!).pieces);
    if (problem) expect.fail(problem);
  });

  it('letters the recommendations and the background papers (a), (b) … in order', () => {
    expect(markersOf(pdfs.get(workspace)!)).toEqual(expectedMarkers(inputs.get(workspace)!));
  });

  it('ends no page on a heading, a table title or a line that introduces what follows', () => {
    expect(pageEndProblems(pdfs.get(workspace)!, inputs.get(workspace)!)).toEqual([]);
  });

  it('lands every bookmark at the left edge, level with its heading', () => {
    expect(bookmarkProblems(pdfs.get(workspace)!)).toEqual([]);
  });
});

/**
 * fixtures/synthetic/spc-signals/dataset.csv, oldest (2010/11) first to 2021/22: each series built so that one
 * SPC rule fires at the latest point. Earlier points see-saw so that the rule that fires is the one meant (no
 * run or trend reaches back into them) and so that the moving range, and the limits, are known.
 */
const SERIES = {
  // 8, 9 alternating, then 15: mean 9.0, mR-bar 1.5, upper limit 13.1. Lower is better, so worsening.
  CHN22: { values: '8 9 8 9 8 9 8 9 8 9 8 15', rule: 'limits', arrow: 'worsening' },
  // 90, 91 alternating, then 80: below the lower limit (84.7). Higher is better, so worsening.
  CHN09: { values: '90 91 90 91 90 91 90 91 90 91 90 80', rule: 'limits', arrow: 'worsening' },
  // The context measure: 5, 5.5 alternating, then 9, above the upper limit. Context, so just "up".
  'ird-rate': { values: '5 5.5 5 5.5 5 5.5 5 5.5 5 5.5 5 9', rule: 'limits', arrow: 'up' },
  // Five at 10, then seven at 12 or 12.5: the latest 7 above the mean (11.3), inside the limits. Lower is better.
  CHN23: { values: '10 10 10 10 10 12 12.5 12 12.5 12 12.5 12', rule: 'run', arrow: 'worsening' },
  // Six at 80, then six at 75 or 76: the latest 6 below the mean (77.8). Higher is better.
  'cppm-within-timescale': { values: '80 80 80 80 80 80 75 76 75 76 75 76', rule: 'run', arrow: 'worsening' },
  // See-saw 64, 76, then 70 to 75 rising: 6 points each above the last (70 is below the 76 before it).
  'lac-health-assessment': { values: '64 76 64 76 64 76 70 71 72 73 74 75', rule: 'trend', arrow: 'improving' },
  // See-saw 16, 4, then 10 to 5 falling: 6 points each below the last. Lower is better.
  'workforce-vacancy-rate': { values: '16 4 16 4 16 4 10 9 8 7 6 5', rule: 'trend', arrow: 'improving' },
} as const;

describe('the SPC-signals paper says each rule, each way, as the series written out here show', () => {
  const dir = path.join(FIXTURES, 'synthetic', 'spc-signals');
  const rows = readCsv(path.join(dir, 'dataset.csv'));
  const words = () => paperWords(pdfs.get('synthetic/spc-signals')!);
  const definition = (id: string) => indicatorCatalogue.find((d) => d.id === id)!;
  /** Appendix 5's paragraph for an indicator, from its definition to the end of its SPC sentence. */
  const paragraph = (id: string) => {
    const text = words();
    const start = text.indexOf(definition(id).definition);
    return text.slice(start, text.indexOf('. ', text.indexOf('at the latest point', start)) + 1);
  };

  it.each(Object.entries(SERIES))('%s: the dataset holds the series written out here', (id, s) => {
    const held = rows.filter((r) => r['indicator'] === id && r['area'] === 'Orkney Islands').map((r) => r['value']);
    expect(held.join(' ')).toBe(s.values);
  });

  const series = (id: keyof typeof SERIES) => SERIES[id].values.split(' ').map(Fraction.parse);

  it('a point beyond the limits: above the upper (CHN22, and the context measure ird-rate), below the lower (CHN09)', () => {
    expect([limitsAtEnd(series('CHN22')), limitsAtEnd(series('ird-rate')), limitsAtEnd(series('CHN09'))]).toEqual(['above the upper', 'above the upper', 'below the lower']);
    expect(paragraph('CHN22')).toContain('a signal at the latest point: the latest point lies above the upper limit.');
    expect(paragraph('ird-rate')).toContain('a signal at the latest point: the latest point lies above the upper limit.');
    expect(paragraph('CHN09')).toContain('a signal at the latest point: the latest point lies below the lower limit.');
  });

  it('a run: the latest 7 points above the mean (CHN23), the latest 6 below it (cppm-within-timescale)', () => {
    const above = runAtEnd(series('CHN23'));
    const below = runAtEnd(series('cppm-within-timescale'));
    expect(above).toEqual({ side: 'above', points: 7 });
    expect(below).toEqual({ side: 'below', points: 6 });
    expect(paragraph('CHN23')).toContain(`a signal at the latest point: the latest ${above.points} consecutive points all lie above the mean.`);
    expect(paragraph('cppm-within-timescale')).toContain(`a signal at the latest point: the latest ${below.points} consecutive points all lie below the mean.`);
  });

  it('a trend: 6 points each rising (lac-health-assessment), 6 each falling (workforce-vacancy-rate)', () => {
    const rising = trendAtEnd(series('lac-health-assessment'));
    const falling = trendAtEnd(series('workforce-vacancy-rate'));
    expect(rising).toEqual({ way: 'increasing', points: 6 });
    expect(falling).toEqual({ way: 'decreasing', points: 6 });
    expect(paragraph('lac-health-assessment')).toContain(`a signal at the latest point: the latest ${rising.points} consecutive points are all increasing.`);
    expect(paragraph('workforce-vacancy-rate')).toContain(`a signal at the latest point: the latest ${falling.points} consecutive points are all decreasing.`);
  });

  it.each(Object.entries(SERIES))('%s: the key-data table carries the signal’s arrow word, judged by the measure’s polarity', (id, s) => {
    const d = definition(id);
    const [previous, latest] = s.values.split(' ').slice(-2).map(Fraction.parse) as [Fraction, Fraction];
    expect(words()).toContain(`${d.title} ${UNIT[d.unit]} 2021/22 ${valueText(d, latest)} ${changeText(d, latest.sub(previous))} signal: ${s.arrow} `);
  });
});

describe('the SPC-signals paper compares figures as they print (14.95 and 15.04 against 15; 80.05 against 80)', () => {
  const rows = () => readCsv(path.join(FIXTURES, 'synthetic', 'spc-signals', 'dataset.csv'));
  const figure = (indicator: string, area: string) => rows().find((r) => r['indicator'] === indicator && r['area'] === area && r['period'] === '2021/22')!['value']!;

  it('calls 14.95 (Scotland) and 15.04 (family group) the same as 15: all three print 15.0%', () => {
    const printed = [figure('CHN22', 'Orkney Islands'), figure('CHN22', 'Scotland'), figure('CHN22', 'Family group')].map((v) => fixed(Fraction.parse(v), 1));
    expect(printed).toEqual(['15.0', '15.0', '15.0']);
    const words = paperWords(pdfs.get('synthetic/spc-signals')!);
    expect(words).toContain('Child protection re-registrations within 18 months per cent 2021/22 15.0% +7.0 pp signal: worsening 15.0% same 15.0% same –');
    expect(words).toContain('Child protection re-registrations within 18 months is worsening and level with the family group');
  });

  it('calls the partnership’s 80 worse than the family group’s 80.05: 80.0% against 80.1%, and higher is better', () => {
    expect([figure('CHN09', 'Orkney Islands'), figure('CHN09', 'Family group')].map((v) => fixed(Fraction.parse(v), 1))).toEqual(['80.0', '80.1']);
    const words = paperWords(pdfs.get('synthetic/spc-signals')!);
    expect(words).toContain('Looked-after children cared for in the community per cent 2021/22 80.0% −10.0 pp signal: worsening 80.0% same 80.1% worse –');
    expect(words).toContain('Looked-after children cared for in the community is worsening and worse than the family group');
  });
});
