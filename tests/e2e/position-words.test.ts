// Every word of the position statements (fixtures/at-risk-of-harm, model B; fixtures/cso-at-home, model C), in the
// order a reader meets them: the PDF's tagged structure (what a screen reader follows, tests/helpers/structure.ts)
// must read exactly as the text rebuilt here from the raw inputs — report.json's particulars, the officer's
// position.md, and the facts the oracle works out from grades.csv, evidence.csv and the figures — in the words of
// templates/position, copied by hand. The HTML page must carry the same words in the same order.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { inspectionModel } from '../../src/framework/index.js';
import { FIXTURES, qifReportAsync, tempDir } from '../helpers/cli.js';
import { proseWords, sectionsOf } from '../helpers/position-words.js';
import { readingText, structTree } from '../helpers/structure.js';
import { expectedPaper, type ExpectedPaper as Oracle, type ModelId, type QuestionExpectation } from '../oracle/index.js';
import { headerBlock } from './words/header-block.js';
import { workspaceInputs } from './words/inputs.js';
import { STATUS } from './words/labels.js';
import { ExpectedPaper } from './words/pieces.js';
import { indicatorRows } from './words/question-tables.js';

const QUESTIONS = ['How good are we now?', 'How do we know?', 'What do we plan to do next?'];
const LIMIT = 5000;

/** The models' names and what their items are called, as the source and templates/position/labels.json give them. */
const MODEL: Partial<Record<ModelId, { name: string; one: string; many: string; title: string }>> = {
  'at-risk-of-harm-2021': { name: 'Joint inspections of services for children and young people at risk of harm', one: 'statement', many: 'statements', title: 'Statement' },
  'cso-at-home-2025': { name: 'Joint inspections of services for children and young people subject to compulsory supervision orders living at home', one: 'line of enquiry', many: 'lines of enquiry', title: 'Line of enquiry' },
};

const number = (n: number) => n.toLocaleString('en-GB');

/** An answer's blocks as a reader gets them: markup gone, an ordered list's numbers kept as its labels. */
function answerBlocks(body: string): string[] {
  return body
    .split(/\n\s*\n/)
    .flatMap((block) => block.split('\n').filter((line) => line.trim() !== ''))
    .map((line) => {
      const plain = line.replace(/\*\*|\*/g, '');
      const ordered = /^(\d+)\.\s+(.*)$/.exec(plain);
      return ordered ? `${ordered[1]}. ${ordered[2]}` : plain.replace(/^(?:[-*+]|>)\s+/, '');
    });
}

