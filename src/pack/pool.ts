/**
 * Many independent jobs (e.g. building many papers) done in parallel on a pool of worker threads: piscina's, which
 * starts the workers, hands each the next job, and replaces one that dies. This file keeps what the pack relies
 * on around it: results in job order, a failing job failing only itself, a job module that cannot be loaded
 * rejecting the run, and one worker meaning no thread at all.
 *
 * A job module is any module exporting `runJob(job)` (sync or async). Each worker imports it once and then does
 * job after job, so module-level caches are shared by the jobs one worker does.
 */
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ResourceLimits } from 'node:worker_threads';
import type { Piscina } from 'piscina';
import { loadJobModule, messageOf, passBack, runOne, unsendable, type JobResult } from './job-module.js';
import type { WorkerReply } from './pool-server.js';

export { transferablesOf, type JobResult } from './job-module.js';

export interface PoolOptions {
  /** Worker threads to use; 1 runs every job in this thread, in order (the serial reference). */
  workers: number;
  /** The module whose `runJob(job)` export does one job; an absolute file URL or path (.ts only under tsx). */
  module: URL | string;
  /** Called after each job ends, in completion order. */
  onDone?: (index: number, result: JobResult<unknown>) => void;
  /** Heap limits for each worker (Node's defaults otherwise); a worker that exceeds them fails its job. Not used with 1 worker. */
  resourceLimits?: ResourceLimits;
}

export const defaultWorkers = () => Math.max(1, os.availableParallelism());

/**
 * A worker thread pays a start-up of a second or more (it loads the paper pipeline afresh) before its first paper,
 * which takes a couple of seconds: the bundled 3-paper pack, compiled, took 10.1–11.8 s in-process and 13.8–16.1 s
 * with two workers, with about 430 MB against 550 MB at peak. So a worker is started only for every
 * PAPERS_PER_WORKER papers, up to one a core, and a small pack is built in-process.
 */
export const PAPERS_PER_WORKER = 4;

/** The workers worth starting for `papers` papers with `available` cores: at least 1 (in-process). */
export const workersFor = (papers: number, available = defaultWorkers()): number => Math.max(1, Math.min(available, Math.floor(papers / PAPERS_PER_WORKER)));

/**
 * The module `name` beside the one at `base` (an import.meta.url), with base's own extension: `.ts` when the
 * sources run under tsx, `.js` when they run compiled from dist/, so a worker loads what the main thread runs.
 */
export const besideModule = (base: string, name: string): URL => new URL(`./${name}${path.extname(fileURLToPath(base))}`, base);

const WORKER_ENTRY = fileURLToPath(new URL('./pool-worker.js', import.meta.url));
const SERVER = besideModule(import.meta.url, 'pool-server').href;

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
  if (jobs.length === 0) return [];
  if (workers === 1) return runHere(jobs, moduleUrl, options.onDone);
  return runInWorkers(jobs, Math.min(workers, jobs.length), moduleUrl, options);
}

/** The serial reference: every job in this thread, in order, each cloned both ways as a worker would see it. */
async function runHere<J, R>(jobs: readonly J[], moduleUrl: string, onDone: PoolOptions['onDone']): Promise<JobResult<R>[]> {
  const module = await loadJobModule(moduleUrl).catch((error: unknown) => {
    throw notLoaded(moduleUrl, messageOf(error), error);
  });
  const results: JobResult<R>[] = [];
  for (const [index, job] of jobs.entries()) {
    let result: JobResult<unknown>;
    try {
      const copy = structuredClone(job);
      result = await runOne(module, copy, passBack);
    } catch (error) {
      result = { ok: false, error: unsendable(error) };
    }
    results.push(result as JobResult<R>);
    onDone?.(index, result);
  }
  return results;
}

async function runInWorkers<J, R>(jobs: readonly J[], size: number, moduleUrl: string, { onDone, resourceLimits }: PoolOptions): Promise<JobResult<R>[]> {
  const { Piscina } = await import('piscina'); // only a run with workers needs it
  const pool: Piscina = new Piscina({
    filename: WORKER_ENTRY,
    workerData: { module: moduleUrl, server: SERVER },
    minThreads: size,
    maxThreads: size,
    // The worker's event loop runs between jobs, as in any thread: what a job left pending goes on.
    atomics: 'disabled',
    // Jobs start in job order: without this, a job no worker was free for goes to the back of the queue.
    stricterFIFO: true,
    resourceLimits,
    execArgv: workerExecArgv(),
  });
  // A worker that dies between jobs fails none: piscina starts another for the jobs left.
  pool.on('error', () => {});
  try {
    return await new Promise<JobResult<R>[]>((resolve, reject) => {
      const results = new Array<JobResult<R>>(jobs.length);
      let finished = 0;
      let failed = false;
      const record = (index: number, reply: WorkerReply) => {
        if (failed) return; // the run is over: what the ending workers' jobs give is not reported
        if ('loadError' in reply) throw notLoaded(moduleUrl, reply.loadError);
        results[index] = reply as JobResult<R>;
        onDone?.(index, reply);
        if (++finished === jobs.length) resolve(results);
      };
      for (const [index, job] of jobs.entries()) {
        pool
          .run(job)
          .then(
            (reply: WorkerReply) => record(index, reply),
            (error: unknown) => record(index, { ok: false, error: failedInWorker(error) }),
          )
          .catch((error: unknown) => {
            failed = true;
            reject(error);
          });
      }
    });
  } finally {
    // Every job has ended, or the run has failed: the workers go, busy ones (only on failure) included.
    await pool.destroy();
  }
}

/**
 * Why a job gave no reply: it could not be posted to a worker (a DataCloneError, here), or its worker died —
 * exited, threw outside the job, or ran out of memory.
 */
function failedInWorker(error: unknown): string {
  if (error instanceof Error && error.name === 'DataCloneError') return unsendable(error);
  return `the worker stopped while doing this job: ${messageOf(error).replace(/^worker exited with code: /, 'exit code ')}`;
}

const notLoaded = (moduleUrl: string, reason: string, cause?: unknown) => new Error(`cannot load the job module ${moduleUrl}: ${reason}`, { cause });

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

function moduleHref(module: URL | string): string {
  if (module instanceof URL) return module.href;
  return /^file:/i.test(module) ? new URL(module).href : pathToFileURL(module).href;
}
