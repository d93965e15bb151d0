/**
 * A small pool of worker threads for doing many independent jobs (e.g. building many papers) in parallel.
 *
 * A job module is any module exporting `runJob(job)` (sync or async). Each worker imports it once and then
 * does job after job, so module-level caches are shared by the jobs one worker does. Worker threads do not
 * inherit tsx's loader, so every worker starts from `pool-worker.js`, which registers tsx before importing
 * anything written in TypeScript.
 */
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import { parentPort, Worker, workerData, type ResourceLimits } from 'node:worker_threads';
import type { InputProblem } from '../model/problem.js';

export type JobResult<R> = { ok: true; value: R } | { ok: false; error: string; problems?: InputProblem[] };

export interface PoolOptions {
  /** Worker threads to use; 1 runs every job in this thread, in order (the serial reference). */
  workers: number;
  /** The module whose `runJob(job)` export does one job; an absolute file URL or path to a .ts file. */
  module: URL | string;
  /** Called after each job ends, in completion order. */
  onDone?: (index: number, result: JobResult<unknown>) => void;
  /** Heap limits for each worker (Node's defaults otherwise); a worker that exceeds them fails its job. Not used with 1 worker. */
  resourceLimits?: ResourceLimits;
}

export const defaultWorkers = () => Math.max(1, os.availableParallelism());

/**
 * A worker thread pays a start-up of several seconds (it loads the paper pipeline afresh) before its first paper,
 * which takes a couple of seconds: the bundled 3-paper pack took 12.5–15.5 s in-process and 17.5–19.5 s with two
 * workers, with 490 MB against 780 MB at peak. So a worker is started only for every PAPERS_PER_WORKER papers,
 * up to one a core, and a small pack is built in-process.
 */
export const PAPERS_PER_WORKER = 4;

/** The workers worth starting for `papers` papers with `available` cores: at least 1 (in-process). */
export const workersFor = (papers: number, available = defaultWorkers()): number => Math.max(1, Math.min(available, Math.floor(papers / PAPERS_PER_WORKER)));

type JobModule = { runJob: (job: unknown) => unknown };

/** What the pool sends a worker, and what the worker answers. */
type PoolMessage = { index: number; job: unknown } | { stop: true };
type WorkerReply = ({ index: number } & JobResult<unknown>) | { loadError: string };

const WORKER_BOOTSTRAP = new URL('./pool-worker.js', import.meta.url);
const STOP_GRACE_MS = 1000;

/**
 * Runs every job, at most `workers` at a time; results come back in job order whatever order they finish in.
 * A job that throws gives { ok: false, error: message } and the others carry on. A worker that dies
 * (e.g. out of memory) fails its job and is replaced. A module that cannot be loaded, or has no `runJob`,
 * rejects the whole run.
 */
export async function runJobs<J, R>(jobs: readonly J[], options: PoolOptions): Promise<JobResult<R>[]> {
  const { workers } = options;
  if (!Number.isInteger(workers) || workers < 1) throw new RangeError(`workers must be a whole number from 1, not ${workers}`);
  const moduleUrl = moduleHref(options.module);
  const results = new Array<JobResult<R>>(jobs.length);
  if (jobs.length === 0) return results;
  if (workers === 1) {
    const module = await loadJobModule(moduleUrl).catch((error: unknown) => {
      throw new Error(`cannot load the job module ${moduleUrl}: ${messageOf(error)}`, { cause: error });
    });
    for (const [index, job] of jobs.entries()) {
      // Cloned both ways, so the serial reference sees exactly what a worker would.
      let result: JobResult<unknown>;
      try {
        const copy = structuredClone(job);
        result = await runOne(module, copy, passBack);
      } catch (error) {
        result = { ok: false, error: unsendable(error) };
      }
      results[index] = result as JobResult<R>;
      options.onDone?.(index, result);
    }
    return results;
  }
  return runInWorkers(jobs, Math.min(workers, jobs.length), moduleUrl, options, results);
}

