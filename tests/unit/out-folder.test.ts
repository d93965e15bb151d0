// The output folder is checked before anything is built: a file, a path under a file, or a folder that takes no
// new entries is one problem naming the folder and why; never a hang (Node's recursive mkdir loops under /proc).
import { chmodSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/model/index.js';
import { outFolderProblem } from '../../src/pack/index.js';
import { tempDir } from '../helpers/cli.js';

const EXPECTED = 'expected a folder you can write to, or a path where one can be made (--out)';
const said = async (outDir: string) => {
  const problem = await outFolderProblem(outDir);
  return problem && formatProblem(problem);
};

describe('the output folder', () => {
  it('is fine when it exists and takes files, and the check leaves nothing in it', async () => {
    const folder = tempDir();
    expect(await said(folder)).toBeUndefined();
    expect(readdirSync(folder)).toEqual([]);
  });

  it('is fine when it can be made, and the check makes nothing', async () => {
    const parent = tempDir();
    expect(await said(path.join(parent, 'papers', '2022-23'))).toBeUndefined();
    expect(readdirSync(parent)).toEqual([]);
  });

  it('that is a file is one problem saying so', async () => {
    const file = path.join(tempDir(), 'paper.pdf');
    writeFileSync(file, 'not a folder');
    expect(await said(file)).toBe(`${file}: the output folder is a file, not a folder; ${EXPECTED}`);
  });

  it('under a file names the file, as the path was typed', async () => {
    const parent = tempDir();
    writeFileSync(path.join(parent, 'out'), 'not a folder');
    const typed = path.relative(process.cwd(), path.join(parent, 'out', 'papers'));
    expect(await said(typed)).toBe(`${typed}: the output folder cannot be made: ${path.relative(process.cwd(), path.join(parent, 'out'))} is a file, not a folder; ${EXPECTED}`);
  });

  it.skipIf(!existsSync('/proc/self'))('under /proc, where no folder can be made, is a problem and not a hang', async () => {
    expect(await said('/proc/qif-report-out')).toBe(`/proc/qif-report-out: the output folder cannot be made in /proc: the system lets no folder be made there; ${EXPECTED}`);
  }, 10_000);

  // Permissions do not bind root, so this runs for other users only (the CLI test runs it as nobody).
  it.skipIf(process.getuid?.() === 0)('in a folder without write permission is a problem saying so', async () => {
    const parent = path.join(tempDir(), 'locked');
    mkdirSync(parent);
    chmodSync(parent, 0o555);
    expect(await said(path.join(parent, 'out'))).toBe(`${path.join(parent, 'out')}: the output folder cannot be made in ${parent}: you do not have permission to write there; ${EXPECTED}`);
    chmodSync(parent, 0o755);
  });
});
