import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { agendaFileName, paperBaseName, plainFileName, replaceFolder, slug, writeFileAtomically } from '../../src/pack/index.js';
import { tempDir } from '../helpers/cli.js';

describe('file names', () => {
  it('say partnership and period in safe characters', () => {
    expect(paperBaseName("Renfrewshire Children's Services Partnership", '2022/23 Q2')).toBe('renfrewshire-childrens-services-partnership-2022-23-q2');
  });

  it('survive names no file system should see', () => {
    expect(slug('../../etc/passwd')).toBe('etc-passwd');
    expect(slug('Argyll & Bute')).toBe('argyll-and-bute');
    expect(slug('Na h-Eileanan Siar — Comhairle')).toBe('na-h-eileanan-siar-comhairle');
    expect(paperBaseName('???', '2018/19')).toBe('partnership-2018-19');
  });
});

describe('writeFileAtomically', () => {
  it('replaces the file whole and leaves no temporary file behind', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'paper.pdf');
    writeFileSync(file, 'old');
    await writeFileAtomically(file, 'new');
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['paper.pdf']);
  });

  it('keeps what was there when the rename into place fails, and leaves no temporary file', async () => {
    // The target is a folder with something in it: writing the temporary file succeeds, the rename over it fails.
    const dir = tempDir();
    const target = path.join(dir, 'paper.pdf');
    mkdirSync(target);
    writeFileSync(path.join(target, 'kept.txt'), 'old');
    await expect(writeFileAtomically(target, 'new')).rejects.toThrow(/EISDIR|ENOTEMPTY|EEXIST/);
    expect(readFileSync(path.join(target, 'kept.txt'), 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['paper.pdf']);
  });
});

describe('replaceFolder', () => {
  it('replaces the whole folder: what the run wrote, and nothing the last run left', async () => {
    const out = tempDir();
    const folder = path.join(out, 'pack');
    mkdirSync(folder);
    writeFileSync(path.join(folder, '00 old agenda pack.pdf'), 'stale');
    await replaceFolder(folder, async (staging) => writeFileSync(path.join(staging, 'manifest.json'), '{}'));
    expect(readdirSync(folder)).toEqual(['manifest.json']);
    expect(readdirSync(out)).toEqual(['pack']);
  });

  it('leaves the folder as it was when the run fails, and no half-built folder beside it', async () => {
    const out = tempDir();
    const folder = path.join(out, 'pack');
    mkdirSync(folder);
    writeFileSync(path.join(folder, 'manifest.json'), 'last good run');
    const failing = replaceFolder(folder, async (staging) => {
      writeFileSync(path.join(staging, 'half.pdf'), 'half');
      throw new Error('a paper failed to render');
    });
    await expect(failing).rejects.toThrow('a paper failed to render');
    expect(readdirSync(folder)).toEqual(['manifest.json']);
    expect(readFileSync(path.join(folder, 'manifest.json'), 'utf8')).toBe('last good run');
    expect(readdirSync(out)).toEqual(['pack']);
  });

  it('clears what an interrupted run left beside the folder', async () => {
    const out = tempDir();
    const folder = path.join(out, 'pack');
    mkdirSync(path.join(out, '.pack.0123456789ab.building'));
    mkdirSync(path.join(out, '.pack.ba9876543210.old'));
    mkdirSync(path.join(out, '.pack.cache'));
    await replaceFolder(folder, async () => undefined);
    expect(readdirSync(out).sort()).toEqual(['.pack.cache', 'pack']);
  });
});

describe('plainFileName', () => {
  it('lets a plain name through and stops anything that could leave the folder', () => {
    expect(plainFileName('04 Inspection readiness.pdf')).toBe('04 Inspection readiness.pdf');
    for (const name of ['../x.pdf', 'a/b.pdf', 'a\\b.pdf', '..', '...', '', ' ']) expect(() => plainFileName(name), name).toThrow();
  });

  it('is what agenda names come out as, whatever the title holds', () => {
    for (const title of ['../../etc/passwd', 'a\\b', '...', '/', '..\\..']) expect(plainFileName(agendaFileName('4', [title]))).toMatch(/^04 /);
  });
});
