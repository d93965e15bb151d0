// `qif-report position`: the position statement of a model B workspace (fixtures/at-risk-of-harm) and a model C one
// (fixtures/cso-at-home), read back from the PDF and the HTML page; its words counted here independently of the
// code; and what it refuses (exit 2, every problem positioned, nothing written).
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { copyFixture, FIXTURES, tempDir } from '../helpers/cli.js';
import { proseText } from '../helpers/pdf.js';
import { proseWords, sectionsOf } from '../helpers/position-words.js';

async function position(...args: string[]): Promise<{ status: number; stdout: string; lines: string[] }> {
  let stdout = '';
  let stderr = '';
  const status = await run(['position', ...args], { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { status, stdout, lines: stderr.split('\n').filter((line) => line !== '') };
}


const csv = (file: string) => parse(readFileSync(file), { bom: true, columns: true }) as Record<string, string>[];

const htmlText = (file: string) =>
  readFileSync(file, 'utf8')
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/&#x26;|&amp;/g, '&')
    .replace(/&quot;|&#x22;/g, '"')
    .replace(/\s+/g, ' ');

const B = path.join(FIXTURES, 'at-risk-of-harm');
const BASE = 'orkney-childrens-services-partnership-2021-22-q4-position-statement';

describe('the position statement of a model B workspace', () => {
  const out = tempDir();
  const again = tempDir();
  let result: Awaited<ReturnType<typeof position>>;
  let pdf: string;
  let html: string;
  const source = readFileSync(path.join(B, 'position.md'), 'utf8');

  beforeAll(async () => {
    result = await position(B, '--out', out, '--format', 'pdf,html');
    await position(B, '--out', again, '--format', 'pdf,html');
    pdf = proseText(path.join(out, `${BASE}.pdf`));
    html = htmlText(path.join(out, `${BASE}.html`));
  });

  it('is written as a PDF and an HTML page, and says so', () => {
    expect(result.status).toBe(0);
    expect(result.lines).toEqual([]);
    expect(readdirSync(out).sort()).toEqual([`${BASE}.html`, `${BASE}.pdf`]);
  });

  it('prints the words of each statement and the total, as counted here from the prose', () => {
    const counts = sectionsOf(source).map(proseWords);
    const total = counts.reduce((sum, n) => sum + n, 0);
    expect(total).toBeGreaterThanOrEqual(1500);
    counts.forEach((words, index) => expect(result.stdout).toMatch(new RegExp(`^Statement ${index + 1} \\([^)]+\\): ${words.toLocaleString('en-GB')} words$`, 'm')));
    expect(result.stdout).toContain(`Total: ${total.toLocaleString('en-GB')} words of 5,000`);
    expect(pdf).toContain(`Total ${total.toLocaleString('en-GB')} Limit 5,000`);
  });

  it('carries the four statements in their published wording, in both editions', () => {
    // As published in East Dunbartonshire Council's technical note 2022/153 (docs/sources/inspection-models.md).
    const statements = [
      'Children and young people are safer because risks have been identified early and responded to effectively.',
      'Children and young people’s lives improve with high-quality planning and support, ensuring they experience sustained loving and nurturing relationships to keep them safe from further harm.',
      'Children and young people and families are meaningfully and appropriately involved in decisions about their lives. They influence service planning, delivery and improvement.',
      'Collaborative strategic leadership, planning and operational management ensure high standards of service delivery.',
    ];
    statements.forEach((statement, index) => {
      expect(pdf).toContain(`${index + 1}. ${statement}`);
      expect(html).toContain(statement);
    });
  });

  it('carries the officer’s words as written, marks and lists included', () => {
    for (const words of ['Our 2021 case file audit of 40 records found risk assessments of adequate or better quality in 80% of them', 'We have graded leadership of strategy and direction (QI 9.2) as weak', '“My worker has been the same for two years now and she actually knows me.”'.replace(/[“”]/g, '"')]) {
      expect(pdf).toContain(words);
      expect(html).toContain(words);
    }
  });

  it('sets out under "How do we know?" each mapped QI’s latest grade and evidence, from the raw rows', () => {
    const grade = csv(path.join(B, 'grades.csv')).find((row) => row.period === '2021/22 Q4' && row.qi === '5.1')!;
    const evidence = csv(path.join(B, 'evidence.csv')).filter((row) => row.qi === '5.1');
    const held = evidence.filter((row) => row.status === 'held').length;
    const partial = evidence.filter((row) => row.status === 'partial').length;
    const row = `5.1 Initial response ${grade.grade} 2021/22 Q4 ${held} ${partial}`;
    expect(pdf).toContain(row);
    expect(html).toContain(row);
    expect(pdf).toContain('Public information (QI 5.1, missing)');
  });

  it('sets out the key figures with the latest value, computed here from the dataset', () => {
    const latest = csv(path.join(B, 'dataset.csv'))
      .filter((row) => row.indicator === 'CHN09' && row.area === 'Orkney Islands')
      .sort((a, b) => a.period!.localeCompare(b.period!))
      .at(-1)!;
    const figure = `${Number(latest.value).toFixed(1)}%`;
    expect(pdf).toContain(`Looked-after children cared for in the community`);
    expect(pdf).toMatch(new RegExp(`${latest.period!.replace('/', '\\/')} ${figure.replace('.', '\\.')}`));
    expect(html).toContain(figure);
  });

  it('is the same bytes when built again', () => {
    for (const name of [`${BASE}.pdf`, `${BASE}.html`]) expect(readFileSync(path.join(again, name)).equals(readFileSync(path.join(out, name)))).toBe(true);
  });
});

describe('the position statement of a model C workspace', () => {
  it('has the three lines of enquiry and the officer’s words', async () => {
    const out = tempDir();
    const result = await position(path.join(FIXTURES, 'cso-at-home'), '--out', out);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Line of enquiry 3 \(A joined-up system of care\): \d+ words$/m);
    const text = proseText(path.join(out, 'renfrewshire-childrens-services-partnership-2025-26-q2-position-statement.pdf'));
    expect(text).toContain('3. Leaders and managers work well together to create and maintain a joined-up system of care');
    expect(text).toContain('offer every young person an advocate before their hearing');
  });
});

/** A copy of the model B fixture with its position.md replaced. */
function withPosition(markdown: string): { workspace: string; file: string; out: string } {
  const workspace = copyFixture('at-risk-of-harm');
  const file = path.join(workspace, 'position.md');
  writeFileSync(file, markdown);
  return { workspace, file, out: path.join(workspace, 'out') };
}

const QUESTIONS = ['How good are we now?', 'How do we know?', 'What do we plan to do next?'];

/** A statement with `words[s][q]` words under statement s + 1's question q + 1. */
const statementOf = (words: number[][]) =>
  words.map((answers, s) => [`# Statement ${s + 1}`, ...answers.flatMap((n, q) => [`## ${QUESTIONS[q]}`, Array.from({ length: n }, (_, i) => `word${i}`).join(' ')])].join('\n\n')).join('\n\n');

describe('position refuses, with every problem positioned and nothing written', () => {
  it('a statement over 5,000 words, naming its longest sections', async () => {
    // 1,500 + 2,000 + ten answers of 170: 5,200 words.
    const words = [[1500, 170, 170], [170, 2000, 170], [170, 170, 170], [170, 170, 170]];
    const { workspace, file, out } = withPosition(statementOf(words));
    const result = await position(workspace);
    expect(result.status).toBe(2);
    expect(result.lines).toEqual([
      `${file}: 5,200 words, 200 over the limit of 5,000; the longest sections are statement 2 "How do we know?" (2,000 words), statement 1 "How good are we now?" (1,500 words), statement 1 "How do we know?" (170 words); expected at most 5,000 words of your own prose (headings and the facts the tool adds are not counted)`,
    ]);
    expect(existsSync(out)).toBe(false);
  });

  it('warns, and writes, at 4,500 words or more', async () => {
    const { workspace, file, out } = withPosition(statementOf([[1000, 500, 500], [500, 500, 500], [300, 300, 300], [100, 100, 100]]));
    const result = await position(workspace);
    expect(result.status).toBe(0);
    expect(result.lines).toEqual([`${file}: warning: 4,700 words, within 300 of the limit of 5,000`]);
    expect(readdirSync(out)).toEqual([`${BASE}.pdf`]);
  });

  it('a missing statement, where it should come', async () => {
    const [one, two, , four] = sectionsOf(readFileSync(path.join(B, 'position.md'), 'utf8'));
    const markdown = [one, two, four].join('');
    const { workspace, file, out } = withPosition(markdown);
    const line = markdown.split('\n').indexOf(four!.split('\n')[0]!) + 1;
    const result = await position(workspace);
    expect(result.status).toBe(2);
    expect(result.lines).toEqual([`${file}:${line}:1: statement 3 is missing; expected a section "# Statement 3" with its three questions before this heading`]);
    expect(existsSync(out)).toBe(false);
  });

  it('a missing last statement, at the end of the file', async () => {
    const markdown = sectionsOf(readFileSync(path.join(B, 'position.md'), 'utf8')).slice(0, 3).join('');
    const { workspace, file } = withPosition(markdown);
    const lines = markdown.split('\n');
    const result = await position(workspace);
    expect(result.lines).toEqual([`${file}:${lines.length}:${lines.at(-1)!.length + 1}: statement 4 is missing; expected a section "# Statement 4" with its three questions here, at the end of the file`]);
  });

  it('a question out of order', async () => {
    // Statement 1's last two answers swapped, headings and all.
    const [one, ...rest] = sectionsOf(readFileSync(path.join(B, 'position.md'), 'utf8'));
    const [title, good, know, plan] = one!.split(/^(?=## )/m);
    const markdown = [title, good, plan, know, ...rest].join('');
    const { workspace, file } = withPosition(markdown);
    const lines = markdown.split('\n');
    const knowLine = lines.indexOf('## How do we know?') + 1;
    const planLine = lines.indexOf('## What do we plan to do next?') + 1;
    const result = await position(workspace);
    expect(result.status).toBe(2);
    expect(result.lines).toEqual([
      `${file}:${planLine}:1: "## How do we know?" is missing from statement 1; expected the heading and your answer before this heading`,
      `${file}:${knowLine}:1: "## How do we know?" comes after "## What do we plan to do next?"; expected the questions in order: ## How good are we now?, ## How do we know?, ## What do we plan to do next?`,
    ]);
  });

  it('a workspace preparing for model A, in one line saying how to choose B or C', async () => {
    const workspace = copyFixture('orkney');
    writeFileSync(path.join(workspace, 'position.md'), readFileSync(path.join(B, 'position.md')));
    const result = await position(workspace);
    expect(result.status).toBe(2);
    expect(result.lines).toEqual([
      `${path.join(workspace, 'report.json')}: the position statement belongs to inspection models B and C; this workspace prepares for care-and-protection-2018, whose document is a self-evaluation of at most 30 pages; expected "inspectionModel": "at-risk-of-harm-2021" or "inspectionModel": "cso-at-home-2025" in report.json (qif-report framework lists the models)`,
    ]);
  });

  it('a workspace without position.md, in one line', async () => {
    const workspace = copyFixture('cso-at-home');
    rmSync(path.join(workspace, 'position.md'));
    const result = await position(workspace);
    expect(result.status).toBe(2);
    expect(result.lines).toEqual([`${path.join(workspace, 'position.md')}: there is no position statement in the workspace; expected position.md, written as README "Writing the position statement" says (qif-report init --model writes a skeleton)`]);
  });
});
