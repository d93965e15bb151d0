import { mkdirSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWorkspace } from '../../src/ingest/index.js';
import { formatProblem } from '../../src/model/index.js';
import { copyFixture, tempDir } from '../helpers/cli.js';

describe('a workspace cannot reach outside itself', () => {
  it('refuses a data file that is a link to a file elsewhere', async () => {
    const outside = path.join(tempDir(), 'secret.csv');
    writeFileSync(outside, 'area_name,indicator,period,measure\nOrkney Islands,x,2021 July snapshot,1\n');
    const workspace = copyFixture('orkney');
    mkdirSync(path.join(workspace, 'data'));
    symlinkSync(outside, path.join(workspace, 'data', 'linked.csv'));
    const reading = await readWorkspace(workspace);
    expect(reading.workspace).toBeUndefined();
    expect(reading.problems.map(formatProblem)).toEqual([
      `${path.join(workspace, 'data', 'linked.csv')}: the file links to a place outside the workspace; expected a file inside the workspace folder, not a link out of it`,
    ]);
  });

  it('follows a link that stays inside the workspace', async () => {
    const workspace = copyFixture('orkney');
    const real = path.join(workspace, 'grades-master.csv');
    renameSync(path.join(workspace, 'grades.csv'), real);
    symlinkSync(real, path.join(workspace, 'grades.csv'));
    const reading = await readWorkspace(workspace);
    expect(reading.problems).toEqual([]);
    expect(reading.workspace?.grades.length).toBeGreaterThan(0);
  });

  it('says so when the workspace folder does not exist', async () => {
    const missing = path.join(tempDir(), 'nowhere');
    const reading = await readWorkspace(missing);
    expect(reading.problems.map(formatProblem)).toEqual([`${missing}: there is no workspace folder here; expected a folder holding report.json, grades.csv, evidence.csv and dataset.csv`]);
  });
});
