import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, qifReport, qifReportAsync, tempDir } from '../helpers/cli.js';
import { flatText } from '../helpers/pdf.js';

/**
 * The committed workbooks saved by LibreOffice Calc (fixtures/orkney-workbook, fixtures/bad-inputs/workbooks; see
 * fixtures/workbook-tools/README.md): a Calc user's file reads as an Excel user's does, and each way an officer
 * breaks a workbook is one positioned line, exit 2, and nothing written.
 */
const BAD = path.join(FIXTURES, 'bad-inputs', 'workbooks');

const only = (folder: string, extension: string) => path.join(folder, readdirSync(folder).find((name) => name.endsWith(extension))!);

// That LibreOffice saved them is checked in tests/unit/workbook-fixtures.test.ts.
describe('the Orkney workbook saved by LibreOffice Calc', () => {
  it('builds the same paper as its CSV twin, fixtures/orkney, word for word', async () => {
    const [outCsv, outBook] = [tempDir(), tempDir()];
    const [csv, book] = await Promise.all([
      qifReportAsync(['build', path.join(FIXTURES, 'orkney'), '--out', outCsv, '--format', 'pdf,html']),
      qifReportAsync(['build', path.join(FIXTURES, 'orkney-workbook'), '--out', outBook, '--format', 'pdf,html']),
    ]);
    expect([csv.status, book.status]).toEqual([0, 0]);
    expect(flatText(only(outBook, '.pdf'))).toBe(flatText(only(outCsv, '.pdf')));
    expect(readFileSync(only(outBook, '.html'), 'utf8')).toBe(readFileSync(only(outCsv, '.html'), 'utf8'));
  });
});

/** Each case's one line, as validate and build print it from the cases' folder. */
const CASES: Record<string, string> = {
  'very-goood': 'very-goood/self-evaluation.xlsx[Grades]!D4: grade "Very goood" is not valid (did you mean Very good?); expected a grade 1–6 or one of Excellent, Very good, Good, Adequate, Weak, Unsatisfactory',
  'text-date': 'text-date/self-evaluation.xlsx[Grades]!E5: evaluated_on "31/02/2023" is not valid; expected a date such as 27/06/2018 or 2018-06-27 (day before month), or an Excel date number',
  'renamed-sheet': 'renamed-sheet/self-evaluation.xlsx: the workbook has no sheet named "Grades" (did you mean "Grades 2023"?); its sheets are "Read me", "Grades 2023", "Evidence", "Figures", "Particulars"; expected a sheet named "Grades" (rename the sheet back), or grades.csv beside the workbook',
  'deleted-column': 'deleted-column/self-evaluation.xlsx[Grades]!G1: column "grade" is missing; expected a header row with period, qi, grade, evaluated_on',
  'old-format': 'old-format/self-evaluation.xls: this is an Excel 97–2003 workbook (.xls), an old format qif-report does not read; expected the workbook saved as "Excel Workbook (.xlsx)" (File > Save As in Excel or LibreOffice Calc)',
  password: 'password/self-evaluation.xlsx: the workbook is protected by a password, so it cannot be read; expected the workbook with its password removed (in Excel: File > Info > Protect Workbook > Encrypt with Password, clear the password) and saved',
};

describe('bad workbooks saved by LibreOffice Calc', () => {
  it('covers every committed case', () => {
    expect(readdirSync(BAD).filter((name) => name !== 'README.md').sort()).toEqual(Object.keys(CASES).sort());
  });

  for (const [name, line] of Object.entries(CASES)) {
    it(`${name}: one positioned line from validate and build, exit 2, nothing written`, () => {
      const validate = qifReport(['validate', name], BAD);
      expect([validate.status, validate.stderr]).toEqual([2, `${line}\n`]);
      const out = tempDir();
      const build = qifReport(['build', name, '--out', out, '--format', 'pdf,html,json'], BAD);
      expect([build.status, build.stderr]).toEqual([2, `${line}\n`]);
      expect(readdirSync(out)).toEqual([]);
    });
  }

  it('the fixtures README states each line the tests hold the reader to', () => {
    const readme = readFileSync(path.join(BAD, 'README.md'), 'utf8');
    for (const line of Object.values(CASES)) expect(readme).toContain(line);
  });
});
