import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const FIXTURES = path.join(ROOT, 'fixtures');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const MAIN = path.join(ROOT, 'src', 'cli', 'main.ts');

/** Runs the real command line, as a user would, and returns what it printed and its exit code. */
export function qifReport(args: string[], cwd = ROOT): { status: number; stdout: string; stderr: string } {
  const result = spawnSync(TSX, [MAIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** `qifReport`, without holding up the test's process: for builds a test can run side by side. */
export function qifReportAsync(args: string[], cwd = ROOT): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [MAIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status: status ?? -1, stdout, stderr }));
  });
}

export function tempDir(prefix = 'qif-report-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** A copy of a fixture workspace, to break or change without touching the original. */
export function copyFixture(name: string): string {
  const copy = path.join(tempDir(), name);
  cpSync(path.join(FIXTURES, name), copy, { recursive: true });
  return copy;
}

/**
 * The orkney fixture with its latest QI 5.1 grade misspelt ("Goood"), so that one row is rejected: a lenient
 * build of it has a Data quality appendix.
 */
export function orkneyWithOneBadRow(): { workspace: string; grades: string; line: number } {
  const workspace = copyFixture('orkney');
  const grades = path.join(workspace, 'grades.csv');
  const lines = readFileSync(grades, 'utf8').split('\n');
  const line = lines.findIndex((text) => text.startsWith('2021/22 Q4,5.1,Good,')) + 1;
  lines[line - 1] = lines[line - 1]!.replace('2021/22 Q4,5.1,Good,', '2021/22 Q4,5.1,Goood,');
  writeFileSync(grades, lines.join('\n'));
  return { workspace, grades, line };
}

/**
 * Spawn options that run the CLI as a user whom file permissions bind, for tests of "you may not write there":
 * the current user when it is not root; nobody when it is root and nobody can reach the tool (a clone under a
 * private home folder it cannot); undefined when no such user can run it, and such a test is skipped.
 */
export function userBoundByPermissions(): { uid?: number; gid?: number } | undefined {
  if (process.getuid?.() !== 0) return {};
  const nobody = { uid: 65534, gid: 65534 };
  const probe = spawnSync(process.execPath, ['-e', `const fs = require('fs'); fs.accessSync(${JSON.stringify(TSX)}, fs.constants.X_OK); fs.accessSync(${JSON.stringify(MAIN)}, fs.constants.R_OK)`], { ...nobody, encoding: 'utf8' });
  return probe.status === 0 ? nobody : undefined;
}
