// `qif-report init --model`: report.json's inspectionModel, and for models B and C a position.md to fill in, which
// `position` reads as well formed and refuses while its prompts are there.
import { cpSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { copyFixture, tempDir } from '../helpers/cli.js';

async function cli(...args: string[]): Promise<{ status: number; lines: string[] }> {
  let stderr = '';
  const status = await run(args, { stdout: () => undefined, stderr: (text) => (stderr += text) });
  return { status, lines: stderr.split('\n').filter((line) => line !== '') };
}

const QUESTIONS = ['## How good are we now?', '## How do we know?', '## What do we plan to do next?'];

describe('init --model', () => {
  it('sets the model first in report.json and writes position.md with the statements in their published wording', async () => {
    const folder = path.join(tempDir(), 'orkney');
    expect((await cli('init', folder, '--area', 'Orkney', '--period', '2024/25 Q1', '--model', 'at-risk-of-harm-2021')).status).toBe(0);
    expect(Object.entries(JSON.parse(readFileSync(path.join(folder, 'report.json'), 'utf8')))[0]).toEqual(['inspectionModel', 'at-risk-of-harm-2021']);
    const lines = readFileSync(path.join(folder, 'position.md'), 'utf8').split('\n');
    expect(lines.filter((line) => line.startsWith('#'))).toEqual([
      '# Statement 1: Children and young people are safer because risks have been identified early and responded to effectively.', ...QUESTIONS,
      '# Statement 2: Children and young people’s lives improve with high-quality planning and support, ensuring they experience sustained loving and nurturing relationships to keep them safe from further harm.', ...QUESTIONS,
      '# Statement 3: Children and young people and families are meaningfully and appropriately involved in decisions about their lives. They influence service planning, delivery and improvement.', ...QUESTIONS,
      '# Statement 4: Collaborative strategic leadership, planning and operational management ensure high standards of service delivery.', ...QUESTIONS,
    ]);
    expect(lines.filter((line) => line.startsWith('TO COMPLETE:'))).toHaveLength(12);

    // The skeleton is well formed: in a workspace that builds, position refuses only its twelve prompts.
    const workspace = copyFixture('at-risk-of-harm');
    cpSync(path.join(folder, 'position.md'), path.join(workspace, 'position.md'));
    const refused = await cli('position', workspace);
    expect(refused.status).toBe(2);
    expect(refused.lines).toHaveLength(12);
    for (const line of refused.lines) expect(line).toMatch(/position\.md:\d+:1: the answer to "[^"]+" is still to complete \(it starts "TO COMPLETE:"\)/);
  });

  it('writes model C’s lines of enquiry, and no position.md for model A', async () => {
    const c = path.join(tempDir(), 'c');
    await cli('init', c, '--area', 'Renfrewshire', '--period', '2025/26 Q2', '--model', 'cso-at-home-2025');
    expect(readFileSync(path.join(c, 'position.md'), 'utf8')).toMatch(/^# Line of enquiry 3: Leaders and managers work well together/m);
    const a = path.join(tempDir(), 'a');
    await cli('init', a, '--area', 'Fife', '--period', '2025/26 Q2', '--model', 'care-and-protection-2018');
    expect(JSON.parse(readFileSync(path.join(a, 'report.json'), 'utf8')).inspectionModel).toBe('care-and-protection-2018');
    expect(existsSync(path.join(a, 'position.md'))).toBe(false);
  });

  it('refuses an unknown model, and a workbook, in one line with nothing written', async () => {
    const folder = path.join(tempDir(), 'w');
    expect(await cli('init', folder, '--area', 'Fife', '--period', '2025/26 Q2', '--model', 'at-risk')).toEqual({
      status: 2,
      lines: ['--model: "at-risk" is not an inspection model; expected one of care-and-protection-2018, at-risk-of-harm-2021, cso-at-home-2025 (qif-report framework lists them)'],
    });
    expect(existsSync(folder)).toBe(false);
  });

  it('with --xlsx, writes the model as a row of the Particulars sheet, and position.md beside the workbook', async () => {
    const folder = path.join(tempDir(), 'fife');
    expect((await cli('init', folder, '--area', 'Fife', '--period', '2025/26 Q2', '--model', 'cso-at-home-2025', '--xlsx')).status).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(folder, 'self-evaluation.xlsx'));
    const rows: unknown[][] = [];
    workbook.getWorksheet('Particulars')!.eachRow((row) => rows.push([row.getCell(1).value, row.getCell(2).value]));
    expect(rows).toContainEqual(['inspectionModel', 'cso-at-home-2025']);
    expect(readFileSync(path.join(folder, 'position.md'), 'utf8')).toContain('# Line of enquiry 3: Leaders and managers work well together');
  });
});
