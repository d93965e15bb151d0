// A paper built from a workspace where some QIs and evidence items are not yet evaluated (issue 13): the Orkney
// fixture with the latest round's grade left empty for a few QIs (one of them a round it had no row for) and a
// few evidence statuses left empty. The PDF (read through its tagged structure, by poppler) and the HTML edition
// must say "not yet evaluated" for exactly those QIs and items, name each QI's earlier grade, and never call them
// not regraded. Every expected value is worked out here from the raw CSV rows, never from src/.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyFixture, qifReportAsync, tempDir } from '../helpers/cli.js';
import { childElements, descendants, structTree, textOf, type StructElement } from '../helpers/structure.js';
import { pdfText } from '../helpers/pdf.js';

const ROUND = '2021/22 Q4';
/** QIs whose latest-round grade is emptied; 4.1 has no row in the round, so one is added with its grade empty. */
const EMPTIED = ['1.1', '5.1', '9.2'];
const ADDED = '4.1';
const BLANK_EVIDENCE_ROWS = 6;

type Row = Record<string, string>;
const readCsv = (file: string): Row[] => parse(readFileSync(file, 'utf8'), { columns: true, bom: true }) as Row[];
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

let workspace: string;
let pdf: string;
let html: string;
let gradeRows: Row[];
let evidenceRows: Row[];

/** The workspace as an officer part way through the round leaves it. */
function prepareWorkspace(): string {
  const folder = copyFixture('orkney');
  const gradesFile = path.join(folder, 'grades.csv');
  const grades = readCsv(gradesFile);
  const header = ['period', 'qi', 'title', 'grade', 'evaluated_on', 'strengths', 'areas_for_improvement'];
  const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;
  const lines = grades.map((row) => {
    const emptied = row.period === ROUND && EMPTIED.includes(row.qi!);
    return [row.period, row.qi, 'a title', emptied ? '' : row.grade, emptied ? '' : row.evaluated_on, emptied ? '' : row.strengths, emptied ? '' : row.areas_for_improvement].map((v) => quote(v ?? '')).join(',');
  });
  lines.push([ROUND, ADDED, 'a title', '', '', '', ''].map(quote).join(','));
  writeFileSync(gradesFile, [header.join(','), ...lines].join('\n') + '\n');

  const evidenceFile = path.join(folder, 'evidence.csv');
  const evidence = readCsv(evidenceFile);
  const evidenceLines = evidence.map((row, index) => [row.qi, '', row.item, index < BLANK_EVIDENCE_ROWS ? '' : row.status, row.reviewed_on, row.reference].map((v) => quote(v ?? '')).join(','));
  writeFileSync(evidenceFile, ['qi,item_number,item,status,reviewed_on,reference', ...evidenceLines].join('\n') + '\n');
  return folder;
}

/** The scale's words, by grade: the fixture writes some grades as numbers and some in other capitals. */
const WORDS = ['Unsatisfactory', 'Weak', 'Adequate', 'Good', 'Very good', 'Excellent'];
const wordOf = (grade: string) => (/^[1-6]$/.test(grade) ? WORDS[Number(grade) - 1]! : WORDS.find((word) => word.toLowerCase() === squash(grade).toLowerCase())!);

/** Periods as the fixture writes them ("2020/21 Q4") sort as text. */
function expectedFromRows() {
  const graded = gradeRows.filter((row) => row.grade !== '');
  const notYet = [...new Set(gradeRows.filter((row) => row.period === ROUND && row.grade === '').map((row) => row.qi!))];
  const earlier = new Map(notYet.map((qi) => {
    const latest = graded.filter((row) => row.qi === qi).sort((a, b) => a.period!.localeCompare(b.period!)).at(-1)!;
    return [qi, { period: latest.period!, word: wordOf(latest.grade!) }];
  }));
  const blankItems = new Map<string, number>();
  for (const row of evidenceRows.filter((r) => r.status === '')) blankItems.set(row.qi!, (blankItems.get(row.qi!) ?? 0) + 1);
  return { notYet, earlier, blankItems };
}

beforeAll(async () => {
  workspace = prepareWorkspace();
  gradeRows = readCsv(path.join(workspace, 'grades.csv'));
  evidenceRows = readCsv(path.join(workspace, 'evidence.csv'));
  const out = tempDir('qif-nye-');
  const built = await qifReportAsync(['build', workspace, '--out', out, '--format', 'pdf,html']);
  expect(built.stderr).toBe('');
  expect(built.status).toBe(0);
  [pdf, html] = built.stdout.trim().split('\n') as [string, string];
  expect(path.extname(pdf)).toBe('.pdf');
  expect(path.extname(html)).toBe('.html');
}, 180_000);

/** A table's rows as cell texts, from the PDF's structure (TR of TH/TD). */
function pdfRows(tree: StructElement): string[][] {
  return descendants(tree, 'TR').map((row) => childElements(row).filter((cell) => cell.role === 'TD' || cell.role === 'TH').map((cell) => squash(textOf(cell))));
}

