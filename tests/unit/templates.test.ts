// Template mistakes are invalid input, each said at its place in the template file it is written in: checked
// when the templates are loaded (folder, files, JSON, syntax, partials, helpers, blocks) and, for names looked
// up in the view, as the paper's Markdown is made, with the names the view offered at that point.
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReportModel } from '../../src/analyse/index.js';
import { loadWorkspace } from '../../src/ingest/index.js';
import { formatProblem, InvalidInputError, type ReportModel } from '../../src/model/index.js';
import { buildView, loadTemplates } from '../../src/render/index.js';
import { watchLookups } from '../../src/render/template-runtime.js';
import { FIXTURES, ROOT, tempDir } from '../helpers/cli.js';

/** A copy of the shipped templates with some files replaced (text) or taken away (null). */
function templatesWith(changes: Record<string, string | null>): string {
  const folder = path.join(tempDir('qif-templates-'), 'templates');
  cpSync(path.join(ROOT, 'templates'), folder, { recursive: true });
  for (const [file, text] of Object.entries(changes)) {
    if (text === null) rmSync(path.join(folder, file), { recursive: true });
    else writeFileSync(path.join(folder, file), text);
  }
  return folder;
}

const shipped = (file: string) => readFileSync(path.join(ROOT, 'templates', file), 'utf8');

/** A shipped file with one piece of text changed; the test fails here if the text is not there. */
function edited(file: string, from: string, to: string): string {
  const text = shipped(file);
  if (!text.includes(from)) throw new Error(`test setup: "${from}" is not in templates/${file}`);
  return text.replace(from, to);
}

/** Where a piece of text starts in a file, as an editor shows it: "line:column". */
function placeOf(text: string, needle: string): string {
  const offset = text.indexOf(needle);
  const before = text.slice(0, offset);
  return `${before.split('\n').length}:${offset - before.lastIndexOf('\n')}`;
}

/** The lines the CLI would print for the problems an action throws; fails if it throws anything else. */
async function problemsOf(action: () => unknown): Promise<string[]> {
  try {
    await action();
  } catch (error) {
    if (error instanceof InvalidInputError) return error.problems.map(formatProblem);
    throw error;
  }
  throw new Error('expected invalid input, but there was no problem');
}

let model: ReportModel;
beforeAll(async () => {
  model = buildReportModel(await loadWorkspace(path.join(FIXTURES, 'orkney')));
});

/** The paper's Markdown made with the templates in `folder`. */
async function render(folder: string): Promise<string> {
  const templates = await loadTemplates(folder);
  return templates.paper(buildView(model, templates.labels));
}

