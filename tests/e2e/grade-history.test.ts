// Grades over time (issue 13, item 5), end to end through the CLI: Appendix 4's Table 4 shows each QI's grade
// in every round held, in the PDF (pdftotext) and the HTML edition (Chromium), the first of Orkney's three
// rounds included; and a workspace with eight rounds gets the table in two parts that fit an A4 page, with a
// sentence saying so. Expected values come from the raw rows of each grades.csv (csv-parse, tests/oracle/csv.ts).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openFile, troubleLines, useChromium } from '../helpers/browser.js';
import { copyFixture, FIXTURES, qifReportAsync, tempDir } from '../helpers/cli.js';
import { flatText, pdfInfo, pdfText } from '../helpers/pdf.js';
import { readCsv, type Row } from '../oracle/csv.js';
import { TABLES } from './words/labels.js';
import { QIS, QI_TITLES } from '../helpers/qi-titles.js';

const browser = useChromium();

const WORDS = ['', 'Unsatisfactory', 'Weak', 'Adequate', 'Good', 'Very good', 'Excellent'];
const wordOf = (text: string) => {
  const word = WORDS.find((w) => w.toLowerCase() === text.trim().toLowerCase());
  return word ?? WORDS[Number(text)]!;
};
/** "2021/22 Q4" → 20214; the workspaces here use only that form. */
const roundKey = (text: string) => {
  const match = /^(\d{4})\/\d{2} Q(\d)$/.exec(text);
  if (!match) throw new Error(`unexpected period ${text}`);
  return Number(match[1]) * 10 + Number(match[2]);
};

interface Expected {
  rounds: string[];
  /** Per QI, its words in each round. */
  cells: Map<string, string[]>;
}

/** Table 4 worked out from grades.csv: a round's grade word, else Not regraded (graded before) or Not graded. */
function expectedTable(workspace: string): Expected {
  const rows: Row[] = readCsv(path.join(workspace, 'grades.csv'));
  const rounds = [...new Set(rows.map((row) => row['period']!))].sort((a, b) => roundKey(a) - roundKey(b));
  const cell = (qi: string, round: string) => {
    const row = rows.find((r) => r['qi'] === qi && r['period'] === round);
    if (row) return wordOf(row['grade']!);
    return rows.some((r) => r['qi'] === qi && roundKey(r['period']!) < roundKey(round)) ? TABLES.notRegradedInRound : TABLES.notGraded;
  };
  return { rounds, cells: new Map(QIS.map((qi) => [qi, rounds.map((round) => cell(qi, round))])) };
}

/**
 * Orkney with five earlier rounds, 2014/15 Q4 to 2018/19 Q4, before its three: eight in all. Each QI's grade in
 * them runs round the scale from a different point, so that every column differs from its neighbours.
 */
function orkneyWithEightRounds(): string {
  const workspace = copyFixture('orkney');
  const file = path.join(workspace, 'grades.csv');
  const [header, ...rest] = readFileSync(file, 'utf8').split('\n');
  const earlier = [2014, 2015, 2016, 2017, 2018].flatMap((year, round) =>
    QIS.map((qi, index) => `${year}/${String(year + 1).slice(2)} Q4,${qi},${((round + index) % 6) + 1},${year + 1}-03-04,Strengths in ${year},Improve in ${year}`),
  );
  writeFileSync(file, [header, ...earlier, ...rest].join('\n'));
  return workspace;
}

interface Built {
  workspace: string;
  pdf: string;
  html: string;
}

const built = new Map<'orkney' | 'eight', Built>();

beforeAll(async () => {
  const cases = [['orkney', path.join(FIXTURES, 'orkney')], ['eight', orkneyWithEightRounds()]] as const;
  const results = await Promise.all(cases.map(([, workspace]) => qifReportAsync(['build', workspace, '--out', tempDir('qif-history-'), '--format', 'pdf,html'])));
  cases.forEach(([name, workspace], i) => {
    const result = results[i]!;
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const [pdf, html] = result.stdout.trim().split('\n');
    built.set(name, { workspace, pdf: pdf!, html: html! });
  });
}, 180_000);

/** The PDF's text of Table 4's parts: from each title to the next, the last to Appendix 5. */
function pdfParts(pdf: string, titles: readonly string[]): string[] {
  const text = flatText(pdf);
  const starts = titles.map((title) => text.indexOf(title));
  for (const [i, start] of starts.entries()) expect(start, titles[i]).toBeGreaterThan(0);
  return starts.map((start, i) => text.slice(start, starts[i + 1] ?? text.indexOf('Appendix 5:', start)));
}

/** The tables of Table 4 as Chromium renders them: caption, head, and each row's cells as innerText. */
async function htmlTables(file: string): Promise<{ caption: string; head: string[]; scopes: string[]; rows: string[][]; rowHeaders: string[] }[]> {
  const { page, trouble, close } = await openFile(browser(), file);
  try {
    const tables = await page.evaluate(() =>
      [...document.querySelectorAll('table.grade-history')].map((table) => ({
        caption: (table.querySelector('caption') as HTMLElement | null)?.innerText.trim() ?? '',
        head: [...table.querySelectorAll('thead th')].map((th) => (th as HTMLElement).innerText.trim()),
        scopes: [...table.querySelectorAll('thead th')].map((th) => th.getAttribute('scope') ?? ''),
        rows: [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((cell) => (cell as HTMLElement).innerText.trim())),
        rowHeaders: [...table.querySelectorAll('tbody th')].map((th) => th.getAttribute('scope') ?? ''),
        scrollBox: table.parentElement?.classList.contains('table-scroll') ?? false,
      })),
    );
    expect(troubleLines(trouble)).toEqual([]);
    expect(tables.every((table) => table.scrollBox)).toBe(true);
    return tables;
  } finally {
    await close();
  }
}

