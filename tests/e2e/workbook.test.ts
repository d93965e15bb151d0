import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, qifReport, qifReportAsync, tempDir } from '../helpers/cli.js';
import { flatText } from '../helpers/pdf.js';
import { workbookRowsOf, writeWorkbook } from '../helpers/workbook.js';

const ORKNEY = path.join(FIXTURES, 'orkney');

/** The orkney fixture's report.json and CSV rows typed into a workbook, in a workspace of their own. */
async function orkneyWorkbook(edit: (rows: ReturnType<typeof workbookRowsOf>) => void = () => {}): Promise<string> {
  const rows = workbookRowsOf(ORKNEY);
  edit(rows);
  const workspace = path.join(tempDir(), 'orkney-workbook');
  await writeWorkbook(workspace, rows);
  return workspace;
}

/** The report model with where each row came from left out: the only thing a workbook twin may change. */
function withoutPlaces(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutPlaces);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => !['file', 'sheet', 'encoding', 'delimiter'].includes(key)).map(([key, inner]) => [key, withoutPlaces(inner)]));
}

const dataRows = (file: string) => readFileSync(path.join(ORKNEY, file), 'utf8').trim().split('\n').length - 1;

describe('a workspace holding self-evaluation.xlsx', () => {
  it('validates with one row a sheet read, counted as the CSV twin counts its files', async () => {
    const workspace = await orkneyWorkbook();
    const result = qifReport(['validate', workspace]);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    const row = (name: string) => result.stdout.split('\n').find((line) => line.trim().startsWith(`self-evaluation.xlsx[${name}] `))!.trim().split(/\s{2,}/);
    expect(row('Particulars')).toEqual(['self-evaluation.xlsx[Particulars]', '–', '–', '–', '–', 'Excel workbook']);
    for (const [sheet, file] of [['Grades', 'grades.csv'], ['Evidence', 'evidence.csv'], ['Figures', 'dataset.csv']] as const) {
      const rows = String(dataRows(file));
      expect(row(sheet)).toEqual([`self-evaluation.xlsx[${sheet}]`, rows, rows, '0', '0', 'Excel workbook']);
    }
  });

  it('builds the same paper as its CSV twin, word for word', async () => {
    const workspace = await orkneyWorkbook();
    const [outCsv, outBook] = [tempDir(), tempDir()];
    const [csv, book] = await Promise.all([
      qifReportAsync(['build', ORKNEY, '--out', outCsv, '--format', 'pdf,json']),
      qifReportAsync(['build', workspace, '--out', outBook, '--format', 'pdf,json']),
    ]);
    expect([csv.status, book.status]).toEqual([0, 0]);
    const output = (folder: string, extension: string) => path.join(folder, readdirSync(folder).find((name) => name.endsWith(extension))!);
    expect(flatText(output(outBook, '.pdf'))).toBe(flatText(output(outCsv, '.pdf')));
    const model = (folder: string) => JSON.parse(readFileSync(output(folder, '.json'), 'utf8'));
    const [csvModel, bookModel] = [model(outCsv), model(outBook)];
    expect(withoutPlaces(bookModel)).toEqual(withoutPlaces(csvModel));
    expect(bookModel.dataQuality.files.map((file: { file: string; sheet?: string }) => `${file.file}[${file.sheet}]`)).toEqual(['Particulars', 'Grades', 'Evidence', 'Figures'].map((sheet) => `self-evaluation.xlsx[${sheet}]`));
  });

  it('refuses a bad grade at its sheet and cell, and a lenient build lists it in Data quality by sheet and cell', async () => {
    // The 13th grade row is the sheet's row 14 (the header is row 1); Grade is column D.
    const rows = workbookRowsOf(ORKNEY);
    const [period, qi] = rows.grades[12]! as string[];
    const workspace = await orkneyWorkbook((edited) => void (edited.grades[12]![3] = 'Very goood'));
    const out = tempDir();
    const strict = qifReport(['build', workspace, '--out', out]);
    expect(strict.status).toBe(2);
    expect(strict.stderr).toBe(`${workspace}/self-evaluation.xlsx[Grades]!D14: grade "Very goood" is not valid (did you mean Very good?); expected a grade 1–6 or one of Excellent, Very good, Good, Adequate, Weak, Unsatisfactory\n`);
    expect(readdirSync(out)).toEqual([]);

    const lenient = qifReport(['build', workspace, '--lenient', '--out', out, '--format', 'pdf,json']);
    expect(lenient.status).toBe(0);
    const model = JSON.parse(readFileSync(path.join(out, readdirSync(out).find((name) => name.endsWith('.json'))!), 'utf8'));
    expect(model.dataQuality.rejected).toEqual([expect.objectContaining({ file: 'self-evaluation.xlsx', sheet: 'Grades', line: 14, column: 4, level: 'row' })]);
    expect(model.qis.find((entry: { id: string }) => entry.id === qi).latest?.period).not.toBe(period);
    const text = flatText(path.join(out, readdirSync(out).find((name) => name.endsWith('.pdf'))!));
    // The narrow File column may break the name after its dot.
    expect(text).toMatch(/self-evaluation\. ?xlsx\[Grades\] 14 D grade "Very goood" is not valid \(did you mean Very good\?\)/);
    const grades = dataRows('grades.csv');
    expect(text).toContain(`self-evaluation.xlsx[Grades] ${grades} ${grades - 1} 1 0 Excel workbook`);
    expect(text).toContain('in a sheet of the workbook, the line is the sheet’s row and the column its letter');
  });

  it('an old .xls saved in its place: exit 2 for validate and build, one line, nothing written', () => {
    const workspace = tempDir();
    writeFileSync(path.join(workspace, 'self-evaluation.xls'), Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(504)]));
    const expected = `${workspace}/self-evaluation.xls: this is an Excel 97–2003 workbook (.xls), an old format qif-report does not read; expected the workbook saved as "Excel Workbook (.xlsx)" (File > Save As in Excel or LibreOffice Calc)\n`;
    const validate = qifReport(['validate', workspace]);
    expect([validate.status, validate.stderr]).toEqual([2, expected]);
    const out = tempDir();
    const build = qifReport(['build', workspace, '--out', out]);
    expect([build.status, build.stderr]).toEqual([2, expected]);
    expect(readdirSync(out)).toEqual([]);
  });
});
