import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readMeLines } from '../../src/init/read-me.js';
import { workbookBytes } from '../../src/init/workbook-writer.js';
import { SHEET_HEADERS, SHEETS } from '../../src/model/workbook-layout.js';
import type { WorkspaceSeed } from '../../src/model/workspace-seed.js';
import { ROOT } from '../helpers/cli.js';

/** A report with every kind of field report.json has: scalars, nested objects, lists, mapping, implications. */
const report = {
  council: 'Fife Council',
  committee: 'TO COMPLETE: the committee the paper goes to',
  meetingDate: '2023-11-24',
  reportBy: { name: 'Sam Example', post: 'Chief Social Work Officer' },
  title: 'Inspection readiness',
  agendaItem: '7',
  partnership: "Fife Children's Services Partnership",
  area: 'Fife',
  period: '2023/24 Q2',
  draft: true,
  background: ['First paragraph.', 'Second paragraph.'],
  recommendations: ['note the grades;', 'agree the actions.'],
  author: { name: 'Robin Example', post: 'Service Manager', contact: 'robin@fife.example' },
  implications: [
    { heading: 'Financial', text: 'None.' },
    { heading: 'Island Communities Impact', text: 'Not required.' },
  ],
  backgroundPapers: [],
  mapping: { '1': ['5.1', '5.2', '6.1'], '3': ['9.2'] },
  thresholds: { readyMinimumGrade: 4, readyMinimumEvidence: 0.8 },
  peers: ['Dundee City', 'Angus'],
  data: ['data/lgbf_data_table_cash.csv'],
};

const seed: WorkspaceSeed = {
  report,
  grades: [
    { period: '2022/23 Q2', qi: '5.1', title: 'Initial response', grade: 'Very good', evaluatedOn: '2022-09-14', strengths: 'IRDs are timely.', areasForImprovement: 'Medical examinations.' },
    { period: '2023/24 Q2', qi: '10', title: 'What is our capacity for improvement?', grade: '', evaluatedOn: '', strengths: '', areasForImprovement: '' },
    { period: '2023/24 Q2', qi: '5.10', title: '', grade: '2', evaluatedOn: '31/02/2023', strengths: '', areasForImprovement: '' },
    { period: '2023/24 Q2', qi: '9.2', title: 'Leadership of strategy and direction', grade: 'Weak', evaluatedOn: '2023-09-01', strengths: 'The group meets. '.repeat(20), areasForImprovement: 'Pace.' },
  ],
  evidence: [
    { qi: '5.1', itemNumber: 3, item: 'relevant procedures', status: 'held', reviewedOn: '2020-11-30', reference: 'Teams: Procedures' },
    { qi: '2.1', item: 'Our own survey', status: '', reviewedOn: '', reference: '' },
  ],
  figures: [
    { indicator: 'CHN09', area: 'Fife', period: '2021/22', value: 88.1, numerator: 1234, denominator: 1401, source: 'LGBF' },
    { indicator: 'lac-rate', area: 'Fife', period: '2020/21', value: 14.738, source: 'ScotPHO' },
  ],
};

async function open(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return workbook;
}

