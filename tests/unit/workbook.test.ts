import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cellText, numberText } from '../../src/ingest/cell-text.js';
import { readWorkspace, workspaceInputs } from '../../src/ingest/index.js';
import { columnLetters, formatProblem, levelOf, SHEET_HEADERS, WORKBOOK_FILE, type InputProblem } from '../../src/model/index.js';
import { copyFixture, FIXTURES, tempDir } from '../helpers/cli.js';
import { excelDate, workbookRowsOf, writeWorkbook, type WorkbookRows } from '../helpers/workbook.js';
import { readCsvRows } from '../helpers/workspace-csv.js';

const ORKNEY = path.join(FIXTURES, 'orkney');
const base = workbookRowsOf(ORKNEY);
/** A sheet's column letter for a header of the layout, counted from the layout itself. */
const columnOf = (sheet: keyof typeof SHEET_HEADERS, header: string) => columnLetters((SHEET_HEADERS[sheet] as readonly string[]).indexOf(header) + 1);

/** The orkney rows with an edit, written as a workbook into a fresh workspace; its reading. */
async function readEdited(edit: (rows: WorkbookRows) => void = () => {}, options: Parameters<typeof writeWorkbook>[2] = {}) {
  const rows = structuredClone(base);
  edit(rows);
  const folder = path.join(tempDir(), 'workspace');
  await writeWorkbook(folder, rows, options);
  const reading = await readWorkspace(folder);
  return { folder, reading, lines: reading.problems.map(formatProblem) };
}

