/**
 * The bundled workspaces saved the ways Excel, LibreOffice and Notepad save CSV files — other encodings,
 * delimiters, line endings, quoting, header spellings — must read to the very same report model. Each variant
 * is made from the real fixture files: parsed with csv-parse (quote-aware), re-serialised here and encoded
 * with iconv-lite, never by replacing characters in the text.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReportModel } from '../../src/analyse/index.js';
import { loadWorkspace, readWorkspace } from '../../src/ingest/index.js';
import type { ReportModel } from '../../src/model/index.js';
import { copyFixture, FIXTURES, qifReport, tempDir } from '../helpers/cli.js';
import { flatText } from '../helpers/pdf.js';
import { readReportJson } from '../helpers/workspace-csv.js';

type Table = string[][];
type Encoding = 'utf8' | 'utf8-bom' | 'utf16le-bom' | 'utf16le' | 'win1252';
type DelimiterName = 'comma' | 'semicolon' | 'tab';
type CsvFile = 'grades.csv' | 'evidence.csv' | 'dataset.csv';

const DELIMITER: Record<DelimiterName, string> = { comma: ',', semicolon: ';', tab: '\t' };

const ENCODE: Record<Encoding, (text: string) => Buffer> = {
  utf8: (text) => Buffer.from(text, 'utf8'),
  'utf8-bom': (text) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]),
  'utf16le-bom': (text) => iconv.encode(text, 'utf16le', { addBOM: true }),
  utf16le: (text) => iconv.encode(text, 'utf16le', { addBOM: false }),
  win1252: (text) => iconv.encode(text, 'win1252'),
};

/** What FileSummary.encoding should say. Pure ASCII is the same bytes in UTF-8 and Windows-1252, and reads as UTF-8. */
function expectedEncoding(encoding: Encoding, text: string): string {
  const ascii = /^[\x00-\x7f]*$/.test(text);
  return { utf8: 'UTF-8', 'utf8-bom': 'UTF-8 with BOM', 'utf16le-bom': 'UTF-16LE', utf16le: 'UTF-16LE', win1252: ascii ? 'UTF-8' : 'Windows-1252' }[encoding];
}

function readTable(file: string): Table {
  return parse(readFileSync(file, 'utf8'), { bom: true }) as Table;
}

interface Serialise {
  delimiter?: string;
  eol?: string;
  quoteAll?: boolean;
}

