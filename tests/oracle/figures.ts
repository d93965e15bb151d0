// Figures straight from the published files and dataset.csv, as exact fractions. Areas are named the
// oracle's way: a council's LGBF spelling, "Scotland", or "Family group N".
import { statSync } from 'node:fs';
import { indicatorCatalogue, type IndicatorDefinition } from '../../src/framework/index.js';
import { councilNamed, familyGroupAreaName } from './councils.js';
import { headerOf, readCsv } from './csv.js';
import { Fraction } from './fraction.js';
import { parsePeriod, periodLabel, scotphoPeriod } from './periods.js';

export interface Figure {
  indicator: string;
  area: string;
  /** "2021/22" (or with a quarter, from dataset.csv). */
  period: string;
  value: Fraction;
  file: string;
}

/** A figure the publisher withheld (ScotPHO `NA`): listed in the paper, never read as zero. */
export interface Withheld {
  indicator: string;
  area: string;
  period: string;
  file: string;
}

export interface FigureSet {
  figures: Figure[];
  withheld: Withheld[];
}

const HUNDRED = Fraction.int(100);
const byLgbfCode = new Map(indicatorCatalogue.flatMap((d) => (d.import?.lgbf ? [[d.import.lgbf.code, d] as const] : [])));
const byScotpho = new Map(indicatorCatalogue.flatMap((d) => (d.import?.scotpho ? [[d.import.scotpho.indicator.toLowerCase(), d] as const] : [])));

export function catalogueIndicator(id: string): IndicatorDefinition | undefined {
  return indicatorCatalogue.find((d) => d.id.toLowerCase() === id.trim().toLowerCase());
}

/**
 * Published files are large (the LGBF table is 3 MB) and a pack test reads them for 32 areas: parse each
 * once per content version. Results are never mutated by callers.
 */
const cache = new Map<string, unknown>();
function cached<T>(what: string, file: string, read: () => T): T {
  const s = statSync(file);
  const key = `${what}|${file}|${s.size}|${s.mtimeMs}`;
  if (!cache.has(key)) cache.set(key, read());
  return cache.get(key) as T;
}

export type PublishedKind = 'lgbf' | 'scotpho' | 'dataset' | 'unknown';

/** What a CSV is, by its header (the tool recognises published files the same way, not by file name). */
export function kindOf(file: string): PublishedKind {
  const h = new Set(headerOf(file));
  if (h.has('indicatorcode') && h.has('indicatorcashla') && h.has('localauthority')) return 'lgbf';
  if (h.has('areaname') && h.has('indicator') && h.has('measure') && h.has('sourcemarker')) return 'scotpho';
  if (h.has('indicator') && h.has('value')) return 'dataset';
  return 'unknown';
}

/**
 * The LGBF data table: each catalogued code's council figure, Scotland's and the family group's (from
 * `IndicatorCash_FG` on each council's row; the group is the framework's children's family group). Empty
 * cell = not published = no figure. Shares stored as fractions become percentages.
 */
export function readLgbf(file: string): Figure[] {
  return cached('lgbf', file, () => readLgbfNow(file));
}

function readLgbfNow(file: string): Figure[] {
  const out: Figure[] = [];
  for (const r of readCsv(file)) {
    const def = byLgbfCode.get(r['indicatorcode'] ?? '');
    const council = councilNamed(r['localauthority'] ?? '');
    if (!def || !council) continue;
    const period = periodLabel(parsePeriod(r['year'] ?? ''));
    const scale = def.import!.lgbf!.fraction ? HUNDRED : Fraction.ONE;
    const cells: [string, string][] = [
      [council.name, 'indicatorcashla'],
      ['Scotland', 'indicatorcashscotland'],
      [familyGroupAreaName(council.childrenFamilyGroup), 'indicatorcashfg'],
    ];
    for (const [area, column] of cells) {
      const text = r[column] ?? '';
      if (text !== '') out.push({ indicator: def.id, area, period, value: Fraction.parse(text).mul(scale), file });
    }
  }
  return dedupeRepeats(out);
}

/** Scotland's and each family group's figure repeat on every council's row: keep one, insist they agree. */
function dedupeRepeats(figures: Figure[]): Figure[] {
  const seen = new Map<string, Figure>();
  const out: Figure[] = [];
  for (const f of figures) {
    const key = `${f.indicator}|${f.area}|${f.period}`;
    const before = seen.get(key);
    if (!before) { seen.set(key, f); out.push(f); continue; }
    if (!before.value.eq(f.value)) throw new Error(`LGBF rows disagree on ${key}: ${before.value} vs ${f.value}`);
    if (councilNamed(f.area)) throw new Error(`LGBF gives ${key} twice`);
  }
  return out;
}

/** The ScotPHO extract: catalogued measures for each council; `NA` (or an empty measure) is withheld. */
export function readScotpho(file: string): FigureSet {
  return cached('scotpho', file, () => readScotphoNow(file));
}

function readScotphoNow(file: string): FigureSet {
  const figures: Figure[] = [];
  const withheld: Withheld[] = [];
  for (const r of readCsv(file)) {
    const def = byScotpho.get((r['indicator'] ?? '').toLowerCase());
    const council = councilNamed(r['areaname'] ?? '');
    const p = scotphoPeriod(r['period'] ?? '');
    if (!def || !council || !p) continue;
    const at = { indicator: def.id, area: council.name, period: periodLabel(p), file };
    const measure = r['measure'] ?? '';
    if ((r['sourcemarker'] ?? '').toUpperCase() === 'NA' || measure === '' || measure.toUpperCase() === 'NA') withheld.push(at);
    else figures.push({ ...at, value: Fraction.parse(measure) });
  }
  return { figures, withheld };
}

const DATASET_ALIASES = { measure: 'indicator', indicatorcode: 'indicator', localauthority: 'area', council: 'area', year: 'period' };

/**
 * `dataset.csv`, long form. `area` is the report's area, `Scotland`, `Family group` (the partnership's
 * group, `partnershipGroup`) or `Family group N`, or another council. Rows for indicators the catalogue
 * lacks, or for areas none of these, are not used.
 */
export function readDataset(file: string, reportArea: string, partnershipGroup: number | undefined): Figure[] {
  const out: Figure[] = [];
  for (const r of readCsv(file, DATASET_ALIASES)) {
    const def = catalogueIndicator(r['indicator'] ?? '');
    const area = datasetArea(r['area'] ?? '', reportArea, partnershipGroup);
    if (!def || !area || (r['value'] ?? '') === '') continue;
    out.push({ indicator: def.id, area, period: periodLabel(parsePeriod(r['period'] ?? '')), value: Fraction.parse(r['value']!), file });
  }
  return out;
}

function datasetArea(text: string, reportArea: string, group: number | undefined): string | undefined {
  const t = text.trim();
  if (/^scotland$/i.test(t)) return 'Scotland';
  const fg = /^family group(?: (\d))?$/i.exec(t);
  if (fg) return fg[1] ? familyGroupAreaName(Number(fg[1])) : group ? familyGroupAreaName(group) : undefined;
  if (t.toLowerCase() === reportArea.trim().toLowerCase()) return councilNamed(t)?.name ?? t;
  return councilNamed(t)?.name;
}

/** One figure per indicator, area and period across every file; the same figure twice is an error. */
export function checkNoDuplicates(figures: readonly Figure[]): void {
  const seen = new Map<string, Figure>();
  for (const f of figures) {
    const key = `${f.indicator}|${f.area}|${f.period}`;
    const before = seen.get(key);
    if (before) throw new Error(`${key} given twice (${before.file}, ${f.file})`);
    seen.set(key, f);
  }
}

