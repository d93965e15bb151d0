import { mkdtemp, rmdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { InputProblem } from '../model/index.js';

/** What the folder is for, as messages name it, and what is expected of it. */
export interface FolderRole {
  name: string;
  expected: string;
}

/** The folder `build` and `pack` write to. */
export const OUTPUT_FOLDER: FolderRole = { name: 'the output folder', expected: 'a folder you can write to, or a path where one can be made (--out)' };

/** Why a folder refused a new entry, in words; the code is kept for anything rarer. */
const REFUSALS: Record<string, string> = {
  EACCES: 'you do not have permission to write there',
  EPERM: 'you do not have permission to write there',
  EROFS: 'it is on a read-only disk',
  ENOENT: 'the system lets no folder be made there',
  ENOSPC: 'the disk is full',
  EDQUOT: 'your disk quota is used up',
};

/**
 * Checks that a folder to write to (the output folder, or the workspace `init` makes) exists and can be written,
 * or can be made, before anything is written.
 * It walks up to the nearest part of the path that exists (Node's recursive mkdir loops for ever under
 * /proc, so it is never trusted to find out) and proves that folder takes new entries by making and
 * removing an empty folder in it. Returns one problem naming the folder and why, or undefined.
 */
export async function outFolderProblem(outDir: string, role: FolderRole = OUTPUT_FOLDER): Promise<InputProblem | undefined> {
  const target = path.resolve(outDir);
  // A folder is named as the user typed the path: relative when they gave it relative.
  const shown = (folder: string) => (path.isAbsolute(outDir) ? folder : path.relative(process.cwd(), folder) || '.');
  const found = await nearestExisting(target);
  let reason: string | undefined;
  if (found.unreadable) reason = `${role.name} cannot be checked: ${shown(found.path)} cannot be read (${found.unreadable})`;
  else if (!found.isFolder) reason = found.path === target ? `${role.name} is a file, not a folder` : `${role.name} cannot be made: ${shown(found.path)} is a file, not a folder`;
  else {
    const refusal = await probe(found.path);
    const where = found.path === target ? `${role.name} cannot be written` : `${role.name} cannot be made in ${shown(found.path)}`;
    if (refusal) reason = `${where}: ${REFUSALS[refusal] ?? `the system refused (${refusal})`}`;
  }
  return reason === undefined ? undefined : { file: outDir, reason, expected: role.expected };
}

/** The path itself or its nearest ancestor that exists (the root always does), and what it is. */
async function nearestExisting(target: string): Promise<{ path: string; isFolder?: boolean; unreadable?: string }> {
  for (let folder = target; ; folder = path.dirname(folder)) {
    try {
      return { path: folder, isFolder: (await stat(folder)).isDirectory() };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // Not there, or under a file: look further up, where the file itself is found and named.
      if ((code !== 'ENOENT' && code !== 'ENOTDIR') || path.dirname(folder) === folder) return { path: folder, unreadable: code ?? 'unknown' };
    }
  }
}

/** Makes and removes an empty folder: the one sure test that a folder takes new entries. */
async function probe(folder: string): Promise<string | undefined> {
  try {
    await rmdir(await mkdtemp(path.join(folder, '.qif-report-check-')));
    return undefined;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? 'unknown';
  }
}
