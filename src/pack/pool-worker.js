// The entry point of every worker thread in the pool (see pool.ts). Worker threads do not inherit the
// parent's module loader hooks on Node 20 — not even when the parent runs under the tsx CLI, whose
// `--import` loader registers itself only on the main thread — so this file is plain JavaScript, registers
// tsx itself (as bin.js does), and only then imports TypeScript. Registering again where tsx is already
// active (newer Node versions, whose workers do inherit it) is harmless.
import { register } from 'tsx/esm/api';

register();
const { serveJobs } = await import('./pool.ts');
await serveJobs();
