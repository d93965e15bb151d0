// What an officer editing a workspace sees with `qif-report build --watch` (compiled): the first build, then the
// time from each save of grades.csv to the paper written again, in the same process. The watch waits for the
// folder to be quiet for QUIET_MS before building, and that wait is part of the figure.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { saveAsEditorsDo } from '../helpers/save.js';
import { median, ROOT, seconds, WORKSPACES } from './shared.js';

const CLI = path.join(ROOT, 'dist', 'cli', 'main.js');

export interface WatchFigures {
  /** Spawn to the first paper written. */
  first: number;
  /** Save to the paper written again, median of the saves. */
  afterSave: number;
  /** What the tool itself timed for those builds (after its quiet wait), median. */
  building: number;
}

export async function watchRebuilds(saves: number): Promise<WatchFigures> {
  const folder = mkdtempSync(path.join(tmpdir(), 'qif-bench-watch-'));
  const workspace = path.join(folder, 'workspace');
  cpSync(WORKSPACES[0]!, workspace, { recursive: true });
  const started = performance.now();
  const child = spawn(process.execPath, [CLI, 'build', workspace, '--out', path.join(folder, 'out'), '--watch'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  let waiting: { count: number; resolve: (at: number) => void } | undefined;
  const builtTimes = () => [...stderr.matchAll(/built in (\d+\.\d+) s/g)].map((match) => Number(match[1]) * 1000);
  child.stderr.setEncoding('utf8').on('data', (text: string) => {
    stderr += text;
    if (waiting && builtTimes().length >= waiting.count) waiting.resolve(performance.now());
  });
  const built = (count: number) =>
    new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`build --watch made no build ${count} in a minute: ${stderr}`)), 60_000);
      waiting = { count, resolve: (at) => (clearTimeout(timer), resolve(at)) };
    });
  try {
    const first = (await built(1)) - started;
    const afterSave: number[] = [];
    const grades = path.join(workspace, 'grades.csv');
    const text = readFileSync(grades, 'utf8');
    for (let save = 1; save <= saves; save++) {
      // The same rows each time: the paper is built again all the same.
      const saved = performance.now();
      saveAsEditorsDo(grades, text);
      afterSave.push((await built(save + 1)) - saved);
    }
    const figures = { first, afterSave: median(afterSave), building: median(builtTimes().slice(1)) };
    console.log(`build --watch of ${path.basename(WORKSPACES[0]!)}: first paper ${seconds(figures.first)}; after a save, median ${seconds(figures.afterSave)} to the paper written again (${saves} saves; ${seconds(figures.building)} of it building)`);
    return figures;
  } finally {
    child.kill('SIGINT');
    rmSync(folder, { recursive: true, force: true });
  }
}
