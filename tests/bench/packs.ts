// The packs a clerk and a performance team build, each from a fresh start (fresh.ts): the bundled 3-paper agenda
// pack with its default workers, and the 32-council pack and a 64-paper one (the same councils twice) with 2.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freshFolder, freshRun, type Fresh } from './fresh.js';
import { median, ROOT, seconds } from './shared.js';

const PACKS = path.join(ROOT, 'fixtures', 'packs');
export const BUNDLED_PACK = path.join(PACKS, 'ilcg-2022-11-24.pack.json');
const COUNCILS_PACK = path.join(PACKS, 'all-councils-2021-22.pack.json');

/** The 32-council pack's one item twice over (items 1 and 2), written where its workspace is found. */
function doubledPack(): string {
  const pack = JSON.parse(readFileSync(COUNCILS_PACK, 'utf8')) as { items: { item: string; workspace: string }[] };
  const folder = mkdtempSync(path.join(tmpdir(), 'qif-bench-pack-'));
  const workspace = path.relative(folder, path.join(PACKS, pack.items[0]!.workspace));
  pack.items = ['1', '2'].map((item) => ({ ...pack.items[0]!, item, workspace }));
  const file = path.join(folder, 'all-councils-twice.pack.json');
  writeFileSync(file, JSON.stringify(pack));
  return file;
}

export interface PackFigures {
  bundled: { wall: number; peakMiB: number };
  /** The bundled pack again into the same folder, its inputs unchanged: a clerk's run after saving nothing new. */
  bundledRerun: Fresh;
  councils32?: Fresh;
  papers64?: Fresh;
  rerun32?: Fresh;
}

/** The bundled pack, `runs` times into new folders: median wall, highest peak. */
function bundled(runs: number): PackFigures['bundled'] {
  const results = Array.from({ length: runs }, () => freshRun(['pack', BUNDLED_PACK, '--out', freshFolder()]));
  return { wall: median(results.map((r) => r.wall)), peakMiB: Math.max(...results.map((r) => r.peakMiB)) };
}

export function packs({ quick }: { quick: boolean }): PackFigures {
  const again = freshFolder();
  freshRun(['pack', BUNDLED_PACK, '--out', again]);
  const figures: PackFigures = { bundled: bundled(3), bundledRerun: freshRun(['pack', BUNDLED_PACK, '--out', again]) };
  console.log(`bundled 3-paper agenda pack, fresh process, default workers (3 runs): median ${seconds(figures.bundled.wall)} wall, peak ${figures.bundled.peakMiB.toFixed(0)} MiB; again with unchanged inputs ${seconds(figures.bundledRerun.wall)}`);
  if (quick) return figures;
  const out = freshFolder();
  figures.councils32 = freshRun(['pack', COUNCILS_PACK, '--out', out, '--jobs', '2']);
  figures.rerun32 = freshRun(['pack', COUNCILS_PACK, '--out', out, '--jobs', '2']);
  figures.papers64 = freshRun(['pack', doubledPack(), '--out', freshFolder(), '--jobs', '2']);
  const { councils32: c32, papers64: p64, rerun32 } = figures;
  console.log(`32-council pack, 2 workers, fresh process: ${seconds(c32.wall)} wall (${(32 / (c32.wall / 1000)).toFixed(2)} papers/s), peak ${c32.peakMiB.toFixed(0)} MiB; again with unchanged inputs ${seconds(rerun32.wall)}`);
  console.log(`64-paper pack, 2 workers, fresh process: ${seconds(p64.wall)} wall, peak ${p64.peakMiB.toFixed(0)} MiB; 64 papers take ${(p64.wall / c32.wall).toFixed(2)}× the time of 32`);
  return figures;
}
