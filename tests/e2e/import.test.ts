// The Renfrewshire workspace holds the LGBF and ScotPHO files exactly as published (tests/reference/reference.test.ts
// checks them byte for byte). These tests check the report model against the raw source rows, read and ranked here
// independently of src/.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReportModel } from '../../src/analyse/index.js';
import { loadWorkspace } from '../../src/ingest/index.js';
import type { IndicatorSummary, ReportModel } from '../../src/model/index.js';
import { FIXTURES } from '../helpers/cli.js';
import { COUNCILS, LGBF_TABLE, SCOTPHO_EXTRACT } from '../reference/index.js';

const WORKSPACE = path.join(FIXTURES, 'renfrewshire');

type Row = Record<string, string>;

/** Children's family group 3 (LGBF's children, social work and housing grouping), as councils.csv lists it. */
const FAMILY_GROUP_3 = (parse(readFileSync(COUNCILS, 'utf8'), { columns: true, bom: true }) as Row[])
  .filter((c) => c.lgbf_family_group_children_social_work_housing === 'Family Group 3')
  .map((c) => c.local_authority_lgbf_name!);

const lgbfRows = parse(readFileSync(LGBF_TABLE, 'utf8'), { columns: true, bom: true }) as Row[];
const lgbf = (council: string, code: string, year: string) => lgbfRows.find((r) => r.LocalAuthority === council && r.IndicatorCode === code && r.Year === year)!;

/** Rank 1 is best; ties share a rank. */
function rank(values: { area: string; value: number }[], area: string, lowerIsBetter: boolean): number {
  const own = values.find((v) => v.area === area)!.value;
  return 1 + values.filter((v) => (lowerIsBetter ? v.value < own : v.value > own)).length;
}

let model: ReportModel;
const indicator = (id: string): IndicatorSummary => model.indicators.find((i) => i.id === id)!;

beforeAll(async () => {
  model = buildReportModel(await loadWorkspace(WORKSPACE));
});

describe('LGBF CHN22, child protection re-registrations within 18 months', () => {
  const row = lgbf('Renfrewshire', 'CHN22', '2021-22');
  const before = lgbf('Renfrewshire', 'CHN22', '2020-21');

  it('gives Renfrewshire’s 2021/22 share as a percentage, traced to its row', () => {
    const summary = indicator('CHN22');
    expect(summary.latest!.period).toBe('2021/22');
    expect(summary.latest!.value).toBeCloseTo(Number(row.IndicatorCash_LA) * 100, 9);
    const line = readFileSync(LGBF_TABLE, 'utf8').split('\n').findIndex((l) => l.startsWith(`${row['']},`)) + 1;
    // Named inside the workspace, however its path was typed.
    expect(summary.latest!.source).toEqual({ file: 'data/lgbf_data_table_cash.csv', line });
  });

  it('gives the change in percentage points, not per cent of per cent', () => {
    expect(indicator('CHN22').change).toBeCloseTo((Number(row.IndicatorCash_LA) - Number(before.IndicatorCash_LA)) * 100, 9);
  });

  it('compares with Scotland and the family-group average from the same row', () => {
    const [scotland, group] = indicator('CHN22').comparators;
    expect([scotland!.area, scotland!.value.value]).toEqual(['Scotland', expect.closeTo(Number(row.IndicatorCash_Scotland) * 100, 9)]);
    expect([group!.area, group!.value.value]).toEqual(['Family group 3', expect.closeTo(Number(row.IndicatorCash_FG) * 100, 9)]);
    expect(scotland!.position).toBe('worse');
  });

  it('ranks Renfrewshire within its family group and among the 32, lower being better', () => {
    const all = lgbfRows.filter((r) => r.IndicatorCode === 'CHN22' && r.Year === '2021-22' && r.IndicatorCash_LA !== '').map((r) => ({ area: r.LocalAuthority!, value: Number(r.IndicatorCash_LA) }));
    const group = all.filter((v) => FAMILY_GROUP_3.includes(v.area));
    expect(group).toHaveLength(8);
    expect(indicator('CHN22').ranks).toEqual({
      scotland: expect.objectContaining({ rank: rank(all, 'Renfrewshire', true), of: all.length }),
      familyGroup: expect.objectContaining({ rank: rank(group, 'Renfrewshire', true), of: 8 }),
    });
  });

  it('names the family group members and the peers in the model', () => {
    expect(model.comparison.familyGroup).toEqual({ number: 3, members: FAMILY_GROUP_3 });
    expect(model.comparison.peers).toEqual(['Inverclyde', 'East Renfrewshire', 'West Dunbartonshire']);
    expect(Object.keys(model.paper)).not.toContain('peers');
  });
});

describe('context indicators', () => {
  it('show their direction but no rank', () => {
    expect(indicator('CHN08a').ranks).toBeUndefined();
    expect(['up', 'down', 'no-change']).toContain(indicator('CHN08a').direction);
  });
});

describe('ScotPHO extract', () => {
  const rows = parse(readFileSync(SCOTPHO_EXTRACT, 'utf8'), { columns: true, bom: true }) as Row[];
  const scotpho = (name: string) => rows.find((r) => r.area_name === 'Renfrewshire' && r.indicator === name)!;

  it('gives the 31 July 2021 register and looked-after figures, with their counts', () => {
    const register = scotpho('Children on the child protection register');
    const lookedAfter = scotpho('Children looked after by local authority');
    expect(indicator('cp-register-rate').latest).toMatchObject({ period: '2020/21', value: Number(register.measure), numerator: Number(register.numerator) });
    expect(indicator('lac-rate').latest).toMatchObject({ period: '2020/21', value: Number(lookedAfter.measure), numerator: Number(lookedAfter.numerator) });
    expect([indicator('cp-register-rate').latest!.value, indicator('lac-rate').latest!.numerator]).toEqual([2.4, 587]);
  });

  it('lists the figures the source withheld for the partnership, not zeros', () => {
    const withheld = rows.filter((r) => r.area_name === 'Renfrewshire' && r.source_marker === 'NA');
    expect(model.suppressed).toHaveLength(withheld.length);
  });
});
