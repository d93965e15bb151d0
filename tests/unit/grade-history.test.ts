// Grades over time (issue 13, item 5): each QI's grade in every round held, in the report model and in the
// rows of Table 4. Expected values are worked out here from the raw rows of fixtures/orkney/grades.csv, read
// with csv-parse, never from the code under test.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReportModel } from '../../src/analyse/index.js';
import { qualityIndicators } from '../../src/framework/index.js';
import { loadWorkspace } from '../../src/ingest/index.js';
import type { GradeInRound, ReportModel } from '../../src/model/index.js';
import { historyParts } from '../../src/render/blocks/history-rows.js';
import { ROUNDS_PER_PART, splitRounds } from '../../src/render/grade-history.js';
import { loadTemplates, type PaperTemplates } from '../../src/render/index.js';
import { FIXTURES, orkneyWithOneBadRow } from '../helpers/cli.js';

const ORKNEY = path.join(FIXTURES, 'orkney');

type Row = Record<string, string>;
const rowsOf = (dir: string): Row[] => parse(readFileSync(path.join(dir, 'grades.csv')), { columns: true, bom: true, skip_empty_lines: true }) as Row[];

const WORDS = ['', 'Unsatisfactory', 'Weak', 'Adequate', 'Good', 'Very good', 'Excellent'];
const gradeOf = (text: string) => {
  const word = WORDS.findIndex((w) => w.toLowerCase() === text.trim().toLowerCase());
  return word > 0 ? word : Number(text);
};
/** "2021/22 Q4" → 20214, to order rounds; the fixture's periods are all of that form. */
const roundKey = (text: string) => {
  const match = /^(\d{4})\/\d{2} Q(\d)$/.exec(text.trim());
  if (!match) throw new Error(`unexpected period ${text}`);
  return Number(match[1]) * 10 + Number(match[2]);
};
const roundsIn = (rows: readonly Row[]) => [...new Set(rows.map((row) => row.period!))].sort((a, b) => roundKey(a) - roundKey(b));

/** A QI's history as the rows give it: its grade in each round, else not regraded (graded before) or not graded. */
function expectedHistory(rows: readonly Row[], qi: string, rounds: readonly string[]): Partial<GradeInRound>[] {
  const lineOf = (row: Row) => rows.indexOf(row) + 2; // the header is line 1; the fixture has no multi-line cells
  return rounds.map((period) => {
    const row = rows.find((r) => r.qi === qi && r.period === period);
    if (row) return { period, status: 'graded', grade: gradeOf(row.grade!), word: WORDS[gradeOf(row.grade!)], source: { file: 'grades.csv', line: lineOf(row) } };
    const before = rows.some((r) => r.qi === qi && roundKey(r.period!) < roundKey(period));
    return { period, status: before ? 'not-regraded' : 'not-graded' };
  });
}

describe('grades over time in the report model, Orkney (three rounds)', () => {
  const rows = rowsOf(ORKNEY);
  const rounds = roundsIn(rows);
  let model: ReportModel;
  beforeAll(async () => {
    model = buildReportModel(await loadWorkspace(ORKNEY));
  });

  it('lists every round held, oldest first: 2019/20 Q4, 2020/21 Q4, 2021/22 Q4', () => {
    expect(rounds).toEqual(['2019/20 Q4', '2020/21 Q4', '2021/22 Q4']);
    expect(model.periods.rounds).toEqual(rounds);
  });

  it('gives every QI (the 22 and area 10) its grade in each round, the first of the three included', () => {
    expect(model.qis.map((qi) => qi.id)).toEqual(qualityIndicators.map((qi) => qi.id));
    for (const qi of model.qis) expect(qi.history, `QI ${qi.id}`).toEqual(expectedHistory(rows, qi.id, rounds));
  });

  it('holds the first round’s grades, which the latest-and-previous view never showed', () => {
    const first = rows.filter((row) => row.period === rounds[0]);
    expect(first).toHaveLength(23);
    for (const row of first) expect(model.qis.find((qi) => qi.id === row.qi)!.history[0]).toMatchObject({ period: rounds[0], status: 'graded', grade: gradeOf(row.grade!) });
  });

  it('marks 4.1 and 8.2, graded before but not in 2021/22 Q4, as not regraded in that round', () => {
    const missing = qualityIndicators.map((qi) => qi.id).filter((id) => !rows.some((row) => row.qi === id && row.period === rounds[2]));
    expect(missing).toEqual(['4.1', '8.2']);
    for (const id of missing) expect(model.qis.find((qi) => qi.id === id)!.history[2]).toEqual({ period: rounds[2], status: 'not-regraded' });
  });

  it('is plain JSON, as --format json writes it', () => {
    expect(JSON.parse(JSON.stringify(model.qis.map((qi) => qi.history)))).toEqual(model.qis.map((qi) => qi.history));
  });
});

