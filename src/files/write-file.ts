import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
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

/**
 * Makes a new folder's content beside it and moves it into place, so a failed or interrupted run leaves nothing:
 * a folder not there yet appears whole, in one rename, with any parents made for it; an empty folder already
 * there (made for the purpose, perhaps the one the shell is in) is kept and takes the entries, which are taken
 * out again if one of them cannot be moved. The caller has checked it was empty; it is checked again here.
 */
export async function fillNewFolder<T>(folder: string, build: (staging: string) => Promise<T>): Promise<T> {
  removeInFlightOnInterrupt();
  const target = path.resolve(folder);
  const parent = path.dirname(target);
  const name = path.basename(target);
  await clearLeftovers(parent, name);
  const existed = await stat(target).then((stats) => stats.isDirectory(), () => false);
  const made = existed ? undefined : await mkdir(parent, { recursive: true });
  const staging = path.join(parent, `.${name}.${randomBytes(6).toString('hex')}.building`);
  inFlight.add(staging);
  let done = false;
  try {
    await mkdir(staging);
    const result = await build(staging);
    if (existed) await moveEntries(staging, target);
    else await rename(staging, target);
    done = true;
    return result;
  } finally {
    await rm(staging, { recursive: true, force: true });
    inFlight.delete(staging);
    if (!done && made) await rm(made, { recursive: true, force: true });
  }
}

/** Moves every entry of one folder into another that is empty: all of them, or none (each one moved is undone). */
async function moveEntries(from: string, to: string): Promise<void> {
  if ((await readdir(to)).length > 0) throw new Error(`${to} is no longer empty`);
  const destinations = (await readdir(from)).map((entry) => [path.join(from, entry), path.join(to, entry)] as const);
  const moved: string[] = [];
  // Until all are moved, an interrupt removes those already in place.
  for (const [, destination] of destinations) inFlight.add(destination);
  try {
    for (const [source, destination] of destinations) {
      await rename(source, destination);
      moved.push(destination);
    }
  } catch (error) {
    await Promise.all(moved.map((entry) => rm(entry, { recursive: true, force: true })));
    throw error;
  } finally {
    for (const [, destination] of destinations) inFlight.delete(destination);
  }
}

/** Folders an interrupted run left beside the output folder: its half-built content and the one it replaced. */
async function clearLeftovers(parent: string, name: string): Promise<void> {
  const pattern = new RegExp(`^\\.${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.[0-9a-f]{12}\\.(building|old)$`);
  for (const entry of await readdir(parent).catch(() => [])) {
    if (pattern.test(entry)) await rm(path.join(parent, entry), { recursive: true, force: true });
  }
}
