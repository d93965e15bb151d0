// Through the real command line: `--version`, and an output folder that cannot be used, which is one line
// naming the folder and why (exit 2), never "unexpected failure" and never a hang.
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, qifReport, ROOT, tempDir, userBoundByPermissions } from '../helpers/cli.js';

/** Who the CLI runs as where permissions must bind (see userBoundByPermissions). */
const USER = userBoundByPermissions();

const EXPECTED = 'expected a folder you can write to, or a path where one can be made (--out)';
const ORKNEY = path.join(FIXTURES, 'orkney');

describe('qif-report --version', () => {
  it('prints the version package.json gives, and exits 0', () => {
    const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-V']) {
      const result = qifReport([flag]);
      expect(result.stdout).toBe(`${version}\n`);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
    }
  });
});

describe('build --out that cannot be used', () => {
  it('an existing file: one line naming it, exit 2', () => {
    const file = path.join(tempDir(), 'papers.pdf');
    writeFileSync(file, 'a file, not a folder');
    const result = qifReport(['build', ORKNEY, '--out', file]);
    expect(result.stderr).toBe(`${file}: the output folder is a file, not a folder; ${EXPECTED}\n`);
    expect(result.status).toBe(2);
    expect(readFileSync(file, 'utf8')).toBe('a file, not a folder');
  }, 60_000);

  it('a folder under a file: one line naming the file', () => {
    const parent = tempDir();
    writeFileSync(path.join(parent, 'out'), '');
    const result = qifReport(['build', ORKNEY, '--out', 'out/papers'], parent);
    expect(result.stderr).toBe(`out/papers: the output folder cannot be made: out is a file, not a folder; ${EXPECTED}\n`);
    expect(result.status).toBe(2);
  }, 60_000);

  it.skipIf(!existsSync('/proc/self'))('a folder under /proc: one line, and no hang', () => {
    const result = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'tsx'), [path.join(ROOT, 'src', 'cli', 'main.ts'), 'build', ORKNEY, '--out', '/proc/qif-report-papers'], { encoding: 'utf8', timeout: 50_000 });
    expect(result.signal).toBeNull();
    expect(result.stderr).toBe(`/proc/qif-report-papers: the output folder cannot be made in /proc: the system lets no folder be made there; ${EXPECTED}\n`);
    expect(result.status).toBe(2);
  }, 60_000);

  // Permissions do not bind root: the CLI is run as nobody there, as a user without access would run it.
  it.skipIf(USER === undefined)('a folder in one the user may not write to: one line saying so, and nothing made', () => {
    const parent = tempDir();
    chmodSync(parent, 0o755);
    const workspace = path.join(parent, 'orkney');
    cpSync(ORKNEY, workspace, { recursive: true });
    const locked = path.join(parent, 'locked');
    mkdirSync(locked, { mode: 0o555 });
    chmodSync(locked, 0o555);
    const asNobody = USER!;
    const result = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'tsx'), [path.join(ROOT, 'src', 'cli', 'main.ts'), 'build', 'orkney', '--out', 'locked/papers'], { encoding: 'utf8', cwd: parent, timeout: 50_000, ...asNobody });
    expect(result.stderr).toBe(`locked/papers: the output folder cannot be made in locked: you do not have permission to write there; ${EXPECTED}\n`);
    expect(result.status).toBe(2);
    expect(readdirSync(locked)).toEqual([]);
  }, 60_000);

  it('is listed with the workspaces’ problems, so one run says everything', () => {
    const parent = tempDir();
    writeFileSync(path.join(parent, 'out'), '');
    const result = qifReport(['build', 'no-such-workspace', '--out', 'out'], parent);
    expect(result.stderr.trim().split('\n').sort()).toEqual([
      `no-such-workspace: there is no workspace folder here; expected a folder holding report.json, grades.csv, evidence.csv and dataset.csv`,
      `out: the output folder is a file, not a folder; ${EXPECTED}`,
    ]);
    expect(result.status).toBe(2);
  }, 60_000);
});