describe('Orkney: three rounds in one table', () => {
  const expected = () => expectedTable(built.get('orkney')!.workspace);
  const title = () => TABLES.table4Title(expected().rounds[0]!, expected().rounds.at(-1)!);

  it('holds three rounds in grades.csv, 2019/20 Q4 first', () => {
    expect(expected().rounds).toEqual(['2019/20 Q4', '2020/21 Q4', '2021/22 Q4']);
  });

  it('PDF: every QI’s row reads its number, title and its word in each round, the first round included', () => {
    const [table] = pdfParts(built.get('orkney')!.pdf, [title()]);
    for (const [qi, cells] of expected().cells) expect(table, `QI ${qi}`).toContain(`${qi} ${QI_TITLES[qi]} ${cells.join(' ')}`);
    const sentence = `Table 4 sets out each QI's grade in each of the 3 rounds of self-evaluation held, oldest first, from 2019/20 Q4 to 2021/22 Q4. Not regraded marks a round in which a QI graded before was not evaluated again.`;
    expect(flatText(built.get('orkney')!.pdf)).toContain(sentence);
  });

  it('HTML: the same table, captioned, headed by th scope=col, each QI’s row headed by th scope=row, in a scroll box', async () => {
    const tables = await htmlTables(built.get('orkney')!.html);
    expect(tables.map((t) => t.caption)).toEqual([title()]);
    const [table] = tables;
    expect(table!.head).toEqual(['QI', 'Quality indicator', ...expected().rounds]);
    expect(table!.scopes).toEqual(table!.head.map(() => 'col'));
    expect(table!.rowHeaders).toEqual(QIS.map(() => 'row'));
    expect(table!.rows).toEqual([...expected().cells].map(([qi, cells]) => [qi, QI_TITLES[qi], ...cells]));
  });
});

describe('eight rounds: the table in two parts that fit an A4 portrait page', () => {
  const expected = () => expectedTable(built.get('eight')!.workspace);
  const titles = () => {
    const { rounds } = expected();
    return [TABLES.table4Title(rounds[0]!, rounds[3]!), TABLES.table4Title(rounds[4]!, rounds[7]!, true)];
  };

  it('says there are too many rounds for one page, and in how many parts the table is set out', () => {
    expect(expected().rounds).toHaveLength(8);
    const sentence = `Table 4 sets out each QI's grade in each of the 8 rounds of self-evaluation held, oldest first, from 2014/15 Q4 to 2021/22 Q4. Not regraded marks a round in which a QI graded before was not evaluated again. There are too many rounds to fit across a page, so the table is set out in 2 parts, oldest rounds first.`;
    expect(flatText(built.get('eight')!.pdf)).toContain(sentence);
  });

  it('PDF: each part holds four rounds, and every QI’s word in each round', () => {
    const parts = pdfParts(built.get('eight')!.pdf, titles());
    parts.forEach((part, p) => {
      for (const [qi, cells] of expected().cells) expect(part, `part ${p + 1}, QI ${qi}`).toContain(`${qi} ${QI_TITLES[qi]} ${cells.slice(p * 4, p * 4 + 4).join(' ')}`);
    });
  });

  it('PDF: A4 portrait, and on the pages of Table 4 every word lies inside the side margins (57 pt each)', () => {
    const { pdf } = built.get('eight')!;
    expect(pdfInfo(pdf)['Page size']).toMatch(/^595\.\d+ x 841\.\d+ pts \(A4\)$/);
    const pages = pdfText(pdf).split('\f').flatMap((text, index) => (text.includes('Table 4') ? [index + 1] : []));
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const page of pages) {
      const xml = execFileSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8' });
      const words = [...xml.matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>([^<]*)</g)].map(([, xMin, xMax, word]) => ({ xMin: Number(xMin), xMax: Number(xMax), word }));
      expect(words.length).toBeGreaterThan(100);
      const outside = words.filter((w) => w.xMin < 57 - 0.5 || w.xMax > 595.28 - 57 + 0.5).map((w) => `page ${page}: ${w.word} ${w.xMin}–${w.xMax}`);
      expect(outside).toEqual([]);
    }
  });

  it('HTML: the same two tables, each captioned with its rounds', async () => {
    const tables = await htmlTables(built.get('eight')!.html);
    expect(tables.map((t) => t.caption)).toEqual(titles());
    tables.forEach((table, p) => {
      expect(table.head).toEqual(['QI', 'Quality indicator', ...expected().rounds.slice(p * 4, p * 4 + 4)]);
      expect(table.rows).toEqual([...expected().cells].map(([qi, cells]) => [qi, QI_TITLES[qi], ...cells.slice(p * 4, p * 4 + 4)]));
    });
  });
});
