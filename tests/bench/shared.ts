// What bench.ts and chromium-race.ts share: the papers, how many warm runs, and how a figure is printed.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const WORKSPACES = ['renfrewshire', 'orkney'].map((name) => path.join(ROOT, 'fixtures', name));
/** Warm runs a figure is the median of; one more run goes first and is discarded (the JIT, the font cache). */
export const WARM_RUNS = 10;

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
export const ms = (value: number) => `${value.toFixed(1)} ms`;
export const seconds = (milliseconds: number) => `${(milliseconds / 1000).toFixed(2)} s`;
export const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
