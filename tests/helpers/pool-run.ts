// Runs a few pool jobs from a command line of its own, for tests/unit/pool.test.ts to check the pool under
// the tsx command and under tsx registered through its API, with POOL_WORKERS workers.
// Prints what the jobs print, then the results as JSON on the last line.
import { runJobs } from '../../src/pack/pool.js';
import type { PoolJob } from './pool-jobs.js';

const jobs: PoolJob[] = [
  { kind: 'say', text: 'said by job 0' },
  { kind: 'square', n: 3 },
  { kind: 'throw', message: 'no data for Orkney' },
  { kind: 'say', text: 'said by job 3' },
];
const results = await runJobs(jobs, { workers: Number(process.env.POOL_WORKERS ?? 2), module: new URL('./pool-jobs.ts', import.meta.url) });
console.log(JSON.stringify(results));