const sheet = (workbook: ExcelJS.Workbook, name: string) => {
  const found = workbook.getWorksheet(name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
};

const rowValues = (worksheet: ExcelJS.Worksheet, row: number) => (worksheet.getRow(row).values as unknown[]).slice(1);

afterEach(() => {
  vi.useRealTimers();
});

describe('the self-evaluation workbook', () => {
  it('has the five sheets in order, each data sheet headed as the layout says, bold and frozen', async () => {
    const workbook = await open(await workbookBytes(seed));
    expect(workbook.worksheets.map((w) => w.name)).toEqual([SHEETS.readMe, SHEETS.grades, SHEETS.evidence, SHEETS.figures, SHEETS.particulars]);
    for (const key of ['grades', 'evidence', 'figures', 'particulars'] as const) {
      const worksheet = sheet(workbook, SHEETS[key]);
      expect(rowValues(worksheet, 1)).toEqual([...SHEET_HEADERS[key]]);
      expect(worksheet.getRow(1).getCell(1).font?.bold).toBe(true);
      expect(worksheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    }
  });

  it('writes the grades as given: QI and period as text, the date as a date cell shown day first, empty as empty', async () => {
    const grades = sheet(await open(await workbookBytes(seed)), SHEETS.grades);
    expect(rowValues(grades, 2)).toEqual(['2022/23 Q2', '5.1', 'Initial response', 'Very good', new Date(Date.UTC(2022, 8, 14)), 'IRDs are timely.', 'Medical examinations.']);
    expect(grades.getCell('E2').numFmt).toBe('dd/mm/yyyy');
    expect(grades.getCell('B2').numFmt).toBe('@');
    expect(grades.getCell('A2').numFmt).toBe('@');
    // 10 and 5.10 stay text: as numbers they would read 10 and 5.1.
    expect(grades.getCell('B3').value).toBe('10');
    expect(grades.getCell('B4').value).toBe('5.10');
    expect([grades.getCell('D3').value, grades.getCell('E3').value, grades.getCell('F3').value]).toEqual([null, null, null]);
    // A grade given as a number and a date that is not ISO stay as the officer's text, for the reader to judge.
    expect(grades.getCell('D4').value).toBe('2');
    expect(grades.getCell('E4').value).toBe('31/02/2023');
  });

  it('gives a row whose text wraps the height of its lines, and leaves one-line rows to the spreadsheet', async () => {
    const grades = sheet(await open(await workbookBytes(seed)), SHEETS.grades);
    // 340 characters of prose in a column 60 digits wide wrap to four lines or more.
    expect(grades.getRow(5).height).toBeGreaterThanOrEqual(4 * 15);
    expect(grades.getRow(2).height).toBeUndefined();
  });

  it('writes the evidence with item numbers as numbers and the reviewed date as a date cell', async () => {
    const evidence = sheet(await open(await workbookBytes(seed)), SHEETS.evidence);
    expect(rowValues(evidence, 2)).toEqual(['5.1', 3, 'relevant procedures', 'held', new Date(Date.UTC(2020, 10, 30)), 'Teams: Procedures']);
    expect(evidence.getCell('E2').numFmt).toBe('dd/mm/yyyy');
    expect(rowValues(evidence, 3).slice(0, 3)).toEqual(['2.1', undefined, 'Our own survey']);
    expect(evidence.getCell('B3').value).toBeNull();
    expect(evidence.getCell('D3').value).toBeNull();
  });

  it('writes the figures long-form, numbers as numbers, a missing numerator empty', async () => {
    const figures = sheet(await open(await workbookBytes(seed)), SHEETS.figures);
    expect(rowValues(figures, 2)).toEqual(['CHN09', 'Fife', '2021/22', 88.1, 1234, 1401, 'LGBF']);
    expect(figures.getCell('C3').numFmt).toBe('@');
    expect(figures.getCell('D3').value).toBe(14.738);
    expect([figures.getCell('E3').value, figures.getCell('F3').value]).toEqual([null, null]);
  });

  it('gives Grade, Status, the dates and the item number their checks, down to 500 rows below the last', async () => {
    const workbook = await open(await workbookBytes(seed));
    const grades = sheet(workbook, SHEETS.grades);
    const evidence = sheet(workbook, SHEETS.evidence);
    const gradeList = { type: 'list', formulae: ['"Excellent,Very good,Good,Adequate,Weak,Unsatisfactory"'] };
    const lastGrades = seed.grades.length + 1 + 500;
    expect(grades.getCell('D2').dataValidation).toMatchObject(gradeList);
    expect(grades.getCell(`D${lastGrades}`).dataValidation).toMatchObject(gradeList);
    expect(grades.getCell(`D${lastGrades + 1}`).dataValidation).toBeUndefined();
    expect(grades.getCell('D1').dataValidation).toBeUndefined();
    expect(grades.getCell('E2').dataValidation).toMatchObject({ type: 'date', operator: 'greaterThanOrEqual', formulae: [new Date(Date.UTC(2000, 0, 1))] });
    expect(grades.getCell('B2').dataValidation).toBeUndefined();
    const lastEvidence = seed.evidence.length + 1 + 500;
    expect(evidence.getCell(`D${lastEvidence}`).dataValidation).toMatchObject({ type: 'list', formulae: ['"held,partial,missing"'] });
    expect(evidence.getCell('E2').dataValidation).toMatchObject({ type: 'date' });
    expect(evidence.getCell('B2').dataValidation).toMatchObject({ type: 'whole', operator: 'greaterThanOrEqual', formulae: [1] });
  });

  it('writes the particulars one field a row: dotted, lists an entry a row, mapping and implications by key', async () => {
    const particulars = sheet(await open(await workbookBytes(seed)), SHEETS.particulars);
    const rows = Array.from({ length: particulars.rowCount - 1 }, (_, index) => rowValues(particulars, index + 2).slice(0, 2));
    expect(rows).toEqual([
      ['council', 'Fife Council'],
      ['committee', 'TO COMPLETE: the committee the paper goes to'],
      ['meetingDate', '2023-11-24'],
      ['reportBy.name', 'Sam Example'],
      ['reportBy.post', 'Chief Social Work Officer'],
      ['title', 'Inspection readiness'],
      ['agendaItem', '7'],
      ['partnership', "Fife Children's Services Partnership"],
      ['area', 'Fife'],
      ['period', '2023/24 Q2'],
      ['draft', 'TRUE'],
      ['background', 'First paragraph.'],
      ['background', 'Second paragraph.'],
      ['recommendations', 'note the grades;'],
      ['recommendations', 'agree the actions.'],
      ['author.name', 'Robin Example'],
      ['author.post', 'Service Manager'],
      ['author.contact', 'robin@fife.example'],
      ['implications.Financial', 'None.'],
      ['implications.Island Communities Impact', 'Not required.'],
      // An empty list keeps one empty row, which the reader skips, to show where entries go.
      ['backgroundPapers', undefined],
      ['mapping.1', '5.1; 5.2; 6.1'],
      ['mapping.3', '9.2'],
      ['thresholds.readyMinimumGrade', 4],
      ['thresholds.readyMinimumEvidence', 0.8],
      ['peers', 'Dundee City'],
      ['peers', 'Angus'],
      ['data', 'data/lgbf_data_table_cash.csv'],
    ]);
    // Every field says what it is, mapping and implications naming their own question and heading.
    for (let row = 2; row <= particulars.rowCount; row++) expect(particulars.getCell(`C${row}`).value, `row ${row}`).toEqual(expect.any(String));
    expect(particulars.getCell('C23').value).toContain('inspection question 1');
    expect(particulars.getCell('C21').value).toContain('Island Communities Impact');
    expect(particulars.getCell('B2').numFmt).toBe('@');
    // The value still to complete is shaded so the officer finds it; the rest are not.
    expect(particulars.getCell('B3').fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
    expect(particulars.getCell('B2').fill).not.toMatchObject({ pattern: 'solid' });
  });

  it('has no formula in any cell of any sheet, and no macros', async () => {
    const bytes = await workbookBytes(seed);
    const workbook = await open(bytes);
    let cells = 0;
    for (const worksheet of workbook.worksheets) {
      worksheet.eachRow({ includeEmpty: true }, (row) => row.eachCell({ includeEmpty: true }, (cell) => {
        cells++;
        expect(cell.type, `${worksheet.name}!${cell.address}`).not.toBe(ExcelJS.ValueType.Formula);
        expect(cell.formula, `${worksheet.name}!${cell.address}`).toBeUndefined();
      }));
    }
    expect(cells).toBeGreaterThan(100);
    const names = Object.keys((await JSZip.loadAsync(bytes)).files);
    expect(names.filter((name) => /vba|macro|\.bin$/i.test(name))).toEqual([]);
    expect(names.filter((name) => name.startsWith('xl/worksheets/') && name.endsWith('.xml'))).toHaveLength(5);
  });

  it('gives the same bytes for the same seed, whatever the clock says', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2024-03-01T09:15:42Z'));
    const first = await workbookBytes(seed);
    vi.setSystemTime(new Date('2031-12-24T23:59:59Z'));
    const second = await workbookBytes(seed);
    expect(second.equals(first)).toBe(true);
    const zip = await JSZip.loadAsync(first);
    zip.forEach((name, entry) => expect(entry.date.toISOString(), name).toBe('2000-01-01T00:00:00.000Z'));
    expect(await zip.file('docProps/core.xml')!.async('string')).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2000-01-01T00:00:00Z</dcterms:modified>');
  });
});

describe('the Read me sheet', () => {
  const template = readFileSync(path.join(ROOT, 'templates', 'workbook', 'read-me.md'), 'utf8');

  it('is read-me.md, its headings bold, every placeholder filled', async () => {
    const readMe = sheet(await open(await workbookBytes(seed)), SHEETS.readMe);
    const texts = new Map<string, number>();
    readMe.eachRow((row, number) => texts.set(String(row.getCell(1).value), number));
    const all = [...texts.keys()].join('\n');
    expect(all).not.toContain('{{');
    const headings = [...template.matchAll(/^## (.+)$/gm)].map(([, heading]) => heading!.replace('{{sheets.grades}}', SHEETS.grades).replace('{{sheets.evidence}}', SHEETS.evidence).replace('{{sheets.figures}}', SHEETS.figures).replace('{{sheets.particulars}}', SHEETS.particulars));
    expect(headings).toContain('Grades');
    for (const heading of headings) {
      const row = texts.get(heading);
      expect(row, heading).toBeDefined();
      expect(readMe.getCell(`A${row}`).font?.bold, heading).toBe(true);
    }
    for (const word of ['Excellent', 'Very good', 'Good', 'Adequate', 'Weak', 'Unsatisfactory', 'held', 'partial', 'missing', 'TO COMPLETE:']) expect(all).toContain(word);
    expect(all).toContain('Excellent, Very good, Good, Adequate, Weak or Unsatisfactory');
  });

  it('reads the little Markdown: headings, items and sub-items, hard-wrapped lines joined, one blank row between blocks', () => {
    expect(readMeLines('# Title\n\nA paragraph\nwrapped.\n\n\n## Part\n\n- an item\n  wrapped\n  - a sub-item\n- another\n\n')).toEqual([
      { kind: 'title', text: 'Title' },
      { kind: 'paragraph', text: '' },
      { kind: 'paragraph', text: 'A paragraph wrapped.' },
      { kind: 'paragraph', text: '' },
      { kind: 'heading', text: 'Part' },
      { kind: 'paragraph', text: '' },
      { kind: 'item', text: 'an item wrapped' },
      { kind: 'subitem', text: 'a sub-item' },
      { kind: 'item', text: 'another' },
    ]);
  });
});