describe('a cell as text', () => {
  it('reads a date cell as its ISO date, whatever its time of day', () => {
    expect(cellText(excelDate('2022-03-04'))).toEqual({ ok: true, text: '2022-03-04' });
    expect(cellText(new Date('2022-03-04T17:30:00Z'))).toEqual({ ok: true, text: '2022-03-04' });
  });

  it('writes a number as the shortest decimal Excel shows, never in exponent form', () => {
    expect(numberText(0.1 + 0.2)).toBe('0.3');
    expect(numberText(5)).toBe('5');
    expect(numberText(4115.3846)).toBe('4115.3846');
    expect(numberText(-2.5)).toBe('-2.5');
    expect(numberText(1e-7)).toBe('0.0000001');
    expect(numberText(1e21)).toBe('1000000000000000000000');
    expect(numberText(-0)).toBe('0');
  });

  it('keeps text as typed, so a date typed as text is checked as text', () => {
    expect(cellText('31/02/2023')).toEqual({ ok: true, text: '31/02/2023' });
    expect(cellText(null)).toEqual({ ok: true, text: '' });
  });

  it('reads booleans as Excel writes them, rich text and hyperlinks as their words, a formula as its result', () => {
    expect(cellText(true)).toEqual({ ok: true, text: 'TRUE' });
    expect(cellText(false)).toEqual({ ok: true, text: 'FALSE' });
    expect(cellText({ richText: [{ text: 'Very ' }, { text: 'good', font: { bold: true } }] })).toEqual({ ok: true, text: 'Very good' });
    expect(cellText({ text: 'Teams folder', hyperlink: 'https://example.org/x' })).toEqual({ ok: true, text: 'Teams folder' });
    expect(cellText({ text: { richText: [{ text: 'Rich ' }, { text: 'link' }] } as unknown as string, hyperlink: 'https://example.org' })).toEqual({ ok: true, text: 'Rich link' });
    expect(cellText({ formula: 'A1+A2', result: 0.1 + 0.2 })).toEqual({ ok: true, text: '0.3' });
    expect(cellText({ sharedFormula: 'B2', result: excelDate('2021-06-30') })).toEqual({ ok: true, text: '2021-06-30' });
  });

  it('has no text for an error value, or a formula whose result was not saved', () => {
    for (const value of [{ error: '#REF!' as const }, { error: '#N/A' as const }, { formula: 'A1/0', result: { error: '#DIV/0!' as const } }]) {
      const read = cellText(value);
      expect(read.ok).toBe(false);
      expect(!read.ok && read.reason).toMatch(/^this cell holds the error #/);
    }
    expect(cellText({ formula: 'A1' })).toMatchObject({ ok: false, reason: 'this cell holds a formula whose result was not saved' });
  });
});

describe('a place in a workbook', () => {
  it('names the column by its letters', () => {
    expect([1, 4, 26, 27, 52, 703].map(columnLetters)).toEqual(['A', 'D', 'Z', 'AA', 'AZ', 'AAA']);
  });

  it('prints file[Sheet]!D14, and the sheet alone when no cell is known; a CSV problem is as before', () => {
    const problem: InputProblem = { file: 'x/self-evaluation.xlsx', sheet: 'Grades', line: 14, column: 4, reason: 'r', expected: 'e' };
    expect(formatProblem(problem)).toBe('x/self-evaluation.xlsx[Grades]!D14: r; expected e');
    expect(formatProblem({ file: 'x/self-evaluation.xlsx', sheet: 'Particulars', reason: 'r' })).toBe('x/self-evaluation.xlsx[Particulars]: r');
    expect(formatProblem({ file: 'x/grades.csv', line: 14, column: 4, reason: 'r' })).toBe('x/grades.csv:14:4: r');
  });
});

describe('a workbook in place of the CSV files', () => {
  it('reads the same records as the CSV files, each named by its sheet and row', async () => {
    const { reading } = await readEdited();
    expect(reading.problems).toEqual([]);
    const workspace = reading.workspace!;
    const grades = readCsvRows(ORKNEY, 'grades.csv');
    expect(workspace.grades.map((g) => [g.qi, g.evaluatedOn, g.strengths])).toEqual(grades.map((r) => [r.qi, r.evaluated_on, r.strengths]));
    expect(workspace.grades[0]!.source).toEqual({ file: WORKBOOK_FILE, sheet: 'Grades', line: 2 });
    const evidence = readCsvRows(ORKNEY, 'evidence.csv');
    expect(workspace.evidence.map((e) => [e.status, e.reviewedOn ?? ''])).toEqual(evidence.map((r) => [r.status, r.reviewed_on]));
    const figures = readCsvRows(ORKNEY, 'dataset.csv');
    expect(workspace.dataset.map((d) => [d.value, d.numerator])).toEqual(figures.map((r) => [Number(r.value), r.numerator ? Number(r.numerator) : undefined]));
    expect(workspace.settings.meetingDate).toBe(JSON.parse(readFileSync(path.join(ORKNEY, 'report.json'), 'utf8')).meetingDate);
    expect(reading.files.map((f) => [f.file, f.sheet, f.rows])).toEqual([
      [WORKBOOK_FILE, 'Particulars', 0],
      [WORKBOOK_FILE, 'Grades', grades.length],
      [WORKBOOK_FILE, 'Evidence', evidence.length],
      [WORKBOOK_FILE, 'Figures', figures.length],
    ]);
  });

  it('reads the Particulars as report.json: TRUE or yes for draft, numbers for thresholds, mapping lists, implications', async () => {
    const { reading } = await readEdited((rows) => {
      rows.particulars = rows.particulars.filter(([name]) => name !== 'draft');
      rows.particulars.push(['draft', 'no'], ['thresholds.readyMinimumGrade', 5], ['thresholds.readyMinimumEvidence', '0.75'], ['mapping.1', '5.1; 5.2'], ['background', ''], ['peers', 'Shetland Islands']);
    });
    expect(reading.problems).toEqual([]);
    const settings = reading.workspace!.settings;
    const report = JSON.parse(readFileSync(path.join(ORKNEY, 'report.json'), 'utf8'));
    expect(settings.draft).toBe(false);
    expect(settings.thresholds).toMatchObject({ readyMinimumGrade: 5, readyMinimumEvidence: 0.75 });
    expect(settings.mapping?.[1]).toEqual(['5.1', '5.2']);
    expect(settings.implications).toEqual(report.implications);
    expect(settings.background).toEqual(report.background);
    expect(settings.reportBy).toEqual(report.reportBy);
    expect(settings.peers).toEqual(['Shetland Islands']);
  });

  it('places a bad Particulars value at its Value cell and an unknown field at its Field cell', async () => {
    const { lines } = await readEdited((rows) => {
      const meeting = rows.particulars.findIndex(([name]) => name === 'meetingDate');
      rows.particulars[meeting]![1] = '31/02/2023';
      rows.particulars.push(['meetingdat', '2022-05-19'], ['draft', 'perhaps']);
    });
    const rowOf = (name: string) => base.particulars.findIndex(([field]) => field === name) + 2;
    const end = base.particulars.length + 1;
    expect(lines.map((line) => line.slice(line.indexOf('[')))).toEqual([
      `[Particulars]!B${rowOf('meetingDate')}: meetingDate "31/02/2023" is not a date; expected a date such as 27/06/2018 or 2018-06-27 (day before month), or an Excel date number`,
      `[Particulars]!A${end + 1}: unknown setting "meetingdat" (did you mean meetingDate?); expected one of council, committee, meetingDate, reportBy, title, agendaItem, partnership, area, period, draft, background, recommendations, author, implications, backgroundPapers, mapping, thresholds, data, peers, inspectionModel, framework`,
      `[Particulars]!A${end + 2}: draft is given twice (rows ${rowOf('draft')} and ${end + 2}); expected one row for draft`,
    ]);
  });

  it('says a required field left out is missing from the sheet, and one left empty is empty at its cell', async () => {
    const { lines } = await readEdited((rows) => {
      rows.particulars = rows.particulars.filter(([name]) => name !== 'title');
      rows.particulars.find(([name]) => name === 'author.post')![1] = '';
    });
    const authorPost = base.particulars.findIndex(([field]) => field === 'author.post') + 2 - 1;
    expect(lines.map((line) => line.slice(line.indexOf('[')))).toEqual([
      '[Particulars]: setting "title" is missing; expected a row "title" in the Particulars sheet (see README, "The workspace")',
      `[Particulars]!B${authorPost}: author.post is empty; expected a non-empty string`,
    ]);
  });
});

describe('a bad workbook: one positioned line, and no build', () => {
  const only = (lines: string[]) => {
    expect(lines).toHaveLength(1);
    return lines[0]!;
  };

  it('a grade pasted past the drop-down', async () => {
    const { folder, reading, lines } = await readEdited((rows) => void (rows.grades[12]![3] = 'Very goood'));
    expect(only(lines)).toBe(`${folder}/self-evaluation.xlsx[Grades]!${columnOf('grades', 'Grade')}14: grade "Very goood" is not valid (did you mean Very good?); expected a grade 1–6 or one of Excellent, Very good, Good, Adequate, Weak, Unsatisfactory`);
    expect(reading.workspace).toBeUndefined();
  });

  it('a date typed as text that is no date', async () => {
    const { folder, lines } = await readEdited((rows) => void (rows.grades[12]![4] = '31/02/2023'));
    expect(only(lines)).toBe(`${folder}/self-evaluation.xlsx[Grades]!${columnOf('grades', 'Evaluated on')}14: evaluated_on "31/02/2023" is not valid; expected a date such as 27/06/2018 or 2018-06-27 (day before month), or an Excel date number`);
  });

  it('a date typed as text that is a date reads as the date cell would', async () => {
    const { reading } = await readEdited((rows) => void (rows.grades[0]![4] = '04/03/2020'));
    expect(reading.problems).toEqual([]);
    expect(reading.workspace!.grades[0]!.evaluatedOn).toBe('2020-03-04');
  });

  it('a sheet renamed: the sheets found, and the near one', async () => {
    const { folder, lines } = await readEdited(undefined, { sheetNames: { grades: 'Grades 2022' } });
    expect(only(lines)).toBe(`${folder}/self-evaluation.xlsx: the workbook has no sheet named "Grades" (did you mean "Grades 2022"?); its sheets are "Read me", "Grades 2022", "Evidence", "Figures", "Particulars"; expected a sheet named "Grades" (rename the sheet back), or grades.csv beside the workbook`);
  });

  it('a column deleted', async () => {
    const headers = SHEET_HEADERS.grades.filter((header) => header !== 'Grade');
    const at = SHEET_HEADERS.grades.indexOf('Grade');
    const { folder, lines } = await readEdited((rows) => void (rows.grades = rows.grades.map((row) => row.filter((_, index) => index !== at))), { headers: { grades: headers } });
    expect(only(lines)).toBe(`${folder}/self-evaluation.xlsx[Grades]!${columnLetters(headers.length + 1)}1: column "grade" is missing; expected a header row with period, qi, grade, evaluated_on`);
  });

  it('an error value in a cell rejects its row, which a lenient build leaves out and lists', async () => {
    const { folder, reading, lines } = await readEdited((rows) => void (rows.evidence[4]![5] = { error: '#REF!' }));
    expect(only(lines)).toBe(`${folder}/self-evaluation.xlsx[Evidence]!${columnOf('evidence', 'Reference')}6: this cell holds the error #REF!; expected a value (a formula here has lost what it refers to: type the value in its place)`);
    expect(levelOf(reading.problems[0]!)).toBe('row');
    const lenient = await readWorkspace(folder, { lenient: true });
    expect(lenient.workspace!.evidence).toHaveLength(base.evidence.length - 1);
    expect(lenient.workspace!.intake.rejected).toEqual([{ ...reading.problems[0], file: WORKBOOK_FILE }]);
    expect(lenient.files.find((f) => f.sheet === 'Evidence')).toMatchObject({ rows: base.evidence.length, accepted: base.evidence.length - 1, rejected: 1 });
  });

  /** A compound file's first sector: the signature, then (for an encrypted workbook) the stream names in UTF-16LE. */
  const compoundFile = (...streams: string[]) => Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(504), ...streams.map((name) => Buffer.from(name.padEnd(32, '\0'), 'utf16le'))]);
  const SAVE_AS = 'expected the workbook saved as "Excel Workbook (.xlsx)" (File > Save As in Excel or LibreOffice Calc)';

  it.each([
    ['self-evaluation.xls', compoundFile('Root Entry', 'Workbook'), `this is an Excel 97–2003 workbook (.xls), an old format qif-report does not read; ${SAVE_AS}`],
    [WORKBOOK_FILE, compoundFile('Root Entry', 'Workbook'), `this is an Excel 97–2003 workbook (.xls), an old format qif-report does not read; ${SAVE_AS}`],
    [WORKBOOK_FILE, compoundFile('Root Entry', 'EncryptionInfo', 'EncryptedPackage'), 'the workbook is protected by a password, so it cannot be read; expected the workbook with its password removed (in Excel: File > Info > Protect Workbook > Encrypt with Password, clear the password) and saved'],
    [WORKBOOK_FILE, Buffer.from('period,qi,grade\n'), `this is not an Excel workbook: an .xlsx file is a zip archive and this one is not; ${SAVE_AS}`],
    [WORKBOOK_FILE, Buffer.from('504b0304000000', 'hex'), `the workbook cannot be read`],
  ])('%s holding other bytes says what to do, and nothing else', async (name, bytes, message) => {
    const folder = tempDir();
    writeFileSync(path.join(folder, name), bytes);
    const reading = await readWorkspace(folder);
    expect(reading.problems.map(formatProblem)).toHaveLength(1);
    expect(formatProblem(reading.problems[0]!)).toContain(`${path.join(folder, name)}: ${message}`);
    expect(reading.files).toEqual([{ file: name, rows: 0, accepted: 0, rejected: 0, notUsed: 0 }]);
  });

  it('a sheet and its CSV file both there: refused, naming both', async () => {
    const { folder } = await readEdited();
    writeFileSync(path.join(folder, 'grades.csv'), readFileSync(path.join(ORKNEY, 'grades.csv')));
    const reading = await readWorkspace(folder);
    expect(reading.problems.map(formatProblem)).toEqual([`${folder}/self-evaluation.xlsx[Grades]: the "Grades" sheet and grades.csv both hold the grades; expected one or the other: delete grades.csv to read the sheet, or empty the sheet (keeping its header) to read grades.csv`]);
  });

  it('a Figures sheet with only its header is no figures: dataset.csv or data/ files are read beside it', async () => {
    const { folder } = await readEdited((rows) => void (rows.figures = []));
    writeFileSync(path.join(folder, 'dataset.csv'), readFileSync(path.join(ORKNEY, 'dataset.csv')));
    const reading = await readWorkspace(folder);
    expect(reading.problems).toEqual([]);
    expect(reading.workspace!.dataset).toHaveLength(base.figures.length);
    expect(reading.files.map((f) => f.sheet ?? f.file)).toEqual(['Particulars', 'Grades', 'Evidence', 'dataset.csv']);
  });
});