/** The same from the HTML edition: each <tr>'s cells, tags taken out, line breaks read as spaces. */
function htmlRows(text: string): string[][] {
  const cellText = (cell: string) => squash(cell.replace(/<br>/g, ' ').replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&#x27;|&#39;/g, "'").replace(/&quot;/g, '"'));
  return [...text.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map(([, row]) => [...row!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map(([, cell]) => cellText(cell!)));
}

const isQi = (text: string | undefined) => /^(\d\.\d|10)$/.test(text ?? '');

describe('a paper with QIs and evidence not yet evaluated', () => {
  let editions: { name: string; rows: string[][]; text: string }[];
  beforeAll(async () => {
    const tree = await structTree(pdf);
    const page = readFileSync(html, 'utf8');
    editions = [
      { name: 'PDF', rows: pdfRows(tree), text: squash(pdfText(pdf)) },
      { name: 'HTML', rows: htmlRows(page), text: squash(htmlRows(page).flat().join(' ') + ' ' + page.replace(/<[^>]+>/g, ' ').replace(/&#x27;/g, "'")) },
    ];
  }, 120_000);

  it('says, in Appendix 4, not yet evaluated for exactly those QIs, with the earlier grade named', () => {
    const { notYet, earlier } = expectedFromRows();
    expect(notYet.sort()).toEqual([...EMPTIED, ADDED].sort());
    for (const edition of editions) {
      // Table 3's rows: QI, title, grade, strengths, areas for improvement.
      const table3 = edition.rows.filter((row) => row.length === 5 && isQi(row[0]));
      expect(table3.length, edition.name).toBeGreaterThanOrEqual(23);
      const said = table3.filter((row) => row[2]!.startsWith('Not yet evaluated')).map((row) => row[0]);
      expect(said.sort(), edition.name).toEqual([...notYet].sort());
      for (const qi of notYet) {
        const row = table3.find((r) => r[0] === qi)!;
        expect(row[2], `${edition.name} ${qi}`).toBe(`Not yet evaluated ${ROUND} Graded ${earlier.get(qi)!.word} in ${earlier.get(qi)!.period}`);
      }
    }
  });

  it('says it in Table 1, the earlier grade beneath, for exactly those QIs', () => {
    const { notYet, earlier } = expectedFromRows();
    for (const edition of editions) {
      // Table 1's QI cells: "5.1 Initial response" then the grade, the first column of no other table.
      const cells = edition.rows.flat().filter((cell) => /^\d\.\d [A-Z]/.test(cell));
      expect(cells.length, edition.name).toBeGreaterThanOrEqual(22);
      const said = cells.filter((cell) => cell.includes('Not yet evaluated')).map((cell) => cell.split(' ')[0]);
      expect(said.sort(), edition.name).toEqual(notYet.filter((qi) => qi !== '10').sort());
      for (const cell of cells.filter((c) => c.includes('Not yet evaluated'))) {
        const qi = cell.split(' ')[0]!;
        expect(cell, `${edition.name} ${qi}`).toMatch(new RegExp(`Not yet evaluated Graded ${earlier.get(qi)!.word} in ${earlier.get(qi)!.period.replace('/', '\\/')}$`));
      }
    }
  });

  it('says it in each question\'s grade table: the earlier grade as previous, no "not regraded" note', () => {
    const { notYet, earlier } = expectedFromRows();
    for (const edition of editions) {
      // QI, title, previous, latest, movement, evidence, notes.
      const rows = edition.rows.filter((row) => row.length === 7 && isQi(row[0]));
      expect(rows.length, edition.name).toBeGreaterThan(0);
      for (const row of rows) {
        const pending = notYet.includes(row[0]!);
        expect(row[3]!.startsWith('Not yet evaluated'), `${edition.name} ${row[0]}`).toBe(pending);
        if (!pending) continue;
        expect(row.slice(2, 5), `${edition.name} ${row[0]}`).toEqual([`${earlier.get(row[0]!)!.word} ${earlier.get(row[0]!)!.period}`, `Not yet evaluated ${ROUND}`, 'Not yet evaluated']);
        expect(row[6], `${edition.name} ${row[0]}`).not.toMatch(/regraded/);
      }
    }
  });

  it('gives the summary and the readiness reasons for those QIs, and for no other', () => {
    const { notYet, earlier } = expectedFromRows();
    const sorted = [...notYet].sort((a, b) => Number(a) - Number(b));
    const listed = sorted.map((qi) => `${qi} (graded ${earlier.get(qi)!.word} in ${earlier.get(qi)!.period})`);
    const summary = `${notYet.length} of the 22 QIs have not yet been evaluated in their latest round; where a QI was graded in an earlier round, this paper uses that grade and says so: for ${ROUND}, QIs ${listed.slice(0, -1).join(', ')} and ${listed.at(-1)}.`;
    for (const edition of editions) {
      expect(edition.text, edition.name).toContain(summary);
      for (const qi of ['1.1', '2.1', '2.2', '3.1', '4.1', '5.1', '5.2', '5.3', '5.4', '6.1', '6.2', '6.3', '7.1', '8.1', '8.2', '9.1', '9.2', '9.3', '9.4']) {
        const reason = `QI ${qi} for ${ROUND}, so its`;
        expect(edition.text.includes(reason), `${edition.name} ${qi}`).toBe(notYet.includes(qi));
        if (notYet.includes(qi)) expect(edition.text, `${edition.name} ${qi}`).toContain(`QI ${qi} for ${ROUND}, so its ${earlier.get(qi)!.period} grade (${earlier.get(qi)!.word}) is used`);
      }
    }
  });

  it('shows each evidence item left without a status as not yet evaluated, and counts them per QI', () => {
    const { blankItems } = expectedFromRows();
    expect([...blankItems.values()].reduce((a, b) => a + b, 0)).toBe(BLANK_EVIDENCE_ROWS);
    for (const edition of editions) {
      // Table 2's rows: QI, title, the items with their statuses, coverage.
      const table2 = edition.rows.filter((row) => row.length === 4 && isQi(row[0]));
      for (const row of table2) {
        const said = row[2]!.split('– not yet evaluated').length - 1;
        expect(said, `${edition.name} Table 2, QI ${row[0]}`).toBe(blankItems.get(row[0]!) ?? 0);
      }
      // The question tables' evidence cell counts them: "…, 2 not yet evaluated (…)".
      for (const row of edition.rows.filter((r) => r.length === 7 && isQi(r[0]))) {
        const count = blankItems.get(row[0]!);
        if (count) expect(row[5], `${edition.name} ${row[0]}`).toContain(`, ${count} not yet evaluated (`);
        else expect(row[5], `${edition.name} ${row[0]}`).not.toContain('not yet evaluated');
      }
    }
  });
});

describe('a paper where nothing is evaluated yet, as a round just begun', () => {
  let text: string;
  let rows: string[][];
  let qis: string[];
  beforeAll(async () => {
    // Every QI the fixture grades, one row each for its report round with the grade empty; every status empty.
    const folder = copyFixture('orkney');
    qis = [...new Set(readCsv(path.join(folder, 'grades.csv')).map((row) => row.qi!))];
    writeFileSync(path.join(folder, 'grades.csv'), ['period,qi,title,grade,evaluated_on,strengths,areas_for_improvement', ...qis.map((qi) => `${ROUND},${qi},a title,,,,`)].join('\n') + '\n');
    const evidence = readCsv(path.join(folder, 'evidence.csv'));
    writeFileSync(path.join(folder, 'evidence.csv'), ['qi,item,status', ...evidence.map((row) => `${row.qi},"${row.item!.replace(/"/g, '""')}",`)].join('\n') + '\n');
    const built = await qifReportAsync(['build', folder, '--out', tempDir('qif-nye-all-'), '--format', 'pdf']);
    expect(built.stderr).toBe('');
    expect(built.status).toBe(0);
    const file = built.stdout.trim();
    text = squash(pdfText(file));
    rows = pdfRows(await structTree(file));
  }, 180_000);

  it('builds, rates every question Not ready, and says no QI is evaluated yet, capacity included', () => {
    expect(qis).toHaveLength(23); // the 22 QIs and area 10
    const listed = qis.filter((qi) => qi !== '10').sort((a, b) => Number(a) - Number(b));
    expect(text).toContain(`None of the 22 QIs has yet been evaluated in their latest round: for ${ROUND}, QIs ${listed.slice(0, -1).join(', ')} and ${listed.at(-1)}.`);
    expect(text).toContain(`Of these, none are rated Ready, none Nearly ready and 5 Not ready.`);
    expect(text).toContain(`The partnership has not yet evaluated its capacity for improvement for ${ROUND}.`);
    // (The fixture's own background prose speaks of QIs "marked as not regraded"; the paper's words must not.)
    expect(text).not.toContain('not regraded this round');
    const questionRows = rows.filter((row) => row.length === 7 && isQi(row[0]));
    expect(questionRows.length).toBeGreaterThan(0);
    for (const row of questionRows) expect(row.slice(3, 5), row[0]).toEqual([`Not yet evaluated ${ROUND}`, 'Not yet evaluated']);
    for (const row of questionRows) expect(row[6], row[0]).not.toMatch(/regraded/);
    const table3 = rows.filter((row) => row.length === 5 && isQi(row[0]));
    expect(table3.map((row) => [row[0], row[2]])).toEqual(qis.sort((a, b) => Number(a) - Number(b)).map((qi) => [qi, `Not yet evaluated ${ROUND}`]));
  });
});
