import type { Polarity } from '../framework/index.js';
import { roundHalfAway, type Rank } from '../model/index.js';

/**
 * Standard competition ranking (1, 2, 2, 4) by polarity, 1 the best, on the figures as printed at `decimals`:
 * councils whose figures print the same share a rank, so two councils both shown as 7.8% are never ranked
 * 16th and 17th. Context indicators have no better or worse, so no rank. Undefined when the area has no value
 * among those ranked.
 */
export function rankAmong(values: readonly { area: string; value: number }[], area: string, polarity: Polarity, decimals: number): Rank | undefined {
  if (polarity === 'context') return undefined;
  const printed = (value: number) => roundHalfAway(value, decimals);
  const own = values.find((entry) => entry.area === area);
  if (!own) return undefined;
  const ownPrinted = printed(own.value);
  const better = (other: number) => (polarity === 'higher-is-better' ? printed(other) > ownPrinted : printed(other) < ownPrinted);
  return {
    rank: 1 + values.filter((entry) => better(entry.value)).length,
    of: values.length,
    tiedWith: values.filter((entry) => entry.area !== area && printed(entry.value) === ownPrinted).length,
  };
}
