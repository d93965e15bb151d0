// Fresh processes, as a user starts them: the compiled command (`dist/`, which `npm run bench` builds first) run
// as a child, timed from spawn to exit, with its peak memory read from inside it (max-rss.cjs).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { ROOT } from './shared.js';

export interface Fresh {
  /** Wall time, spawn to exit, in milliseconds. */
  wall: number;
  /** Peak resident set of the whole process, worker threads included, in MiB. */
  peakMiB: number;
  stdout: string;
}

const CLI = path.join(ROOT, 'dist', 'cli', 'main.js');
const MAX_RSS = path.join(ROOT, 'tests', 'bench', 'max-rss.cjs');

/** `qif-report <args>` in a process of its own; a command that fails stops the bench with its error. */
export function freshRun(args: readonly string[]): Fresh {
  const scratch = mkdtempSync(path.join(tmpdir(), 'qif-bench-rss-'));
  const rssFile = path.join(scratch, 'max-rss');
  try {
    const start = performance.now();
    const result = spawnSync(process.execPath, ['--require', MAX_RSS, CLI, ...args], { encoding: 'utf8', env: { ...process.env, QIF_BENCH_MAX_RSS: rssFile } });
    const wall = performance.now() - start;
    if (result.status !== 0) throw new Error(`qif-report ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
    return { wall, peakMiB: Number(readFileSync(rssFile, 'utf8')) / 1024, stdout: result.stdout };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** A new empty folder for one run's output. */
export const freshFolder = () => mkdtempSync(path.join(tmpdir(), 'qif-bench-out-'));
