// The committed workbooks, saved by LibreOffice Calc (fixtures/workbook-tools), hold what their READMEs say:
// checked here with exceljs against the raw CSV rows, so a fixture remade wrongly is caught without LibreOffice.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { SHEET_HEADERS, SHEETS } from '../../src/model/workbook-layout.js';
import { FIXTURES } from '../helpers/cli.js';

type Row = Record<string, string>;
const csv = (folder: string, file: string) => parse(readFileSync(path.join(FIXTURES, folder, file)), { columns: true }) as Row[];
const BAD = path.join(FIXTURES, 'bad-inputs', 'workbooks');

async function open(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(file) as unknown as ExcelJS.Buffer);
  return workbook;
}

/** A cell as the CSV writes it: dates ISO, numbers in JavaScript's shortest form, empty as ''. */
function asCsv(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}

const rowsOf = (sheet: ExcelJS.Worksheet, count: number, columns: number) =>
  Array.from({ length: count }, (_, index) => Array.from({ length: columns }, (_, column) => asCsv(sheet.getRow(index + 2).getCell(column + 1).value)));

/** Every row of a sheet past the data is empty: LibreOffice writes the checked cells below the data, holding nothing. */
function valuesBelow(sheet: ExcelJS.Worksheet, lastDataRow: number): string[] {
  const found: string[] = [];
  sheet.eachRow((row, number) => {
    if (number > lastDataRow) row.eachCell((cell) => found.push(cell.address));
  });
  return found;
}

describe('fixtures/orkney-workbook, saved by LibreOffice Calc', () => {
  const file = path.join(FIXTURES, 'orkney-workbook', 'self-evaluation.xlsx');

  it('says LibreOffice saved it', async () => {
    const app = await (await JSZip.loadAsync(readFileSync(file))).file('docProps/app.xml')!.async('string');
    expect(app).toMatch(/<Application>LibreOffice\//);
  });

  it('holds orkney/grades.csv, evidence.csv and dataset.csv row for row, and nothing below them', async () => {
    const workbook = await open(file);
    const grades = workbook.getWorksheet(SHEETS.grades)!;
    const csvGrades = csv('orkney', 'grades.csv');
    expect(grades.getRow(1).values).toEqual([undefined, ...SHEET_HEADERS.grades]);
    expect(rowsOf(grades, csvGrades.length, 7).map(([period, qi, , grade, on, strengths, areas]) => [period, qi, grade, on, strengths, areas]))
      .toEqual(csvGrades.map((r) => [r.period, r.qi, r.grade, r.evaluated_on, r.strengths, r.areas_for_improvement]));
    expect(valuesBelow(grades, csvGrades.length + 1)).toEqual([]);
    // Dates are date cells, QIs text.
    expect(grades.getCell('E2').value).toBeInstanceOf(Date);
    expect(typeof grades.getCell('B2').value).toBe('string');

    const evidence = workbook.getWorksheet(SHEETS.evidence)!;
    const csvEvidence = csv('orkney', 'evidence.csv');
    expect(rowsOf(evidence, csvEvidence.length, 6)).toEqual(csvEvidence.map((r) => [r.qi, '', r.item, r.status, r.reviewed_on, r.reference]));
    expect(valuesBelow(evidence, csvEvidence.length + 1)).toEqual([]);

    const figures = workbook.getWorksheet(SHEETS.figures)!;
    const csvFigures = csv('orkney', 'dataset.csv');
    expect(rowsOf(figures, csvFigures.length, 7)).toEqual(csvFigures.map((r) => [r.indicator, r.area, r.period, String(Number(r.value)), r.numerator, r.denominator, r.source]));
    expect(typeof figures.getCell('D2').value).toBe('number');
  });

  it('holds orkney/report.json in Particulars, field by field', async () => {
    const report = JSON.parse(readFileSync(path.join(FIXTURES, 'orkney', 'report.json'), 'utf8')) as Record<string, unknown>;
    const particulars = (await open(file)).getWorksheet(SHEETS.particulars)!;
    const rows: [string, string][] = [];
    particulars.eachRow((row, number) => { if (number > 1) rows.push([asCsv(row.getCell(1).value), asCsv(row.getCell(2).value)]); });
    const implications = report.implications as { heading: string; text: string }[];
    const person = (name: string) => Object.entries(report[name] as Record<string, string>).map(([key, value]): [string, string] => [`${name}.${key}`, value]);
    const list = (name: string) => (report[name] as string[]).map((entry): [string, string] => [name, entry]);
    expect(rows).toEqual([
      ...['council', 'committee', 'meetingDate'].map((name): [string, string] => [name, String(report[name])]),
      ...person('reportBy'),
      ...['title', 'agendaItem', 'partnership', 'area', 'period'].map((name): [string, string] => [name, String(report[name])]),
      ['draft', 'TRUE'],
      ...list('background'),
      ...list('recommendations'),
      ...person('author'),
      ...implications.map(({ heading, text }): [string, string] => [`implications.${heading}`, text]),
      ...list('backgroundPapers'),
    ]);
  });
});

describe('fixtures/bad-inputs/workbooks', () => {
  const base = csv(path.join('bad-inputs', 'base'), 'grades.csv');
  const workbook = (name: string) => open(path.join(BAD, name, 'self-evaluation.xlsx'));

  it('very-goood: "Very goood" over line 4\'s grade, the drop-down still on the cell', async () => {
    const grades = (await workbook('very-goood')).getWorksheet(SHEETS.grades)!;
    expect(base[2]!.grade).toBe('Good');
    expect(grades.getCell('D4').value).toBe('Very goood');
    expect(grades.getCell('D4').dataValidation).toMatchObject({ type: 'list' });
    expect(grades.getCell('D5').value).toBe(base[3]!.grade);
  });

  it('text-date: "31/02/2023" as text over line 5\'s date, the other dates still date cells', async () => {
    const grades = (await workbook('text-date')).getWorksheet(SHEETS.grades)!;
    expect(grades.getCell('E5').value).toBe('31/02/2023');
    expect(grades.getCell('E4').value).toEqual(new Date(`${base[2]!.evaluated_on}T00:00:00Z`));
  });

  it('renamed-sheet: Grades is "Grades 2023", the rest as written', async () => {
    expect((await workbook('renamed-sheet')).worksheets.map((sheet) => sheet.name)).toEqual([SHEETS.readMe, 'Grades 2023', SHEETS.evidence, SHEETS.figures, SHEETS.particulars]);
  });

  it('deleted-column: Grades has no Grade column, the columns after it moved left with their data', async () => {
    const grades = (await workbook('deleted-column')).getWorksheet(SHEETS.grades)!;
    expect(grades.getRow(1).values).toEqual([undefined, ...SHEET_HEADERS.grades.filter((header) => header !== 'Grade')]);
    expect(asCsv(grades.getCell('D2').value)).toBe(base[0]!.evaluated_on);
  });

  it('old-format and password are OLE2 files, not zips; password holds an encrypted package', () => {
    const ole = Buffer.from('d0cf11e0a1b11ae1', 'hex');
    const xls = readFileSync(path.join(BAD, 'old-format', 'self-evaluation.xls'));
    const locked = readFileSync(path.join(BAD, 'password', 'self-evaluation.xlsx'));
    expect(xls.subarray(0, 8)).toEqual(ole);
    expect(locked.subarray(0, 8)).toEqual(ole);
    expect(locked.includes(Buffer.from('EncryptedPackage', 'utf16le'))).toBe(true);
    expect(xls.includes(Buffer.from('Workbook', 'utf16le'))).toBe(true);
  });
});
