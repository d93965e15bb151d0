// The sentence that tests a question's grades against its figures (templates/partials/triangulation-*.md and
// finding-grounds.md, share.md).
import type { IndicatorExpectation, Triangulation } from '../../oracle/index.js';
import { listed, plural, share } from './phrases.js';

/** "worsening and worse than the family group", "level with the family group", "improving". */
function grounds(i: IndicatorExpectation): string {
  const signal = i.arrow === 'improving' || i.arrow === 'worsening' ? i.arrow : undefined;
  const group = i.comparators.find((c) => c.role === 'family-group')?.position;
  const versus = group === undefined ? undefined : `${group === 'same' ? 'level with' : `${group} than`} the family group`;
  return [signal, versus].filter((s) => s !== undefined).join(' and ');
}

export function triangulationText(t: Triangulation, indicators: readonly IndicatorExpectation[], item: string): string {
  const ind = (id: string) => indicators.find((i) => i.id === id)!;
  const title = (id: string) => ind(id).definition.title;
  const findings = (ids: readonly string[]) => listed(ids.map((id) => `${title(id)} is ${grounds(ind(id))}`));
  const context = indicators.filter((i) => i.definition.polarity === 'context').map((i) => i.definition.title);
  const judged = t.judged.length;
  switch (t.code) {
    case 'no-grades':
      return `None of the QIs mapped to this ${item} is graded, so there are no grades to test against the figures.`;
    case 'all-context':
      return context.length === 1
        ? `This ${item}'s only figure, ${context[0]}, is a context measure: its rise or fall is neither better nor worse, so it cannot test its grades.`
        : `This ${item}'s figures (${listed(context)}) are all context measures: their rise or fall is neither better nor worse, so they cannot test its grades.`;
    case 'none-judged':
      return t.directional.length === 1
        ? `This ${item}'s one directional figure, ${title(t.directional[0]!)}, cannot yet test its grades: it has neither a signal at the latest point of its XmR chart nor a family-group figure to compare with.`
        : `None of this ${item}'s directional figures (${listed(t.directional.map(title))}) can yet test its grades: none has a signal at the latest point of its XmR chart or a family-group figure to compare with.`;
    case 'grade-not-supported':
      return `The data may not support the grades. The mapped QIs average ${t.meanText} on the six-point scale, but ${share(t.adverse.length, judged)} directional ${plural(judged, 'figure', 'figures')} that can be judged ${plural(t.adverse.length, 'points', 'point')} the other way: ${findings(t.adverse)}. Inspectors test grades against data, so the evidence behind these grades should be checked.`;
    case 'may-undersell':
      return `The grades may undersell the partnership. The mapped QIs average ${t.meanText} on the six-point scale, yet ${share(t.favourable.length, judged)} directional ${plural(judged, 'figure', 'figures')} that can be judged ${plural(t.favourable.length, 'points', 'point')} the other way: ${findings(t.favourable)}.`;
    case 'consistent':
      return `The grades and the figures do not conflict: the mapped QIs average ${t.meanText} on the six-point scale, and of the directional figures that can be judged, ${findings(t.judged)}.`;
  }
}
