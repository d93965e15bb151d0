/**
 * A page's font rules (`@font-face`, each face cut down to the characters the page shows: render/html/fonts.ts),
 * kept in the pack's cache folder by the characters and the tool that made them. A run whose pages show the
 * characters an earlier run's did (the meeting's index page; a paper built again after an edit) makes no font,
 * and never loads the WebAssembly subsetter and compressor: about a second a run. The rules are a function of
 * the characters and the tool alone, so a kept one is what would be made afresh.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomically } from '../files/write-file.js';
import { freshFontRules, type FontRules } from '../render/index.js';
import { sha256 } from './fingerprint.js';

/** Where a job finds the kept font rules; sent to workers, so plain data. */
export interface FontCachePlace {
  folder: string;
  /** The tool's own hash (agenda-pack.ts): rules kept by another version of the tool are not used. */
  toolHash: string;
}

/** Each kept file is named by this stem and `.css`: the pack's cache keeps what a run names (pruneCache). */
export const fontCacheStem = (place: FontCachePlace, characters: string) => `fonts-${sha256(`${place.toolHash}\n${characters}`)}`;

/** Font rules from the cache, else made and kept; `used` collects the stems of every file the run needs. */
export function cachedFontRules(place: FontCachePlace, used: Set<string>): FontRules {
  return async (characters) => {
    const stem = fontCacheStem(place, characters);
    used.add(stem);
    const file = path.join(place.folder, `${stem}.css`);
    const kept = await readFile(file, 'utf8').catch(() => undefined);
    if (kept !== undefined) return kept;
    const made = await freshFontRules(characters);
    await writeFileAtomically(file, made);
    return made;
  };
}
