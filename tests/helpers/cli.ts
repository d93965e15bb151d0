import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
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

export function tempDir(prefix = 'qif-report-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** A copy of a fixture workspace, to break or change without touching the original. */
export function copyFixture(name: string): string {
  const copy = path.join(tempDir(), name);
  cpSync(path.join(FIXTURES, name), copy, { recursive: true });
  return copy;
}