/** position.md by `#` section and `##` question: each answer's blocks. */
function answers(markdown: string): string[][][] {
  return sectionsOf(markdown).map((section) => section.split(/^(?=## )/m).slice(1).map((answer) => answerBlocks(answer.replace(/^## .*\n/, ''))));
}

/** The facts under "How do we know?" for one item: its QIs' grades and evidence, the gaps, the key figures. */
function facts(doc: ExpectedPaper, o: Oracle, q: QuestionExpectation, model: { one: string }): void {
  doc.text("What the partnership's self-evaluation holds").text(`Quality indicators mapped to this ${model.one}: latest grade and evidence`);
  doc.row(['QI', 'Quality indicator', 'Latest grade', 'Held', 'In part', 'Not held']);
  for (const qi of q.qis) {
    const g = o.qis.find((x) => x.qi === qi)!;
    const e = g.evidence;
    const marked = o.raw.model.gradedQis.includes(qi) ? ' Graded by inspectors under this model' : '';
    doc.row([qi, `${o.raw.titles[qi]}${marked}`, g.latest ? `${g.latest.word} ${g.latest.period}` : 'Not graded', String(e.held), String(e.partial), String(e.total - e.held - e.partial)]);
  }
  if (q.evidence.gaps.length === 0) doc.text('All the evidence listed for these quality indicators is held.');
  else {
    doc.text('Evidence not yet held in full:');
    for (const gap of q.evidence.gaps) doc.text(`${gap.item} (QI ${gap.qi}, ${STATUS[gap.status]})`);
  }
  if (q.indicators.length === 0) {
    doc.text(`No performance figure in the dataset informs the quality indicators mapped to this ${model.one}.`);
    return;
  }
  doc.text(`Key figures informing this ${model.one}`);
  doc.row(['Indicator', 'Period', 'Value', 'Change', 'Scotland', 'Family group', 'Rank (group / Scotland)']);
  indicatorRows(doc, q.indicators);
}

/** The whole document, in reading order, from the workspace's raw files. */
function expectedStatement(workspace: string): { text: string; counts: number[] } {
  const inputs = workspaceInputs(workspace);
  const o = inputs.oracle;
  const model = MODEL[o.raw.model.id]!;
  const markdown = readFileSync(path.join(workspace, 'position.md'), 'utf8');
  const sections = answers(markdown);
  const counts = sectionsOf(markdown).map(proseWords);
  const total = counts.reduce((a, b) => a + b, 0);
  const doc = new ExpectedPaper();
  headerBlock(doc, { ...inputs.particulars, title: `Position statement: ${model.name}` });
  doc.text(
    `This is the ${inputs.particulars.partnership}'s position statement, prepared with its self-evaluation for ${o.raw.period}, for the Care Inspectorate's ${model.name}. It has a section for each of the ${model.many} the inspection looks at, in the Care Inspectorate's published wording, and answers in each the three reflective questions: ${QUESTIONS[0]}, ${QUESTIONS[1]} and ${QUESTIONS[2]}`,
  );
  doc.text(
    `The answers are the partnership's own words. Under ${QUESTIONS[1]} each section also sets out the facts held for the quality indicators (QIs) the partnership maps to that ${model.one}: each QI's latest self-evaluated grade, the evidence held, partly held and not held, and the key performance figures with the Scotland and family-group comparators. These facts are drawn from the self-evaluation and the dataset by qif-report; they are not the partnership's words and are not counted in them.`,
  );
  doc.text(`The answers come to ${number(total)} words of the ${number(LIMIT)} allowed. Headings and the facts are not counted; a word is any run of characters between spaces that holds a letter or a digit.`);
  doc.text('Words in the statement, as the limit counts them').row([model.title, 'Words']);
  const shortTitles = inspectionModel(o.raw.model.id).items.map((item) => item.shortTitle);
  counts.forEach((count, i) => doc.row([`${model.title} ${i + 1}: ${shortTitles[i]}`, number(count)]));
  doc.row(['Total', number(total)]).row(['Limit', number(LIMIT)]);
  o.questions.forEach((q, i) => {
    doc.text(`${q.number}. ${o.raw.model.items[i]}`);
    sections[i]!.forEach((blocks, k) => {
      doc.text(QUESTIONS[k]!);
      for (const block of blocks) doc.text(block);
      if (k === 1) facts(doc, o, q, model);
    });
  });
  return { text: doc.pieces.flatMap((piece) => (piece.kind === 'text' ? [piece.text] : [])).join(' '), counts };
}

const squash = (text: string) => text.replace(/[\u00ad\u200b]/g, '').replace(/\s+/g, ' ').trim();

/** The HTML page's text: its body, tags taken away, the few entities hast-util-to-html writes decoded. */
function htmlText(file: string): string {
  const body = readFileSync(file, 'utf8')
    .replace(/^[\s\S]*?<body[^>]*>/, '')
    .replace(/<\/body>[\s\S]*$/, '')
    // What a screen reader skips (the SPC arrows, whose word follows) and the draft marker, which the PDF draws as
    // page furniture on every page rather than as part of the text.
    .replace(/<span aria-hidden="true"[^>]*>[^<]*<\/span>/g, '')
    .replace(/<p class="draft">[^<]*<\/p>/, '')
    // The browser numbers an ordered list's items, as the PDF's labels do: the number is put in its place.
    .replace(/<ol([^>]*)>([\s\S]*?)<\/ol>/g, (_, attributes: string, items: string) => {
      let n = Number(/start="(\d+)"/.exec(attributes)?.[1] ?? 1);
      return items.replace(/<li([^>]*)>/g, (li: string) => `${li}${n++}. `);
    });
  // Inline elements run on in their line; any other tag separates what it holds from its neighbours.
  const decoded = body.replace(/<\/?(?:span|strong|em|b|i|a|abbr|code)\b[^>]*>/g, '').replace(/<[^>]+>/g, ' ').replace(/&#x27;|&#39;/g, "'").replace(/&quot;|&#x22;/g, '"').replace(/&lt;|&#x3C;/g, '<').replace(/&gt;/g, '>').replace(/&amp;|&#x26;/g, '&');
  return squash(decoded);
}

/** Where two texts part, for the message. */
function firstDifference(expected: string, actual: string): string | undefined {
  let i = 0;
  while (i < expected.length && expected[i] === actual[i]) i++;
  if (i === expected.length && i === actual.length) return undefined;
  return `they part ${i} characters in:\n  expected: «…${expected.slice(Math.max(0, i - 80), i + 120)}»\n  actual:   «…${actual.slice(Math.max(0, i - 80), i + 120)}»`;
}

const WORKSPACES = ['at-risk-of-harm', 'cso-at-home'] as const;
const files = new Map<string, { pdf: string; html: string; stdout: string }>();

beforeAll(async () => {
  await Promise.all(
    WORKSPACES.map(async (name) => {
      const result = await qifReportAsync(['position', path.join(FIXTURES, name), '--out', tempDir('qif-position-words-'), '--format', 'pdf,html']);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      const written = result.stdout.trim().split('\n');
      files.set(name, { pdf: written.find((f) => f.endsWith('.pdf'))!, html: written.find((f) => f.endsWith('.html'))!, stdout: result.stdout });
    }),
  );
}, 180_000);

describe.each(WORKSPACES)('the %s position statement', (name) => {
  const workspace = path.join(FIXTURES, name);

  it('reads, in the PDF’s tagged order, exactly the words its inputs give', async () => {
    const actual = squash(readingText(await structTree(files.get(name)!.pdf)));
    const problem = firstDifference(squash(expectedStatement(workspace).text), actual);
    if (problem) expect.fail(problem);
  }, 60_000);

  it('has the same words in its HTML page', () => {
    const words = (text: string) => text.split(' ');
    const expected = words(squash(expectedStatement(workspace).text));
    const actual = words(htmlText(files.get(name)!.html));
    const problem = firstDifference(expected.join(' '), actual.join(' '));
    if (problem) expect.fail(problem);
  });

  it('prints the words of each section and the total, as counted here', () => {
    const { counts } = expectedStatement(workspace);
    const model = MODEL[expectedPaper(workspace).raw.model.id]!;
    const short = inspectionModel(expectedPaper(workspace).raw.model.id).items.map((item) => item.shortTitle);
    const lines = counts.map((count, i) => `${model.title} ${i + 1} (${short[i]}): ${number(count)} words`);
    expect(files.get(name)!.stdout).toContain(`${lines.join('\n')}\nTotal: ${number(counts.reduce((a, b) => a + b, 0))} words of ${number(LIMIT)}\n`);
  });
});
