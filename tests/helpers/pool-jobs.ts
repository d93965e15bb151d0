// Jobs for tests/unit/pool.test.ts, run by the worker pool in src/pack/pool.ts.
import { threadId } from 'node:worker_threads';
import { InvalidInputError, type InputProblem } from '../../src/model/problem.js';

export type PoolJob =
  | { kind: 'square'; n: number }
  | { kind: 'throw'; message: string }
  | { kind: 'invalid'; problems: InputProblem[] }
  | { kind: 'where' }
  | { kind: 'say'; text: string }
  | { kind: 'meet'; arrivals: Int32Array; parties: number }
  | { kind: 'bytes'; length: number }
  | { kind: 'unreturnable' }
  | { kind: 'exit'; code: number }
  | { kind: 'crash' }
  | { kind: 'hog' };

/** Module-level state, as a real job module's cache of a parsed data file would be. */
let jobsDoneHere = 0;

export async function runJob(job: PoolJob): Promise<unknown> {
  jobsDoneHere += 1;
  switch (job.kind) {
    case 'square':
      await new Promise((resolve) => setTimeout(resolve, (job.n * 7) % 20)); // finish out of order
      return { n: job.n, square: job.n * job.n, label: `job ${job.n}` };
    case 'throw':
      throw new Error(job.message);
    case 'invalid':
      throw new InvalidInputError(job.problems);
    case 'where':
      return { threadId, jobsDoneHere };
    case 'say':
      console.log(job.text);
      return job.text.length;
    case 'meet': {
      // Arrive, then wait for the other jobs to arrive too: they can all be here at once only if they run
      // at the same time, in different threads. A generous timeout, so a loaded machine is no problem.
      Atomics.add(job.arrivals, 0, 1);
      Atomics.notify(job.arrivals, 0);
      const deadline = Date.now() + 10_000;
      let here = Atomics.load(job.arrivals, 0);
      while (here < job.parties && Date.now() < deadline) {
        Atomics.wait(job.arrivals, 0, here, 100);
        here = Atomics.load(job.arrivals, 0);
      }
      return { threadId, met: here >= job.parties };
    }
    case 'bytes':
      return { bytes: new Uint8Array(job.length).map((_, i) => i % 251) };
    case 'unreturnable':
      return { n: 1, key: Symbol('key') }; // a symbol cannot be cloned to another thread
    case 'exit':
      process.exit(job.code); // in a worker thread, ends only that thread
    case 'crash':
      setTimeout(() => {
        throw new Error('thrown outside the job');
      });
      return new Promise(() => {}); // never settles: the worker dies first
    case 'hog': {
      const hoard: number[][] = [];
      for (;;) hoard.push(new Array(100_000).fill(hoard.length));
    }
  }
}
