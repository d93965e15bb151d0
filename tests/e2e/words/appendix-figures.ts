// Appendix 5, the performance figures (templates/paper.md, partials/spc-*.md).
import { indicatorCatalogue } from '../../../src/framework/index.js';
import { MINIMUM_POINTS, valueText, type IndicatorExpectation, type SpcSignal } from '../../oracle/index.js';
import type { PaperInputs } from './inputs.js';
import { POSITION_PHRASE, UNIT } from './labels.js';
import { listed } from './phrases.js';
import type { ExpectedPaper } from './pieces.js';

/** The SPC rule that fired at the latest point, in the words of its partial. */
export function signalWords(s: SpcSignal): string {
  const up = s.direction === 'up';
  if (s.rule === 'beyond-limits') return `the latest point lies ${up ? 'above the upper' : 'below the lower'} limit`;
  if (s.rule === 'run') return `the latest ${s.length} consecutive points all lie ${up ? 'above' : 'below'} the mean`;
  return `the latest ${s.length} consecutive points are all ${up ? 'increasing' : 'decreasing'}`;
}

function periodsHeld(i: IndicatorExpectation): string {
  return i.series.length === 1 ? `One period held, ${i.latest.period}.` : `${i.series.length} periods held, ${i.series[0]!.period} to ${i.latest.period}.`;
}

/** The XmR chart's mean and limits as prose prints figures ("5.5 per 1,000"), and the signal if any. */
function spcSentence(i: IndicatorExpectation): string {
  const { spc, definition: d } = i;
  if (!spc.judgeable) return ` Too few periods for an XmR chart (at least ${MINIMUM_POINTS} are needed).`;
  const prose = (f: typeof spc.mean) => valueText(d, f!, 'prose');
  const signal = spc.latestSignal ? `a signal at the latest point: ${signalWords(spc.latestSignal)}.` : 'no signal at the latest point.';
  return ` XmR chart: mean ${prose(spc.mean)}, limits ${prose(spc.lower)} to ${prose(spc.upper)}; ${signal}`;
}

function peersSentence(i: IndicatorExpectation): string {
  const peers = i.comparators.filter((c) => c.role === 'peer');
  if (peers.length === 0) return '';
  const each = peers.map((c) => `${c.area} ${valueText(i.definition, c.value, 'prose')} (the partnership's figure is ${POSITION_PHRASE[c.position]})`);
  return ` Peers in ${i.latest.period}: ${listed(each, '; ')}.`;
}

/** The paragraph under an indicator's charts. */
export function indicatorParagraph(i: IndicatorExpectation): string {
  const d = i.definition;
  return `${d.definition} Unit: ${UNIT[d.unit]}. Source: ${d.source}, ${d.licence}. ${periodsHeld(i)}${spcSentence(i)}${peersSentence(i)}`;
}

export function figuresAppendix(doc: ExpectedPaper, { oracle, sources }: PaperInputs): void {
  doc.heading('Appendix 5: The performance figures');
  for (const i of oracle.indicators) {
    // The charts' axis labels and legends come between the subheading and the paragraph (a trend chart, a
    // bar chart across the family group, or none when there is nothing to draw).
    doc.subheading(i.definition.title).gap('the indicator’s charts').para(indicatorParagraph(i));
  }
  if (oracle.raw.peers.length > 0) doc.para(`The partnership also compares itself with ${listed(oracle.raw.peers)}.`);
  if (oracle.withheld.length > 0) {
    doc.para("The publisher withheld these figures for the partnership's area, usually to protect small numbers; they are not shown as zero:");
    for (const w of oracle.withheld) doc.text(`${indicatorCatalogue.find((d) => d.id === w.indicator)!.title}, ${w.period}`);
  }
  doc.para('Figures were taken from:');
  for (const s of sources) doc.text(s);
  doc.para('Figures published by public bodies are used under the Open Government Licence v3.0.');
}
