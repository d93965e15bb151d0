// Issue 15's targets beside what this run measured: a table to read, not a test (a figure that misses says so).
import type { PackFigures } from './packs.js';
import type { Floor } from './pdfmake-floor.js';
import { ms, seconds } from './shared.js';

export interface Measured {
  warmPaper: number;
  race?: { pdfmake: number; chromium: number };
  build: { wall: number; peakMiB: number };
  packs: PackFigures;
  /** pdfmake alone on the paper's text and tables: what the warm and fresh figures cannot go below. */
  floor: Floor;
}

type Row = [target: string, measured: string, met: boolean | undefined, floor?: string];

const mib = (value: number) => `${value.toFixed(0)} MiB`;

function rows({ warmPaper, race, build, packs, floor }: Measured): Row[] {
  const { bundled, councils32, papers64 } = packs;
  const ratio = race && race.chromium / race.pdfmake;
  return [
    ['warm paper (Renfrewshire), whole pipeline ≤ 200 ms median', ms(warmPaper), warmPaper <= 200, ms(floor.warm)],
    ['≥ 2.5× faster end to end than pooled headless Chromium', ratio === undefined ? 'no browser' : `${ratio.toFixed(2)}×`, ratio === undefined ? undefined : ratio >= 2.5],
    ['one-paper build peak memory ≤ 300 MB', mib(build.peakMiB), build.peakMiB * 1.048576 <= 300],
    ['fresh qif-report build of one paper ≤ 1.0 s wall', seconds(build.wall), build.wall <= 1000, seconds(floor.freshWall)],
    ['bundled 3-paper agenda pack ≤ 2.5 s from a fresh start', seconds(bundled.wall), bundled.wall <= 2500],
    ['32-council pack ≤ 8 s wall with 2 workers', councils32 ? seconds(councils32.wall) : 'not run (--quick)', councils32 && councils32.wall <= 8000],
    ['32-council pack peak RSS ≤ 500 MB', councils32 ? mib(councils32.peakMiB) : 'not run (--quick)', councils32 && councils32.peakMiB * 1.048576 <= 500],
    ['64 papers ≤ 2.1× the time of 32', councils32 && papers64 ? `${(papers64.wall / councils32.wall).toFixed(2)}×` : 'not run (--quick)', councils32 && papers64 && papers64.wall / councils32.wall <= 2.1],
  ];
}

const verdict = (met: boolean | undefined) => (met === undefined ? '–' : met ? 'met' : 'NOT MET');

export function targetTable(measured: Measured): string {
  const lines = rows(measured).map(([target, value, met, floor = '']) => `  ${target.padEnd(62)} ${value.padStart(18)}  ${verdict(met).padEnd(7)}  ${floor.padStart(13)}`);
  const heading = `  ${'target'.padEnd(62)} ${'measured'.padStart(18)}  ${''.padEnd(7)}  ${'pdfmake alone'.padStart(13)}`;
  return ['issue 15 targets (this machine, this run; "pdfmake alone" is the floor, see pdfmake-floor.ts):', heading, ...lines].join('\n');
}
