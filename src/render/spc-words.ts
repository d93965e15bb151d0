import type { IndicatorSummary } from '../model/index.js';
import type { Labels } from './labels.js';

type Fill = (label: string, values: object) => string;

/**
 * What the XmR chart says of an indicator, as the key-data table prints it beneath the change and the trend
 * chart's alternative text repeats it: its signal's direction, no signal, or too few points to judge.
 */
export function spcResult(indicator: IndicatorSummary, labels: Labels, fill: Fill): { words: string; signal: boolean } {
  const t = labels.tables;
  if (!indicator.arrow || !indicator.spc.latestSignal) return { words: indicator.spc.judgeable ? t.noSignal! : t.tooShort!, signal: false };
  return { words: fill(t.signal!, { direction: labels.direction[indicator.arrow] }), signal: true };
}
