import { councils, indicatorCatalogue, type IndicatorDefinition } from '../framework/index.js';
import {
  comparePeriods,
  difference,
  formatPeriod,
  roundHalfAway,
  type Comparator,
  type ComparatorRole,
  type DatasetRecord,
  type Direction,
  type IndicatorSummary,
  type IndicatorValue,
  type Position,
} from '../model/index.js';
import { rankAmong } from './ranks.js';
import { xmr } from './spc.js';

/** Who the partnership is compared with: Scotland, its LGBF family group, and the peers it names. */
export interface ComparisonSet {
  area: string;
  /** The family group's area label in the data ("Family group 3", or "Family group" in a hand-made dataset). */
  familyGroupAreas: string[];
  familyGroupMembers: string[];
  peers: string[];
}

function valueOf(record: DatasetRecord): IndicatorValue {
  return { period: formatPeriod(record.period), value: record.value, numerator: record.numerator, denominator: record.denominator, source: record.row };
}

/**
 * Judges a change by the indicator's polarity, as printed: a change that rounds to nothing at the
 * indicator's decimals is no change, so the word never contradicts the figure printed beside it.
 */
export function directionOf(change: number, indicator: Pick<IndicatorDefinition, 'polarity' | 'decimals'>): Direction {
  const printed = roundHalfAway(change, indicator.decimals);
  if (printed === 0) return 'no-change';
  if (indicator.polarity === 'context') return printed > 0 ? 'up' : 'down';
  const better = indicator.polarity === 'higher-is-better' ? printed > 0 : printed < 0;
  return better ? 'improving' : 'worsening';
}

/**
 * Where the partnership's figure sits against a comparator's, judged on the two figures as printed: "the
 * same" only when they print the same, and never "the same" beside figures that print differently (89.9%
 * against 90.0%). Rounding keeps order, so a printed difference always has the sign of the true one.
 */
export function positionAgainst(own: number, other: number, indicator: Pick<IndicatorDefinition, 'polarity' | 'decimals'>): Position {
  const gap = difference(roundHalfAway(own, indicator.decimals), roundHalfAway(other, indicator.decimals));
  const direction = directionOf(gap, indicator);
  return direction === 'no-change' ? 'same' : direction === 'improving' ? 'better' : direction === 'worsening' ? 'worse' : direction === 'up' ? 'higher' : 'lower';
}

/** Percentages and rates cannot go below 0, nor percentages above 100: SPC limits are clamped there. */
function boundsFor(indicator: IndicatorDefinition) {
  return { lowerBound: 0, upperBound: indicator.unit === 'percent' ? 100 : undefined };
}

const councilNames = new Set(councils.map((c) => c.name));

const byPeriod = (a: DatasetRecord, b: DatasetRecord) => comparePeriods(a.period, b.period);

function summarise(indicator: IndicatorDefinition, rows: readonly DatasetRecord[], comparison: ComparisonSet): IndicatorSummary | undefined {
  const own = rows.filter((r) => r.area === comparison.area).sort(byPeriod);
  if (own.length === 0) return undefined;
  const latest = own.at(-1)!;
  const previous = own.at(-2);
  const yearAgo = latest.period.quarter ? own.find((r) => r.period.startYear === latest.period.startYear - 1 && r.period.quarter === latest.period.quarter) : undefined;
  const change = previous && difference(latest.value, previous.value);
  const spc = xmr(own.map((r) => ({ period: formatPeriod(r.period), value: r.value })), boundsFor(indicator));
  const signal = spc.latestSignal;
  const arrow = signal && directionOf(signal.direction === 'up' ? 1 : -1, { polarity: indicator.polarity, decimals: 0 });

  const atLatest = rows.filter((r) => comparePeriods(r.period, latest.period) === 0);
  const comparator = (area: string, role: ComparatorRole, withSeries: boolean): Comparator | undefined => {
    const record = atLatest.find((r) => r.area === area);
    if (!record) return undefined;
    const series = withSeries ? rows.filter((r) => r.area === area).sort(byPeriod).map((r) => ({ period: formatPeriod(r.period), value: r.value })) : undefined;
    return { area, role, value: valueOf(record), difference: difference(latest.value, record.value), position: positionAgainst(latest.value, record.value, indicator), series };
  };
  const comparators = [
    comparator('Scotland', 'scotland', true),
    ...comparison.familyGroupAreas.map((area) => comparator(area, 'family-group', true)),
    ...comparison.peers.map((area) => comparator(area, 'peer', false)),
  ].filter((c): c is Comparator => c !== undefined);

  const councilValues = atLatest.filter((r) => councilNames.has(r.area)).map((r) => ({ area: r.area, value: r.value }));
  const groupValues = councilValues.filter((v) => comparison.familyGroupMembers.includes(v.area));
  const rank = (among: typeof councilValues) => rankAmong(among, comparison.area, indicator.polarity, indicator.decimals);
  const ranks = councilValues.length > 1 ? { scotland: rank(councilValues), familyGroup: groupValues.length > 1 ? rank(groupValues) : undefined } : undefined;

  return {
    id: indicator.id,
    title: indicator.title,
    definition: indicator.definition,
    unit: indicator.unit,
    polarity: indicator.polarity,
    decimals: indicator.decimals,
    questions: [...indicator.questions],
    qis: [...indicator.qis],
    source: indicator.source,
    licence: indicator.licence,
    series: own.map(valueOf),
    latest: valueOf(latest),
    previous: previous && valueOf(previous),
    yearAgo: yearAgo && valueOf(yearAgo),
    change,
    direction: change === undefined ? undefined : directionOf(change, indicator),
    spc,
    arrow,
    comparators,
    ranks: indicator.polarity === 'context' || !ranks?.scotland ? undefined : ranks,
    benchmark: groupValues.sort((a, b) => a.area.localeCompare(b.area)).map((v) => ({ ...v, partnership: v.area === comparison.area })),
  };
}

/** Each catalogued indicator the partnership has figures for, with change, SPC, comparators and ranks. */
export function summariseIndicators(dataset: readonly DatasetRecord[], comparison: ComparisonSet, catalogue: readonly IndicatorDefinition[] = indicatorCatalogue): IndicatorSummary[] {
  return catalogue.flatMap((indicator) => summarise(indicator, dataset.filter((r) => r.indicator === indicator.id), comparison) ?? []);
}

