// The small wording rules the templates use: helpers `list` and `plural`, partials `count` and `share`
// (templates/partials/count.md, share.md), and labels.json's `list` words.

/** {{#list}}: "a", "a and b", "a, b and c" (labels.json list.separator / lastSeparator; `separator` as given). */
export function listed(items: readonly string[], separator = ', '): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(separator)} and ${items.at(-1)}`;
}

/** {{plural n one many}}. */
export const plural = (n: number, one: string, many: string): string => (n === 1 ? one : many);

/** partials/count.md: "none" for 0. */
export const count = (n: number): string => (n === 0 ? 'none' : String(n));

/** partials/share.md: "the only", "all 3", "2 of the 3". */
export function share(n: number, of: number): string {
  if (of === 1) return 'the only';
  return n === of ? `all ${of}` : `${n} of the ${of}`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A date as report.json gives it (2022-11-24 or 24/11/2022), printed long: "24 November 2022". */
export function longDate(text: string): string {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  const [day, month, year] = iso ? [iso[3], iso[2], iso[1]] : uk ? [uk[1], uk[2], uk[3]] : [];
  if (!day || !month || !year) throw new SyntaxError(`not a date the test reads: "${text}"`);
  return `${Number(day)} ${MONTHS[Number(month) - 1]} ${year}`;
}

/** The lettered markers of a list of `n` items: "(a)" … */
export const letters = (n: number): string[] => Array.from({ length: n }, (_, i) => `(${String.fromCharCode(97 + i)})`);
