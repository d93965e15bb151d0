// Council names across publishers, reconciled from the framework's council table (plain data) with the
// oracle's own spelling rule, so a reconciliation bug in the code under test is not copied here.
import { councils, type Council } from '../../src/framework/index.js';

export type { Council };

/** Case, "&"/"and", punctuation, "Council", and "City of X" = "X City" do not change the council meant. */
function nameKey(name: string): string {
  let words = name.toLowerCase().replace(/&/g, ' and ').replace(/[^a-z0-9]+/g, ' ').trim().split(' ');
  words = words.filter((w) => w !== 'council' && w !== 'the');
  if (words[0] === 'city' && words[1] === 'of') words = [...words.slice(2), 'city'];
  return words.join(' ');
}

/** Spellings the council table does not carry (Western Isles, plain "Edinburgh", "Orkney", "Shetland"). */
const EXTRA: Readonly<Record<string, string>> = {
  'western isles': 'Eilean Siar',
  'comhairle nan eilean siar': 'Eilean Siar',
  'edinburgh': 'Edinburgh City',
  'orkney': 'Orkney Islands',
  'shetland': 'Shetland Islands',
};

const byKey = new Map<string, Council>();
for (const c of councils) for (const n of [c.name, c.onsName]) byKey.set(nameKey(n), c);
for (const [k, name] of Object.entries(EXTRA)) byKey.set(k, councils.find((c) => c.name === name)!);

/** The council a name means, or undefined (Scotland, a family group, a typo). */
export function councilNamed(name: string): Council | undefined {
  return byKey.get(nameKey(name));
}

/** The council's LGBF spelling: the oracle's one key for an area. */
export function canonicalCouncil(name: string): string | undefined {
  return councilNamed(name)?.name;
}

/** The councils in the same children's-services family group as `name` (itself included). */
export function familyGroupMembers(group: number): string[] {
  return councils.filter((c) => c.childrenFamilyGroup === group).map((c) => c.name);
}

export const allCouncilNames = (): string[] => councils.map((c) => c.name);

/** How the oracle names a family group's average as an area. */
export const familyGroupAreaName = (group: number): string => `Family group ${group}`;
