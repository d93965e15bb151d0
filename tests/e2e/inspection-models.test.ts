// Papers prepared for the inspection a partnership will actually get (issue 14): the workspace names its model in
// report.json, and the paper follows it. The statements, lines of enquiry and graded QIs expected here are the
// source's (docs/sources/inspection-models.md), typed in tests/oracle/models.ts; ratings are the oracle's, worked
// out from the raw CSV rows. Every other word of these papers is checked in paper-words.test.ts.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyFixture, FIXTURES, qifReport, qifReportAsync, tempDir } from '../helpers/cli.js';
import { flatText } from '../helpers/pdf.js';
import { expectedPaper, MODELS, type ExpectedPaper } from '../oracle/index.js';

const RATING = { ready: 'Ready', 'nearly-ready': 'Nearly ready', 'not-ready': 'Not ready' } as const;
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

type Json = Record<string, unknown>;
const readJson = (file: string): Json => JSON.parse(readFileSync(file, 'utf8')) as Json;
const writeJson = (file: string, json: Json) => writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);

/** The one PDF, HTML and JSON a build of `workspace` writes. */
async function build(workspace: string): Promise<{ pdf: string; html: string; json: Json }> {
  const result = await qifReportAsync(['build', workspace, '--out', tempDir('qif-models-'), '--format', 'pdf,html,json']);
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  const files = result.stdout.trim().split('\n');
  const file = (ext: string) => files.find((f) => f.endsWith(ext))!;
  return { pdf: file('.pdf'), html: file('.html'), json: readJson(file('.json')) };
}

const papers: Record<string, { text: string; json: Json; oracle: ExpectedPaper }> = {};

beforeAll(async () => {
  await Promise.all(
    ['at-risk-of-harm', 'cso-at-home'].map(async (name) => {
      const { pdf, json } = await build(path.join(FIXTURES, name));
      papers[name] = { text: squash(flatText(pdf)), json, oracle: expectedPaper(path.join(FIXTURES, name)) };
    }),
  );
}, 180_000);

/** The QIs the JSON model marks as graded by inspectors (area 10 aside). */
const markedGraded = (json: Json) => (json['qis'] as { id: string; inspectorGraded: boolean }[]).filter((qi) => qi.inspectorGraded).map((qi) => qi.id);

describe('a workspace preparing for model B (joint inspections of children at risk of harm, 2021–2025)', () => {
  it('carries the four inspection statements in their published wording, each numbered', () => {
    const { text } = papers['at-risk-of-harm']!;
    MODELS['at-risk-of-harm-2021'].items.forEach((statement, index) => expect(text).toContain(`Inspection statement ${index + 1}: ${statement}`));
    expect(text).not.toContain('Inspection question');
  });

  it('rates each statement, in the summary table and in a section of its own', () => {
    const { text, oracle } = papers['at-risk-of-harm']!;
    expect(oracle.questions).toHaveLength(4);
    for (const q of oracle.questions) expect(text).toMatch(new RegExp(`Inspection statement ${q.number}: .*?Readiness: ${RATING[q.readiness.rating]}\\.`));
    expect(text).toContain('explained in sections 4 to 7');
  });

  it('marks only QI 2.1 as graded by inspectors, and lists it first among the risks', () => {
    const { text, json, oracle } = papers['at-risk-of-harm']!;
    expect(markedGraded(json)).toEqual(['2.1']);
    // The fixture grades 2.1 Weak in its latest round (grades.csv), so it is a risk, ahead of 7.1, 8.2 and 9.2.
    const weak = oracle.qis.filter((g) => g.qi !== '10' && g.latest && g.latest.grade <= 2).map((g) => g.qi);
    expect(weak).toEqual(['2.1', '7.1', '8.2', '9.2']);
    expect(text).toMatch(/greatest inspection risks: QI 2\.1 Impact on children and young people: Weak \(2021\/22 Q4\) – graded by inspectors under this model QI 7\.1 /);
    expect(text).toContain('Under this model inspectors grade QI 2.1 alone.');
  });

  it('describes the model: its years, its position statement of at most 5,000 words and its one graded QI', () => {
    const { text } = papers['at-risk-of-harm']!;
    expect(text).toContain('From 2021 to 2025 the Care Inspectorate led joint inspections of services for children and young people at risk of harm');
    expect(text).toContain('a position statement of at most 5,000 words');
    expect(text).toContain('How good are we now? How do we know? What do we plan to do next?');
  });

  it('uses the 2019 edition’s title for QI 5.4, as report.json asks', () => {
    expect(papers['at-risk-of-harm']!.text).toContain('5.4 Involving individual children, young people and families');
  });
});

