// Checks every fixture dataset.csv against the real published files (kept in the repository: see
// tests/reference/README.md), row by row and in both directions (no figure altered or invented, none left
// out). Deliberately independent of fixtures/derive-datasets.ts: the source files are parsed and mapped again here.
import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { COUNCILS, LGBF_TABLE, SCOTPHO_EXTRACT } from './reference/index.js';

type Row = Record<string, string>;

const fixturesDir = fileURLToPath(new URL('../fixtures/', import.meta.url));

const LGBF_SOURCE = 'LGBF 2022-23 data table (Improvement Service)';
const SCOTPHO_SOURCE = 'ScotPHO children and young people profile, 2021 extract (Public Health Scotland)';
const HEADER = ['indicator', 'area', 'period', 'value', 'numerator', 'denominator', 'source'];

/** LGBF code → stored as a fraction (the dataset holds percentages). */
const LGBF_CODES: Record<string, boolean> = { CHN08a: false, CHN08b: false, CHN09: true, CHN22: true, CHN23: true };
const SCOTPHO_IDS: Record<string, string> = {
  'Children on the child protection register': 'cp-register-rate',
  'Children looked after by local authority': 'lac-rate',
  'Child protection with parental drug or alcohol misuse': 'cp-parental-substance-rate',
  "Children referred to the Children's Reporter for care and protection": 'reporter-referral-rate',
  'Looked after school leavers in positive destinations': 'lac-leavers-positive-destinations',
};
/** The period each ScotPHO period is filed under (a 31 July 2021 snapshot closes LGBF's 2020/21). */
const SCOTPHO_PERIODS: Record<string, string> = {
  '2021 July snapshot': '2020/21',
  '2021/22 financial year': '2021/22',
  '2017/18 school year': '2017/18',
};

function readCsv(file: string): Row[] {
  return parse(readFileSync(file), { columns: true, bom: true, skip_empty_lines: true }) as Row[];
}

function get(row: Row, column: string): string {
  const v = row[column];
  if (v === undefined) throw new Error(`no column ${column}`);
  return v.trim();
}

interface Expected {
  key: string;
  value: number;
  numerator: number | null;
  denominator: number | null;
  source: string;
}

function key(indicator: string, area: string, period: string): string {
  return `${indicator} | ${area} | ${period}`;
}

const num = (text: string): number | null => (text === '' ? null : Number(text));

/** Every row the dataset of `area` must contain, straight from the source files. */
function expectedRows(area: string): Map<string, Expected> {
  const out = new Map<string, Expected>();
  const put = (e: Expected) => {
    if (out.has(e.key)) throw new Error(`duplicate source row ${e.key}`);
    out.set(e.key, e);
  };

  for (const r of readCsv(LGBF_TABLE)) {
    const code = get(r, 'IndicatorCode');
    const fraction = LGBF_CODES[code];
    if (get(r, 'LocalAuthority') !== area || fraction === undefined) continue;
    const period = get(r, 'Year').replace('-', '/');
    const scale = fraction ? 100 : 1;
    const cols: [string, string, string | null, string | null][] = [
      [area, 'IndicatorCash_LA', 'NumeratorCash_LA', 'DenominatorCash_LA'],
      ['Scotland', 'IndicatorCash_Scotland', 'NumeratorCash_Scotland', 'DenominatorCash_Scotland'],
      ['Family group', 'IndicatorCash_FG', null, null],
    ];
    for (const [a, v, n, d] of cols) {
      const value = get(r, v);
      if (value === '') continue;
      put({
        key: key(code, a, period),
        value: Number(value) * scale,
        numerator: n ? num(get(r, n)) : null,
        denominator: d ? num(get(r, d)) : null,
        source: LGBF_SOURCE,
      });
    }
  }

  const council = readCsv(COUNCILS).find((c) => get(c, 'local_authority_lgbf_name') === area);
  if (!council) throw new Error(`${area} not in councils.csv`);
  const ons = get(council, 'local_authority_ons_name');
  for (const r of readCsv(SCOTPHO_EXTRACT)) {
    const id = SCOTPHO_IDS[get(r, 'indicator')];
    if (get(r, 'area_name') !== ons || !id) continue;
    if (get(r, 'source_marker') === 'NA') continue; // suppressed at source: must not appear
    const period = SCOTPHO_PERIODS[get(r, 'period')];
    if (!period) throw new Error(`unmapped ScotPHO period ${get(r, 'period')}`);
    put({ key: key(id, area, period), value: Number(get(r, 'measure')), numerator: num(get(r, 'numerator')), denominator: null, source: SCOTPHO_SOURCE });
  }
  return out;
}

