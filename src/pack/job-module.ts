/**
 * A job module and one job done with it: what the pool's serial reference does in this thread and what each
 * worker does in its own (pool-server.ts), so that both fail, and pass results back, alike.
 */
import type { InputProblem } from '../model/problem.js';

export type JobResult<R> = { ok: true; value: R } | { ok: false; error: string; problems?: InputProblem[] };

export type JobModule = { runJob: (job: unknown) => unknown };

export async function loadJobModule(url: string): Promise<JobModule> {
  const module = (await import(url)) as Partial<JobModule>;
  if (typeof module.runJob !== 'function') throw new Error('it has no runJob export');
  return module as JobModule;
}

/** Does one job; `send` is what passing the result back to the pool does to it (a clone, in this thread). */
export async function runOne(module: JobModule, job: unknown, send: (value: unknown) => unknown): Promise<JobResult<unknown>> {
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
export function passBack(value: unknown): unknown {
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

export const unsendable = (error: unknown) => `the job could not be passed to runJob: ${messageOf(error)}`;
export const unreturnable = (error: unknown) => `the job's result could not be passed back: ${messageOf(error)}`;

/** The failure a thrown value gives: its message, and its positioned problems if it is an InvalidInputError. */
function failureOf(error: unknown): { ok: false; error: string; problems?: InputProblem[] } {
  const problems = (error as { problems?: unknown } | null)?.problems;
  return Array.isArray(problems)
    ? { ok: false, error: messageOf(error), problems: problems.map((problem: InputProblem) => ({ ...problem })) }
    : { ok: false, error: messageOf(error) };
}

export const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

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
