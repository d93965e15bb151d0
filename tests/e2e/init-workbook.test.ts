// A new user's path with the workbook, through the command line: `init --xlsx` → validate refuses the blank
// workbook at each cell left to complete → the officer fills it in Excel (here exceljs: choosing from the
// drop-downs, typing dates into date cells, pasting the figures) → validate → build, and the paper shows what was
// entered. Then two next rounds (`init --from`), each filled in, and the third paper shows all three rounds.
// Every expected value comes from what the test typed into the workbook.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { FIXTURES, qifReport, tempDir } from '../helpers/cli.js';
import { flatText } from '../helpers/pdf.js';
import { excelDate } from '../helpers/workbook.js';
import { QI_TITLES } from '../helpers/qi-titles.js';
import { readCsvRows } from '../helpers/workspace-csv.js';

const WORDS = ['Unsatisfactory', 'Weak', 'Adequate', 'Good', 'Very good', 'Excellent'];
const STATUSES = ['held', 'partial', 'missing'];
const ROUNDS = ['2022/23 Q2', '2022/23 Q4', '2023/24 Q2'];
const FILE = 'self-evaluation.xlsx';

/** What the officer types for each field init left to complete, by the field's name in the Particulars sheet. */
const OFFICER: Record<string, string> = {
  committee: 'Orkney Children and Young People’s Partnership',
  meetingDate: '17/11/2023',
  'reportBy.name': 'Sam Example',
  'reportBy.post': 'Chief Social Work Officer',
  agendaItem: '6',
  recommendations: 'note the partnership’s self-evaluation against the framework.',
  'author.name': 'Robin Example',
  'author.post': 'Service Manager',
  'author.contact': 'robin.example@orkney.example',
};

const text = (cell: ExcelJS.Cell) => (cell.value === null || cell.value === undefined ? '' : String(cell.value));
const isMarked = (cell: ExcelJS.Cell) => text(cell).startsWith('TO COMPLETE:');

/** The rows of a sheet below its header, with their row numbers. */
function dataRows(sheet: ExcelJS.Worksheet): ExcelJS.Row[] {
  const rows: ExcelJS.Row[] = [];
  sheet.eachRow((row, number) => void (number > 1 && rows.push(row)));
  return rows;
}

async function openWorkbook(folder: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path.join(folder, FILE));
  return workbook;
}

/** The grade the officer chooses for a QI in a round: every word of the scale comes up, and it moves round to round. */
const gradeFor = (index: number, round: number) => WORDS[(index + 2 + round) % 6]!;

interface Entered {
  grades: Map<string, { word: string; strengths: string }>;
  statuses: Map<string, string>;
}

/**
 * Fills a workbook as an officer would: each field still to complete in Particulars; each empty grade of the round
 * from the drop-down, with a date cell and the strengths and areas for improvement; each evidence item without a
 * status; and, in the first round, the long-form figures pasted into Figures.
 */
async function fillIn(folder: string, round: number, figures: string[][]): Promise<Entered> {
  const workbook = await openWorkbook(folder);
  for (const row of dataRows(workbook.getWorksheet('Particulars')!)) {
    if (isMarked(row.getCell(2))) row.getCell(2).value = OFFICER[text(row.getCell(1))] ?? 'None.';
  }
  const grades = new Map<string, { word: string; strengths: string }>();
  for (const row of dataRows(workbook.getWorksheet('Grades')!)) {
    if (text(row.getCell(1)) !== ROUNDS[round] || text(row.getCell(4)) !== '') continue;
    const qi = text(row.getCell(2));
    const entered = { word: gradeFor(grades.size, round), strengths: `Round ${round + 1} strengths for QI ${qi}` };
    grades.set(qi, entered);
    row.getCell(4).value = entered.word;
    row.getCell(5).value = excelDate(`202${2 + round}-0${round + 2}-14`);
    row.getCell(6).value = entered.strengths;
    row.getCell(7).value = `Round ${round + 1} improvements for QI ${qi}`;
  }
  const statuses = new Map<string, string>();
  for (const row of dataRows(workbook.getWorksheet('Evidence')!)) {
    if (text(row.getCell(4)) !== '') continue;
    const status = STATUSES[statuses.size % 3]!;
    statuses.set(`${text(row.getCell(1))} ${text(row.getCell(2))}`, status);
    row.getCell(4).value = status;
    row.getCell(5).value = excelDate('2022-08-31');
    row.getCell(6).value = `Teams: Children and Families/QIF/${text(row.getCell(1))}`;
  }
  const sheet = workbook.getWorksheet('Figures')!;
  for (const figure of figures) sheet.addRow(figure.map((cell, index) => (index >= 3 && index <= 5 && cell !== '' ? Number(cell) : cell)));
  await workbook.xlsx.writeFile(path.join(folder, FILE));
  return { grades, statuses };
}

/** Orkney's published figures in long form, as the officer pastes them into Figures. */
const orkneyFigures = () => readCsvRows(path.join(FIXTURES, 'orkney'), 'dataset.csv').map((r) => [r.indicator!, r.area!, r.period!, r.value!, r.numerator ?? '', r.denominator ?? '', r.source ?? '']);

const only = (folder: string, extension: string) => path.join(folder, readdirSync(folder).find((name) => name.endsWith(extension))!);