const fixtures = readdirSync(fixturesDir, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(fixturesDir, d.name, 'dataset.csv')))
  .map((d) => d.name)
  .sort();

function load(fixture: string) {
  const report = JSON.parse(readFileSync(join(fixturesDir, fixture, 'report.json'), 'utf8')) as { area: string };
  const text = readFileSync(join(fixturesDir, fixture, 'dataset.csv'), 'utf8');
  const rows = readCsv(join(fixturesDir, fixture, 'dataset.csv'));
  const byKey = new Map<string, Row>();
  for (const r of rows) byKey.set(key(get(r, 'indicator'), get(r, 'area'), get(r, 'period')), r);
  return { area: report.area, text, rows, byKey };
}

function valueOf(byKey: Map<string, Row>, k: string): Row {
  const r = byKey.get(k);
  if (!r) throw new Error(`dataset has no row ${k}`);
  return r;
}

describe('fixture datasets are the published figures', () => {
  it('covers every fixture with a dataset.csv', () => {
    // Renfrewshire (and cso-at-home, from its files) imports the published files from its data/ folder instead
    // (tests/import.test.ts); at-risk-of-harm is Orkney's workspace prepared for model B, its dataset.csv the same.
    expect(fixtures).toEqual(['at-risk-of-harm', 'orkney']);
  });

  for (const fixture of fixtures) {
    describe(fixture, () => {
      const { area, text, rows, byKey } = load(fixture);
      const expected = expectedRows(area);

      it('has the agreed header and no duplicate rows', () => {
        expect(text.split('\n')[0]).toBe(HEADER.join(','));
        expect(byKey.size).toBe(rows.length);
      });

      it('every row equals its source row', () => {
        for (const r of rows) {
          const k = key(get(r, 'indicator'), get(r, 'area'), get(r, 'period'));
          const e = expected.get(k);
          expect(e, `row with no source: ${k}`).toBeDefined();
          if (!e) continue;
          expect(Number(get(r, 'value')), `${k} value`).toBeCloseTo(e.value, 9);
          expect(num(get(r, 'numerator')), `${k} numerator`).toBe(e.numerator);
          expect(num(get(r, 'denominator')), `${k} denominator`).toBe(e.denominator);
          expect(get(r, 'source'), `${k} source`).toBe(e.source);
        }
      });

      it('leaves out no source row', () => {
        const missing = [...expected.keys()].filter((k) => !byKey.has(k));
        expect(missing).toEqual([]);
        expect(rows.length).toBe(expected.size);
      });

      it('writes numbers plainly', () => {
        for (const r of rows) {
          for (const c of ['value', 'numerator', 'denominator']) {
            const v = get(r, c);
            if (c === 'value' || v !== '') expect(v, `${c} ${JSON.stringify(v)}`).toMatch(/^-?(0|[1-9]\d*)(\.\d*[1-9])?$/);
          }
        }
      });

      it('is sorted by indicator, area (council, Scotland, family group) and period', () => {
        const rank = (a: string) => (a === area ? 0 : a === 'Scotland' ? 1 : a === 'Family group' ? 2 : 3);
        const keys = rows.map((r) => [get(r, 'indicator'), rank(get(r, 'area')), get(r, 'period')] as const);
        const sorted = [...keys].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1] || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0)));
        expect(keys).toEqual(sorted);
        expect(rows.every((r) => rank(get(r, 'area')) < 3)).toBe(true);
      });
    });
  }
});

describe('known figures', () => {
  const orkney = load('orkney').byKey;

  it('Orkney CHN09 2021/22: 70.59% (source 0.7059), Scotland 89.81%, family group 84.50375%', () => {
    expect(get(valueOf(orkney, key('CHN09', 'Orkney Islands', '2021/22')), 'value')).toBe('70.59');
    expect(get(valueOf(orkney, key('CHN09', 'Scotland', '2021/22')), 'value')).toBe('89.81');
    expect(get(valueOf(orkney, key('CHN09', 'Family group', '2021/22')), 'value')).toBe('84.50375');
  });

  it("Orkney's suppressed ScotPHO figures are absent, not zero", () => {
    for (const id of ['cp-register-rate', 'cp-parental-substance-rate', 'lac-leavers-positive-destinations']) {
      expect([...orkney.keys()].filter((k) => k.startsWith(`${id} |`))).toEqual([]);
    }
    expect(get(valueOf(orkney, key('lac-rate', 'Orkney Islands', '2020/21')), 'numerator')).toBe('38');
  });
});
