/**
 * How the grades-over-time table is cut to fit an A4 portrait page: at most ROUNDS_PER_PART rounds across,
 * each as wide as "Unsatisfactory", beside the QI's number and a title column still wide enough to read.
 * More rounds are set out in parts of near-equal size, oldest first, each a table of its own, so every round
 * is shown and no column is squeezed below a grade word's width.
 */
export const ROUNDS_PER_PART = 5;

export function splitRounds<T>(rounds: readonly T[], perPart = ROUNDS_PER_PART): T[][] {
  const parts = Math.ceil(rounds.length / perPart);
  // The first `longer` parts take one round more, so that no two parts differ by more than one.
  const size = Math.floor(rounds.length / Math.max(parts, 1));
  const longer = rounds.length - size * parts;
  const starts = Array.from({ length: parts + 1 }, (_, index) => index * size + Math.min(index, longer));
  return starts.slice(0, -1).map((start, index) => rounds.slice(start, starts[index + 1]));
}
