// `qif-report init`, run in-process: what it refuses (exit 2, one line, nothing written), how it writes (all the
// files or none, the same bytes each time), and the next round (--from) against the Orkney fixture's own rows.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { fillNewFolder } from '../../src/files/write-file.js';
import { copyFixture, FIXTURES, tempDir } from '../helpers/cli.js';
import { readCsvRows } from '../helpers/workspace-csv.js';

async function init(...args: string[]): Promise<{ status: number; stdout: string; lines: string[] }> {
  let stdout = '';
  let stderr = '';
  const status = await run(['init', ...args], { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { status, stdout, lines: stderr.split('\n').filter((line) => line !== '') };
}

/** Everything under a folder, as paths inside it. */
const tree = (folder: string): string[] =>
  readdirSync(folder, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? [`${entry.name}/`, ...tree(path.join(folder, entry.name)).map((inner) => `${entry.name}/${inner}`)] : [entry.name])).sort();

const csvRows = (file: string) => parse(readFileSync(file), { bom: true, columns: true }) as Record<string, string>[];

describe('init --help', () => {
  it('describes the folder and the options', async () => {
    const help = await init('--help');
    expect(help.status).toBe(0);
    for (const option of ['<folder>', '--area <council>', '--period <period>', '--from <workspace>']) expect(help.stdout).toContain(option);
  });
});

describe('init refuses, with one line and nothing written', () => {
  it('a folder that already has files in it', async () => {
    const folder = tempDir();
    writeFileSync(path.join(folder, 'notes.txt'), 'mine');
    const result = await init(folder, '--area', 'Fife', '--period', '2023/24 Q2');
    expect(result.status).toBe(2);
    expect(result.lines).toEqual([`${folder}: the folder already has files in it (notes.txt); expected a new folder, or an empty one: init never writes over files`]);
    expect(tree(folder)).toEqual(['notes.txt']);
  });

  it('an area that is no council, with the council meant', async () => {
    const parent = tempDir();
    const result = await init(path.join(parent, 'ws'), '--area', 'Fyfe', '--period', '2023/24 Q2');
    expect(result.status).toBe(2);
    expect(result.lines).toEqual(['--area: "Fyfe" is not a Scottish council (did you mean Fife?); expected one of the 32 councils, e.g. Fife, "City of Edinburgh" or "Na h-Eileanan Siar"']);
    expect(tree(parent)).toEqual([]);
  });

  it('no area and no earlier workspace', async () => {
    const parent = tempDir();
    const result = await init(path.join(parent, 'ws'), '--period', '2023/24 Q2');
    expect(result.status).toBe(2);
    expect(result.lines).toEqual(['--area: no council is given; expected --area and the council, e.g. --area Fife; or --from and an earlier workspace, to start its next round']);
    expect(tree(parent)).toEqual([]);
  });

  it('a period that is not one, and both problems at once', async () => {
    const parent = tempDir();
    const result = await init(path.join(parent, 'ws'), '--area', 'Fyfe', '--period', '2023/25');
    expect(result.status).toBe(2);
    expect(result.lines).toEqual([
      '--area: "Fyfe" is not a Scottish council (did you mean Fife?); expected one of the 32 councils, e.g. Fife, "City of Edinburgh" or "Na h-Eileanan Siar"',
      '--period: "2023/25" is not a reporting period; expected a financial year such as 2018/19, optionally with a quarter: 2018/19 Q1',
    ]);
    expect(tree(parent)).toEqual([]);
  });

  it('a folder under a file', async () => {
    const parent = tempDir();
    writeFileSync(path.join(parent, 'file'), 'x');
    const target = path.join(parent, 'file', 'ws');
    const result = await init(target, '--area', 'Fife', '--period', '2023/24');
    expect(result.status).toBe(2);
    expect(result.lines).toEqual([`${target}: the workspace folder cannot be made: ${path.join(parent, 'file')} is a file, not a folder; expected a new folder, or an empty one, where you can write (qif-report init <folder>)`]);
    expect(tree(parent)).toEqual(['file']);
  });

  it('a folder where nothing can be written', async () => {
    const result = await init('/proc/qif-report-init', '--area', 'Fife', '--period', '2023/24');
    expect(result.status).toBe(2);
    expect(result.lines).toEqual(['/proc/qif-report-init: the workspace folder cannot be made in /proc: the system lets no folder be made there; expected a new folder, or an empty one, where you can write (qif-report init <folder>)']);
  });

  it('--from a workspace that cannot be read, with its problems where they are', async () => {
    const from = copyFixture('orkney');
    const grades = path.join(from, 'grades.csv');
    writeFileSync(grades, readFileSync(grades, 'utf8').replace('2021/22 Q4,5.1,Good,', '2021/22 Q4,5.1,Goood,'));
    const line = readFileSync(grades, 'utf8').split('\n').findIndex((text) => text.startsWith('2021/22 Q4,5.1,Goood,')) + 1;
    const parent = tempDir();
    const result = await init(path.join(parent, 'next'), '--from', from, '--period', '2022/23 Q2');
    expect(result.status).toBe(2);
    expect(result.lines).toEqual([expect.stringMatching(new RegExp(`^${grades.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:${line}:3: grade "Goood" is not valid \\(did you mean Good\\?\\)`))]);
    expect(tree(parent)).toEqual([]);
  });

  it('--from with a period that is not later than the earlier round’s', async () => {
    const parent = tempDir();
    for (const period of ['2021/22 Q4', '2021/22 Q2', '2020/21']) {
      const result = await init(path.join(parent, 'next'), '--from', path.join(FIXTURES, 'orkney'), '--period', period);
      expect(result.status).toBe(2);
      expect(result.lines).toEqual([`--period: ${period} is not after 2021/22 Q4, the period of ${path.join(FIXTURES, 'orkney', 'report.json')}; expected the round after the one the workspace reports, e.g. 2022/23 Q1`]);
    }
    expect(tree(parent)).toEqual([]);
  });

  it('--from with another area', async () => {
    const parent = tempDir();
    const result = await init(path.join(parent, 'next'), '--from', path.join(FIXTURES, 'orkney'), '--area', 'Shetland', '--period', '2022/23 Q2');
    expect(result.status).toBe(2);
    expect(result.lines).toEqual([`--area: Shetland Islands is not the area of ${path.join(FIXTURES, 'orkney', 'report.json')}, "Orkney Islands"; expected the earlier round's area, or no --area: the next round keeps it`]);
    expect(tree(parent)).toEqual([]);
  });
});

describe('init writes', () => {
  it('report.json, grades.csv, evidence.csv and data/README.txt, and lists them', async () => {
    const folder = path.join(tempDir(), 'fife');
    const result = await init(folder, '--area', 'Fife', '--period', '2023/24 Q2');
    expect(result.status).toBe(0);
    expect(result.lines).toEqual([]);
    expect(result.stdout.trim().split('\n').sort()).toEqual(['data/README.txt', 'evidence.csv', 'grades.csv', 'report.json'].map((name) => path.join(folder, name)));
    expect(tree(folder)).toEqual(['data/', 'data/README.txt', 'evidence.csv', 'grades.csv', 'report.json']);
    // The contract's headers, with a byte-order mark so Excel opens ’ and “ ” as they are.
    expect(readFileSync(path.join(folder, 'grades.csv'), 'utf8').split('\n')[0]).toBe('\uFEFFperiod,qi,title,grade,evaluated_on,strengths,areas_for_improvement');
    expect(readFileSync(path.join(folder, 'evidence.csv'), 'utf8').split('\n')[0]).toBe('\uFEFFqi,item_number,item,status,reviewed_on,reference');
    // The CSV reads back as written: QI titles and items with commas and quotes stay in their cells.
    expect(csvRows(path.join(folder, 'grades.csv'))[0]).toEqual({ period: '2023/24 Q2', qi: '1.1', title: 'Improvements in the safety, wellbeing and life chances of vulnerable children and young people', grade: '', evaluated_on: '', strengths: '', areas_for_improvement: '' });
    expect(csvRows(path.join(folder, 'evidence.csv')).find((row) => row.qi === '6.5' && row.item_number === '5')!.item).toBe('Learning from "Plan do Study Act Test of change"');
    const readme = readFileSync(path.join(folder, 'data', 'README.txt'), 'utf8');
    expect(readme).toContain('lgbf_data_table_cash.csv');
    expect(readme).toContain('ScotPHO');
    expect(readme).toContain('indicator,area,period,value,numerator,denominator,source');
  });

  it('into an empty folder that is there, keeping it', async () => {
    const folder = tempDir();
    const before = statSync(folder).ino;
    expect((await init(folder, '--area', 'Orkney', '--period', '2023/24')).status).toBe(0);
    expect(statSync(folder).ino).toBe(before);
    expect(tree(folder)).toEqual(['data/', 'data/README.txt', 'evidence.csv', 'grades.csv', 'report.json']);
    expect(readdirSync(path.dirname(folder)).filter((name) => name.includes(path.basename(folder)) && name !== path.basename(folder))).toEqual([]);
  });

  it('the same bytes each time', async () => {
    const [a, b] = [path.join(tempDir(), 'a'), path.join(tempDir(), 'b')];
    await init(a, '--area', 'Highland', '--period', '2023/24 Q1');
    await init(b, '--area', 'highland', '--period', 'Q1 2023-24');
    for (const file of tree(a).filter((name) => !name.endsWith('/'))) expect(readFileSync(path.join(b, file)), file).toEqual(readFileSync(path.join(a, file)));
  });

  it('all the files or none: a failure while writing leaves no folder and no folder made for it', async () => {
    const parent = tempDir();
    const target = path.join(parent, 'new', 'ws');
    await expect(fillNewFolder(target, async (staging) => {
      writeFileSync(path.join(staging, 'report.json'), '{}');
      throw new Error('disk full');
    })).rejects.toThrow('disk full');
    expect(tree(parent)).toEqual([]);
    const empty = path.join(parent, 'empty');
    mkdirSync(empty);
    await expect(fillNewFolder(empty, async () => Promise.reject(new Error('disk full')))).rejects.toThrow('disk full');
    expect(tree(parent)).toEqual(['empty/']);
  });
});

describe('init --from: the next round', async () => {
  const orkney = path.join(FIXTURES, 'orkney');
  const next = path.join(tempDir(), 'orkney-next');
  const result = await init(next, '--from', orkney, '--period', '2022/23 Q2');
  const fresh = path.join(tempDir(), 'orkney-fresh');
  await init(fresh, '--area', 'Orkney', '--period', '2022/23 Q2');

  it('writes the workspace, copying the figures byte for byte', () => {
    expect(result.status).toBe(0);
    expect(tree(next)).toEqual(['data/', 'data/README.txt', 'dataset.csv', 'evidence.csv', 'grades.csv', 'report.json']);
    expect(readFileSync(path.join(next, 'dataset.csv'))).toEqual(readFileSync(path.join(orkney, 'dataset.csv')));
  });

  it('carries report.json over, key for key, with the new period and the meeting date and recommendations to complete', () => {
    const before = JSON.parse(readFileSync(path.join(orkney, 'report.json'), 'utf8'));
    const after = JSON.parse(readFileSync(path.join(next, 'report.json'), 'utf8'));
    expect(Object.keys(after)).toEqual(Object.keys(before));
    expect(after.period).toBe('2022/23 Q2');
    expect(after.meetingDate).toMatch(/^TO COMPLETE: /);
    expect(after.recommendations).toEqual([expect.stringMatching(/^TO COMPLETE: .*2022\/23 Q2/)]);
    const unchanged = (report: Record<string, unknown>) => Object.fromEntries(Object.entries(report).filter(([key]) => !['period', 'meetingDate', 'recommendations'].includes(key)));
    expect(unchanged(after)).toEqual(unchanged(before));
  });

  it('keeps every earlier grade, as words, and adds an empty round of every QI', () => {
    const WORDS = ['Unsatisfactory', 'Weak', 'Adequate', 'Good', 'Very good', 'Excellent'];
    const word = (grade: string) => (/^[1-6]$/.test(grade) ? WORDS[Number(grade) - 1] : WORDS.find((w) => w.toLowerCase() === grade.trim().toLowerCase()));
    const old = readCsvRows(orkney, 'grades.csv');
    const rows = csvRows(path.join(next, 'grades.csv'));
    expect(rows).toHaveLength(old.length + 23);
    expect(rows.slice(0, old.length).map(({ title, ...row }) => row)).toEqual(old.map((row) => ({ ...row, grade: word(row.grade!) })));
    expect(rows.slice(old.length)).toEqual(csvRows(path.join(fresh, 'grades.csv')));
    expect(new Set(rows.map((row) => row.period))).toEqual(new Set(['2019/20 Q4', '2020/21 Q4', '2021/22 Q4', '2022/23 Q2']));
  });

  it('carries the evidence forward: every item of Table 2 with what was recorded for it, then the local items', () => {
    const old = readCsvRows(orkney, 'evidence.csv');
    const rows = csvRows(path.join(next, 'evidence.csv'));
    const framework = csvRows(path.join(fresh, 'evidence.csv'));
    const listed = rows.filter((row) => row.item_number !== '');
    expect(listed.map(({ qi, item_number, item }) => ({ qi, item_number, item }))).toEqual(framework.map(({ qi, item_number, item }) => ({ qi, item_number, item })));
    const recorded = (row: Record<string, string>) => old.find((o) => o.qi === row.qi && o.item === row.item);
    for (const row of listed) {
      const before = recorded(row);
      expect({ status: row.status, reviewed_on: row.reviewed_on, reference: row.reference }, `${row.qi} ${row.item}`).toEqual(before ? { status: before.status, reviewed_on: before.reviewed_on, reference: before.reference } : { status: '', reviewed_on: '', reference: '' });
    }
    // Every row of the old file is in the new one, once.
    expect(old.every((o) => rows.filter((row) => row.qi === o.qi && row.item === o.item).length === 1)).toBe(true);
    const local = rows.filter((row) => row.item_number === '');
    expect(local).toHaveLength(old.length - listed.filter(recorded).length);
  });
});

describe('init --from a workspace whose figures are published files', () => {
  it('copies data/ byte for byte and keeps the partnership’s own evidence items', async () => {
    const renfrewshire = path.join(FIXTURES, 'renfrewshire');
    const next = path.join(tempDir(), 'renfrewshire-next');
    expect((await init(next, '--from', renfrewshire, '--area', 'renfrewshire', '--period', '2022/23 Q3')).status).toBe(0);
    const published = readdirSync(path.join(renfrewshire, 'data')).filter((name) => name.endsWith('.csv'));
    expect(published.length).toBeGreaterThan(0);
    expect(tree(next)).toEqual(['data/', 'data/README.txt', ...published.map((name) => `data/${name}`), 'evidence.csv', 'grades.csv', 'report.json'].sort());
    for (const name of published) expect(readFileSync(path.join(next, 'data', name)).equals(readFileSync(path.join(renfrewshire, 'data', name))), name).toBe(true);
    const old = readCsvRows(renfrewshire, 'evidence.csv');
    const local = csvRows(path.join(next, 'evidence.csv')).filter((row) => row.item_number === '');
    expect(local.map(({ qi, item, status, reviewed_on, reference }) => ({ qi, item, status, reviewed_on, reference }))).toEqual(
      old.filter((row) => local.some((l) => l.item === row.item)).map(({ qi, item, status, reviewed_on, reference }) => ({ qi, item, status, reviewed_on, reference })),
    );
    expect(local.map((row) => row.item)).toEqual(['Participation strategy', 'Champions Board annual report']);
    expect(existsSync(path.join(next, 'dataset.csv'))).toBe(false);
  });
});