describe('a workspace preparing for model C (children on compulsory supervision orders at home, from 2025)', () => {
  it('carries the three lines of enquiry in their published wording', () => {
    const { text } = papers['cso-at-home']!;
    MODELS['cso-at-home-2025'].items.forEach((line, index) => expect(text).toContain(`Line of enquiry ${index + 1}: ${line}`));
    expect(text).toContain('explained in sections 4 to 6');
  });

  it('marks QIs 2.1, 5.3, 5.4 and 9.2 as graded by inspectors, and only those', () => {
    const { text, json } = papers['cso-at-home']!;
    expect(markedGraded(json)).toEqual(['2.1', '5.3', '5.4', '9.2']);
    expect(text).toContain('Under this model inspectors grade QIs 2.1, 5.3, 5.4 and 9.2.');
  });

  it('links each figure to a line of enquiry through the QIs it informs and the mapping', () => {
    const { json, oracle } = papers['cso-at-home']!;
    const questions = json['questions'] as { number: number; indicators: string[] }[];
    expect(questions.map((q) => q.indicators)).toEqual(oracle.questions.map((q) => q.indicators.map((i) => i.id)));
    // Line 3 (leadership) has QIs 9.1–9.4, 7.2 and 6.4 mapped: the workforce figures inform 7.1 and 3.1 only.
    expect(questions[2]!.indicators).toEqual([]);
  });
});

describe('the default model', () => {
  it('gives the same bytes when report.json names it and the 2018 draft as when it names neither', async () => {
    const named = copyFixture('orkney');
    const file = path.join(named, 'report.json');
    writeJson(file, { inspectionModel: 'care-and-protection-2018', framework: '2018-draft', ...readJson(file) });
    const [before, after] = await Promise.all([build(path.join(FIXTURES, 'orkney')), build(named)]);
    expect(readFileSync(after.pdf).equals(readFileSync(before.pdf))).toBe(true);
    expect(readFileSync(after.html).equals(readFileSync(before.html))).toBe(true);
  }, 120_000);
});

describe('choosing the model', () => {
  it('refuses a mapping numbered beyond the model’s statements, at the key, saying how many there are', () => {
    const workspace = copyFixture('at-risk-of-harm');
    const file = path.join(workspace, 'report.json');
    const json = readJson(file);
    writeFileSync(file, JSON.stringify({ ...json, mapping: { '5': ['9.1'] } }, null, 2));
    const result = qifReport(['validate', workspace]);
    expect(result.status).toBe(2);
    const lines = readFileSync(file, 'utf8').split('\n');
    const line = lines.findIndex((text) => text.includes('"5": [')) + 1;
    const column = lines[line - 1]!.indexOf('"5"') + 1;
    expect(result.stderr).toContain(`report.json:${line}:${column}: mapping names statement "5"; expected inspection statements 1 to 4 (at-risk-of-harm-2021)`);
  }, 60_000);

  it('lets a pack item prepare a paper for another model, with that model’s default mapping', () => {
    const dir = tempDir('qif-models-pack-');
    const pack = {
      meeting: { council: 'Orkney Islands Council', committee: 'Orkney Children and Young People’s Partnership', date: '2022-05-19' },
      items: [{ item: '4', workspace: path.relative(dir, path.join(FIXTURES, 'orkney')), report: { title: 'Inspection readiness: children at risk of harm', inspectionModel: 'at-risk-of-harm-2021' } }],
    };
    writeFileSync(path.join(dir, 'meeting.pack.json'), JSON.stringify(pack, null, 2));
    const result = qifReport(['pack', path.join(dir, 'meeting.pack.json'), '--out', path.join(dir, 'out')]);
    expect(result.status, result.stderr).toBe(0);
    const pdfs = listPdfs(path.join(dir, 'out'));
    const text = squash(flatText(pdfs.find((f) => path.basename(f).startsWith('04 '))!));
    expect(text).toContain(`Inspection statement 1: ${MODELS['at-risk-of-harm-2021'].items[0]}`);
    expect(text).toContain('The QIs mapped to this statement (5.1 and 5.2)');
  }, 120_000);
});

/** Every PDF under `folder`, at any depth. */
function listPdfs(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const full = path.join(folder, name);
    return statSync(full).isDirectory() ? listPdfs(full) : name.endsWith('.pdf') ? [full] : [];
  });
}
