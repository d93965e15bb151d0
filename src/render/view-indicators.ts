import type { IndicatorSummary } from '../model/index.js';
import { Trusted } from './escape-markdown.js';
import { indicatorChange, indicatorValue } from './format.js';
import type { Labels } from './labels.js';

/**
 * One indicator formatted for the templates: figures with their units, the XmR chart's mean and limits, the
 * signal at the latest point (its rule names the partial that words it), and the named peers.
 */
export function indicatorView(i: IndicatorSummary, labels: Labels) {
  const show = (value: number | undefined) => (value === undefined ? undefined : indicatorValue(value, i.unit, i.decimals));
  const signal = i.spc.latestSignal;
  return {
    id: new Trusted(i.id),
    title: i.title,
    definition: i.definition,
    source: i.source,
    licence: i.licence,
    unit: labels.units[i.unit],
    context: i.polarity === 'context',
    points: i.series.length,
    firstPeriod: i.series[0]?.period,
    latestPeriod: i.latest?.period,
    latest: show(i.latest?.value),
    previous: show(i.previous?.value),
    change: i.change === undefined ? undefined : indicatorChange(i.change, i.unit, i.decimals),
    spc: {
      judgeable: i.spc.judgeable,
      minimumPoints: i.spc.minimumPoints,
      mean: show(i.spc.mean),
      lower: show(i.spc.lowerLimit),
      upper: show(i.spc.upperLimit),
      // The partial is called with this as its context: its run length is the signal's, not the series'.
      signal: signal && { rule: new Trusted(`spc-${signal.rule}`), direction: signal.direction, points: signal.points.length },
    },
    peers: i.comparators
      .filter((c) => c.role === 'peer')
      .map((c) => ({ area: c.area, value: show(c.value.value), position: labels.positionPhrase[c.position] })),
  };
}

export type IndicatorView = ReturnType<typeof indicatorView>;