function runInWorkers<J, R>(
  jobs: readonly J[],
  size: number,
  moduleUrl: string,
  { onDone, resourceLimits }: PoolOptions,
  results: JobResult<R>[],
): Promise<JobResult<R>[]> {
  return new Promise((resolve, reject) => {
    const live = new Set<Worker>();
    const exited = new WeakSet<Worker>();
    const stopping: Promise<unknown>[] = [];
    let next = 0;
    let finished = 0;
    let settled = false;

    /**
     * Lets an idle worker go gently: it closes its port and ends once its event loop is empty, so nothing it
     * printed is lost (terminate() can drop it). One that lingers, because a job left a timer or a socket
     * open, is terminated after a grace period.
     */
    const release = (worker: Worker) => {
      live.delete(worker);
      if (exited.has(worker)) return;
      stopping.push(
        new Promise<void>((stopped) => {
          const timer = setTimeout(() => void worker.terminate().then(() => stopped()), STOP_GRACE_MS);
          worker.once('exit', () => {
            clearTimeout(timer);
            stopped();
          });
          worker.postMessage({ stop: true } satisfies PoolMessage);
        }),
      );
    };
    /** Settles the run once every worker has ended: idle ones let go, busy ones (only on failure) terminated. */
    const end = (settle: () => void) => {
      settled = true;
      for (const worker of [...live]) {
        live.delete(worker);
        stopping.push(worker.terminate());
      }
      void Promise.allSettled(stopping).then(settle);
    };
    const fail = (error: unknown) => {
      if (!settled) end(() => reject(error));
    };
    const record = (index: number, result: JobResult<unknown>) => {
      if (settled || results[index] !== undefined) return;
      results[index] = result as JobResult<R>;
      finished += 1;
      try {
        onDone?.(index, result);
      } catch (error) {
        fail(error);
        return;
      }
      if (finished === jobs.length) {
        // Every worker is idle now: the one that did the last job is still live, the others are let go already.
        for (const worker of [...live]) release(worker);
        end(() => resolve(results));
      }
    };

    /** Gives the worker the next job, or lets it go when none are left. */
    const feed = (worker: Worker, state: { current?: number }) => {
      while (next < jobs.length) {
        const index = next++;
        const message: PoolMessage = { index, job: jobs[index] };
        try {
          worker.postMessage(message);
          state.current = index;
          return;
        } catch (error) {
          record(index, { ok: false, error: unsendable(error) });
          if (settled) return;
        }
      }
      state.current = undefined;
      release(worker);
    };

    const spawn = () => {
      const worker = new Worker(WORKER_BOOTSTRAP, { workerData: { module: moduleUrl }, resourceLimits, execArgv: workerExecArgv() });
      const state: { current?: number } = {};
      let death: string | undefined;
      live.add(worker);
      worker.on('message', (reply: WorkerReply) => {
        if ('loadError' in reply) return fail(new Error(`cannot load the job module ${moduleUrl}: ${reply.loadError}`));
        const { index, ...result } = reply;
        state.current = undefined;
        record(index, result);
        if (!settled) feed(worker, state);
      });
      worker.on('error', (error) => {
        death = messageOf(error);
      });
      worker.on('exit', (code) => {
        exited.add(worker);
        if (!live.delete(worker) || settled) return;
        const index = state.current;
        if (index !== undefined) {
          record(index, { ok: false, error: `the worker stopped while doing this job: ${death ?? `exit code ${code}`}` });
        }
        if (!settled && next < jobs.length) spawn();
      });
      feed(worker, state);
    };

    for (let i = 0; i < size; i++) spawn();
  });
}

/**
 * The parent's Node options, which a worker inherits, less those a worker refuses to start with:
 * `--input-type` (as in `node --input-type=module -e …`) is allowed only with code given on the command line.
 */
function workerExecArgv(): string[] {
  const options: string[] = [];
  for (let i = 0; i < process.execArgv.length; i++) {
    const option = process.execArgv[i]!;
    if (option === '--input-type') i++;
    else if (!option.startsWith('--input-type=')) options.push(option);
  }
  return options;
}

