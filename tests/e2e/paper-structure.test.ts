// The papers' logical structure (issue 11, tagged PDF/UA-1), read back from the built PDFs with poppler's
// `pdfinfo -struct-text` and `qpdf --json` (tests/helpers/structure.ts), never with our own code. Expected values
// are literals for the fixtures' particulars and the framework, the fixture's report.json, and the oracle
// (tests/oracle), which computes every figure from the raw input rows.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyFixture, FIXTURES, qifReportAsync, tempDir } from '../helpers/cli.js';
import { pdfInfo, pdfOutline, pdfPageTexts, pdfText } from '../helpers/pdf.js';
import {
  allObjects,
  childElements,
  descendants,
  pageWords,
  parseStructText,
  readingText,
  runsOf,
  structObjects,
  structTree,
  textOf,
  type StructElement,
  type StructObject,
} from '../helpers/structure.js';
import { QI_TITLES as ALL_QI_TITLES } from '../helpers/qi-titles.js';
import { readReportJson } from '../helpers/workspace-csv.js';
import { comparePeriods, councilNamed, expectedPaper, GRADE_WORDS, parsePeriod, familyGroupMembers, FigureIndex, valueText, type ExpectedPaper, type IndicatorExpectation } from '../oracle/index.js';
import { longDate, MAPPING } from './expectations.js';
import { DIRECTION, TABLES } from './words/labels.js';

const WORKSPACES = ['renfrewshire', 'orkney'] as const;
type Workspace = (typeof WORKSPACES)[number];

/** pdfinfo -struct-text takes several seconds on a paper: each is read once. */
interface Paper {
  file: string;
  tree: StructElement;
  /** The Document element's children, in reading order. */
  top: StructElement[];
  objects: StructObject[];
}

const papers = new Map<Workspace, Paper>();
const paper = (name: Workspace) => papers.get(name)!;
/** Renfrewshire with one grade misspelt, built with --lenient: its Data quality appendix lists its files. */
let lenient: Paper;

async function read(file: string): Promise<Paper> {
  const tree = await structTree(file);
  const roots = childElements(tree);
  expect(roots.map((e) => e.role)).toEqual(['Document']);
  return { file, tree, top: childElements(roots[0]!), objects: structObjects(file) };
}

/** A copy of Renfrewshire whose grade for QI 3.1 in 2021/22 Q4 is misspelt, so that a lenient build rejects the row. */
function renfrewshireWithOneBadRow(): string {
  const workspace = copyFixture('renfrewshire');
  const grades = path.join(workspace, 'grades.csv');
  const text = readFileSync(grades, 'utf8');
  expect(text).toContain('\n2021/22 Q4,3.1,Very Good,');
  writeFileSync(grades, text.replace('\n2021/22 Q4,3.1,Very Good,', '\n2021/22 Q4,3.1,Very Goood,'));
  return workspace;
}

beforeAll(async () => {
  // The builds, then the readings, side by side: pdfinfo -struct-text takes several seconds a paper.
  const [built, lenientBuilt] = await Promise.all([
    qifReportAsync(['build', ...WORKSPACES.map((w) => path.join(FIXTURES, w)), '--out', tempDir('qif-structure-')]),
    qifReportAsync(['build', '--lenient', renfrewshireWithOneBadRow(), '--out', tempDir('qif-structure-lenient-')]),
  ]);
  expect(built.stderr).toBe('');
  expect(built.status).toBe(0);
  expect(lenientBuilt.status).toBe(0);
  // build prints the papers' paths in the order the workspaces were given.
  const files = built.stdout.trim().split('\n');
  const readings = await Promise.all([...files.map(read), read(lenientBuilt.stdout.trim())]);
  WORKSPACES.forEach((w, i) => papers.set(w, readings[i]!));
  lenient = readings[WORKSPACES.length]!;
}, 180_000);

// ---- literals: the framework and the Renfrewshire fixture ----

/** The 22 QIs' titles (area 10, capacity for improvement, aside). */
const { '10': _capacity, ...QI_TITLES } = ALL_QI_TITLES;

/** The framework's key questions, heading Table 1's columns, and its areas (1–9). */
const KEY_QUESTIONS = [
  'What key outcomes have we achieved?',
  'How well do we meet the needs of our stakeholders?',
  'How good is our delivery of services for children, young people and families?',
  'How good is our operational management?',
  'How good is our leadership?',
];
const AREAS = [
  '1. Key performance outcomes',
  '2. Impact on children, young people and families',
  '3. Impact on staff',
  '4. Impact on the community',
  '5. Delivery of key processes',
  '6. Policy, service development and planning',
  '7. Management and support of staff',
  '8. Partnership and resources',
  '9. Leadership and direction',
];

