import type { Polarity } from '../framework/index.js';
import type { Rank } from '../model/index.js';

/**
 * Standard competition ranking (1, 2, 2, 4) by polarity, 1 the best. Context indicators have no better
 * or worse, so no rank. Undefined when the area has no value among those ranked.
 */
export function rankAmong(values: readonly { area: string; value: number }[], area: string, polarity: Polarity): Rank | undefined {
  if (polarity === 'context') return undefined;
  const own = values.find((entry) => entry.area === area);
  if (!own) return undefined;
  const better = (other: number) => (polarity === 'higher-is-better' ? other > own.value : other < own.value);
  return {
    rank: 1 + values.filter((entry) => better(entry.value)).length,
    of: values.length,
    tiedWith: values.filter((entry) => entry.area !== area && entry.value === own.value).length,
  };
}
