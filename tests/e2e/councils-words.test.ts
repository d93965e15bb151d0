// The 32-council agenda pack (fixtures/packs/all-councils-2021-22.pack.json): every word of each council's
// paper checked against the text the test rebuilds from the raw inputs and the templates' wording, its layout,
// and the LGBF changes whose rounding goes wrong with floating point.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { councils, indicatorCatalogue } from '../../src/framework/index.js';
import { FIXTURES, qifReport, tempDir } from '../helpers/cli.js';
import { changeText, Fraction, valueText } from '../oracle/index.js';
import { paperWords } from './words/actual.js';
import { packPaperInputs, type PaperInputs } from './words/inputs.js';
import { UNIT } from './words/labels.js';
import { bookmarkProblems, expectedMarkers, markersOf, pageEndProblems } from './words/layout-checks.js';
import { mismatch } from './words/match.js';
import { expectedPaper } from './words/paper.js';

const PACK = path.join(FIXTURES, 'packs', 'all-councils-2021-22.pack.json');
const PERIOD = '2021/22';

/** One paper a council, numbered 1.1 … 1.32 in the framework's order of councils (README, "Agenda packs"). */
const PAPERS = councils.map((c, i) => ({ council: c.name, item: `1.${i + 1}` }));

const out = tempDir();
const files = new Map<string, string>();
const inputsOf = (council: string, item: string): PaperInputs => packPaperInputs(PACK, { workspace: 'benchmark-template', item, area: council, period: PERIOD });

beforeAll(() => {
  const result = qifReport(['pack', PACK, '--out', out, '--jobs', '2']);
  expect(result.status, result.stderr).toBe(0);
  // The manifest names each item's paper, so the test does not guess the file names.
  const dir = path.join(out, 'all-councils-2021-22');
  const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { items: { item: string; output?: { path: string } }[] };
  for (const item of manifest.items) if (item.output) files.set(item.item, path.join(dir, item.output.path));
}, 300_000);

describe('each council’s paper in the 32-council pack', () => {
  it.each(PAPERS)('$council (item $item) prints exactly the words its templates give for its inputs, and nothing else', ({ council, item }) => {
    const problem = mismatch(paperWords(files.get(item)!), expectedPaper(inputsOf(council, item)).pieces);
    if (problem) expect.fail(problem);
  });

  it.each(PAPERS)('$council (item $item) letters its lists in order and ends no page on a heading or a lead-in', ({ council, item }) => {
    const inputs = inputsOf(council, item);
    expect(markersOf(files.get(item)!)).toEqual(expectedMarkers(inputs));
    expect(pageEndProblems(files.get(item)!, inputs)).toEqual([]);
  });

  it.each(PAPERS)('$council (item $item) lands every bookmark at the left edge, level with its heading', ({ item }) => {
    expect(bookmarkProblems(files.get(item)!)).toEqual([]);
  });
});

/**
 * 2021/22 changes whose exact value sits on a half (16.05, −0.65, −2.85, −0.35 percentage points) and which a
 * binary float rounds the wrong way: each is first worked out here from the LGBF rows themselves.
 */
describe('changes that sit on a half are rounded half away from zero, from the raw LGBF rows', () => {
  const lgbf = parse(readFileSync(path.join(FIXTURES, 'packs', 'benchmark-template', 'data', 'lgbf_data_table_cash.csv'), 'utf8'), { columns: true, bom: true }) as Record<string, string>[];
  const share = (council: string, code: string, year: string) => Fraction.parse(lgbf.find((r) => r['LocalAuthority'] === council && r['IndicatorCode'] === code && r['Year'] === year)!['IndicatorCash_LA']!).mul(Fraction.int(100));

  const CASES = [
    { council: 'Aberdeen City', code: 'CHN22', exact: '16.05', printed: '+16.1 pp' },
    { council: 'East Ayrshire', code: 'CHN23', exact: '-0.65', printed: '−0.7 pp' },
    { council: 'North Ayrshire', code: 'CHN23', exact: '-2.85', printed: '−2.9 pp' },
    { council: 'North Lanarkshire', code: 'CHN22', exact: '-0.35', printed: '−0.4 pp' },
  ];

  it.each(CASES)('$council $code: 2021/22 less 2020/21 is exactly $exact points, printed $printed', ({ council, code, exact, printed }) => {
    const latest = share(council, code, '2021-22');
    const change = latest.sub(share(council, code, '2020-21'));
    expect(change.eq(Fraction.parse(exact))).toBe(true);
    const d = indicatorCatalogue.find((i) => i.id === code)!;
    expect(changeText(d, change)).toBe(printed);
    const item = PAPERS.find((p) => p.council === council)!.item;
    expect(paperWords(files.get(item)!)).toContain(`${d.title} ${UNIT[d.unit]} 2021/22 ${valueText(d, latest)} ${printed} `);
  });
});
