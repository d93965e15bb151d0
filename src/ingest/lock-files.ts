import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { InputProblem } from '../model/index.js';

/**
 * Excel keeps a small "owner" file beside a workbook while it is open: `~$` and the workbook's name (Word
 * and older Office write `~$` over the name's first two characters). It holds the user's name, not data.
 */
export const isLockFile = (name: string) => name.startsWith('~$');

/** A note about a lock file: the only problem about a file named `~$…`, since such files are never read. */
export const isLockFileNote = (problem: InputProblem) => isLockFile(path.basename(problem.file));

/** The file a lock file stands beside: its own name after `~$`, or one that differs only in the first two characters. */
function lockedName(lock: string, names: readonly string[]): string {
  const rest = lock.slice(2);
  return names.find((name) => name === rest) ?? names.find((name) => !isLockFile(name) && name.length === lock.length && name.slice(2) === rest) ?? rest;
}

/**
 * A note for each lock file in `folder` beside a file the workspace reads (`reads` says which): that file is
 * open in Excel, so changes not yet saved there are not in the paper. The lock file itself is never read.
 */
export async function lockFileNotes(folder: string, reads: (name: string) => boolean): Promise<InputProblem[]> {
  const names = await readdir(folder).catch(() => [] as string[]);
  return names
    .filter(isLockFile)
    .sort()
    .map((lock) => ({ lock, locked: lockedName(lock, names) }))
    .filter(({ locked }) => reads(locked))
    .map(({ lock, locked }) => ({
      file: path.join(folder, lock),
      level: 'warning',
      reason: `${locked} is open in Excel? its lock file was skipped`,
      expected: `${locked} saved and closed in Excel before building: changes not saved are not read`,
    }));
}
