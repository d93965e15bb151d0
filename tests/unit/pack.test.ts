import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { paperBaseName, slug, writeFileAtomically } from '../../src/pack/index.js';
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

  it('keeps the old file when the write fails', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'paper.pdf');
    writeFileSync(file, 'old');
    await expect(writeFileAtomically(path.join(file, 'inside-a-file.pdf'), 'new')).rejects.toThrow();
    expect(readFileSync(file, 'utf8')).toBe('old');
  });
});
