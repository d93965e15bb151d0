import path from 'node:path';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReportModel } from '../../src/analyse/index.js';
import { loadWorkspace } from '../../src/ingest/index.js';
import type { ReportModel } from '../../src/model/index.js';
import { benchmarkValues, indicatorCharts, loadTemplates, trendValues, type PaperTemplates, type RenderedChart } from '../../src/render/index.js';
import { FIXTURES } from '../helpers/cli.js';

let model: ReportModel;
let templates: PaperTemplates;
let charts: Map<string, RenderedChart[]>;
const indicator = (id: string) => model.indicators.find((i) => i.id === id)!;

beforeAll(async () => {
  model = buildReportModel(await loadWorkspace(path.join(FIXTURES, 'renfrewshire')));
  templates = await loadTemplates();
  charts = await indicatorCharts(model, templates.charts, templates.labels, templates.fill);
}, 30_000);

describe('chart data', () => {
  it('draws the partnership, Scotland and the family group over the partnership’s own periods', () => {
    const rows = trendValues(indicator('CHN22'), 'Renfrewshire', templates.labels).filter((r) => r.kind === 'series');
    expect([...new Set(rows.map((r) => r.line))]).toEqual(['Renfrewshire', 'Scotland', 'Family group 3']);
    expect(rows.filter((r) => r.line === 'Renfrewshire').map((r) => r.value)).toEqual(indicator('CHN22').series.map((v) => v.value));
  });

  it('adds the XmR mean and limits as flat lines where the series is long enough', () => {
    const limits = trendValues(indicator('CHN22'), 'Renfrewshire', templates.labels).filter((r) => r.kind === 'limit');
    expect(new Set(limits.map((r) => r.line))).toEqual(new Set(['XmR mean', 'upper limit', 'lower limit']));
    const values = indicator('CHN22').series.map((v) => v.value);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    expect(limits.filter((r) => r.line === 'XmR mean').map((r) => r.value)).toEqual(values.map(() => expect.closeTo(mean, 9)));
  });

  it('orders the family group best first: lowest first when lower is better', () => {
    const bars = benchmarkValues(indicator('CHN22'));
    expect(bars).toHaveLength(8);
    expect(bars.map((b) => b.value)).toEqual([...bars.map((b) => b.value)].sort((a, b) => a - b));
    expect(bars.filter((b) => b.partnership).map((b) => b.area)).toEqual(['Renfrewshire']);
  });
});

describe('rendered charts', () => {
  it('gives a trend and a benchmark chart for an LGBF indicator, and no trend for a single snapshot', () => {
    expect(charts.get('CHN22')!.map((c) => c.kind)).toEqual(['trend', 'benchmark']);
    expect(charts.get('lac-rate')!.map((c) => c.kind)).toEqual(['benchmark']);
  });

  it('renders vector SVG in the paper’s font', () => {
    const [trend] = charts.get('CHN22')!;
    expect(trend!.svg.startsWith('<svg')).toBe(true);
    expect(trend!.svg).toContain('font-family="Roboto');
    expect(trend!.svg).not.toMatch(/<image/);
  });

  it('describes each chart in words made from its data', () => {
    const summary = indicator('CHN22');
    const [trend, benchmark] = charts.get('CHN22')!;
    const first = summary.series[0]!;
    const last = summary.series.at(-1)!;
    expect(trend!.alt).toContain(`Renfrewshire went from ${first.value.toFixed(1)}% to ${last.value.toFixed(1)}%`);
    expect(trend!.alt).toContain(`Scotland ${summary.comparators[0]!.value.value.toFixed(1)}% in ${last.period}`);
    expect(benchmark!.alt).toContain('family group 3, best first');
    for (const bar of summary.benchmark) expect(benchmark!.alt).toContain(`${bar.area} ${bar.value.toFixed(1)}%`);
  });
});

/** A chart drawn as it was before runtimes were kept: its spec filled, compiled and parsed afresh, then viewed. */
async function freshSvg(templates: PaperTemplates, kind: RenderedChart['kind'], unit: string, values: object[]): Promise<string> {
  const spec = JSON.parse(templates.fill(templates.charts.specs[kind], { unit })) as TopLevelSpec;
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  view.data('series', values);
  const svg = await view.toSVG();
  view.finalize();
  return svg;
}

describe('compiled chart specs kept across charts and papers', () => {
  it('draw every chart of both fixtures as a fresh compile does, compiling each spec once per unit', async () => {
    const kept = await loadTemplates();
    const kinds = new Set<string>();
    let drawn = 0;
    for (const fixture of ['renfrewshire', 'orkney']) {
      const paper = buildReportModel(await loadWorkspace(path.join(FIXTURES, fixture)));
      const rendered = await indicatorCharts(paper, kept.charts, kept.labels, kept.fill);
      for (const summary of paper.indicators) {
        const unit = kept.labels.units[summary.unit];
        for (const chart of rendered.get(summary.id)!) {
          const values = chart.kind === 'trend' ? trendValues(summary, paper.paper.area, kept.labels) : benchmarkValues(summary);
          expect(chart.svg).toBe(await freshSvg(kept, chart.kind, unit, values));
          kinds.add(`${chart.kind} ${unit}`);
          drawn++;
        }
      }
    }
    expect(drawn).toBeGreaterThan(2 * kinds.size);
    expect(kept.charts.runtimes.size).toBe(kinds.size);
  }, 60_000);
});