/** CSV as a spreadsheet writes it: a field is quoted when it holds the delimiter, a quote or a line break (or always). */
function serialise(table: Table, { delimiter = ',', eol = '\n', quoteAll = false }: Serialise = {}): string {
  const cell = (field: string) => (quoteAll || field.includes(delimiter) || /["\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field);
  return table.map((record) => record.map(cell).join(delimiter)).join(eol) + eol;
}

type HeaderNames = Partial<Record<CsvFile, string[]>>;

interface Variant {
  name: string;
  encoding: Encoding;
  delimiter: DelimiterName;
  eol: string;
  quoteAll?: boolean;
  /** Header names replacing the canonical ones, column by column. */
  headers?: HeaderNames;
  /** Appended after the last record: blank lines, rows of empty cells. */
  trailer?: (columns: number, eol: string) => string;
}

// Header names in other case and spacing, as README says ("Evaluated On" works).
const CASE_AND_SPACING: HeaderNames = {
  'grades.csv': ['Period', ' QI ', 'GRADE', 'Evaluated On', 'Strengths', 'Areas-For  Improvement'],
  'evidence.csv': ['QI', 'Item', ' Status', 'Reviewed On', 'REFERENCE'],
  'dataset.csv': ['Indicator', 'AREA', 'Period ', 'Value', 'Numerator', 'Denominator', 'Source'],
};
// The aliases in the column specs (gradeColumns, evidenceColumns, datasetColumns), each used once.
const ALIASES_A: HeaderNames = {
  'grades.csv': ['period', 'Quality Indicator', 'Evaluation', 'Date Evaluated', 'strengths', 'Areas for development'],
  'evidence.csv': ['Quality indicator', 'Evidence item', 'status', 'Date reviewed', 'Location'],
  'dataset.csv': ['Indicator code', 'Local authority', 'Year', 'value', 'numerator', 'denominator', 'source'],
};
const ALIASES_B: HeaderNames = {
  'grades.csv': ['Period', 'QI number', 'evaluation', 'Evaluated', 'Strengths', 'Improvements'],
  'evidence.csv': ['qi', 'Evidence', 'Status', 'Reviewed', 'Link'],
  'dataset.csv': ['Measure', 'Council', 'year', 'Value', 'Numerator', 'Denominator', 'Source'],
};
const ALIASES_C: HeaderNames = {
  'grades.csv': ['period', 'qi', 'grade', 'Date', 'strengths', 'areas_for_improvement'],
};

const VARIANTS: Variant[] = [
  { name: 'UTF-8 with BOM, CRLF (Excel "CSV UTF-8")', encoding: 'utf8-bom', delimiter: 'comma', eol: '\r\n' },
  { name: 'UTF-16LE with BOM, tab-delimited (Excel "Unicode Text")', encoding: 'utf16le-bom', delimiter: 'tab', eol: '\r\n' },
  { name: 'UTF-16LE without BOM', encoding: 'utf16le', delimiter: 'comma', eol: '\r\n' },
  { name: 'UTF-16LE without BOM, tab-delimited, LF', encoding: 'utf16le', delimiter: 'tab', eol: '\n' },
  { name: 'Windows-1252, semicolon-delimited (Excel "CSV" on a European PC)', encoding: 'win1252', delimiter: 'semicolon', eol: '\r\n' },
  { name: 'Windows-1252, comma-delimited (Excel "CSV" on a UK PC)', encoding: 'win1252', delimiter: 'comma', eol: '\r\n' },
  { name: 'CR line endings (classic Mac), Windows-1252', encoding: 'win1252', delimiter: 'comma', eol: '\r' },
  { name: 'every field quoted', encoding: 'utf8', delimiter: 'comma', eol: '\n', quoteAll: true },
  { name: 'every field quoted, semicolons, CRLF', encoding: 'utf8-bom', delimiter: 'semicolon', eol: '\r\n', quoteAll: true },
  {
    name: 'blank trailing lines and rows of empty cells',
    encoding: 'utf8',
    delimiter: 'comma',
    eol: '\n',
    trailer: (columns, eol) => `${eol}${eol}${','.repeat(columns - 1)}${eol}${','.repeat(columns - 1)}${eol}${' ,'.repeat(columns - 1)}${eol}${eol}`,
  },
  {
    name: 'blank trailing lines and rows of empty cells, CRLF and semicolons',
    encoding: 'utf8-bom',
    delimiter: 'semicolon',
    eol: '\r\n',
    trailer: (columns, eol) => `${';'.repeat(columns - 1)}${eol}${eol}${';'.repeat(columns - 1)}${eol}${eol}`,
  },
  { name: 'header names in other case and spacing', encoding: 'utf8', delimiter: 'comma', eol: '\n', headers: CASE_AND_SPACING },
  { name: 'header aliases (a)', encoding: 'utf8', delimiter: 'comma', eol: '\n', headers: ALIASES_A },
  { name: 'header aliases (b), tab-delimited UTF-16LE', encoding: 'utf16le-bom', delimiter: 'tab', eol: '\r\n', headers: ALIASES_B },
  { name: 'header alias "date"', encoding: 'utf8', delimiter: 'comma', eol: '\n', headers: ALIASES_C },
];

const CSV_FILES: CsvFile[] = ['grades.csv', 'evidence.csv', 'dataset.csv'];

/** Rewrites the workspace's own CSV files (not report.json, not the published files in data/) in the variant's form. */
function rewrite(workspace: string, variant: Variant): Map<CsvFile, string> {
  const written = new Map<CsvFile, string>();
  for (const name of CSV_FILES) {
    const file = path.join(workspace, name);
    if (!existsSync(file)) continue;
    const table = readTable(file);
    const headers = variant.headers?.[name];
    if (headers) {
      expect(headers, `test setup: one header name a column of ${name}`).toHaveLength(table[0]!.length);
      table[0] = headers;
    }
    const delimiter = DELIMITER[variant.delimiter];
    const text = serialise(table, { delimiter, eol: variant.eol, quoteAll: variant.quoteAll }) + (variant.trailer?.(table[0]!.length, variant.eol) ?? '');
    // The variant must say what the original says: same records back, quote-aware.
    expect(parse(text, { delimiter, skip_empty_lines: true }).filter((r: string[]) => r.some((f) => f.trim() !== '')).slice(1)).toEqual(table.slice(1));
    const bytes = ENCODE[variant.encoding](text);
    if (variant.encoding === 'win1252') expect(iconv.decode(bytes, 'win1252'), `test setup: ${name} must be representable in Windows-1252`).toBe(text);
    if (variant.encoding === 'utf16le') expect([bytes[0], bytes[1]]).not.toEqual([0xff, 0xfe]);
    writeFileSync(file, bytes);
    written.set(name, text);
  }
  return written;
}

/** The model with the workspace's own folder written as <workspace>, and without encoding and delimiter. */
function comparable(model: ReportModel, workspace: string): unknown {
  const json = JSON.parse(JSON.stringify(model).split(workspace).join('<workspace>')) as ReportModel;
  for (const file of json.dataQuality.files) {
    delete file.encoding;
    delete file.delimiter;
  }
  return json;
}

async function modelOf(workspace: string): Promise<ReportModel> {
  return buildReportModel(await loadWorkspace(workspace));
}

/** Typographic characters Excel on a UK or European PC writes as single Windows-1252 bytes. */
const TYPOGRAPHIC = 'Families called the “Team Around the Child” meetings – held fortnightly – the partnership’s ‘best support’ (€0 extra… £0).';

/** Appends TYPOGRAPHIC to the strengths of the report period's grade for QI 1.1 (the grades file itself has no non-ASCII text). */
function addTypographicStrengths(workspace: string): void {
  const file = path.join(workspace, 'grades.csv');
  const table = readTable(file);
  const period = readReportJson(workspace).period as string;
  const row = table.find((record) => record[0] === period && record[1] === '1.1');
  if (!row) throw new Error(`test setup: no grade for QI 1.1 in ${period}`);
  row[4] = `${row[4]} ${TYPOGRAPHIC}`;
  writeFileSync(file, serialise(table));
}

interface Base {
  name: string;
  fixture: string;
  prepare?: (workspace: string) => void;
}

const BASES: Base[] = [
  { name: 'renfrewshire', fixture: 'renfrewshire' },
  { name: 'orkney', fixture: 'orkney' },
  { name: 'orkney with typographic strengths', fixture: 'orkney', prepare: addTypographicStrengths },
];

function prepared(base: Base): string {
  const workspace = copyFixture(base.fixture);
  base.prepare?.(workspace);
  return workspace;
}

describe('the fixtures hold text that a wrong decoding would garble', () => {
  it.each(['renfrewshire', 'orkney'])('%s evidence.csv has curly quotes and dashes', (name) => {
    const text = readFileSync(path.join(copyFixture(name), 'evidence.csv'), 'utf8');
    expect(text).toContain('’');
    expect(text).toContain('–');
    expect(text).toContain('“');
  });
});

describe.each(BASES)('$name saved in other forms reads to the same report model', (base) => {
  let expected: { model: ReportModel; comparable: unknown };
  beforeAll(async () => {
    const original = prepared(base);
    const model = await modelOf(original);
    expected = { model, comparable: comparable(model, original) };
  });

  it.each(VARIANTS)('$name', async (variant) => {
    const workspace = prepared(base);
    const written = rewrite(workspace, variant);

    const reading = await readWorkspace(workspace);
    expect(reading.problems).toEqual([]);
    const model = buildReportModel(reading.workspace!);
    expect(comparable(model, workspace)).toEqual(expected.comparable);

    // The summary says how each rewritten file was read; the untouched files are read as before.
    const originalFiles = expected.model.dataQuality.files;
    expect(model.dataQuality.files.map((f) => f.file)).toEqual(originalFiles.map((f) => f.file));
    for (const summary of model.dataQuality.files) {
      const text = written.get(summary.file as CsvFile);
      if (text === undefined) {
        expect(summary, summary.file).toEqual(originalFiles.find((f) => f.file === summary.file));
        continue;
      }
      expect({ file: summary.file, encoding: summary.encoding, delimiter: summary.delimiter }).toEqual({
        file: summary.file,
        encoding: expectedEncoding(variant.encoding, text),
        delimiter: variant.delimiter,
      });
    }
  });
});

describe('what the summary names', () => {
  it.each([
    ['utf8-bom', 'comma', 'UTF-8 with BOM'],
    ['utf16le-bom', 'tab', 'UTF-16LE'],
    ['utf16le', 'tab', 'UTF-16LE'],
    ['utf16le', 'semicolon', 'UTF-16LE'],
    ['win1252', 'semicolon', 'Windows-1252'],
    ['win1252', 'tab', 'Windows-1252'],
  ] as const)('%s with %s delimiters is reported as %s, and the typographic strengths survive', async (encoding, delimiter, name) => {
    const workspace = prepared(BASES[2]!);
    rewrite(workspace, { name: '', encoding, delimiter, eol: '\r\n' });
    const model = await modelOf(workspace);
    const grades = model.dataQuality.files.find((f) => f.file === 'grades.csv');
    const evidence = model.dataQuality.files.find((f) => f.file === 'evidence.csv');
    expect(grades).toMatchObject({ encoding: name, delimiter });
    expect(evidence).toMatchObject({ encoding: name, delimiter });
    expect(model.qis.find((qi) => qi.id === '1.1')!.strengths).toContain(TYPOGRAPHIC);
    // "children’s services plan" is the framework's own wording: matched, not made a garbled local item.
    const plan = model.qis.find((qi) => qi.id === '6.2')!.evidence.items.find((item) => item.text === 'children’s services plan');
    expect(plan).toMatchObject({ local: false, status: 'held' });
    expect(JSON.stringify(model)).not.toMatch(/â€|Ã|\uFFFD/);
  });
});

describe('quoted fields with line breaks', () => {
  const FIRST = 'Strengths on the first line, with a comma;';
  const SECOND = 'and a "quoted" word on the second;';
  const THIRD = 'and a third line.';

  /** The 1-based line, in an editor's count, on which the record beginning with `prefix` starts. */
  const lineStarting = (text: string, prefix: string) => {
    const index = text.split(/\r\n|\r|\n/).findIndex((line) => line.startsWith(prefix));
    if (index < 0) throw new Error(`test setup: no line starts with ${prefix}`);
    return index + 1;
  };

  /**
   * Orkney's grades with multi-line strengths and areas for improvement early on, then, after them, a
   * misspelt grade and a QI graded twice — each must be reported at the line it is on in the file.
   */
  function multiLineGrades(workspace: string, fieldBreak: string, variant: Omit<Variant, 'name'>) {
    const file = path.join(workspace, 'grades.csv');
    const table = readTable(file);
    // Rows 3 and 5: the first rows of the 2019/20 round; both are superseded later, so only positions matter.
    table[3]![4] = [FIRST, SECOND, THIRD].join(fieldBreak);
    table[5]![5] = ['Areas on one line', 'and on another.'].join(fieldBreak);
    // The last round's QI 1.1 carries multi-line strengths into the model.
    const latest = table.findIndex((record) => record[0] === '2021/22 Q4' && record[1] === '1.1');
    table[latest]![4] = [FIRST, SECOND, THIRD].join(fieldBreak);
    const bad = table.findIndex((record) => record[0] === '2020/21 Q4' && record[1] === '5.1');
    table[bad]![2] = 'Very goood';
    const lastPeriodRows = table.filter((record) => record[0] === '2021/22 Q4');
    const duplicated = lastPeriodRows.at(-1)!;
    table.push([...duplicated]);
    const delimiter = DELIMITER[variant.delimiter];
    const text = serialise(table, { delimiter, eol: variant.eol, quoteAll: variant.quoteAll });
    writeFileSync(file, ENCODE[variant.encoding](text));
    const d = delimiter;
    return {
      file,
      text,
      badLine: lineStarting(text, `2020/21 Q4${d}5.1${d}Very goood${d}`),
      duplicate: { qi: duplicated[1]!, lines: [lineStarting(text, duplicated.slice(0, 4).join(d)), text.split(/\r\n|\r|\n/).length - 1] },
      latestLine: lineStarting(text, `2021/22 Q4${d}1.1${d}`),
      lastRecordLine: lineStarting(text, table.at(-2)!.slice(0, 4).join(d)),
      lastQi: table.at(-2)![1]!,
    };
  }

  it.each([
    ['LF records, LF in the field', '\n', '\n', 'utf8', 'comma'],
    ['CRLF records, CRLF in the field', '\r\n', '\r\n', 'utf8', 'comma'],
    ['CRLF records, LF in the field (Excel: Alt+Enter)', '\r\n', '\n', 'utf8-bom', 'comma'],
    ['LF records, CRLF in the field', '\n', '\r\n', 'utf8', 'comma'],
    ['UTF-16LE tab-delimited, CRLF records, LF in the field', '\r\n', '\n', 'utf16le-bom', 'tab'],
    ['Windows-1252 semicolons, CRLF records, CRLF in the field', '\r\n', '\r\n', 'win1252', 'semicolon'],
  ] as const)('%s: later rows keep their true line numbers', async (_name, eol, fieldBreak, encoding, delimiter) => {
    const workspace = copyFixture('orkney');
    const setup = multiLineGrades(workspace, fieldBreak, { encoding, delimiter, eol });
    // The multi-line fields really do add lines before the bad row.
    expect(setup.badLine).toBeGreaterThan(readTable(path.join(FIXTURES, 'orkney', 'grades.csv')).findIndex((r) => r[0] === '2020/21 Q4' && r[1] === '5.1') + 1);

    const strict = await readWorkspace(workspace);
    expect(strict.problems.map((p) => ({ file: p.file, line: p.line, column: p.column, reason: p.reason }))).toEqual([
      { file: setup.file, line: setup.badLine, column: 3, reason: expect.stringContaining('grade "Very goood" is not valid') },
      {
        file: setup.file,
        line: setup.duplicate.lines[1],
        column: 2,
        reason: `QI ${setup.duplicate.qi} is graded twice for 2021/22 Q4 (lines ${setup.duplicate.lines[0]} and ${setup.duplicate.lines[1]})`,
      },
    ]);

    const model = buildReportModel(await loadWorkspace(workspace, { lenient: true }));
    const qi11 = model.qis.find((qi) => qi.id === '1.1')!;
    expect(qi11.latest!.source.line).toBe(setup.latestLine);
    expect(qi11.strengths.split(/\r\n|\n/)).toEqual([FIRST, SECOND, THIRD]);
    expect(model.qis.find((qi) => qi.id === setup.lastQi)!.latest!.source.line).toBe(setup.lastRecordLine);
    expect(model.dataQuality.rejected.map((p) => p.line)).toEqual([setup.badLine, setup.duplicate.lines[1]]);
  });
});

describe('the decoding reaches the paper', () => {
  it('builds Orkney from Windows-1252, semicolon-delimited files with the typographic characters intact in the PDF', () => {
    const workspace = prepared(BASES[2]!);
    rewrite(workspace, VARIANTS.find((v) => v.encoding === 'win1252' && v.delimiter === 'semicolon')!);
    // The bytes on disk are Windows-1252: ’ is 0x92, not UTF-8's E2 80 99.
    const bytes = readFileSync(path.join(workspace, 'grades.csv'));
    expect(bytes.includes(Buffer.from([0x92]))).toBe(true);
    expect(bytes.includes(Buffer.from('’', 'utf8'))).toBe(false);

    const out = tempDir();
    const result = qifReport(['build', workspace, '--out', out]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const text = flatText(path.join(out, 'orkney-childrens-services-partnership-2021-22-q4-inspection-readiness.pdf'));
    expect(text).toContain(TYPOGRAPHIC);
    expect(text).toContain('children’s services plan');
    expect(text).toContain('Children/young persons’ records');
    expect(text).not.toMatch(/â€|Ã|\uFFFD/);
  });
});
