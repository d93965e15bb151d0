/**
 * How the grades-over-time table is cut to fit an A4 portrait page: at most ROUNDS_PER_PART rounds across,
 * each as wide as "Unsatisfactory", beside the QI's number and a title column still wide enough to read.
 * More rounds are set out in parts of near-equal size, oldest first, each a table of its own, so every round
 * is shown and no column is squeezed below a grade word's width.
 */
export const ROUNDS_PER_PART = 5;

export function splitRounds<T>(rounds: readonly T[], perPart = ROUNDS_PER_PART): T[][] {
  if (rounds.length === 0) return [];
  const parts = Math.ceil(rounds.length / perPart);
  const size = Math.ceil(rounds.length / parts);
  return Array.from({ length: parts }, (_, index) => rounds.slice(index * size, (index + 1) * size));
}
