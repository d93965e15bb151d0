import { councilKey, councils, findCouncil, type Council } from '../framework/index.js';
import { editDistance } from './near-miss.js';

/** Every name a council goes by that the tool reads: the LGBF's and the ONS's spelling. */
const namesOf = (council: Council) => [council.name, council.onsName];

/** A word typed for a council's word: the same, its start ("Renfrew" for Renfrewshire), or a slip ("Fyfe" for Fife). */
function wordMatches(typed: string, word: string, fuzzy: boolean): boolean {
  if (typed === word || (typed.length >= 4 && word.startsWith(typed))) return true;
  return fuzzy && editDistance(typed, word) <= (typed.length >= 7 ? 2 : 1);
}

const councilsWhere = (typed: readonly string[], fuzzy: boolean) =>
  councils.filter((council) => namesOf(council).some((name) => {
    const words = councilKey(name).split(' ');
    return typed.every((word) => words.some((own) => wordMatches(word, own, fuzzy)));
  }));

/**
 * The councils a name that is not one of them may mean: those it names part of ("Dundee" → Dundee City,
 * "Ayrshire" → the three), else those it misspells ("Fyfe" → Fife). At most four, none when nothing is close.
 */
export function councilsLike(name: string): string[] {
  if (findCouncil(name)) return [];
  const typed = councilKey(name).split(' ').filter((word) => word !== '' && word !== 'and');
  if (typed.length === 0) return [];
  const exact = councilsWhere(typed, false);
  return (exact.length > 0 ? exact : councilsWhere(typed, true)).map((council) => council.name).slice(0, 4);
}