describe('a misspelt placeholder, found as the paper is made', () => {
  it('is said at its line and column in paper.md, with the name the view offers', async () => {
    const paper = edited('paper.md', '{{paper.partnership}}', '{{paper.partnershp}}');
    const folder = templatesWith({ 'paper.md': paper });
    const problems = await problemsOf(() => render(folder));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${folder}/paper\\.md:${placeOf(paper, 'paper.partnershp')}: placeholder "paper\\.partnershp" is not defined \\(did you mean paper\\.partnership\\?\\); expected `));
  });

  it('written without the name it lies under suggests the name one level down', async () => {
    const paper = edited('paper.md', '{{paper.partnership}}', '{{partnershp}}');
    const folder = templatesWith({ 'paper.md': paper });
    const [problem] = await problemsOf(() => render(folder));
    expect(problem).toMatch(new RegExp(`^${folder}/paper\\.md:${placeOf(paper, 'partnershp')}: placeholder "partnershp" is not defined \\(did you mean paper\\.partnership or capacity\\.partnership\\?\\)`));
  });

  it('in a partial is said in the partial’s own file, with the names given there', async () => {
    const question = edited('partials/question.md', '{{shortTitle}}', '{{shorttitle}}');
    const folder = templatesWith({ 'partials/question.md': question });
    expect(await problemsOf(() => render(folder))).toEqual([
      `${folder}/partials/question.md:${placeOf(question, 'shorttitle')}: placeholder "shorttitle" is not defined (did you mean shortTitle?); expected one of number, shortTitle, text, rating, ratingLabel, reasons, qis, evidence, gaps, indicators, triangulation`,
    ]);
  });

  it('inside {{#each}} suggests from the names of the item there, not of the whole view', async () => {
    const paper = edited('paper.md', '- QI {{qi}} {{title}}: {{word}} ({{period}})', '- QI {{qi}} {{title}}: {{wrod}} ({{period}})');
    const folder = templatesWith({ 'paper.md': paper });
    expect(await problemsOf(() => render(folder))).toEqual([
      `${folder}/paper.md:${placeOf(paper, 'wrod')}: placeholder "wrod" is not defined (did you mean word?); expected one of qi, title, grade, word, period, inspectorGraded`,
    ]);
  });

  it('in the middle of a path names the part that is wrong', async () => {
    const paper = `${shipped('paper.md')}{{capacity.partnershp.word}}\n`;
    const folder = templatesWith({ 'paper.md': paper });
    const [problem] = await problemsOf(() => render(folder));
    expect(problem).toMatch(new RegExp(`^${folder}/paper\\.md:${placeOf(paper, 'capacity.partnershp')}: placeholder "capacity\\.partnershp\\.word" is not defined: capacity has no "partnershp" \\(did you mean capacity\\.partnership\\?\\)`));
  });

  it('where the value is text names {{this}}', async () => {
    const paper = edited('paper.md', '1. {{this}}', '1. {{thsi}}');
    const folder = templatesWith({ 'paper.md': paper });
    expect(await problemsOf(() => render(folder))).toEqual([
      `${folder}/paper.md:${placeOf(paper, 'thsi')}: placeholder "thsi" is not defined: here the value is text, not a set of names; expected {{this}} for the text itself`,
    ]);
  });

  it('in a label is said at its place in labels.json', async () => {
    const labels = edited('labels.json', '"Page {{page}} of {{pages}}"', '"Page {{pag}} of {{pages}}"');
    const folder = templatesWith({ 'labels.json': labels });
    const templates = await loadTemplates(folder);
    expect(await problemsOf(() => templates.fill(templates.labels.page.footer, { page: 1, pages: 2 }))).toEqual([
      `${folder}/labels.json:${placeOf(labels, 'pag}}')}: placeholder "pag" is not defined (did you mean page?); expected one of page, pages`,
    ]);
  });

  it('in a chart spec is said at its place in the spec', async () => {
    const trend = edited('charts/trend.vl.json', '{{unit}}', '{{unti}}');
    const folder = templatesWith({ 'charts/trend.vl.json': trend });
    const templates = await loadTemplates(folder);
    expect(await problemsOf(() => templates.fill(templates.charts.specs.trend, { unit: '%' }))).toEqual([
      `${folder}/charts/trend.vl.json:${placeOf(trend, 'unti')}: placeholder "unti" is not defined (did you mean unit?); expected one of unit`,
    ]);
  });

  it('a partial looked up by a name the view gives, with no file, is said in the file that looks it up', async () => {
    const capacity = `${shipped('partials/capacity.md')}{{> (lookup capacity.partnership "word")}}\n`;
    const folder = templatesWith({ 'partials/capacity.md': capacity });
    expect(await problemsOf(() => render(folder))).toEqual([
      `${folder}/partials/capacity.md:${placeOf(capacity, '{{> (lookup')}: the partial "Adequate" the paper asks for here does not exist; expected a file Adequate.md in ${folder}/partials (the view names a partial for each readiness reason, triangulation finding and SPC rule)`,
    ]);
  });

  it('watching the view’s names changes nothing the templates make', async () => {
    const templates = await loadTemplates();
    const view = buildView(model, templates.labels);
    const { view: watched } = watchLookups(view);
    expect(JSON.stringify(watched)).toBe(JSON.stringify(view));
    expect(templates.paper(view)).toContain('Orkney');
  });
});

describe('mistakes found when the templates are loaded, before any paper is built', () => {
  it('an unknown [[block]], at its place, with the blocks there are', async () => {
    const paper = edited('paper.md', '[[table-1]]', '[[table-9]]');
    const folder = templatesWith({ 'paper.md': paper });
    const [problem] = await problemsOf(() => loadTemplates(folder));
    expect(problem).toMatch(new RegExp(`^${folder}/paper\\.md:${placeOf(paper, '[[table-9]]')}: block \\[\\[table-9\\]\\] does not exist \\(did you mean table-1, table-2 or table-3\\?\\); expected one of \\[\\[appendices\\]\\], \\[\\[header-block\\]\\]`));
  });

  it('a partial that does not exist, and a helper that does not, each at its place', async () => {
    const paper = edited('paper.md', '{{> capacity}}', '{{> capactiy}}').replace('{{plural counts.ready "is" "are"}}', '{{plurl counts.ready "is" "are"}}');
    const folder = templatesWith({ 'paper.md': paper });
    expect(await problemsOf(() => loadTemplates(folder))).toEqual([
      `${folder}/paper.md:${placeOf(paper, 'plurl')}: helper "plurl" does not exist (did you mean plural?); expected one of plural, eq, list, each, if, unless, log, lookup, with`,
      `${folder}/paper.md:${placeOf(paper, 'capactiy')}: partial "capactiy" does not exist (did you mean capacity?); expected a file capactiy.md in ${folder}/partials, or one of the partials there`,
    ]);
  });

  it('a partial the view names for the data to call on, missing, though this paper would not need it', async () => {
    const folder = templatesWith({ 'partials/spc-run.md': null });
    expect(await problemsOf(() => loadTemplates(folder))).toEqual([
      `${folder}/partials/spc-run.md: the partial is missing, and the paper looks it up by name when the data call for it; expected a partial for each readiness reason, triangulation finding, SPC rule and inspection model, as in templates/partials`,
    ]);
  });

  it('Handlebars syntax: an unclosed placeholder, and a block closed by another, each at its place', async () => {
    const paper = edited('paper.md', '{{#if spc.judgeable}}', '{{#if spc.judgeable}');
    const folder = templatesWith({ 'paper.md': paper });
    expect(await problemsOf(() => loadTemplates(folder))).toEqual([
      `${folder}/paper.md:${placeOf(paper, '} XmR')}: Handlebars cannot read the template here: it found a character it did not expect; expected placeholders written as {{name}}, {{#if name}}…{{/if}} or {{> partial}}`,
    ]);
    const capacity = `${shipped('partials/capacity.md')}{{#if agrees}}x{{/each}}\n`;
    const other = templatesWith({ 'partials/capacity.md': capacity });
    expect(await problemsOf(() => loadTemplates(other))).toEqual([
      `${other}/partials/capacity.md:${placeOf(capacity, 'if agrees')}: {{#if}} is closed by {{/each}}; expected each {{#block}} closed by its own {{/block}}`,
    ]);
  });

  it('labels.json that is not JSON, positioned as report.json’s JSON errors are', async () => {
    const labels = edited('labels.json', '"footer": "Page {{page}} of {{pages}}",', '"footer": "Page {{page}} of {{pages}}"');
    const folder = templatesWith({ 'labels.json': labels });
    expect(await problemsOf(() => loadTemplates(folder))).toEqual([
      `${folder}/labels.json:${placeOf(labels, '"watermark"')}: not valid JSON: a comma is missing before this point; expected a JSON object of labels, as in the labels.json the tool ships`,
    ]);
  });

  it('labels.json without a label the code uses, or with text where labels are grouped', async () => {
    const labels = edited('labels.json', '"footer": "Page {{page}} of {{pages}}",', '"footr": "Page {{page}} of {{pages}}",').replace(/"list": \{[^}]*\}/, '"list": ", "');
    const folder = templatesWith({ 'labels.json': labels });
    expect(await problemsOf(() => loadTemplates(folder))).toEqual([
      `${folder}/labels.json:${placeOf(labels, '{\n    "runningHeader"')}: label "page.footer" is missing (the file has "footr"); expected "footer" in "page", as in the labels.json the tool ships`,
      `${folder}/labels.json:${placeOf(labels, '", "')}: label "list" is text; expected a set of labels, as in the labels.json the tool ships`,
    ]);
  });

  it('a templates folder that is not there, or is a file, is one line', async () => {
    const missing = path.join(tempDir(), 'my-templates');
    expect(await problemsOf(() => loadTemplates(missing))).toEqual([
      `${missing}: there is no templates folder here; expected a folder of templates: a copy of templates/ (paper.md, partials/, labels.json, charts/)`,
    ]);
    const file = path.join(tempDir(), 'templates.md');
    writeFileSync(file, '# not a folder\n');
    expect(await problemsOf(() => loadTemplates(file))).toEqual([
      `${file}: this is a file, not a templates folder; expected a folder of templates: a copy of templates/ (paper.md, partials/, labels.json, charts/)`,
    ]);
  });

  it('each file of the folder that is missing, one line each', async () => {
    const folder = templatesWith({ 'paper.md': null, 'charts/benchmark.vl.json': null });
    expect(await problemsOf(() => loadTemplates(folder))).toEqual([
      `${folder}/charts/benchmark.vl.json: the file is missing; expected every file of the templates folder the tool ships (copy templates/ to start)`,
      `${folder}/paper.md: the file is missing; expected every file of the templates folder the tool ships (copy templates/ to start)`,
    ]);
  });
});
