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

/** "did you mean …?" for the candidates nearest the text (ignoring case), or undefined when none is close. */
export function didYouMean(text: string, candidates: readonly string[], maxDistance = 2): string | undefined {
  const distances = candidates.map((candidate) => ({ candidate, distance: editDistance(candidate.toLowerCase(), text.toLowerCase()) }));
  const best = Math.min(...distances.map((d) => d.distance));
  if (!(best <= maxDistance) || best === 0) return undefined;
  return `did you mean ${listWithOr(distances.filter((d) => d.distance === best).map((d) => d.candidate).slice(0, 4))}?`;
}
