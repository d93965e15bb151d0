import type { IndicatorSummary, ReportModel } from '../model/index.js';
import { indicatorValue } from './format.js';
import type { Labels } from './labels.js';
import { spcResult } from './spc-words.js';
import { compile, vega, type TopLevelSpec } from '../vendor/vega.js';

export type ChartKind = 'trend' | 'benchmark';

export type ChartSpecs = Record<ChartKind, string>;

/**
 * The chart specs of a templates folder and the Vega runtimes they compile to. A spec filled with the same
 * placeholders (the unit's label) always compiles to the same runtime, so each is compiled once and kept here,
 * keyed by its filled text; each chart is then a new View of it with its own rows. Made with the loaded
 * templates (`chartCache`), so a process, or a pack's worker, compiles each spec once however many papers it draws.
 */
export interface ChartCache {
  readonly specs: ChartSpecs;
  readonly runtimes: Map<string, vega.Runtime>;
}

/** A chart as the paper embeds it: vector SVG, and a text alternative made from the same data. */
export interface RenderedChart {
  kind: ChartKind;
  svg: string;
  alt: string;
}

type Fill = (label: string, values: object) => string;

/** The trend chart's rows: the partnership, Scotland and the family group, then the XmR mean and limits. */
export function trendValues(indicator: IndicatorSummary, area: string, labels: Labels) {
  const lines = [
    { line: area, points: indicator.series.map((v) => ({ period: v.period, value: v.value })) },
    ...indicator.comparators.filter((c) => c.series).map((c) => ({ line: c.area, points: c.series! })),
  ];
  const periods = new Set(indicator.series.map((v) => v.period));
  const rows = lines.flatMap(({ line, points }, order) => points.filter((p) => periods.has(p.period)).map((p) => ({ kind: 'series', line, order, ...p })));
  const { spc } = indicator;
  if (spc.judgeable && spc.mean !== undefined) {
    const limits = [
      [labels.charts.mean, spc.mean],
      [labels.charts.upper, spc.upperLimit],
      [labels.charts.lower, spc.lowerLimit],
    ] as const;
    for (const [line, value] of limits) {
      if (value !== undefined) rows.push(...indicator.series.map((v) => ({ kind: 'limit', line, order: 99, period: v.period, value })));
    }
  }
  return rows;
}

/** The family group's latest values, best first by polarity (largest first for context indicators). */
export function benchmarkValues(indicator: IndicatorSummary) {
  const lowerFirst = indicator.polarity === 'lower-is-better';
  return [...indicator.benchmark]
    .sort((a, b) => (lowerFirst ? a.value - b.value : b.value - a.value) || a.area.localeCompare(b.area))
    .map((bar, order) => ({ ...bar, order }));
}

/** Chart data is always inline: a spec that asks for a file or a URL fails instead of fetching it. */
const refuseToLoad = Object.assign(vega.loader(), {
  load: async (uri: string) => {
    throw new Error(`chart specs may not load files or URLs (${uri})`);
  },
});

/** A filled Vega-Lite spec from templates/charts compiled to Vega, and Vega's dataflow description of it. */
const compileChart = (filled: string) => vega.parse(compile(JSON.parse(filled) as TopLevelSpec).spec);

/** The runtime of a spec filled with these placeholders: compiled the first time, then taken from the cache. */
function runtimeOf(charts: ChartCache, kind: ChartKind, fill: Fill, placeholders: object): vega.Runtime {
  const filled = fill(charts.specs[kind], placeholders);
  let runtime = charts.runtimes.get(filled);
  if (!runtime) charts.runtimes.set(filled, (runtime = compileChart(filled)));
  return runtime;
}

/** Draws a compiled chart with the given rows: no browser, no canvas, no network. */
async function drawChart(runtime: vega.Runtime, values: object[]): Promise<string> {
  const view = new vega.View(runtime, { renderer: 'none', loader: refuseToLoad });
  view.data('series', values);
  const svg = await view.toSVG();
  view.finalize();
  return svg;
}

function chartAlt(kind: ChartKind, indicator: IndicatorSummary, model: ReportModel, labels: Labels, fill: Fill): string {
  const show = (value: number) => indicatorValue(value, indicator.unit, indicator.decimals);
  if (kind === 'benchmark') {
    return fill(labels.charts.benchmarkAlt, {
      title: indicator.title,
      period: indicator.latest?.period,
      group: model.comparison.familyGroup?.number,
      // A context measure's bars run largest first: higher is neither better nor worse.
      context: indicator.polarity === 'context',
      bars: benchmarkValues(indicator).map((bar) => ({ area: bar.area, value: show(bar.value) })),
    });
  }
  const first = indicator.series[0]!;
  const last = indicator.series.at(-1)!;
  const { spc } = indicator;
  return fill(labels.charts.trendAlt, {
    title: indicator.title,
    first: first.period,
    last: last.period,
    area: model.paper.area,
    firstValue: show(first.value),
    lastValue: show(last.value),
    comparators: indicator.comparators.filter((c) => c.series).map((c) => ({ area: c.area, value: show(c.value.value) })),
    spc: spc.judgeable && spc.mean !== undefined && { mean: show(spc.mean), lower: show(spc.lowerLimit!), upper: show(spc.upperLimit!) },
    result: spcResult(indicator, labels, fill).words,
  });
}

/**
 * Each indicator's charts: a trend where there are two or more periods, a benchmark where the family group
 * has two or more figures. Rendered before layout because Vega renders asynchronously; compiled specs are kept in
 * `cache` for the next paper.
 */
export async function indicatorCharts(model: ReportModel, cache: ChartCache, labels: Labels, fill: Fill): Promise<Map<string, RenderedChart[]>> {
  const charts = new Map<string, RenderedChart[]>();
  for (const indicator of model.indicators) {
    const placeholders = { unit: labels.units[indicator.unit] };
    const rendered: RenderedChart[] = [];
    if (indicator.series.length >= 2) {
      rendered.push({ kind: 'trend', svg: await drawChart(runtimeOf(cache, 'trend', fill, placeholders), trendValues(indicator, model.paper.area, labels)), alt: chartAlt('trend', indicator, model, labels, fill) });
    }
    if (indicator.benchmark.length >= 2) {
      rendered.push({ kind: 'benchmark', svg: await drawChart(runtimeOf(cache, 'benchmark', fill, placeholders), benchmarkValues(indicator)), alt: chartAlt('benchmark', indicator, model, labels, fill) });
    }
    charts.set(indicator.id, rendered);
  }
  return charts;
}
