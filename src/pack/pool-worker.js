// The entry of every worker thread in the pool (pool.ts): piscina imports it once a worker and calls its default
// export for each job. It is plain JavaScript so that it loads both ways the pool runs. Compiled (dist/), every
// module is JavaScript and nothing loads tsx. From the TypeScript sources under tsx (the tests, `npx tsx
// src/cli/main.ts`), a worker must register tsx itself before importing TypeScript: worker threads do not inherit
// the parent's module loader hooks on Node 20, not even under the tsx CLI, whose `--import` loader registers on
// the main thread only. Registering again where tsx is already active (newer Node versions) is harmless.
import { workerData } from 'node:worker_threads';

/** @type {{ module: string, server: string }} the job module, and pool-server beside the pool that started this worker */
const { module, server } = workerData;
if ([module, server].some((url) => /\.[cm]?tsx?$/.test(url))) {
  const { register } = await import('tsx/esm/api');
  register();
}
const { jobServer } = await import(server);
export default await jobServer(module);
