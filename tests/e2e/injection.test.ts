/**
 * Text from the inputs is data, never structure. CSV cells and report.json strings holding Markdown,
 * Handlebars, template directives or PDF syntax must come out in the paper as the very characters written —
 * no heading, bookmark, table, link, substitution or block — and odd header names must do no harm.
 * Built through the real CLI from a copy of fixtures/orkney.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReportModel } from '../../src/analyse/index.js';
import { readWorkspace } from '../../src/ingest/index.js';
import { copyFixture, FIXTURES, qifReport, tempDir } from '../helpers/cli.js';
import { flatText, pdfCatalogue, pdfInfo, pdfOutline, pdfPageTexts, proseText } from '../helpers/pdf.js';
import { readCsvRows, readReportJson } from '../helpers/workspace-csv.js';

const PDF_NAME = 'orkney-childrens-services-partnership-2021-22-q4-inspection-readiness.pdf';
const AUTHOR = readReportJson(path.join(FIXTURES, 'orkney')).author.name as string;

/** Each is something Markdown, Handlebars, the templates' directives or a PDF reader could take for structure. */
const PIECES = [
  '# Injected heading',
  '| a | b |\n|---|---|',
  '**bold**',
  '[x](http://evil)',
  '![x](file:///etc/passwd)',
  '<script>',
  '{{paper.author.name}}',
  '{{#each qis}}X{{/each}}',
  '[[appendices]]',
  '[[table-1]]',
  ') Tj ET /JavaScript (x',
  '%%EOF',
  '- a bullet',
  '1. a list',
  '> a quote',
  '```',
  '---',
];
/** A word with no break opportunity in it, far wider than any column of the paper. */
const LONG = 'Antidisestablishmentarianism'.repeat(8);

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();
const squeeze = (text: string) => text.replace(/\s+/g, '');
const ONE_LINE = collapse(PIECES.join(' '));
const TITLE = 'Inspection readiness ) Tj ET /JavaScript (x %%EOF {{paper.author.name}}';

