// Through the real command line: a mistake in the templates is invalid input (exit 2), said in one line at its
// place in the template file, never "unexpected failure"; nothing is written; `pack` checks the templates
// before it builds a paper.
import { chmodSync, cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, qifReport, ROOT, tempDir, userBoundByPermissions } from '../helpers/cli.js';

/** Who the CLI runs as where permissions must bind (see userBoundByPermissions). */
const USER = userBoundByPermissions();

/** A copy of the shipped templates with one piece of a file's text changed. */
function templatesWith(file: string, from: string, to: string): { folder: string; text: string } {
  const folder = path.join(tempDir('qif-templates-'), 'my-templates');
  cpSync(path.join(ROOT, 'templates'), folder, { recursive: true });
  const text = readFileSync(path.join(folder, file), 'utf8');
  if (!text.includes(from)) throw new Error(`test setup: "${from}" is not in templates/${file}`);
  writeFileSync(path.join(folder, file), text.replace(from, to));
  return { folder, text: text.replace(from, to) };
}

function placeOf(text: string, needle: string): string {
  const offset = text.indexOf(needle);
  const before = text.slice(0, offset);
  return `${before.split('\n').length}:${offset - before.lastIndexOf('\n')}`;
}

/** `build` of the Orkney fixture with the given templates: what it printed, its exit code, and what it wrote. */
function build(templates: string) {
  const out = tempDir();
  const result = qifReport(['build', path.join(FIXTURES, 'orkney'), '--out', out, '--format', 'pdf,json', '--templates', templates]);
  return { ...result, lines: result.stderr.trim().split('\n'), written: readdirSync(out) };
}

describe('a template mistake is invalid input, said at its place in the template file', () => {
  it('a misspelt placeholder: exit 2, the line and column in paper.md, and the name meant', () => {
    const { folder, text } = templatesWith('paper.md', '{{paper.partnership}}', '{{paper.partnershp}}');
    const result = build(folder);
    expect(result.status).toBe(2);
    expect(result.lines).toEqual([
      `${folder}/paper.md:${placeOf(text, 'paper.partnershp')}: placeholder "paper.partnershp" is not defined (did you mean paper.partnership?); expected a name the view gives at this point (see src/render/view.ts)`,
    ]);
    expect(result.stdout).toBe('');
    expect(result.written).toEqual([]);
  }, 60_000);

  it('a misspelt placeholder in a partial names the partial’s file', () => {
    const { folder, text } = templatesWith('partials/capacity.md', '{{capacity.partnership.word}}', '{{capacity.partnership.wrd}}');
    const result = build(folder);
    expect(result.status).toBe(2);
    expect(result.lines).toEqual([
      `${folder}/partials/capacity.md:${placeOf(text, 'capacity.partnership.wrd')}: placeholder "capacity.partnership.wrd" is not defined (did you mean capacity.partnership.word?); expected one of capacity.partnership.grade, capacity.partnership.word, capacity.partnership.period`,
    ]);
    expect(result.written).toEqual([]);
  }, 60_000);

  it('an unknown [[block]] and a missing partial', () => {
    const block = templatesWith('paper.md', '[[grade-key]]', '[[grade-keys]]');
    expect(build(block.folder)).toMatchObject({
      status: 2,
      lines: [`${block.folder}/paper.md:${placeOf(block.text, '[[grade-keys]]')}: block [[grade-keys]] does not exist (did you mean grade-key?); expected one of [[appendices]], [[header-block]], [[readiness-table]], [[question-grades]], [[question-indicators]], [[table-1]], [[grade-key]], [[table-2]], [[table-3]], [[grade-history]], [[indicator-charts]], [[data-files]], [[rejected-rows]], [[input-warnings]]`],
      written: [],
    });
    const partial = templatesWith('partials/question.md', '{{> evidence-summary}}', '{{> evidence-sumary}}');
    expect(build(partial.folder)).toMatchObject({
      status: 2,
      lines: [`${partial.folder}/partials/question.md:${placeOf(partial.text, 'evidence-sumary')}: partial "evidence-sumary" does not exist (did you mean evidence-summary?); expected a file evidence-sumary.md in ${partial.folder}/partials, or one of the partials there`],
      written: [],
    });
  }, 60_000);

  it('a labels.json that is not JSON, positioned as report.json’s are', () => {
    const { folder, text } = templatesWith('labels.json', '"Page {{page}} of {{pages}}",', '"Page {{page}} of {{pages}}"');
    expect(build(folder)).toMatchObject({
      status: 2,
      lines: [`${folder}/labels.json:${placeOf(text, '"watermark"')}: not valid JSON: a comma is missing before this point; expected a JSON object of labels, as in the labels.json the tool ships`],
      written: [],
    });
  }, 60_000);

  it('a --templates folder that is not there: one line, not a raw ENOENT', () => {
    const missing = path.join(tempDir(), 'our-wording');
    expect(build(missing)).toMatchObject({
      status: 2,
      lines: [`${missing}: there is no templates folder here; expected a folder of templates: a copy of templates/ (paper.md, partials/, labels.json, charts/)`],
      written: [],
    });
  }, 60_000);

  // Permissions do not bind root: the CLI is run as nobody there, as a user without access would run it.
  it.skipIf(USER === undefined)('a --templates folder that cannot be read: one line', () => {
    const parent = tempDir();
    chmodSync(parent, 0o755);
    const folder = path.join(parent, 'locked');
    cpSync(path.join(ROOT, 'templates'), folder, { recursive: true });
    chmodSync(folder, 0o000);
    const asNobody = USER!;
    const result = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'tsx'), [path.join(ROOT, 'src', 'cli', 'main.ts'), 'build', path.join(FIXTURES, 'orkney'), '--out', parent, '--templates', folder], { encoding: 'utf8', cwd: parent, ...asNobody });
    chmodSync(folder, 0o755);
    expect(result.stderr.trim().split('\n')).toEqual([`${folder}: the templates folder cannot be read (permission denied); expected a folder of templates: a copy of templates/ (paper.md, partials/, labels.json, charts/)`]);
    expect(result.status).toBe(2);
  }, 60_000);

  it('pack checks the templates before building any paper: exit 2, the line in the file', () => {
    const { folder, text } = templatesWith('paper.md', '{{> next-steps}}', '{{> next-step}}');
    const result = qifReport(['pack', path.join(FIXTURES, 'packs', 'ilcg-2022-11-24.pack.json'), '--out', tempDir(), '--templates', folder]);
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual([
      `${folder}/paper.md:${placeOf(text, 'next-step}}')}: partial "next-step" does not exist (did you mean next-steps?); expected a file next-step.md in ${folder}/partials, or one of the partials there`,
    ]);
  }, 60_000);

  it('pack: a misspelt placeholder, found as each paper is built in its worker, is said at its place, not as an unexpected failure', () => {
    const { folder, text } = templatesWith('paper.md', '{{paper.partnership}}', '{{paper.partnershp}}');
    const result = qifReport(['pack', path.join(FIXTURES, 'packs', 'ilcg-2022-11-24.pack.json'), '--out', tempDir(), '--templates', folder, '--jobs', '2']);
    expect(result.status).not.toBe(0);
    expect(result.stderr).not.toContain('unexpected failure');
    expect(result.stderr).toContain(`${folder}/paper.md:${placeOf(text, 'paper.partnershp')}: placeholder "paper.partnershp" is not defined (did you mean paper.partnership?)`);
  }, 180_000);
});
