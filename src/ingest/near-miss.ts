/** Levenshtein distance: the fewest single-character edits that turn one string into the other. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

export const listWithOr = (items: readonly string[]) => (items.length === 1 ? items[0]! : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`);

/**
 * Prefixes that turn a word into its opposite. A word that differs from a candidate only by one of them is
 * close in spelling but opposite in meaning — "Satisfactory" is no slip for "Unsatisfactory" — so it is never
 * suggested: the wrong suggestion would be worse than none.
 */
const NEGATING_PREFIXES = ['un', 'in', 'im', 'il', 'ir', 'non', 'non-', 'non ', 'dis', 'not '];

export function isOpposite(a: string, b: string): boolean {
  const [x, y] = [a.trim().toLowerCase(), b.trim().toLowerCase()];
  return NEGATING_PREFIXES.some((prefix) => x === prefix + y || y === prefix + x);
}

/**
 * The candidates nearest the text, ignoring case, within `maxDistance` edits; none that means its opposite.
 * A candidate that differs only in case (`meetingdate` for `meetingDate`) is the nearest there can be.
 */
export function nearMisses(text: string, candidates: readonly string[], maxDistance = 2): string[] {
  if (candidates.includes(text)) return [];
  const distances = candidates
    .filter((candidate) => !isOpposite(candidate, text))
    .map((candidate) => ({ candidate, distance: editDistance(candidate.toLowerCase(), text.toLowerCase()) }));
  const best = Math.min(...distances.map((d) => d.distance));
  if (!(best <= maxDistance)) return [];
  return distances.filter((d) => d.distance === best).map((d) => d.candidate).slice(0, 4);
}

/** "did you mean …?" for the candidates nearest the text (see nearMisses), or undefined when none is close. */
export function didYouMean(text: string, candidates: readonly string[], maxDistance = 2): string | undefined {
  const near = nearMisses(text, candidates, maxDistance);
  return near.length > 0 ? `did you mean ${listWithOr(near)}?` : undefined;
}
