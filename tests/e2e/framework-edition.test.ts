// The framework edition a workspace chooses ("framework" in report.json) titles the QIs wherever the paper and
// the tool show them: the report model, the PDF's tables, the rows init writes. Unknown ids for the edition and
// the inspection model are one positioned line each, with a did-you-mean. Titles are written here by hand from
// docs/sources/inspection-models.md.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { copyFixture, FIXTURES, tempDir } from '../helpers/cli.js';
import { flatText } from '../helpers/pdf.js';

const REVISED_5_4 = 'Involving individual children, young people and families';
const DRAFT_5_4 = 'Involving children, young people and families';

async function qif(...args: string[]): Promise<{ status: number; stdout: string; lines: string[] }> {
  let stdout = '';
  let stderr = '';
  const status = await run(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { status, stdout, lines: stderr.split('\n').filter((line) => line !== '') };
}

/** report.json with a setting put first, the way an officer would add it; returns the file. */
function setFirst(workspace: string, name: string, value: string): string {
  const file = path.join(workspace, 'report.json');
  writeFileSync(file, readFileSync(file, 'utf8').replace(/^\{\n/, `{\n  "${name}": "${value}",\n`));
  return file;
}

async function build(workspace: string): Promise<{ model: { framework: { id: string }; qis: { id: string; title: string }[] }; pdf: string }> {
  const out = tempDir();
  const result = await qif('build', workspace, '--out', out, '--format', 'pdf,json');
  expect(result.lines).toEqual([]);
  expect(result.status).toBe(0);
  const files = readdirSync(out);
  const json = files.find((file) => file.endsWith('.json'))!;
  return { model: JSON.parse(readFileSync(path.join(out, json), 'utf8')), pdf: flatText(path.join(out, files.find((file) => file.endsWith('.pdf'))!)) };
}

const title = (model: { qis: { id: string; title: string }[] }, id: string) => model.qis.find((qi) => qi.id === id)?.title;

describe('"framework": "2019-revised"', () => {
  it('titles 5.4 "Involving individual …" in the report model and in the PDF; the default edition keeps the draft title', async () => {
    const revisedWorkspace = copyFixture('renfrewshire');
    setFirst(revisedWorkspace, 'framework', '2019-revised');
    const [revised, draft] = await Promise.all([build(revisedWorkspace), build(copyFixture('renfrewshire'))]);

    expect(revised.model.framework.id).toBe('2019-revised');
    expect(title(revised.model, '5.4')).toBe(REVISED_5_4);
    expect(revised.pdf).toContain(`5.4 ${REVISED_5_4}`);
    expect(revised.pdf).not.toContain(`5.4 ${DRAFT_5_4}`);

    expect(draft.model.framework.id).toBe('2018-draft');
    expect(title(draft.model, '5.4')).toBe(DRAFT_5_4);
    expect(draft.pdf).toContain(`5.4 ${DRAFT_5_4}`);
    expect(draft.pdf).not.toContain(REVISED_5_4);
  }, 120_000);
});

describe('unknown ids in report.json', () => {
  it('an edition: one positioned line, with a did-you-mean, and nothing written', async () => {
    const workspace = copyFixture('renfrewshire');
    const file = setFirst(workspace, 'framework', '2019-revise');
    const out = tempDir();
    const result = await qif('build', workspace, '--out', out);
    expect(result.status).toBe(2);
    expect(result.lines).toEqual([`${file}:2:16: framework "2019-revise" is not a known framework edition (did you mean 2019-revised?); expected one of 2018-draft, 2019-revised (see qif-report framework)`]);
    expect(readdirSync(out)).toEqual([]);
  });

  it('an inspection model: one positioned line, with a did-you-mean', async () => {
    const workspace = copyFixture('renfrewshire');
    const file = setFirst(workspace, 'inspectionModel', 'at-risk-of-harm');
    const result = await qif('validate', workspace);
    expect(result.status).toBe(2);
    expect(result.lines).toEqual([
      `${file}:2:22: inspectionModel "at-risk-of-harm" is not a known inspection model (did you mean at-risk-of-harm-2021?); expected one of care-and-protection-2018, at-risk-of-harm-2021, cso-at-home-2025 (see qif-report framework)`,
    ]);
  });
});

describe('init --framework', () => {
  const csvTitle = (folder: string, qi: string) => readFileSync(path.join(folder, 'grades.csv'), 'utf8').split('\n').find((line) => line.split(',')[1] === qi);

  it('sets "framework" in report.json after the period and titles the rows to grade from that edition', async () => {
    const folder = path.join(tempDir(), 'ws');
    const result = await qif('init', folder, '--area', 'Fife', '--period', '2025/26', '--framework', '2019-revised');
    expect(result.status).toBe(0);
    const report = JSON.parse(readFileSync(path.join(folder, 'report.json'), 'utf8')) as Record<string, unknown>;
    expect(report.framework).toBe('2019-revised');
    const keys = Object.keys(report);
    expect(keys[keys.indexOf('period') + 1]).toBe('framework');
    expect(csvTitle(folder, '5.4')).toContain(REVISED_5_4);
    expect(csvTitle(folder, '2.1')).toContain('Impact on children and young people');
  });

  it('without it, writes no "framework" and the draft titles', async () => {
    const folder = path.join(tempDir(), 'ws');
    expect((await qif('init', folder, '--area', 'Fife', '--period', '2025/26')).status).toBe(0);
    expect(JSON.parse(readFileSync(path.join(folder, 'report.json'), 'utf8'))).not.toHaveProperty('framework');
    expect(csvTitle(folder, '5.4')).toContain(`,"${DRAFT_5_4}",`);
  });

  it('refuses an unknown edition with one line naming the option, and writes nothing', async () => {
    const parent = tempDir();
    const folder = path.join(parent, 'ws');
    const result = await qif('init', folder, '--area', 'Fife', '--period', '2025/26', '--framework', '2019');
    expect(result.status).toBe(2);
    expect(result.lines).toEqual(['--framework: "2019" is not a known framework edition; expected one of 2018-draft, 2019-revised (see qif-report framework)']);
    expect(readdirSync(parent)).toEqual([]);
  });

  it('with --from, keeps the earlier round\'s edition for every row, old and new', async () => {
    const folder = path.join(tempDir(), 'ws');
    const result = await qif('init', folder, '--from', path.join(FIXTURES, 'at-risk-of-harm'), '--period', '2022/23 Q4');
    expect(result.lines).toEqual([]);
    const rows = readFileSync(path.join(folder, 'grades.csv'), 'utf8').split('\n').filter((line) => line.split(',')[1] === '5.4');
    expect(rows.length).toBeGreaterThan(1);
    for (const row of rows) expect(row).toContain(REVISED_5_4);
    expect(JSON.parse(readFileSync(path.join(folder, 'report.json'), 'utf8')).framework).toBe('2019-revised');
  });
});
