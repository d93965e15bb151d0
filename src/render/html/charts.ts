import type { Element } from 'hast';
import type { IndicatorSummary } from '../../model/index.js';
import type { BlockContext } from '../blocks/context.js';
import { benchmarkValues, trendValues, type RenderedChart } from '../charts.js';
import { indicatorValue } from '../format.js';
import { h } from './hast.js';
import type { BlockPlace } from './markdown.js';

/** The figures behind a chart as a table: the same rows the chart was drawn from (charts.ts). */
function figuresTable(chart: RenderedChart, indicator: IndicatorSummary, { model, labels }: BlockContext): Element {
  const show = (value: number) => indicatorValue(value, indicator.unit, indicator.decimals);
  if (chart.kind === 'benchmark') {
    return h('table', { className: ['data', 'figures'] }, [
      h('thead', {}, [h('tr', {}, [h('th', { scope: 'col' }, [labels.charts.area]), h('th', { scope: 'col' }, [labels.tables.value!])])]),
      h('tbody', {}, benchmarkValues(indicator).map((bar) => h('tr', {}, [h('th', { scope: 'row' }, [bar.area]), h('td', { className: ['figure'] }, [show(bar.value)])]))),
    ]);
  }
  const rows = trendValues(indicator, model.paper.area, labels);
  const lineNames = [...new Set(rows.map((row) => row.line))];
  const periods = [...new Set(rows.map((row) => row.period))];
  const at = new Map(rows.map((row) => [`${row.line}\u0000${row.period}`, row.value]));
  return h('table', { className: ['data', 'figures'] }, [
    h('thead', {}, [h('tr', {}, [h('th', { scope: 'col' }, [labels.tables.period!]), ...lineNames.map((line) => h('th', { scope: 'col' }, [line]))])]),
    h(
      'tbody',
      {},
      periods.map((period) =>
        h('tr', {}, [
          h('th', { scope: 'row' }, [period]),
          ...lineNames.map((line) => {
            const value = at.get(`${line}\u0000${period}`);
            return h('td', { className: ['figure'] }, [value === undefined ? labels.tables.noValue! : show(value)]);
          }),
        ]),
      ),
    ),
  ]);
}

/**
 * An indicator's charts: the same Vega SVG as the PDF's, inline, as one image named by the chart's text
 * alternative, each followed by the figures behind it in a table a reader can open.
 */
export function chartsBlock(context: BlockContext, argument: string | undefined, place: BlockPlace): Element[] {
  const rendered = context.charts.get(argument ?? '');
  if (!rendered) throw new Error(`template asks for the charts of indicator "${argument}", which has no figures`);
  const indicator = context.model.indicators.find((i) => i.id === argument)!;
  const summary = context.labels.charts.figuresSummary;
  return rendered.map((chart) => {
    const summaryId = place.ids.next(summary);
    return h('figure', { className: ['chart', `chart-${chart.kind}`] }, [
      // The SVG is Vega's own output from the model's figures (Vega escapes its text); it is not pieced together here.
      h('div', { role: 'img', ariaLabel: chart.alt, className: ['chart-image'] }, [{ type: 'raw', value: chart.svg } as never]),
      // A table wider than a narrow screen scrolls in its box, which a keyboard must reach: named by the summary.
      h('details', { className: ['figures', 'html-only'] }, [
        h('summary', { id: summaryId }, [summary]),
        h('div', { className: ['table-scroll'], role: 'region', tabIndex: 0, ariaLabelledBy: [summaryId] }, [figuresTable(chart, indicator, context)]),
      ]),
    ]);
  });
}
