import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Temporary files being written now, removed if the run is interrupted. */
const inFlight = new Set<string>();
let cleanupInstalled = false;

function removeInFlightOnInterrupt(): void {
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      for (const file of inFlight) rmSync(file, { force: true });
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
