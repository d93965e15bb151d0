import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Temporary files and folders being written now, removed if the run is interrupted. */
const inFlight = new Set<string>();
let cleanupInstalled = false;

function removeInFlightOnInterrupt(): void {
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      for (const file of inFlight) rmSync(file, { force: true, recursive: true });
      // The shell's convention for "killed by a signal": 128 + its number.
      process.exit(128 + ({ SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as const)[signal]);
    });
  }
}

/**
 * Writes beside the target and renames into place, so a failed or interrupted build never leaves
 * a half-written file and never destroys the last good one.
 */
export async function writeFileAtomically(file: string, data: string | Uint8Array): Promise<void> {
  removeInFlightOnInterrupt();
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  inFlight.add(temporary);
  try {
    await writeFile(temporary, data);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  } finally {
    inFlight.delete(temporary);
  }
}

/**
 * Builds a folder's whole new content beside it and swaps it in: a run's outputs appear together or not at all,
 * and nothing a run did not write (a last run's agenda pack, an item since dropped) is left among them. A
 * failed or interrupted build leaves the folder as it was. The swap is two renames; a crash between them leaves
 * the old content in `.<name>.*.old` and no folder, never a mix, and the next run clears it away.
 */
export async function replaceFolder<T>(folder: string, build: (staging: string) => Promise<T>): Promise<T> {
  removeInFlightOnInterrupt();
  const parent = path.dirname(folder);
  const name = path.basename(folder);
  await clearLeftovers(parent, name);
  const staging = path.join(parent, `.${name}.${randomBytes(6).toString('hex')}.building`);
  inFlight.add(staging);
  try {
    await mkdir(staging, { recursive: true });
    const result = await build(staging);
    const old = path.join(parent, `.${name}.${randomBytes(6).toString('hex')}.old`);
    const had = await rename(folder, old).then(() => true, (error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? false : Promise.reject(error)));
    await rename(staging, folder);
    if (had) await rm(old, { recursive: true, force: true });
    return result;
  } finally {
    await rm(staging, { recursive: true, force: true });
    inFlight.delete(staging);
  }
}

/** Folders an interrupted run left beside the output folder: its half-built content and the one it replaced. */
async function clearLeftovers(parent: string, name: string): Promise<void> {
  const pattern = new RegExp(`^\\.${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.[0-9a-f]{12}\\.(building|old)$`);
  for (const entry of await readdir(parent).catch(() => [])) {
    if (pattern.test(entry)) await rm(path.join(parent, entry), { recursive: true, force: true });
  }
}
