// Counting an SPC signal by hand from a series written out in a test (values oldest first), in exact
// arithmetic, so an assertion such as "the latest 7 consecutive points all lie above the mean" is held to a
// count the test makes itself rather than to the oracle's or the tool's.
import { Fraction } from '../../oracle/index.js';

const mean = (xs: readonly Fraction[]) => Fraction.sum(xs).div(Fraction.int(xs.length));

/** How many points, counting back from the latest, lie strictly on the latest point's side of the mean. */
export function runAtEnd(xs: readonly Fraction[]): { side: 'above' | 'below'; points: number } {
  const m = mean(xs);
  const side = xs.at(-1)!.cmp(m);
  let points = 0;
  for (let i = xs.length - 1; i >= 0 && xs[i]!.cmp(m) === side; i--) points++;
  return { side: side > 0 ? 'above' : 'below', points };
}

/** How many points, counting back from the latest, each rise (or each fall) from the one before; the first counts too. */
export function trendAtEnd(xs: readonly Fraction[]): { way: 'increasing' | 'decreasing'; points: number } {
  const step = xs.at(-1)!.cmp(xs.at(-2)!);
  let points = 1;
  for (let i = xs.length - 1; i > 0 && xs[i]!.cmp(xs[i - 1]!) === step; i--) points++;
  return { way: step > 0 ? 'increasing' : 'decreasing', points };
}

/** Mean ± 2.66 × the average moving range, and where the latest point sits against them. */
export function limitsAtEnd(xs: readonly Fraction[]): 'above the upper' | 'below the lower' | 'within' {
  const mR = mean(xs.slice(1).map((x, i) => x.sub(xs[i]!).abs()));
  const spread = Fraction.parse('2.66').mul(mR);
  const last = xs.at(-1)!;
  if (last.gt(mean(xs).add(spread))) return 'above the upper';
  return last.lt(mean(xs).sub(spread)) ? 'below the lower' : 'within';
}