describe('the workbook in the workspace', () => {
  it('rows with nothing in them after the data, styled or not, are no rows', async () => {
    const { folder } = await readEdited();
    const file = path.join(folder, WORKBOOK_FILE);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const grades = workbook.getWorksheet('Grades')!;
    const last = grades.rowCount;
    for (let row = last + 1; row <= last + 40; row += 1) {
      grades.getRow(row).getCell(4).numFmt = 'dd/mm/yyyy';
      grades.getRow(row).getCell(2).value = row % 2 ? '' : null;
    }
    await workbook.xlsx.writeFile(file);
    const reading = await readWorkspace(folder);
    expect(reading.problems).toEqual([]);
    expect(reading.files.find((f) => f.sheet === 'Grades')!.rows).toBe(base.grades.length);
  });

  it('notes that the workbook is open in Excel when its lock file is there', async () => {
    const { folder } = await readEdited();
    writeFileSync(path.join(folder, `~$${WORKBOOK_FILE}`), 'owner');
    const reading = await readWorkspace(folder);
    expect(reading.problems.map(formatProblem)).toEqual([`${folder}/~$${WORKBOOK_FILE}: warning: ${WORKBOOK_FILE} is open in Excel? its lock file was skipped; expected ${WORKBOOK_FILE} saved and closed in Excel before building: changes not saved are not read`]);
  });

  it('is an input of the paper, so a changed workbook rebuilds it', async () => {
    const { folder } = await readEdited();
    mkdirSync(path.join(folder, 'data'));
    expect(await workspaceInputs(folder)).toEqual([path.join(folder, WORKBOOK_FILE)]);
    const csv = copyFixture('orkney');
    expect(await workspaceInputs(csv)).not.toContain(path.join(csv, WORKBOOK_FILE));
  });
});
