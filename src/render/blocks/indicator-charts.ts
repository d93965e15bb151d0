import type { Content } from 'pdfmake/interfaces.js';
import type { BlockContext } from './context.js';

/** An indicator's charts, full width, kept whole and together on one page (their subheading keeps with them). */
export function indicatorChartsBlock({ charts }: BlockContext, argument?: string): Content {
  const rendered = charts.get(argument ?? '');
  if (!rendered) throw new Error(`template asks for the charts of indicator "${argument}", which has no figures`);
  return { stack: rendered.map((chart) => ({ svg: chart.svg, width: 400, margin: [0, 2, 0, 8], tag: { role: 'Figure', alt: chart.alt } })), unbreakable: true, margin: [0, 0, 0, 4] };
}