type Table = string[][];
const readTable = (file: string) => parse(readFileSync(file, 'utf8'), { bom: true }) as Table;
function writeTable(file: string, table: Table): void {
  const cell = (field: string) => (/[",\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field);
  writeFileSync(file, table.map((record) => record.map(cell).join(',')).join('\n') + '\n');
}

/** The flat text between two markers (from the first `start` on, to the first `end` after it). */
function region(text: string, start: string, end: string): string {
  const from = text.indexOf(start);
  expect(from, `"${start}" is in the paper`).toBeGreaterThanOrEqual(0);
  const to = text.indexOf(end, from + start.length);
  expect(to, `"${end}" follows "${start}"`).toBeGreaterThan(from);
  return text.slice(from, to);
}

const count = (text: string, needle: string) => text.split(needle).length - 1;

/**
 * Puts `text` (and its one-line form) where the inputs can reach the paper: QI 1.1's latest strengths and
 * areas for improvement (Table 3); a local evidence item for QI 1.1, missing, with a reference (Table 2, and
 * the gaps listed under each question QI 1.1 informs); report.json's background, recommendations, an
 * implication and the title (header block and the PDF's Info dictionary).
 */
function inject(workspace: string, paragraphs: readonly string[], { title = TITLE } = {}): void {
  const multiLine = paragraphs.join('\n');
  const oneLine = collapse(paragraphs.join(' '));
  const gradesFile = path.join(workspace, 'grades.csv');
  const grades = readTable(gradesFile);
  const row = grades.find((record) => record[0] === '2021/22 Q4' && record[1] === '1.1')!;
  row[4] = multiLine;
  row[5] = oneLine;
  writeTable(gradesFile, grades);

  const evidenceFile = path.join(workspace, 'evidence.csv');
  const evidence = readTable(evidenceFile);
  evidence.push(['1.1', `Local: ${oneLine}`, 'missing', '', multiLine]);
  writeTable(evidenceFile, evidence);

  const reportFile = path.join(workspace, 'report.json');
  const report = readReportJson(workspace);
  report.title = title;
  report.background.push(...paragraphs);
  report.recommendations.splice(1, 0, oneLine);
  report.implications.push({ heading: '{{paper.author.name}}', text: oneLine });
  writeFileSync(reportFile, JSON.stringify(report, null, 2));
}

/** Latest strengths and areas for improvement of each QI, read from the fixture file, not by the code under test. */
function latestTexts(workspace: string): Map<string, { strengths: string; areas: string }> {
  const order = (period: string) => Number(period.slice(0, 4)) * 10 + Number(/Q(\d)/.exec(period)?.[1] ?? 5);
  const latest = new Map<string, { period: string; strengths: string; areas: string }>();
  for (const row of readCsvRows(workspace, 'grades.csv')) {
    const current = latest.get(row.qi!);
    if (current && order(current.period) > order(row.period!)) continue;
    latest.set(row.qi!, { period: row.period!, strengths: row.strengths!, areas: row.areas_for_improvement! });
  }
  return latest;
}

function build(workspace: string): { pdf: string; stdout: string; stderr: string; status: number } {
  const out = tempDir();
  const result = qifReport(['build', workspace, '--out', out]);
  return { ...result, pdf: path.join(out, PDF_NAME) };
}

const pages = (pdf: string) => Number(pdfInfo(pdf).Pages);

/** Things in a PDF that run code, open links or files, or end a file early. */
const ACTIVE = ['/JavaScript', '/JS', '/URI', '/Launch', '/OpenAction', '/AA', '/Annots', '/GoToR', '/EmbeddedFile'];

let baseline: ReturnType<typeof build>;
let injected: ReturnType<typeof build>;
let injectedWorkspace: string;
let longWord: ReturnType<typeof build>;
let oddColumns: ReturnType<typeof build>;
let oddWorkspace: string;

/** Adds `__proto__` and `constructor` columns, with values, to every row of grades.csv. */
function addOddColumns(workspace: string): void {
  const file = path.join(workspace, 'grades.csv');
  const table = readTable(file);
  table[0]!.push('__proto__', 'constructor');
  for (const record of table.slice(1)) record.push('{"polluted": "yes"}', 'polluted');
  writeTable(file, table);
}

beforeAll(() => {
  baseline = build(copyFixture('orkney'));
  injectedWorkspace = copyFixture('orkney');
  inject(injectedWorkspace, PIECES);
  injected = build(injectedWorkspace);
  const longWorkspace = copyFixture('orkney');
  inject(longWorkspace, [`Evidence is kept in ${LONG} on the shared drive.`, LONG], { title: readReportJson(longWorkspace).title });
  longWord = build(longWorkspace);
  oddWorkspace = copyFixture('orkney');
  addOddColumns(oddWorkspace);
  oddColumns = build(oddWorkspace);
  expect(baseline.status).toBe(0);
}, 60_000);

describe('CSV and report.json text holding Markdown, Handlebars, directives and PDF syntax', () => {
  it('builds, exit 0, with nothing on stderr', () => {
    expect(injected.stderr).toBe('');
    expect(injected.status).toBe(0);
    expect(injected.stdout.trim()).toBe(injected.pdf);
  });

  // pdfmake may wrap a line after "/" or "%", where pdftotext then puts a space: long runs are compared without whitespace.
  it('prints the strengths and areas for improvement in Table 3 as the characters written', () => {
    const table3 = region(flatText(injected.pdf), 'Table 3:', 'Appendix 5');
    for (const piece of PIECES) expect(table3).toContain(collapse(piece));
    expect(squeeze(table3)).toContain(squeeze(ONE_LINE));
  });

  it('prints the local evidence item in Table 2, and in the gaps under each question QI 1.1 informs, as written', () => {
    const text = flatText(injected.pdf);
    expect(squeeze(region(text, 'Table 2:', 'Appendix 4'))).toContain(squeeze(`Local: ${ONE_LINE} (local) – missing`));
    // The gap lists go through the Markdown templates: questions 2, 3 and 4 use QI 1.1 (default mapping), where
    // the local item follows the framework item held only in part.
    const gaps = squeeze(region(proseText(injected.pdf), '4. Recognising', '9. Capacity for improvement'));
    expect(count(gaps, squeeze(`QI 1.1: Performance information, including proposed shared dataset, trend data and benchmarking against comparators (partly held) and Local: ${ONE_LINE} (missing)`))).toBe(3);
  });

  it('makes each background paragraph an ordinary numbered paragraph, whatever it holds', () => {
    const background = region(proseText(injected.pdf), '3. Background', '4. Recognising');
    const first = readReportJson(path.join(FIXTURES, 'orkney')).background.length + 1;
    PIECES.forEach((piece, index) => expect(background).toContain(`3.${first + index} ${collapse(piece)} 3.${first + index + 1} `));
  });

  it('keeps the recommendations one lettered list, the injected one among them', () => {
    const recommendations = region(flatText(injected.pdf), '2. Recommendations', '3. Background');
    // pdftotext -raw reads a list marker after its item's first line, so the item is read without the markers.
    expect(squeeze(recommendations.replace(/\([a-z]\) /g, ''))).toContain(squeeze(ONE_LINE));
    const letters = recommendations.match(/\([a-z]\) /g);
    expect(letters).toEqual(['(a) ', '(b) ', '(c) ', '(d) ', '(e) ', '(f) ']);
  });

  it('prints the injected implication and the title as written', () => {
    const text = flatText(injected.pdf);
    expect(squeeze(region(text, 'Appendix 1:', 'Appendix 2:'))).toContain(squeeze(`{{paper.author.name}} – ${ONE_LINE}`));
    // A long run of characters may wrap where the paper lets it (see render/break-long-words.ts).
    expect(squeeze(pdfPageTexts(injected.pdf)[0]!)).toContain(squeeze(`Heading: ${TITLE.toUpperCase()}`));
    expect(pdfInfo(injected.pdf).Title).toContain(TITLE);
  });

  it('substitutes nothing: the author is named only where the paper names the author, and no block is repeated', () => {
    const text = flatText(injected.pdf);
    const before = flatText(baseline.pdf);
    expect(count(text, AUTHOR)).toBe(count(before, AUTHOR));
    expect(count(text, '{{paper.author.name}}')).toBeGreaterThanOrEqual(8);
    expect(text).not.toMatch(/XX/);
    expect(count(text, 'Table 1:')).toBe(count(before, 'Table 1:'));
    expect(count(text, 'Key to grades')).toBe(count(before, 'Key to grades'));
    expect(text).toContain('<script>');
    expect(text).not.toContain('&lt;');
  });

  it('adds no heading or bookmark: the outline is the uninjected paper’s, section numbers and all', () => {
    const outline = pdfOutline(injected.pdf);
    expect(outline.map((entry) => entry.title)).toEqual(pdfOutline(baseline.pdf).map((entry) => entry.title));
    expect(outline.some((entry) => /Injected|\[\[|\{\{/.test(entry.title))).toBe(false);
  });

  it('changes the page count only by the length of the added text', () => {
    const before = pdfOutline(baseline.pdf);
    const after = pdfOutline(injected.pdf);
    const extra = pages(injected.pdf) - pages(baseline.pdf);
    // The injected text adds about a page of paragraphs, list items and table rows; nothing else moves.
    expect(extra).toBeGreaterThanOrEqual(0);
    expect(extra).toBeLessThanOrEqual(2);
    const shifts = after.map((entry, index) => entry.page - before[index]!.page);
    expect(shifts[0]).toBe(0);
    // Headings keep with what follows them, so a section may take up slack a page earlier: never backwards, never more.
    shifts.forEach((shift) => expect(shift).toBeGreaterThanOrEqual(0));
    shifts.forEach((shift) => expect(shift).toBeLessThanOrEqual(extra));
    expect(shifts.at(-1)).toBe(extra);
    pdfPageTexts(injected.pdf).forEach((page, index) => expect(page).toContain(`Page ${index + 1} of ${pages(injected.pdf)}`));
  });

  it('is a sound PDF with no scripts, links, actions or early ends of file', () => {
    expect(execFileSync('qpdf', ['--check', injected.pdf], { encoding: 'utf8' })).toContain('No syntax or stream encoding errors found');
    const structure = pdfCatalogue(injected.pdf);
    const before = pdfCatalogue(baseline.pdf);
    for (const name of ACTIVE) expect(count(structure, `${name} `) + count(structure, `${name}[`) + count(structure, `${name}<`), name).toBe(count(before, `${name} `) + count(before, `${name}[`) + count(before, `${name}<`));
    expect(structure).not.toContain('/JavaScript');
    const raw = readFileSync(injected.pdf).toString('latin1');
    expect(count(raw, '%%EOF')).toBe(count(readFileSync(baseline.pdf).toString('latin1'), '%%EOF'));
    expect(raw).not.toContain(') Tj ET /JavaScript');
  });

  it('keeps the injected text in the report model exactly as the files hold it', async () => {
    const reading = await readWorkspace(injectedWorkspace);
    expect(reading.problems).toEqual([]);
    const model = buildReportModel(reading.workspace!);
    const qi = model.qis.find((q) => q.id === '1.1')!;
    expect(qi.strengths).toBe(PIECES.join('\n'));
    expect(qi.areasForImprovement).toBe(ONE_LINE);
    expect(qi.evidence.items.find((item) => item.local)).toMatchObject({ text: `Local: ${ONE_LINE}`, status: 'missing', reference: PIECES.join('\n') });
    expect(model.paper.author.name).toBe(AUTHOR);
  });
});

describe('a word wider than any column', () => {
  it('builds, exit 0', () => {
    expect(longWord.stderr).toBe('');
    expect(longWord.status).toBe(0);
  });

  // Each place on its own, so one that loses the word does not hide the others.
  it.each([
    ['Table 3 (strengths)', 'Table 3:', 'Appendix 5', `Evidenceiskeptin${LONG}ontheshareddrive.`],
    ['Table 2 (a local evidence item)', 'Table 2:', 'Appendix 4', `Local:Evidenceiskeptin${LONG}ontheshareddrive.${LONG}(local)–missing`],
    ['the evidence gaps under the questions', '4. Recognising', '9. Capacity for improvement', `(partlyheld)andLocal:Evidenceiskeptin${LONG}ontheshareddrive.${LONG}(missing)`],
    ['Background (numbered paragraphs)', '3. Background', '4. Recognising', `Evidenceiskeptin${LONG}ontheshareddrive.`],
    ['Recommendations (a lettered list)', '2. Recommendations', '3. Background', `Evidenceiskeptin${LONG}ontheshareddrive.`],
  ])('prints the whole word in %s', (_place, start, end, expected) => {
    const text = squeeze(flatText(longWord.pdf).replace(/\([a-z]\) /g, ''));
    expect(region(text, squeeze(start), squeeze(end))).toContain(expected);
  });

  it('loses nothing else from Table 3: every QI’s strengths and areas for improvement still show', () => {
    const table3 = squeeze(region(flatText(longWord.pdf), 'Table 3:', 'Appendix 5'));
    expect(table3).toContain(squeeze('Areas for improvement'));
    for (const [qi, { strengths, areas }] of latestTexts(path.join(FIXTURES, 'orkney'))) {
      if (qi === '1.1') continue;
      expect(table3, `QI ${qi} strengths`).toContain(squeeze(strengths));
      expect(table3, `QI ${qi} areas for improvement`).toContain(squeeze(areas));
    }
  });

  it('loses nothing else from Table 2: QI 1.1’s framework items still show whole', () => {
    const table2 = squeeze(region(flatText(longWord.pdf), 'Table 2:', 'Appendix 4'));
    expect(table2).toContain(squeeze('Performance information, including proposed shared dataset, trend data and benchmarking against comparators – partly held'));
  });

  it('stays a sound PDF of about the uninjected paper’s length', () => {
    expect(pages(longWord.pdf) - pages(baseline.pdf)).toBeLessThanOrEqual(2);
    expect(execFileSync('qpdf', ['--check', longWord.pdf], { encoding: 'utf8' })).toContain('No syntax or stream encoding errors found');
  });
});

describe('grades.csv columns named __proto__ and constructor', () => {
  const WARNING = (column: string, field: number) =>
    `${path.join(oddWorkspace, 'grades.csv')}:1:${field}: warning: column "${column}" is not one the tool reads, so its values are not used; expected one of period, qi, title, grade, evaluated_on, strengths, areas_for_improvement (see the README for other accepted names)`;

  it('build, exit 0, with one warning line each on stderr', () => {
    expect(oddColumns.status).toBe(0);
    expect(oddColumns.stderr.trim().split('\n')).toEqual([WARNING('__proto__', 7), WARNING('constructor', 8)]);
    expect(oddColumns.stdout.trim()).toBe(oddColumns.pdf);
  });

  it('change the paper only by the data-quality appendix that lists the two warnings', () => {
    const before = pdfOutline(baseline.pdf);
    const after = pdfOutline(oddColumns.pdf);
    const appendix = after.findIndex((entry) => entry.title === 'Appendix 6: Data quality');
    expect(appendix).toBeGreaterThan(0);
    expect(after.filter((_, index) => index !== appendix)).toEqual(before.map((entry, index) => ({ ...entry, page: entry.page + (index >= appendix ? pages(oddColumns.pdf) - pages(baseline.pdf) : 0) })));
    // The appendix starts a page and the next entry starts another: its pages are the only new ones.
    expect(pages(oddColumns.pdf) - pages(baseline.pdf)).toBe(after[appendix + 1]!.page - after[appendix]!.page);
    const text = flatText(oddColumns.pdf);
    const appendix6 = region(text, 'Appendix 6: Data quality', 'List of background papers');
    expect(appendix6).toContain('__proto__');
    expect(appendix6).toContain('constructor');
    const table3 = (pdfText: string) => region(pdfText, 'Table 3:', 'Appendix 5').replace(/Page \d+ of \d+/g, '');
    expect(table3(text)).toBe(table3(flatText(baseline.pdf)));
    expect(text).not.toContain('polluted');
  });

  it('pollute nothing when read in-process: only two warnings, the same grades, Object.prototype untouched', async () => {
    const prototypeNames = Object.getOwnPropertyNames(Object.prototype).sort();
    const reading = await readWorkspace(oddWorkspace);
    expect(reading.problems.map((p) => ({ line: p.line, column: p.column, level: p.level, reason: p.reason }))).toEqual([
      { line: 1, column: 7, level: 'warning', reason: 'column "__proto__" is not one the tool reads, so its values are not used' },
      { line: 1, column: 8, level: 'warning', reason: 'column "constructor" is not one the tool reads, so its values are not used' },
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({}).constructor).toBe(Object);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeNames);
    const grades = reading.workspace!.grades;
    const original = (await readWorkspace(path.join(FIXTURES, 'orkney'))).workspace!.grades;
    expect(grades.map(({ source, ...grade }) => ({ ...grade, line: source.line }))).toEqual(original.map(({ source, ...grade }) => ({ ...grade, line: source.line })));
    for (const grade of grades) {
      expect(Object.getPrototypeOf(grade)).toBe(Object.prototype);
      expect(Object.keys(grade).sort()).toEqual(['areasForImprovement', 'evaluatedOn', 'grade', 'period', 'qi', 'source', 'strengths']);
    }
  });
});

describe('report.json keys named like Object.prototype members', () => {
  async function problemsWith(change: (report: Record<string, any>) => string): Promise<string[]> {
    const workspace = copyFixture('orkney');
    writeFileSync(path.join(workspace, 'report.json'), change(readReportJson(workspace)));
    const reading = await readWorkspace(workspace);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const reasons = reading.problems.map((p) => p.reason);
    // Refused: a problem for each such key, and so no workspace to build.
    if (reasons.length > 0) expect(reading.workspace).toBeUndefined();
    return reasons;
  }
  // JSON.stringify writes a "__proto__" own property as a key; spliced in as text to be sure.
  const withKey = (report: Record<string, any>, at: string, json: string) => JSON.stringify(report, null, 2).replace(`"${at}": {`, `"${at}": {\n${json},`);

  it('are refused at the top level and inside reportBy, without polluting anything', async () => {
    expect(await problemsWith((report) => JSON.stringify(report, null, 2).replace('{', '{\n  "__proto__": { "polluted": "yes" },\n  "constructor": { "prototype": { "polluted": "yes" } },'))).toEqual([
      'unknown setting "__proto__"',
      'unknown setting "constructor"',
    ]);
    expect(await problemsWith((report) => withKey(report, 'reportBy', '"__proto__": { "polluted": "yes" }'))).toEqual(['unknown setting "reportBy.__proto__"']);
  });

  it('are refused as question numbers in mapping', async () => {
    expect(await problemsWith((report) => JSON.stringify({ ...report, mapping: { constructor: ['1.1'] } }))).toEqual(['mapping names question "constructor"']);
  });

  it('are refused as threshold names, like any other unknown threshold', async () => {
    const problems = await problemsWith((report) => JSON.stringify({ ...report, thresholds: { constructor: 0.5, toString: 0.5, hasOwnProperty: 0.5 } }));
    expect(problems).toEqual(['unknown threshold "constructor"', 'unknown threshold "toString"', 'unknown threshold "hasOwnProperty"']);
  });
});
