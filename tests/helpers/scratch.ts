import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';

/**
 * Workspaces written from text for one describe block, in a temporary folder removed after it: call at the top
 * of the block; the function it returns writes a workspace's files under a name and returns its folder.
 */
export function scratchWorkspaces(prefix: string): (name: string, files: Record<string, string>) => Promise<string> {
  let scratch: string;
  beforeAll(async () => {
    scratch = await mkdtemp(path.join(tmpdir(), prefix));
  });
  afterAll(async () => {
    await rm(scratch, { recursive: true, force: true });
  });
  return async (name, files) => {
    const directory = path.join(scratch, name);
    await mkdir(directory, { recursive: true });
    for (const [file, text] of Object.entries(files)) await writeFile(path.join(directory, file), text);
    return directory;
  };
}
