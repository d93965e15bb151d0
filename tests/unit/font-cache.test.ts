// The pack's kept font rules (src/pack/font-cache.ts): what is kept is what would be made afresh, it is read
// back rather than made again, and another version of the tool keeps its own.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cachedFontRules, fontCacheStem } from '../../src/pack/font-cache.js';
import { freshFontRules } from '../../src/render/index.js';
import { tempDir } from '../helpers/cli.js';

describe('kept font rules', () => {
  const characters = 'Page 12 of 40: Orkney';

  it('are the rules made afresh, kept under a name of the characters and the tool, and read back after', async () => {
    const place = { folder: tempDir(), toolHash: 'tool-a' };
    const used = new Set<string>();
    const made = await cachedFontRules(place, used)(characters);
    expect(made).toBe(await freshFontRules(characters));
    const stem = fontCacheStem(place, characters);
    expect([...used]).toEqual([stem]);
    expect(readdirSync(place.folder)).toEqual([`${stem}.css`]);
    writeFileSync(`${place.folder}/${stem}.css`, `${made}/* read back */`);
    expect(await cachedFontRules(place, new Set())(characters)).toBe(`${made}/* read back */`);
    expect(readFileSync(`${place.folder}/${stem}.css`, 'utf8')).toBe(`${made}/* read back */`);
  }, 60_000);

  it('name other characters, and the same characters for another tool, apart', () => {
    const place = { folder: 'unused', toolHash: 'tool-a' };
    expect(fontCacheStem(place, characters)).not.toBe(fontCacheStem(place, `${characters}!`));
    expect(fontCacheStem(place, characters)).not.toBe(fontCacheStem({ ...place, toolHash: 'tool-b' }, characters));
    expect(fontCacheStem(place, characters)).toMatch(/^fonts-[0-9a-f]{64}$/);
  });
});
