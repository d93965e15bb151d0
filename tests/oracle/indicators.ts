// Each catalogued indicator with figures for the partnership: series, change, SPC, comparators, ranks.
import { indicatorCatalogue, type IndicatorDefinition } from '../../src/framework/index.js';
import { comparatorsAt, FigureIndex, ranksAt, type Comparator, type Rank } from './comparators.js';
import type { Figure } from './figures.js';
import type { Fraction } from './fraction.js';
import { changeDirection, changeText, judgeMove, valueText, type Direction } from './format.js';
import { comparePeriods, parsePeriod, periodLabel } from './periods.js';
import { xmr, type Spc } from './spc.js';

export interface Point {
  period: string;
  value: Fraction;
  /** "12.0%", "2.4", "£5,135". */
  table: string;
  /** "12.0%", "2.4 per 1,000", "£5,135". */
  prose: string;
}

export interface IndicatorExpectation {
  id: string;
  definition: IndicatorDefinition;
  series: Point[];
  latest: Point;
  previous?: Point;
  change?: Fraction;
  changeText?: string;
  direction?: Direction;
  spc: Spc;
  /** Mean and limits as printed (table style), when judgeable. */
  spcText?: { mean: string; upper: string; lower: string };
  /** The key-data table's arrow word: only when the latest point is an SPC signal. */
  arrow?: Exclude<Direction, 'no-change'>;
  comparators: Comparator[];
  ranks?: { scotland?: Rank; familyGroup?: Rank };
}

const point = (def: IndicatorDefinition, period: string, value: Fraction): Point =>
  ({ period, value, table: valueText(def, value, 'table'), prose: valueText(def, value, 'prose') });

/** The area's figures for one indicator, oldest first. */
export function seriesOf(def: IndicatorDefinition, figures: readonly Figure[], area: string): Point[] {
  return figures
    .filter((f) => f.indicator === def.id && f.area === area)
    .map((f) => ({ p: parsePeriod(f.period), f }))
    .sort((a, b) => comparePeriods(a.p, b.p))
    .map(({ f }) => point(def, f.period, f.value));
}

/** The point to compare the latest with: the one before it, or for a quarter the same quarter a year before. */
export function previousOf(series: readonly Point[]): Point | undefined {
  const latest = parsePeriod(series.at(-1)!.period);
  if (latest.quarter === undefined) return series.at(-2);
  const wanted = periodLabel({ year: latest.year - 1, quarter: latest.quarter });
  return series.find((p) => p.period === wanted);
}

function spcTextOf(def: IndicatorDefinition, spc: Spc): IndicatorExpectation['spcText'] {
  if (!spc.mean || !spc.upper || !spc.lower) return undefined;
  return { mean: valueText(def, spc.mean), upper: valueText(def, spc.upper), lower: valueText(def, spc.lower) };
}

/** One indicator's expectation, or undefined when the partnership has no figure for it. */
export function indicatorExpectation(def: IndicatorDefinition, figures: readonly Figure[], index: FigureIndex, area: string, peers: readonly string[]): IndicatorExpectation | undefined {
  const series = seriesOf(def, figures, area);
  const latest = series.at(-1);
  if (!latest) return undefined;
  const previous = series.length > 1 ? previousOf(series) : undefined;
  const change = previous ? latest.value.sub(previous.value) : undefined;
  const spc = xmr(series.map((p) => p.value), def.unit === 'percent');
  const signal = spc.latestSignal;
  const ranks = ranksAt(def, index, area, latest.period);
  return {
    id: def.id, definition: def, series, latest,
    ...(previous && change ? { previous, change, changeText: changeText(def, change), direction: changeDirection(def, change) } : {}),
    spc,
    ...(spc.judgeable ? { spcText: spcTextOf(def, spc) } : {}),
    ...(signal ? { arrow: judgeMove(def, signal.direction === 'up') } : {}),
    comparators: comparatorsAt(def, index, area, peers, latest.period, latest.value),
    ...(ranks ? { ranks } : {}),
  };
}

/** Every catalogued indicator the partnership has a figure for, in catalogue order. */
export function indicatorExpectations(figures: readonly Figure[], area: string, peers: readonly string[]): IndicatorExpectation[] {
  const index = new FigureIndex(figures);
  return indicatorCatalogue.flatMap((def) => indicatorExpectation(def, figures, index, area, peers) ?? []);
}
