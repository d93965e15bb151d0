import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

export interface HashedFile {
  path: string;
  sha256: string;
}

export const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

/** Every file under a folder (or the file itself), in name order, with its SHA-256. */
export async function hashFiles(target: string): Promise<HashedFile[]> {
  const entries = await readdir(target, { withFileTypes: true }).catch(() => undefined);
  if (!entries) return [{ path: target, sha256: sha256(await readFile(target)) }];
  const files: HashedFile[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue;
    const child = path.join(target, entry.name);
    if (entry.isDirectory()) files.push(...(await hashFiles(child)));
    else if (entry.isFile()) files.push({ path: child, sha256: sha256(await readFile(child)) });
  }
  return files;
}

/** One hash for a list of hashed files and anything else that decides an output. */
export function combinedHash(...parts: readonly unknown[]): string {
  return sha256(JSON.stringify(parts));
}
