import { indicatorCatalogue, type IndicatorDefinition } from '../framework/index.js';
import { comparePeriods, formatPeriod, type DatasetRecord, type Direction, type IndicatorSummary, type IndicatorValue } from '../model/index.js';

function valueOf(record: DatasetRecord): IndicatorValue {
  return { period: formatPeriod(record.period), value: record.value, numerator: record.numerator, denominator: record.denominator, source: record.row };
}

/**
 * Judges a change by the indicator's polarity. Changes smaller than half the last printed decimal
 * count as no change, so the arrow never contradicts the figures printed beside it.
 */
export function directionOf(change: number, indicator: Pick<IndicatorDefinition, 'polarity' | 'decimals'>): Direction {
  if (Math.abs(change) < 0.5 * 10 ** -indicator.decimals) return 'no-change';
  if (indicator.polarity === 'context') return change > 0 ? 'up' : 'down';
  const better = indicator.polarity === 'higher-is-better' ? change > 0 : change < 0;
  return better ? 'improving' : 'worsening';
}

/** Scotland first, then the family group, then named peers alphabetically, as benchmarking reports do. */
function byComparatorOrder(a: DatasetRecord, b: DatasetRecord): number {
  const rank = (area: string) => (/^scotland$/i.test(area) ? 0 : /^family group/i.test(area) ? 1 : 2);
  return rank(a.area) - rank(b.area) || a.area.localeCompare(b.area);
}

/** The partnership's latest and previous value of each indicator, with comparators for the latest period. */
export function summariseIndicators(dataset: readonly DatasetRecord[], area: string): IndicatorSummary[] {
  const isOwn = (record: DatasetRecord) => record.area.toLowerCase() === area.toLowerCase();
  return indicatorCatalogue
    .map((indicator): IndicatorSummary | undefined => {
      const rows = dataset.filter((record) => record.indicator === indicator.id);
      const own = rows.filter(isOwn).sort((a, b) => comparePeriods(a.period, b.period));
      if (own.length === 0) return undefined;
      const latest = own.at(-1)!;
      const previous = own.at(-2);
      const change = previous ? latest.value - previous.value : undefined;
      const comparators = rows
        .filter((record) => !isOwn(record) && comparePeriods(record.period, latest.period) === 0)
        .sort(byComparatorOrder)
        .map((record) => ({ area: record.area, value: valueOf(record) }));
      return {
        id: indicator.id,
        title: indicator.title,
        unit: indicator.unit,
        polarity: indicator.polarity,
        decimals: indicator.decimals,
        questions: [...indicator.questions],
        latest: valueOf(latest),
        previous: previous && valueOf(previous),
        change,
        direction: change === undefined ? undefined : directionOf(change, indicator),
        comparators,
        source: latest.source,
      };
    })
    .filter((summary): summary is IndicatorSummary => summary !== undefined);
}
