/**
 * The worker's side of the pool: what each job a worker is given goes through. pool-worker.js, the worker's
 * entry, imports this once a worker and hands piscina the function `jobServer` gives.
 */
import { Writable } from 'node:stream';
import { move, transferableSymbol, valueSymbol } from 'piscina';
import { loadJobModule, messageOf, passBack, runOne, transferablesOf, type JobResult } from './job-module.js';

/** What a worker answers for a job: its result, or that the job module could not be loaded. */
export type WorkerReply = JobResult<unknown> | { loadError: string };

/**
 * The job module loaded once for the worker's life, so its module-level state is shared by the jobs this worker
 * does. A module that cannot be loaded is answered for, not thrown: the pool rejects the run on that answer
 * rather than starting worker after worker that fail alike.
 */
export async function jobServer(moduleUrl: string): Promise<(job: unknown) => Promise<WorkerReply>> {
  let module: Awaited<ReturnType<typeof loadJobModule>>;
  try {
    module = await loadJobModule(moduleUrl);
  } catch (error) {
    const reply: WorkerReply = { loadError: messageOf(error) };
    return async () => reply;
  }
  return async (job) => {
    // The result is cloned here, its buffers moved rather than copied, as the serial reference clones it: one that
    // cannot be posted to the main thread fails as its job, as there, rather than killing the worker.
    const result = await runOne(module, job, passBack);
    // What the job printed reaches the main thread before its result: the pool ends its workers once the last
    // result is in, and a line still on its way would be lost.
    await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
    const transfer = result.ok ? transferablesOf(result.value) : [];
    return transfer.length === 0 ? result : (move({ [transferableSymbol]: transfer, [valueSymbol]: result }) as unknown as WorkerReply);
  };
}

/** Resolves once everything written to the stream so far has been taken by the main thread. */
const flushed = (stream: Writable) => new Promise<void>((resolve) => (stream.writableLength === 0 ? resolve() : stream.write('', () => resolve())));