/** Does one job; `send` is what passing the result back to the pool does to it (a clone, in this thread). */
async function runOne(module: JobModule, job: unknown, send: (value: unknown) => unknown): Promise<JobResult<unknown>> {
  let value: unknown;
  try {
    value = await module.runJob(job);
  } catch (error) {
    return failureOf(error);
  }
  try {
    return { ok: true, value: send(value) };
  } catch (error) {
    return { ok: false, error: unreturnable(error) };
  }
}

/** Clones a result as posting it to another thread would, handing its buffers over where they allow it. */
function passBack(value: unknown): unknown {
  const transfer = transferablesOf(value);
  if (transfer.length > 0) {
    try {
      return structuredClone(value, { transfer });
    } catch {
      // copied instead, below
    }
  }
  return structuredClone(value);
}

const unsendable = (error: unknown) => `the job could not be passed to runJob: ${messageOf(error)}`;
const unreturnable = (error: unknown) => `the job's result could not be passed back: ${messageOf(error)}`;

/** The failure a thrown value gives: its message, and its positioned problems if it is an InvalidInputError. */
function failureOf(error: unknown): { ok: false; error: string; problems?: InputProblem[] } {
  const problems = (error as { problems?: unknown } | null)?.problems;
  return Array.isArray(problems)
    ? { ok: false, error: messageOf(error), problems: problems.map((problem: InputProblem) => ({ ...problem })) }
    : { ok: false, error: messageOf(error) };
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The array buffers in a result that can be handed over rather than copied: those wholly owned by one
 * typed array (not a slice of Node's shared Buffer pool, nor shared memory), found in arrays and plain objects.
 */
export function transferablesOf(value: unknown): ArrayBuffer[] {
  const found = new Set<ArrayBuffer>();
  const seen = new Set<object>();
  const visit = (item: unknown) => {
    if (typeof item !== 'object' || item === null || seen.has(item)) return;
    seen.add(item);
    if (ArrayBuffer.isView(item)) {
      const { buffer } = item;
      if (buffer instanceof ArrayBuffer && item.byteOffset === 0 && item.byteLength === buffer.byteLength) found.add(buffer);
      return;
    }
    if (Array.isArray(item)) return item.forEach(visit);
    const prototype = Object.getPrototypeOf(item);
    if (prototype === Object.prototype || prototype === null) Object.values(item).forEach(visit);
  };
  visit(value);
  return [...found];
}

function moduleHref(module: URL | string): string {
  if (module instanceof URL) return module.href;
  return /^file:/i.test(module) ? new URL(module).href : pathToFileURL(module).href;
}

async function loadJobModule(url: string): Promise<JobModule> {
  const module = (await import(url)) as Partial<JobModule>;
  if (typeof module.runJob !== 'function') throw new Error('it has no runJob export');
  return module as JobModule;
}

/** The worker's side: called by pool-worker.js once tsx is registered. */
export async function serveJobs(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('serveJobs runs only in a worker thread');
  const { module: url } = workerData as { module: string };
  let module: JobModule;
  try {
    module = await loadJobModule(url);
  } catch (error) {
    port.postMessage({ loadError: messageOf(error) } satisfies WorkerReply);
    port.close();
    return;
  }
  port.on('message', async (message: PoolMessage) => {
    if ('stop' in message) return port.close(); // the worker ends once nothing else is pending
    const { index, job } = message;
    const result = await runOne(module, job, (value) => value);
    const reply: WorkerReply = { index, ...result };
    const transfer = result.ok ? transferablesOf(result.value) : [];
    try {
      port.postMessage(reply, transfer);
      return;
    } catch (error) {
      if (transfer.length === 0) return port.postMessage({ index, ok: false, error: unreturnable(error) } satisfies WorkerReply);
    }
    try {
      port.postMessage(reply); // copied rather than handed over, in case a buffer refused to move
    } catch (error) {
      port.postMessage({ index, ok: false, error: unreturnable(error) } satisfies WorkerReply);
    }
  });
}