describe('grades over time as at an earlier period (a pack paper)', () => {
  it('shows only the rounds up to that period', async () => {
    const rows = rowsOf(ORKNEY);
    const rounds = roundsIn(rows).filter((period) => roundKey(period) <= roundKey('2020/21 Q4'));
    expect(rounds).toEqual(['2019/20 Q4', '2020/21 Q4']);
    const model = buildReportModel(await loadWorkspace(ORKNEY, { overrides: { period: { startYear: 2020, quarter: 4 } } }));
    expect(model.periods.rounds).toEqual(rounds);
    for (const qi of model.qis) expect(qi.history, `QI ${qi.id}`).toEqual(expectedHistory(rows, qi.id, rounds));
  });
});

describe('grades over time in a lenient build', () => {
  it('says the round whose grade row was rejected was rejected, with its line, not that the QI was not regraded', async () => {
    const { workspace, line } = orkneyWithOneBadRow();
    const rows = rowsOf(workspace);
    const bad = rows[line - 2]!;
    expect([bad.period, bad.qi, bad.grade]).toEqual(['2021/22 Q4', '5.1', 'Goood']);
    const model = buildReportModel(await loadWorkspace(workspace, { lenient: true }));
    const history = model.qis.find((qi) => qi.id === '5.1')!.history;
    const good = rows.filter((row) => row !== bad);
    expect(history.slice(0, 2)).toEqual(expectedHistory(good, '5.1', roundsIn(rows).slice(0, 2)));
    expect(history[2]).toEqual({ period: '2021/22 Q4', status: 'rejected', source: { file: 'grades.csv', line } });
  });
});

describe('Table 4 cut into parts to fit an A4 page', () => {
  it.each(Array.from({ length: 21 }, (_, n) => n))('%i rounds: the fewest parts of at most the limit, near-equal, in order, none lost', (n) => {
    const rounds = Array.from({ length: n }, (_, i) => i);
    const parts = splitRounds(rounds);
    expect(parts.flat()).toEqual(rounds);
    expect(parts).toHaveLength(Math.ceil(n / ROUNDS_PER_PART));
    const sizes = parts.map((part) => part.length);
    for (const size of sizes) expect(size).toBeLessThanOrEqual(ROUNDS_PER_PART);
    if (n > 0) expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  });
});

describe('the rows of Table 4', () => {
  let templates: PaperTemplates;
  let model: ReportModel;
  beforeAll(async () => {
    templates = await loadTemplates();
    model = buildReportModel(await loadWorkspace(ORKNEY));
  });
  const context = (m: ReportModel) => ({ model: m, labels: templates.labels, fill: templates.fill, charts: new Map() });

  it('Orkney: one table titled with its rounds, a row per QI with each round’s grade word or "Not regraded"', () => {
    const rows = rowsOf(ORKNEY);
    const parts = historyParts(context(model));
    expect(parts.map((part) => [part.title, part.rounds])).toEqual([['Table 4: Self-evaluated grades in each round, 2019/20 Q4 to 2021/22 Q4', roundsIn(rows)]]);
    for (const row of parts[0]!.rows) {
      const expected = expectedHistory(rows, row.qi, roundsIn(rows)).map((cell) => (cell.status === 'graded' ? cell.word : 'Not regraded'));
      expect(row.cells.map((cell) => cell.text), `QI ${row.qi}`).toEqual(expected);
    }
  });

  it('eight rounds: two parts of four, the second titled as continued, each QI’s cells in its rounds', () => {
    const periods = ['2014/15 Q4', '2015/16 Q4', '2016/17 Q4', '2017/18 Q4', '2018/19 Q4', '2019/20 Q4', '2020/21 Q4', '2021/22 Q4'];
    const history = (qi: number) => periods.map((period, i): GradeInRound => (i === 2 ? { period, status: 'rejected', source: { file: 'grades.csv', line: 40 + qi } } : i === 0 ? { period, status: 'not-graded' } : { period, status: 'graded', grade: ((i + qi) % 6) + 1, word: WORDS[((i + qi) % 6) + 1] }));
    const eight: ReportModel = { ...model, periods: { ...model.periods, rounds: periods }, qis: model.qis.map((qi, index) => ({ ...qi, history: history(index) })) };
    const parts = historyParts(context(eight));
    expect(parts.map((part) => [part.title, part.rounds])).toEqual([
      ['Table 4: Self-evaluated grades in each round, 2014/15 Q4 to 2017/18 Q4', periods.slice(0, 4)],
      ['Table 4 (continued): Self-evaluated grades in each round, 2018/19 Q4 to 2021/22 Q4', periods.slice(4)],
    ]);
    const words = (qi: number) => periods.map((_, i) => (i === 2 ? `Rejected (line ${40 + qi})` : i === 0 ? 'Not graded' : WORDS[((i + qi) % 6) + 1]));
    for (const part of parts) expect(part.rows.map((row) => row.qi)).toEqual(qualityIndicators.map((qi) => qi.id));
    parts.forEach((part, p) => part.rows.forEach((row, index) => expect(row.cells.map((cell) => cell.text)).toEqual(words(index).slice(p * 4, p * 4 + 4))));
  });
});
