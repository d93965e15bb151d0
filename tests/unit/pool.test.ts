import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { threadId } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { progressReporter } from '../../src/cli/progress.js';
import { runJobs, transferablesOf, workersFor, type JobResult } from '../../src/pack/pool.js';
import { ROOT } from '../helpers/cli.js';
import type { PoolJob } from '../helpers/pool-jobs.js';

const JOBS = new URL('../helpers/pool-jobs.ts', import.meta.url);

const run = (jobs: PoolJob[], workers: number, onDone?: (index: number, result: JobResult<unknown>) => void) =>
  runJobs<PoolJob, Record<string, unknown>>(jobs, { workers, module: JOBS, onDone });

const squares = (count: number): PoolJob[] => Array.from({ length: count }, (_, n) => ({ kind: 'square', n }));

describe('workersFor: a worker only for every 4 papers, up to one a core', () => {
  it.each([
    [0, 2, 1],
    [3, 2, 1],
    [4, 2, 1],
    [7, 2, 1],
    [8, 2, 2],
    [32, 2, 2],
    [32, 16, 8],
    [100, 1, 1],
  ])('%i papers on %i cores: %i', (papers, cores, workers) => {
    expect(workersFor(papers, cores)).toBe(workers);
  });
});

describe('runJobs', () => {
  it('gives results in job order, the same with 1 worker as with 2, and reports each job as it ends', async () => {
    const jobs: PoolJob[] = [
      ...squares(6),
      { kind: 'throw', message: 'no data for Orkney' },
      ...squares(3),
      { kind: 'invalid', problems: [{ file: 'indicators.csv', line: 12, column: 3, reason: 'not a number', expected: 'a percentage' }] },
    ];
    const doneOrder: number[] = [];
    const serial = await run(jobs, 1, (index) => doneOrder.push(index));
    const parallel = await run(jobs, 2);

    expect(doneOrder).toEqual(jobs.map((_, index) => index));
    expect(parallel).toEqual(serial);
    expect(serial.slice(0, 6)).toEqual(squares(6).map((_, n) => ({ ok: true, value: { n, square: n * n, label: `job ${n}` } })));
    // A job that throws fails alone, with its message; the others carry on.
    expect(serial[6]).toEqual({ ok: false, error: 'no data for Orkney' });
    expect(serial[7]).toEqual({ ok: true, value: { n: 0, square: 0, label: 'job 0' } });
    // An InvalidInputError's problems come back, positioned, for the caller to print.
    expect(serial[10]).toEqual({
      ok: false,
      error: '1 problem(s) in the input',
      problems: [{ file: 'indicators.csv', line: 12, column: 3, reason: 'not a number', expected: 'a percentage' }],
    });
  });

  it('tells onDone about every job once, in the order they end, with 2 workers', async () => {
    const done = new Map<number, boolean>();
    const results = await run([...squares(5), { kind: 'throw', message: 'x' }], 2, (index, result) => {
      expect(done.has(index)).toBe(false);
      done.set(index, result.ok);
    });
    expect([...done.keys()].sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(results.map((result) => result.ok)).toEqual([true, true, true, true, true, false]);
  });

  it('runs jobs at the same time in different threads', async () => {
    // Each job waits (up to 10 s) for the other to arrive: both arrive only if both run at once.
    const arrivals = new Int32Array(new SharedArrayBuffer(4));
    const results = await run(
      [
        { kind: 'meet', arrivals, parties: 2 },
        { kind: 'meet', arrivals, parties: 2 },
      ],
      2,
    );
    const values = results.map((result) => (result.ok ? result.value : result.error));
    expect(values).toEqual([
      { threadId: expect.any(Number), met: true },
      { threadId: expect.any(Number), met: true },
    ]);
    const threads = values.map((value) => (value as { threadId: number }).threadId);
    expect(new Set([...threads, threadId]).size).toBe(3);
  }, 30_000);

  it('runs every job in this thread with 1 worker', async () => {
    const results = await run([{ kind: 'where' }, { kind: 'where' }], 1);
    expect(results.map((result) => result.ok && result.value.threadId)).toEqual([threadId, threadId]);
  });

  it('imports the job module once per worker, so its module-level state is shared by that worker’s jobs', async () => {
    const results = await run(Array.from({ length: 8 }, (): PoolJob => ({ kind: 'where' })), 2);
    const byThread = new Map<number, number[]>();
    for (const result of results) {
      if (!result.ok) throw new Error(result.error);
      const { threadId: thread, jobsDoneHere } = result.value as { threadId: number; jobsDoneHere: number };
      byThread.set(thread, [...(byThread.get(thread) ?? []), jobsDoneHere]);
    }
    expect(byThread.size).toBeLessThanOrEqual(2);
    expect(byThread.has(threadId)).toBe(false);
    // Each worker counts its own jobs 1, 2, 3, …: one module instance per worker, reused.
    for (const counts of byThread.values()) expect(counts).toEqual(counts.map((_, i) => i + 1));
  });

  it('fails the job of a worker that dies, replaces the worker and carries on', async () => {
    const results = await runJobs<PoolJob, unknown>(
      [{ kind: 'exit', code: 3 }, ...squares(2), { kind: 'crash' }, { kind: 'hog' }, ...squares(2)],
      { workers: 2, module: JOBS, resourceLimits: { maxOldGenerationSizeMb: 32, maxYoungGenerationSizeMb: 4 } },
    );
    expect(results.map((result) => result.ok)).toEqual([false, true, true, false, false, true, true]);
    expect(results[0]).toEqual({ ok: false, error: 'the worker stopped while doing this job: exit code 3' });
    expect(results[3]).toEqual({ ok: false, error: 'the worker stopped while doing this job: thrown outside the job' });
    expect(results[4]).toMatchObject({ ok: false, error: expect.stringMatching(/memory/) });
  });

  it('brings bytes back whole, handing their buffer over rather than copying it', async () => {
    for (const workers of [1, 2]) {
      const [result] = await run([{ kind: 'bytes', length: 1000 }], workers);
      const bytes = result?.ok ? (result.value.bytes as Uint8Array) : undefined;
      expect(bytes).toBeInstanceOf(Uint8Array);
      expect(bytes?.length).toBe(1000);
      expect(bytes?.[252]).toBe(1);
    }
    const whole = new Uint8Array(8);
    const slice = new Uint8Array(new ArrayBuffer(16), 8);
    expect(transferablesOf({ pdf: whole, again: [whole], slice, shared: new Uint8Array(new SharedArrayBuffer(4)) })).toEqual([whole.buffer]);
  });

  it('fails a job that cannot be passed to runJob, or whose result cannot be passed back, alike with 1 worker and 2', async () => {
    const jobs = [{ kind: 'square', n: 2, format: () => 'two' }, { kind: 'unreturnable' }, ...squares(2)] as PoolJob[];
    const [serial, parallel] = [await run(jobs, 1), await run(jobs, 2)];
    expect(parallel).toEqual(serial);
    expect(serial.map((result) => result.ok)).toEqual([false, false, true, true]);
    expect(serial[0]).toEqual({ ok: false, error: expect.stringMatching(/^the job could not be passed to runJob: .*could not be cloned/) });
    expect(serial[1]).toEqual({ ok: false, error: expect.stringMatching(/^the job's result could not be passed back: .*could not be cloned/) });
  });

  it('rejects when the job module cannot be used, with either number of workers', async () => {
    const missing = fileURLToPath(new URL('../helpers/no-such-jobs.ts', import.meta.url));
    const noRunJob = new URL('../helpers/workspace-csv.ts', import.meta.url);
    for (const workers of [1, 2]) {
      await expect(runJobs([1], { workers, module: missing })).rejects.toThrow(/cannot load the job module .*no-such-jobs/);
      await expect(runJobs([1], { workers, module: noRunJob })).rejects.toThrow(/no runJob export/);
    }
    await expect(runJobs([1], { workers: 0, module: JOBS })).rejects.toThrow(RangeError);
    expect(await runJobs([], { workers: 2, module: JOBS })).toEqual([]);
  });
});

describe('runJobs from a command line', () => {
  // Under tsx the pool's workers must register tsx themselves; check they do in a process of their own, started
  // both ways tsx is used, and that the process ends by itself once the jobs are done. (Compiled, in dist/, no
  // worker loads tsx: tests/e2e/dist.test.ts.)
  const run = promisify(execFile);
  const script = path.join('tests', 'helpers', 'pool-run.ts');
  const ways = {
    'the tsx command': [path.join(ROOT, 'node_modules', '.bin', 'tsx'), [script]],
    'tsx registered through its API': [
      process.execPath,
      ['--input-type=module', '-e', `import { register } from 'tsx/esm/api'; register(); await import('./${script.split(path.sep).join('/')}');`],
    ],
  } as const;

  it.each(Object.keys(ways) as (keyof typeof ways)[])('works under %s, keeps what the jobs print and exits', async (way) => {
    const [command, args] = ways[way];
    const { stdout } = await run(command, [...args], { cwd: ROOT, timeout: 30_000, env: { ...process.env, POOL_WORKERS: '2' } });
    const lines = stdout.trim().split('\n');
    expect(lines.slice(0, -1).sort()).toEqual(['said by job 0', 'said by job 3']);
    expect(JSON.parse(lines.at(-1)!)).toEqual([
      { ok: true, value: 13 },
      { ok: true, value: { n: 3, square: 9, label: 'job 3' } },
      { ok: false, error: 'no data for Orkney' },
      { ok: true, value: 13 },
    ]);
  }, 30_000);
});

describe('progressReporter', () => {
  const fakeStream = (isTTY: boolean, columns?: number) => {
    const writes: string[] = [];
    return { stream: { isTTY, columns, write: (text: string) => writes.push(text) > 0 }, writes };
  };

  it('writes plain lines when not on a terminal', () => {
    const { stream, writes } = fakeStream(false);
    const progress = progressReporter(stream);
    progress.start(3);
    progress.done('Renfrewshire', 'built');
    progress.done('Orkney\nIslands', 'failed');
    progress.done('Fife', 'reused');
    progress.finish();
    expect(writes.join('')).toBe('built 1/3: Renfrewshire\nFAILED 2/3: Orkney↵Islands\nreused 3/3: Fife\n');
  });

  it('redraws one line in place on a terminal, leaving failures above it', () => {
    const { stream, writes } = fakeStream(true, 80);
    const progress = progressReporter(stream);
    progress.start(4);
    progress.done('Renfrewshire', 'built');
    progress.done('Orkney', 'failed');
    progress.finish();
    expect(writes).toEqual([
      '\r[................] 0/4\x1b[K',
      '\r[####............] 1/4  Renfrewshire\x1b[K',
      '\rFAILED 2/4: Orkney\x1b[K\n',
      '\r[########........] 2/4  Orkney\x1b[K',
      '\r[########........] 2/4\x1b[K',
      '\n',
    ]);
  });

  it('keeps the line narrower than the terminal, so it never wraps', () => {
    const { stream, writes } = fakeStream(true, 40);
    const progress = progressReporter(stream);
    progress.start(32);
    progress.done('Na h-Eileanan Siar Children’s Services Partnership', 'built');
    const line = writes.at(-1)!.replace(/^\r|\x1b\[K$/g, '');
    expect(line).toBe('[#...............] 1/32  Na h-Eileanan…');
    expect(line.length).toBe(39);
  });
});
