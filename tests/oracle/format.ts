// How the paper prints figures, changes and directions, from exact values.
import type { IndicatorDefinition } from '../../src/framework/index.js';
import { Fraction, MINUS, fixed, roundHalfAway } from './fraction.js';

export type Style = 'table' | 'prose';
type Def = Pick<IndicatorDefinition, 'unit' | 'decimals' | 'polarity'>;

/**
 * A value as printed: percent "12.0%"; rates "2.4" in tables, "2.4 per 1,000" / "7.9 per 10,000" in prose;
 * £ "£5,135". Counts plain; days "12 days" in prose (not in the brief's list: see the report).
 */
export function valueText(def: Def, value: Fraction, style: Style = 'table'): string {
  const n = fixed(value, def.decimals);
  switch (def.unit) {
    case 'percent': return `${n}%`;
    case 'gbp-per-week': return n.startsWith(MINUS) ? `${MINUS}£${n.slice(1)}` : `£${n}`;
    case 'rate-per-1000-0-15':
    case 'rate-per-1000-0-17': return style === 'prose' ? `${n} per 1,000` : n;
    case 'rate-per-10000': return style === 'prose' ? `${n} per 10,000` : n;
    case 'days': return style === 'prose' ? `${n} days` : n;
    case 'count': return n;
  }
}

/**
 * A change as printed: "+0.3 pp", "−1.1 pp", "+£345", "−£22", rates "+0.4". A change that rounds to zero
 * has no sign ("0.0 pp", "£0", "0.0").
 */
export function changeText(def: Def, change: Fraction): string {
  const r = roundHalfAway(change, def.decimals);
  const sign = r.sign() > 0 ? '+' : r.sign() < 0 ? MINUS : '';
  const n = fixed(r.abs(), def.decimals);
  if (def.unit === 'percent') return `${sign}${n} pp`;
  if (def.unit === 'gbp-per-week') return `${sign}£${n}`;
  return `${sign}${n}`;
}

export type Direction = 'improving' | 'worsening' | 'up' | 'down' | 'no-change';

/** What a movement up or down means for this indicator: improving/worsening by polarity, up/down for context. */
export function judgeMove(def: Def, up: boolean): Exclude<Direction, 'no-change'> {
  if (def.polarity === 'context') return up ? 'up' : 'down';
  return up === (def.polarity === 'higher-is-better') ? 'improving' : 'worsening';
}

/** The direction of a change, judged on the change AS PRINTED: one that rounds to zero is no change. */
export function changeDirection(def: Def, change: Fraction): Direction {
  const s = roundHalfAway(change, def.decimals).sign();
  return s === 0 ? 'no-change' : judgeMove(def, s > 0);
}

/** A share (0–1) as a percentage to `decimals` places, rounded half away: "80%", "79.6%". */
export function percentText(share: Fraction, decimals = 0): string {
  return `${fixed(share.mul(Fraction.int(100)), decimals)}%`;
}

/**
 * A share printed beside the thresholds it is judged against (README, "How readiness is rated"): with as many
 * decimals, up to two, as it takes not to print the same as a whole-percent threshold it does not equal, so a
 * coverage of 79.6% is never printed "80% … short of the 80% needed".
 */
export function percentBeside(share: Fraction, thresholds: readonly Fraction[]): string {
  const clashes = (decimals: number) => thresholds.some((t) => !t.eq(share) && percentText(t) === percentText(share, decimals));
  let decimals = 0;
  while (decimals < 2 && clashes(decimals)) decimals += 1;
  return percentText(share, decimals);
}