/** The five questions' short titles, each the title of its section (4 to 8). */
const QUESTION_TITLES = [
  'Recognising and responding when children need protection',
  'Helping children who have experienced abuse and neglect',
  'Wellbeing of looked-after children',
  'Care experienced young people’s transition to adulthood',
  'Collaborative leadership',
];

const RENFREWSHIRE_H1 = [
  '1. Summary',
  '2. Recommendations',
  '3. Background',
  ...QUESTION_TITLES.map((title, i) => `${i + 4}. ${title}`),
  '9. Capacity for improvement',
  '10. Next steps',
  'Appendix 1: Implications of the report',
  'Appendix 2: Quality indicators and grades',
  'Appendix 3: Supporting evidence',
  'Appendix 4: Self-evaluation summary',
  'Appendix 5: The performance figures',
  'List of background papers',
];

/** Appendix 5's subheadings: the indicators Renfrewshire's LGBF and ScotPHO files hold figures for. */
const RENFREWSHIRE_H2 = [
  'Children on the child protection register',
  'Children referred to the Reporter for care and protection',
  'Child protection with parental drug or alcohol misuse',
  'Child protection re-registrations within 18 months',
  'Children looked after',
  'Looked-after children cared for in the community',
  'Looked-after children with more than one placement in the year',
  'Looked-after school leavers in positive destinations',
  'Cost of looked-after children in residential settings',
  'Cost of looked-after children in community settings',
];

const QI_TABLE_HEAD = ['QI', 'Quality indicator', 'Previous', 'Latest', 'Movement', 'Evidence held', 'Notes'];
const INDICATOR_TABLE_HEAD = ['Indicator', 'Period', 'Value', 'Change', 'Scotland', 'Family group', 'Rank (group / Scotland)'];
const TABLE_2_HEAD = ['QI', 'Quality indicator', 'Evidence to consider and its status', 'Coverage'];
const TABLE_3_HEAD = ['QI', 'Quality indicator', 'Grade', 'Strengths', 'Areas for improvement'];

// ---- reading the tree ----

/** A table's rows, in order, whether or not they are grouped in THead / TBody / TFoot. */
const rowsOf = (table: StructElement): StructElement[] =>
  childElements(table).flatMap((e) => (e.role === 'TR' ? [e] : ['THead', 'TBody', 'TFoot'].includes(e.role) ? rowsOf(e) : []));
const cellsOf = (row: StructElement) => childElements(row);
const span = (cell: StructElement) => Number(cell.attributes['ColSpan'] ?? 1);
/** Text with the line breaks of the page undone as a reader hears it: runs joined, spaces collapsed. */
const said = (element: StructElement) => textOf(element).replace(/\s+/g, ' ').trim();
const headings = (p: Paper, role: 'H1' | 'H2') => descendants(p.tree, role).map(said);

/** The first element of `role` after the Document child whose text is `text`. */
function after(p: Paper, text: string, role: string): StructElement {
  const start = p.top.findIndex((e) => said(e) === text);
  expect(start, `"${text}" in the tree`).toBeGreaterThanOrEqual(0);
  const found = p.top.slice(start + 1).find((e) => e.role === role);
  expect(found, `a ${role} after "${text}"`).toBeDefined();
  return found!;
}

/** The table a title names: the table whose Caption it is or, titled by a paragraph, the table after that paragraph. */
function tableTitled(p: Paper, title: string): StructElement {
  const captioned = descendants(p.tree, 'Table').filter((table) => childElements(table).some((e) => e.role === 'Caption' && said(e) === title));
  expect(captioned.length, `tables captioned "${title}"`).toBeLessThanOrEqual(1);
  return captioned[0] ?? after(p, title, 'Table');
}