describe('a new workbook workspace, from init --xlsx to the paper and two rounds on', () => {
  const root = tempDir('qif-init-xlsx-');
  const folders = ROUNDS.map((_, round) => path.join(root, `orkney-round-${round + 1}`));
  const entered: Entered[] = [];

  it('init --xlsx writes the workbook and data/README.txt only', () => {
    const result = qifReport(['init', folders[0]!, '--area', 'Orkney', '--period', ROUNDS[0]!, '--xlsx']);
    expect([result.status, result.stderr]).toEqual([0, '']);
    expect(result.stdout.trim().split('\n').sort()).toEqual([path.join(folders[0]!, 'data', 'README.txt'), path.join(folders[0]!, FILE)]);
  });

  it('validate refuses the blank workbook with one line for each cell left to complete, and build writes nothing', async () => {
    const workbook = await openWorkbook(folders[0]!);
    const marked = dataRows(workbook.getWorksheet('Particulars')!).filter((row) => isMarked(row.getCell(2))).map((row) => row.number);
    expect(marked.length).toBeGreaterThan(0);
    const validate = qifReport(['validate', folders[0]!]);
    expect(validate.status).toBe(2);
    const errors = validate.stderr.trim().split('\n').filter((line) => !line.includes(': warning: '));
    const particulars = errors.filter((line) => line.startsWith(`${folders[0]}/${FILE}[Particulars]!`));
    expect(particulars.map((line) => /!B(\d+): /.exec(line)?.[1])).toEqual(marked.map(String));
    // Empty grades and statuses are "not yet evaluated", never errors.
    expect(errors.filter((line) => /\[(Grades|Evidence)\]/.test(line))).toEqual([]);
    const out = tempDir();
    expect(qifReport(['build', folders[0]!, '--out', out]).status).toBe(2);
    expect(readdirSync(out)).toEqual([]);
  });

  it('filled in, it validates and builds a paper showing the grades and evidence entered', async () => {
    entered.push(await fillIn(folders[0]!, 0, orkneyFigures()));
    expect(entered[0]!.grades.size).toBe(23);
    expect(entered[0]!.statuses.size).toBe(162);
    const validate = qifReport(['validate', folders[0]!]);
    expect(validate.stderr.split('\n').filter((line) => line !== '' && !line.includes(': warning: '))).toEqual([]);
    expect(validate.status).toBe(0);
    const out = tempDir();
    const build = qifReport(['build', folders[0]!, '--out', out, '--format', 'pdf,html,json']);
    expect(build.status, build.stderr).toBe(0);
    const pdf = flatText(only(out, '.pdf'));
    expect(pdf).not.toContain('TO COMPLETE');
    expect(pdf).toContain(OFFICER.committee);
    for (const [qi, g] of entered[0]!.grades) expect(pdf, qi).toContain(`${g.word} ${ROUNDS[0]} ${g.strengths} Round 1 improvements for QI ${qi}`);
    const model = JSON.parse(readFileSync(only(out, '.json'), 'utf8'));
    const items = model.qis.flatMap((qi: { id: string; evidence: { items: { status: string }[] } }) => qi.evidence.items);
    for (const status of STATUSES) expect(items.filter((item: { status: string }) => item.status === status), status).toHaveLength([...entered[0]!.statuses.values()].filter((s) => s === status).length);
  });

  it('two next rounds from the workbook are workbooks, carrying every round, its evidence and its figures', async () => {
    for (const round of [1, 2]) {
      const init = qifReport(['init', folders[round]!, '--from', folders[round - 1]!, '--period', ROUNDS[round]!]);
      expect([init.status, init.stderr]).toEqual([0, '']);
      expect(readdirSync(folders[round]!).sort()).toEqual(['data', FILE]);
      const workbook = await openWorkbook(folders[round]!);
      const periods = dataRows(workbook.getWorksheet('Grades')!).map((row) => text(row.getCell(1)));
      expect([...new Set(periods)]).toEqual(ROUNDS.slice(0, round + 1));
      expect(periods.filter((period) => period === ROUNDS[round])).toHaveLength(23);
      // The evidence comes forward with its statuses, so nothing is left to fill in; the figures come too.
      expect(dataRows(workbook.getWorksheet('Evidence')!).filter((row) => text(row.getCell(4)) === '')).toEqual([]);
      expect(dataRows(workbook.getWorksheet('Figures')!)).toHaveLength(orkneyFigures().length);
      entered.push(await fillIn(folders[round]!, round, []));
    }
  });

  it('the third round’s paper shows each QI’s grade in all three rounds', () => {
    const out = tempDir();
    const build = qifReport(['build', folders[2]!, '--out', out, '--format', 'pdf,json']);
    expect(build.status, build.stderr).toBe(0);
    const model = JSON.parse(readFileSync(only(out, '.json'), 'utf8'));
    expect(model.periods.graded).toEqual(ROUNDS);
    const pdf = flatText(only(out, '.pdf'));
    // Table 4, one row a QI: its number, its title and the word entered for it in each round, oldest first.
    expect(entered[2]!.grades.size).toBe(23);
    for (const qi of entered[2]!.grades.keys()) {
      const words = entered.map((round) => round.grades.get(qi)!.word);
      expect(pdf, qi).toContain(`${qi} ${QI_TITLES[qi]} ${words.join(' ')}`);
      expect(model.qis.find((entry: { id: string }) => entry.id === qi).history.map((cell: { word?: string }) => cell.word), qi).toEqual(words);
    }
    expect(pdf).toContain(`Table 4 sets out each QI's grade in each of the 3 rounds of self-evaluation held, oldest first, from ${ROUNDS[0]} to ${ROUNDS[2]}.`);
  });
});