/** The Document's children from the heading `from` up to the next H1. */
function section(p: Paper, from: string): StructElement[] {
  const start = p.top.findIndex((e) => e.role === 'H1' && said(e) === from);
  expect(start, `H1 "${from}"`).toBeGreaterThanOrEqual(0);
  const end = p.top.findIndex((e, i) => i > start && e.role === 'H1');
  return p.top.slice(start + 1, end < 0 ? undefined : end);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('the structure reader (tests/helpers/structure.ts)', () => {
  it('reads pdfinfo -struct-text: nesting by indent, attributes, runs as printed, object references', () => {
    const text = [
      'Document',
      '  Table (block)',
      '    TR',
      '      TH:',
      '         /Scope /Row',
      '         /ColSpan 2',
      '        "To: "',
      '        "say "hi""',
      '      TD',
      '        L (block)',
      '          LI (block)',
      '            LBody (block)',
      '              "x"',
      '        "after"',
      '  Link (inline)',
      '    "go"',
      '    Object 12 0',
      '  P (block)',
      '    "two',
      'lines"',
      '',
    ].join('\n');
    const [document] = childElements(parseStructText(text));
    const [table, link, p] = childElements(document!);
    const [th, td] = childElements(childElements(table!)[0]!);
    expect([th!.role, th!.attributes, th!.kids]).toEqual(['TH', { Scope: 'Row', ColSpan: '2' }, ['To: ', 'say "hi"']]);
    expect([td!.role, descendants(td!).map((e) => e.role), runsOf(td!)]).toEqual(['TD', ['L', 'LI', 'LBody'], ['x', 'after']]);
    expect(readingText(td!).split('\n').filter(Boolean)).toEqual(['x', 'after']);
    expect([link!.role, link!.kids]).toEqual(['Link', ['go', { role: 'OBJR', attributes: { Obj: '12 0 R' }, kids: [] }]]);
    expect([p!.role, textOf(p!)]).toEqual(['P', 'two\nlines']);
  });
});

describe('headings', () => {
  it('Renfrewshire: the sections and appendices are H1s in order, the indicators of Appendix 5 H2s', () => {
    expect(headings(paper('renfrewshire'), 'H1')).toEqual(RENFREWSHIRE_H1);
    expect(headings(paper('renfrewshire'), 'H2')).toEqual(RENFREWSHIRE_H2);
  });

  it.each(WORKSPACES)('%s: the H1s are the bookmarks of the outline, in order', (name) => {
    const outline = pdfOutline(paper(name).file).map((item) => item.title);
    expect(outline.length).toBeGreaterThan(10);
    expect(headings(paper(name), 'H1')).toEqual(outline);
  });

  it.each(WORKSPACES)('%s: the H2s are the indicators the oracle finds figures for, in the catalogue’s order, each under Appendix 5', (name) => {
    const oracle = expectedPaper(path.join(FIXTURES, name));
    expect(headings(paper(name), 'H2')).toEqual(oracle.indicators.map((i) => i.definition.title));
    for (const h2 of descendants(paper(name).tree, 'H2')) expect(section(paper(name), 'Appendix 5: The performance figures')).toContain(h2);
  });
});

describe.each(WORKSPACES)('the %s header block', (name) => {
  const report = readReportJson(path.join(FIXTURES, name));

  it('comes first: P item, P council, then a Table of To / On / Report by / Heading, each a TH heading its row', () => {
    const [item, council, table, next] = paper(name).top;
    expect([item!.role, said(item!)]).toEqual(['P', `Item ${report.agendaItem}`]);
    expect([council!.role, said(council!)]).toEqual(['P', report.council]);
    expect(table!.role).toBe('Table');
    const rows = rowsOf(table!).map((row) => cellsOf(row).map((cell) => [cell.role, cell.attributes['Scope'], said(cell)]));
    expect(rows).toEqual([
      [['TH', 'Row', 'To:'], ['TD', undefined, report.committee]],
      [['TH', 'Row', 'On:'], ['TD', undefined, longDate(report.meetingDate)]],
      [['TH', 'Row', 'Report by:'], ['TD', undefined, `${report.reportBy.name}: ${report.reportBy.post}`]],
      [['TH', 'Row', 'Heading:'], ['TD', undefined, report.title.toUpperCase()]],
    ]);
    expect([next!.role, said(next!)]).toEqual(['H1', '1. Summary']);
  });
});

describe.each(WORKSPACES)('the %s paper’s paragraphs and lists', (name) => {
  const report = readReportJson(path.join(FIXTURES, name));

  it('makes each paragraph of sections 1 to 10 a P with its number inside it: "4.2 " then its text', () => {
    let count = 0;
    for (const h1 of headings(paper(name), 'H1').filter((h) => /^\d+\. /.test(h))) {
      const number = h1.split('.')[0];
      const paragraphs = section(paper(name), h1).filter((e) => e.role === 'P');
      expect(paragraphs.length, h1).toBeGreaterThan(0);
      paragraphs.forEach((p, i) => {
        const runs = runsOf(p);
        expect(runs[0], `${h1}, paragraph ${i + 1}`).toBe(`${number}.${i + 1} `);
        expect(runs.slice(1).join('').trim().length, `${h1}, paragraph ${i + 1} has its text`).toBeGreaterThan(0);
        count += 1;
      });
    }
    expect(count).toBeGreaterThan(20);
  });

  it('holds report.json’s background in paragraphs 3.1, 3.2 …', () => {
    const paragraphs = section(paper(name), '3. Background').filter((e) => e.role === 'P');
    (report.background as string[]).forEach((text, i) => expect(textOf(paragraphs[i]!)).toBe(`3.${i + 1} ${text}`));
  });

  it('lists the recommendations after "2.1 Members are asked to:" as L / LI, each an Lbl "(a) " and an LBody', () => {
    const recommendations = section(paper(name), '2. Recommendations');
    expect(recommendations.slice(0, 2).map((e) => [e.role, said(e)])).toEqual([['P', '2.1 Members are asked to:'], ['L', expect.any(String)]]);
    expectLettered(recommendations[1]!, report.recommendations as string[]);
  });

  it('lists the background papers as L / LI / Lbl / LBody', () => {
    const list = section(paper(name), 'List of background papers').find((e) => e.role === 'L')!;
    expectLettered(list, report.backgroundPapers as string[]);
  });
});

function expectLettered(list: StructElement, texts: string[]): void {
  expect(list.role).toBe('L');
  const items = childElements(list);
  expect(items.map((li) => li.role)).toEqual(texts.map(() => 'LI'));
  items.forEach((li, i) => {
    const [label, body, ...rest] = childElements(li);
    expect(rest).toEqual([]);
    expect([label!.role, textOf(label!)]).toEqual(['Lbl', `(${String.fromCharCode(97 + i)}) `]);
    expect([body!.role, textOf(body!)]).toEqual(['LBody', texts[i]]);
  });
}

describe('tables', () => {
  const renfrewshire = () => paper('renfrewshire');
  const tables = () => descendants(renfrewshire().tree, 'Table');

  it('Renfrewshire: TH cells per table, in order, and which way each heads', () => {
    const summary = tables().map((table) => {
      const th = descendants(table, 'TH');
      return `${th.length} ${[...new Set(th.map((cell) => cell.attributes['Scope'] ?? 'no scope'))].join('/')}`.trim();
    });
    expect(summary).toEqual([
      '4 Row', // header block: To, On, Report by, Heading
      '3 Column', // readiness of the five questions
      ...QUESTION_TITLES.flatMap(() => ['7 Column', '7 Column']), // each question: its QIs, its figures
      '15 Column', // Table 1: 5 key questions, 9 areas, capacity for improvement
      '0', // key to grades
      '6 Row', // the six-point scale
      '4 Column', // Table 2
      '5 Column', // Table 3
      '27 Column/Row', // Table 4: QI, title and the 2 rounds heading columns; each of the 23 QIs heading its row
    ]);
  });

  it.each(WORKSPACES)('%s: every TH has a scope, a row of header cells heads columns, and every row of a table fills its grid', (name) => {
    for (const table of descendants(paper(name).tree, 'Table')) {
      const rows = rowsOf(table);
      expect(rows.length).toBeGreaterThan(0);
      const widths = new Set(rows.map((row) => cellsOf(row).reduce((sum, cell) => sum + span(cell), 0)));
      expect(widths.size, `rows of ${said(table).slice(0, 60)}`).toBe(1);
      const allTh = rows.filter((row) => cellsOf(row).every((cell) => cell.role === 'TH'));
      for (const row of allTh.filter((r) => cellsOf(r).length > 1)) for (const cell of cellsOf(row)) expect(cell.attributes['Scope']).toBe('Column');
      for (const cell of descendants(table, 'TH')) expect(['Row', 'Column'], said(cell)).toContain(cell.attributes['Scope']);
    }
  });

  it.each(QUESTION_TITLES.map((title, i) => [i + 1, title] as const))('Renfrewshire question %i: the table after its heading holds exactly its mapped QIs, ids and titles', (question, title) => {
    expect(readReportJson(path.join(FIXTURES, 'renfrewshire')).mapping).toBeUndefined(); // so the default mapping
    const table = after(renfrewshire(), `${question + 3}. ${title}`, 'Table');
    const [head, ...body] = rowsOf(table);
    expect(cellsOf(head!).map((cell) => [cell.role, cell.attributes['Scope'], said(cell)])).toEqual(QI_TABLE_HEAD.map((text) => ['TH', 'Column', text]));
    expect(body.map((row) => cellsOf(row).slice(0, 2).map((cell) => [cell.role, said(cell)]))).toEqual(MAPPING[question]!.map((qi) => [['TD', qi], ['TD', QI_TITLES[qi]]]));
    const figures = section(renfrewshire(), `${question + 3}. ${title}`).filter((e) => e.role === 'Table')[1]!;
    expect(cellsOf(rowsOf(figures)[0]!).map(said)).toEqual(INDICATOR_TABLE_HEAD);
  });

  it.each([
    ['Table 2: Supporting evidence and its coverage', TABLE_2_HEAD],
    ['Table 3: Self-evaluation summary by quality indicator', TABLE_3_HEAD],
  ])('Renfrewshire: %s runs over pages with its header repeated, tagged once', (title, head) => {
    // On the pages, the header row is printed again at the top of each page the table runs on to …
    const headLine = head.join(' ');
    const pagesWithHead = pdfPageTexts(renfrewshire().file).filter((page) => page.split('\n').some((line) => line.trim() === headLine)).length;
    expect(pagesWithHead).toBeGreaterThan(1);
    // … in the structure, one header row: as many TH as columns, each holding its words once.
    const table = tableTitled(renfrewshire(), title);
    const th = descendants(table, 'TH');
    expect(th.map((cell) => [cell.attributes['Scope'], textOf(cell)])).toEqual(head.map((text) => ['Column', text]));
    expect(rowsOf(table).filter((row) => cellsOf(row).some((cell) => cell.role === 'TH'))).toHaveLength(1);
    expect(rowsOf(table)).toHaveLength(1 + 22 + 1); // the 22 QIs and area 10
    for (const row of rowsOf(table).slice(1)) expect(cellsOf(row)).toHaveLength(head.length);
  });

  it('Renfrewshire Table 1: key questions and areas as TH, each QI once in a TD, capacity for improvement across all 5 columns', () => {
    const table = tableTitled(renfrewshire(), 'Table 1: Quality indicators and self-evaluated grades, 2022/23 Q2');
    const rows = rowsOf(table);
    const cell = (c: StructElement) => [c.role, c.attributes['Scope'], span(c), said(c)];
    expect(cellsOf(rows[0]!).map(cell)).toEqual(KEY_QUESTIONS.map((q) => ['TH', 'Column', 1, q]));
    expect(cellsOf(rows[1]!).map(cell)).toEqual([0, 1, 4, 5, 8].map((a) => ['TH', 'Column', 1, AREAS[a]]));
    // Areas 3, 4, 7 and 8 start lower in their key question's column: their titles are header cells too.
    const areaHeads = descendants(table, 'TH').map(said).filter((text) => /^\d\. /.test(text));
    expect([...areaHeads].sort()).toEqual([...AREAS].sort());
    expect(areaHeads).toHaveLength(9);
    for (const [qi, title] of Object.entries(QI_TITLES)) {
      const holding = descendants(table, 'TD').filter((td) => said(td).startsWith(`${qi} ${title}`));
      expect(holding, `QI ${qi}`).toHaveLength(1);
    }
    // Area 10: grades.csv grades it 4 (Good) for 2022/23 Q2.
    const [capacity, judgement] = rows.slice(-2).map((row) => cellsOf(row));
    expect(capacity!.map(cell)).toEqual([['TH', 'Column', 5, '10. What is our capacity for improvement?']]);
    expect(judgement!.map((c) => [c.role, span(c), runsOf(c).map((run) => run.trim())])).toEqual([
      ['TD', 5, ['Global judgement based on an evaluation of the framework of quality indicators', 'Good']],
    ]);
  });
});

describe('Table 4, grades over time', () => {
  /** Each QI's words in each round, from grades.csv's rows as the oracle reads them (up to the report's period). */
  function expectedCells(name: string): { rounds: string[]; rows: string[][] } {
    const { grades } = expectedPaper(path.join(FIXTURES, name)).raw;
    const order = (a: string, b: string) => comparePeriods(parsePeriod(a), parsePeriod(b));
    const rounds = [...new Set(grades.map((g) => g.period))].sort(order);
    const cell = (qi: string, round: string) => {
      const row = grades.find((g) => g.qi === qi && g.period === round);
      if (row) return GRADE_WORDS[row.grade]!;
      return grades.some((g) => g.qi === qi && order(g.period, round) < 0) ? TABLES.notRegradedInRound : TABLES.notGraded;
    };
    return { rounds, rows: [...Object.keys(QI_TITLES), '10'].map((qi) => [qi, ...rounds.map((round) => cell(qi, round))]) };
  }

  it.each(WORKSPACES)('%s: captioned, a TH per column, a TH per QI heading its row, and every round’s grade in a TD', (name) => {
    const { rounds, rows } = expectedCells(name);
    const table = tableTitled(paper(name), TABLES.table4Title(rounds[0]!, rounds.at(-1)!));
    expect(childElements(table).filter((e) => e.role === 'Caption').map(said)).toEqual([TABLES.table4Title(rounds[0]!, rounds.at(-1)!)]);
    const [head, ...body] = rowsOf(table);
    expect(cellsOf(head!).map((c) => [c.role, c.attributes['Scope'], said(c)])).toEqual(['QI', 'Quality indicator', ...rounds].map((text) => ['TH', 'Column', text]));
    expect(body.map((row) => cellsOf(row).map((c) => [c.role, c.attributes['Scope'] ?? '', said(c)]))).toEqual(
      rows.map(([qi, ...cells]) => [['TH', 'Row', qi], ['TD', '', qi === '10' ? 'What is our capacity for improvement?' : QI_TITLES[qi!]], ...cells.map((text) => ['TD', '', text])]),
    );
  });

  it('orkney: shows the first of its three rounds, 2019/20 Q4', () => {
    const { rounds } = expectedCells('orkney');
    expect(rounds).toEqual(['2019/20 Q4', '2020/21 Q4', '2021/22 Q4']);
  });

  it('a lenient build: the round whose grade row was rejected says so, with the row’s line, in the QI’s row', () => {
    const table = tableTitled(lenient, TABLES.table4Title('2021/22 Q4', '2022/23 Q2'));
    const row = rowsOf(table).find((r) => said(cellsOf(r)[0]!) === '3.1')!;
    const grades = readFileSync(path.join(FIXTURES, 'renfrewshire', 'grades.csv'), 'utf8').split('\n');
    const line = grades.findIndex((text) => text.startsWith('2021/22 Q4,3.1,Very Good,')) + 1;
    expect(line).toBeGreaterThan(1);
    const latest = expectedCells('renfrewshire').rows.find(([qi]) => qi === '3.1')![2];
    expect(cellsOf(row).slice(2).map(said)).toEqual([TABLES.rejectedInRound(line), latest]);
  });
});

// ---- charts ----

/** The members of the partnership's family group with a figure at the indicator's latest period, and their figures. */
function familyBars(oracle: ExpectedPaper, indicator: IndicatorExpectation): { area: string; text: string }[] {
  const group = councilNamed(oracle.raw.area)?.childrenFamilyGroup;
  if (!group) return [];
  const index = new FigureIndex(oracle.raw.figures);
  return familyGroupMembers(group).flatMap((area) => {
    const value = index.get(indicator.id, area, indicator.latest.period);
    return value ? [{ area, text: valueText(indicator.definition, value, 'prose') }] : [];
  });
}

/**
 * Charts in each paper, counted by hand from the inputs: Renfrewshire's LGBF files give 5 series of 10 or more
 * periods (CHN22, CHN09, CHN23, CHN08a, CHN08b) and all 10 indicators have figures for 6 or more family-group
 * councils; Orkney's dataset.csv has the same 5 series and no other council's figures, so no benchmark.
 */
const TRENDS: Record<Workspace, number> = { renfrewshire: 5, orkney: 5 };
const CHARTS: Record<Workspace, number> = { renfrewshire: 15, orkney: 5 };

const spcWords = (i: IndicatorExpectation) => (i.arrow ? TABLES.signal(DIRECTION[i.arrow]) : i.spc.judgeable ? TABLES.noSignal : TABLES.tooShort);

describe.each(WORKSPACES)('the %s charts', (name) => {
  const dir = path.join(FIXTURES, name);
  const area = readReportJson(dir).area as string;
  let oracle: ExpectedPaper;
  /** Each Figure of the tree (pdfinfo) with its /Alt (qpdf) and the indicator heading it stands under. */
  let figures: { alt: string | undefined; indicator: string }[];

  beforeAll(() => {
    oracle = expectedPaper(dir);
    const p = paper(name);
    // The two readers walk the same tree: the same roles in the same order, so the nth Figure is the same one.
    expect(allObjects(p.objects).map((e) => e.role)).toEqual(descendants(p.tree).map((e) => e.role).filter((role) => role !== 'OBJR'));
    const alts = allObjects(p.objects).filter((e) => e.role === 'Figure').map((e) => e.alt);
    let heading = '';
    figures = [];
    for (const e of descendants(p.tree)) {
      if (e.role === 'H2') heading = said(e);
      if (e.role === 'Figure') figures.push({ alt: alts[figures.length], indicator: heading });
    }
  });

  it('has one Figure for each chart the data calls for: a trend from 2 periods, a benchmark from 2 family-group figures', () => {
    const expected = oracle.indicators.map((i) => [i.definition.title, (i.series.length >= 2 ? 1 : 0) + (familyBars(oracle, i).length >= 2 ? 1 : 0)]);
    expect(expected.reduce((sum, [, n]) => sum + (n as number), 0)).toBe(CHARTS[name]);
    // Each under its own indicator's heading, none elsewhere.
    expect(figures.every((f) => expected.some(([title]) => title === f.indicator))).toBe(true);
    expect(expected.map(([title]) => [title, figures.filter((f) => f.indicator === title).length])).toEqual(expected);
    expect(descendants(paper(name).tree, 'Figure')).toHaveLength(CHARTS[name]);
  });

  it('gives every Figure alternative text that names its indicator and says more than "chart"', () => {
    for (const figure of figures) {
      expect(figure.alt, figure.indicator).toBeDefined();
      expect(figure.alt!.length).toBeGreaterThan(80);
      expect(figure.alt).toContain(figure.indicator);
      expect(figure.alt!.trim().toLowerCase()).not.toMatch(/^(line |bar )?chart\.?$/);
    }
  });

  it('says in each trend chart’s alternative text the partnership’s first and latest values, Scotland’s and the family group’s, and the SPC result', () => {
    // The wording is the template's (templates/labels.json, charts.trendAlt); what is checked is that each figure
    // stands in the clause of its area, as the oracle computes it from the rows.
    const clause = (who: string, value: string) => new RegExp(`${who}[^;]{0,20}?${escapeRegExp(value)}`);
    let checked = 0;
    for (const indicator of oracle.indicators.filter((i) => i.series.length >= 2)) {
      const alt = figures.find((f) => f.indicator === indicator.definition.title)!.alt!;
      const show = (f: Parameters<typeof valueText>[1]) => valueText(indicator.definition, f, 'prose');
      const [first, latest] = [indicator.series[0]!, indicator.latest];
      expect(alt).toContain(`${first.period} to ${latest.period}`);
      expect(alt).toMatch(new RegExp(`${escapeRegExp(area)}[^;]*?${escapeRegExp(first.prose)}[^;]*?${escapeRegExp(latest.prose)}`));
      const scotland = indicator.comparators.find((c) => c.role === 'scotland');
      const group = indicator.comparators.find((c) => c.role === 'family-group');
      expect(scotland, `${indicator.id}: Scotland's figure`).toBeDefined();
      expect(group, `${indicator.id}: the family group's figure`).toBeDefined();
      expect(alt).toMatch(clause('Scotland', show(scotland!.value)));
      expect(alt).toMatch(clause('Family group', show(group!.value)));
      if (indicator.spc.judgeable) {
        expect(alt).toContain(`mean ${show(indicator.spc.mean!)}`);
        expect(alt).toContain(`${show(indicator.spc.lower!)} to ${show(indicator.spc.upper!)}`);
      }
      expect(alt).toContain(spcWords(indicator));
      if (spcWords(indicator) !== TABLES.noSignal) expect(alt).not.toContain(TABLES.noSignal);
      checked += 1;
    }
    expect(checked).toBe(TRENDS[name]);
  });

  it('lists in each benchmark chart’s alternative text every family-group member’s latest value, best first', () => {
    for (const indicator of oracle.indicators) {
      const bars = familyBars(oracle, indicator);
      if (bars.length < 2) continue;
      const alt = figures.filter((f) => f.indicator === indicator.definition.title).at(-1)!.alt!;
      expect(alt).toContain(indicator.latest.period);
      const positions = bars.map((bar) => ({ ...bar, at: alt.indexOf(`${bar.area} ${bar.text}`) }));
      for (const bar of positions) expect(bar.at, `${indicator.id}: ${bar.area} ${bar.text}`).toBeGreaterThanOrEqual(0);
      // Best first: as printed, each figure no worse than the next (context measures: largest first).
      const inOrder = [...positions].sort((a, b) => a.at - b.at).map((bar) => Number(bar.text.replace(/[^\d.]/g, '')));
      const lowerFirst = indicator.definition.polarity === 'lower-is-better';
      inOrder.slice(1).forEach((value, i) => expect(lowerFirst ? value >= inOrder[i]! : value <= inOrder[i]!, `${indicator.id}: ${inOrder.join(', ')}`).toBe(true));
    }
  });
});

// ---- furniture and words ----

const allRuns = (p: Paper) => runsOf(p.tree);

describe.each(WORKSPACES)('the %s paper’s page furniture', (name) => {
  const report = readReportJson(path.join(FIXTURES, name));

  it('prints "Page N of M" and the running header on the pages, and neither is in the tagged text', () => {
    const p = paper(name);
    const pages = pdfPageTexts(p.file);
    const count = Number(pdfInfo(p.file).Pages);
    const running = `${report.committee} – ${longDate(report.meetingDate)}`;
    pages.forEach((text, i) => expect(text).toContain(`Page ${i + 1} of ${count}`));
    for (const text of pages.slice(1)) expect(text).toContain(running);
    for (const run of allRuns(p)) {
      expect(run).not.toMatch(/Page \d+ of \d+/);
      expect(run).not.toContain(running);
    }
  });

  it(report.draft ? 'prints the DRAFT watermark and marker on every page, and neither is in the tagged text' : 'is not a draft: no DRAFT on the pages or in the tagged text', () => {
    const p = paper(name);
    const pages = pdfPageTexts(p.file);
    // The watermark's letters come out one a line in content order; the marker as a phrase.
    const watermarked = pdfText(p.file).split('\f').filter((page) => /(?:^|\n)D\nR\nA\nF\nT(?:\n|$)/.test(page)).length;
    const marked = pages.filter((text) => text.includes('DRAFT – not for publication')).length;
    expect([watermarked, marked]).toEqual(report.draft ? [pages.length, pages.length] : [0, 0]);
    for (const run of allRuns(p)) {
      expect(run).not.toContain('DRAFT');
      expect(run.trim()).not.toMatch(/^[DRAFT]$/);
    }
  });
});

/**
 * Tokens of the tagged text that pdftotext does not find on the pages, each with the element it is in. An element's
 * runs are joined as they are, nothing added, up to a child element, which is read apart (as a screen reader
 * reads a list inside a cell). A Figure is read by its /Alt, not by the labels drawn in it.
 */
function unheardWords(p: Paper): string[] {
  const onPages = pageWords(p.file);
  const problems = new Set<string>();
  const visit = (element: StructElement) => {
    if (element.role === 'Figure') return;
    const pieces: string[] = [''];
    for (const kid of element.kids) {
      if (typeof kid === 'string') pieces[pieces.length - 1] += kid;
      else pieces.push('');
    }
    for (const piece of pieces) {
      for (const token of piece.split(/\s+/)) {
        if (token !== '' && !onPages.has(token)) problems.add(`${element.role} "${token}" in "${piece.replace(/\s+/g, ' ').trim().slice(0, 100)}"`);
      }
    }
    childElements(element).forEach(visit);
  };
  visit(p.tree);
  return [...problems];
}

describe.each(WORKSPACES)('the %s paper’s tagged text', (name) => {
  it('holds no zero-width break or soft hyphen, in its text or its figures’ alternative text', () => {
    const runs = allRuns(paper(name));
    expect(runs.length).toBeGreaterThan(500);
    expect(runs.filter((run) => /[\u200B\u00AD]/.test(run))).toEqual([]);
    expect(allObjects(paper(name).objects).filter((e) => /[\u200B\u00AD]/.test(`${e.alt ?? ''}${e.actualText ?? ''}`))).toEqual([]);
  });

  it('reads as the words on the pages: each element’s runs joined as they are give only words pdftotext finds', () => {
    expect(readingText(paper(name).tree).split(/\s+/).length).toBeGreaterThan(5000);
    expect(unheardWords(paper(name))).toEqual([]);
  });
});

describe('a lenient build’s Data quality appendix', () => {
  it('reads a long file name broken over lines at an invisible break point as one word', () => {
    const table = after(lenient, 'Appendix 6: Data quality', 'Table');
    const files = rowsOf(table).slice(1).map((row) => cellsOf(row)[0]!);
    expect(files.map(textOf)).toEqual(['report.json', 'grades.csv', 'evidence.csv', 'data/council_children_indicators_2021.csv', 'data/lgbf_data_table_cash.csv']);
    // It was broken: two runs in the structure, two lines on the page, and no break character read out.
    const long = files[3]!;
    expect(runsOf(long).length).toBeGreaterThan(1);
    expect(pdfText(lenient.file).split(/\s+/)).not.toContain('data/council_children_indicators_2021.csv');
    expect(readingText(lenient.tree).split(/\s+/)).toContain('data/council_children_indicators_2021.csv');
  });

  it('holds no zero-width break or soft hyphen, and reads as the words on the pages', () => {
    expect(allRuns(lenient).filter((run) => /[\u200B\u00AD]/.test(run))).toEqual([]);
    expect(unheardWords(lenient)).toEqual([]);
  });
});
