// Comparators (Scotland, family group, peers) and ranks at the partnership's latest period.
import type { IndicatorDefinition } from '../../src/framework/index.js';
import { councilNamed, familyGroupAreaName, familyGroupMembers, allCouncilNames } from './councils.js';
import type { Figure } from './figures.js';
import { Fraction, roundHalfAway } from './fraction.js';
import { valueText } from './format.js';

/** What judging a figure needs; `Def` adds the id to look figures up by. */
type Judged = Pick<IndicatorDefinition, 'unit' | 'polarity' | 'decimals'>;
type Def = Judged & Pick<IndicatorDefinition, 'id'>;

/** Figures by indicator, area and period. */
export class FigureIndex {
  private readonly map = new Map<string, Fraction>();
  constructor(figures: readonly Figure[]) {
    for (const f of figures) this.map.set(FigureIndex.key(f.indicator, f.area, f.period), f.value);
  }
  private static key(indicator: string, area: string, period: string): string { return `${indicator}|${area}|${period}`; }
  get(indicator: string, area: string, period: string): Fraction | undefined {
    return this.map.get(FigureIndex.key(indicator, area, period));
  }
}

export type Position = 'better' | 'worse' | 'higher' | 'lower' | 'same';

/**
 * Where the partnership sits against a comparator, judged on the two figures AS PRINTED (each rounded
 * half away to the indicator's decimals): equal prints are "same" even if the exact values differ.
 */
export function position(def: Judged, ours: Fraction, theirs: Fraction): Position {
  const c = roundHalfAway(ours, def.decimals).cmp(roundHalfAway(theirs, def.decimals));
  if (c === 0) return 'same';
  if (def.polarity === 'context') return c > 0 ? 'higher' : 'lower';
  return (c > 0) === (def.polarity === 'higher-is-better') ? 'better' : 'worse';
}

export interface Comparator {
  role: 'scotland' | 'family-group' | 'peer';
  area: string;
  value: Fraction;
  /** Table style ("12.0%", "2.4", "£5,135"). */
  text: string;
  position: Position;
}

/** Scotland, the family group and each named peer that has a figure at `period`, in that order. */
export function comparatorsAt(def: Def, figures: FigureIndex, area: string, peers: readonly string[], period: string, ours: Fraction): Comparator[] {
  const group = councilNamed(area)?.childrenFamilyGroup;
  const wanted: [Comparator['role'], string, string][] = [
    ['scotland', 'Scotland', 'Scotland'],
    ...(group ? [['family-group', familyGroupAreaName(group), familyGroupAreaName(group)] as [Comparator['role'], string, string]] : []),
    ...peers.map((p): [Comparator['role'], string, string] => ['peer', p, p]),
  ];
  return wanted.flatMap(([role, key, name]) => {
    const value = figures.get(def.id, key, period);
    return value ? [{ role, area: name, value, text: valueText(def, value), position: position(def, ours, value) }] : [];
  });
}

export interface Rank {
  /** 1 + the number of councils strictly better (standard competition ranking). */
  rank: number;
  /** Councils with a figure at the period. */
  of: number;
  /** Other councils with exactly the same value. */
  tiedWith: string[];
}

/** Better by polarity as printed (never called for context indicators). */
const better = (def: Judged, a: Fraction, b: Fraction): boolean => {
  const [x, y] = [roundHalfAway(a, def.decimals), roundHalfAway(b, def.decimals)];
  return def.polarity === 'higher-is-better' ? x.gt(y) : x.lt(y);
};

/**
 * The partnership's rank among `members` (council names) with a figure at `period`, on the figures as printed
 * (rounded half away at the indicator's decimals): councils that print the same share a rank.
 * Undefined when no other member has a figure (a dataset.csv with only the partnership's rows): "1 of 1"
 * says nothing, and the product prints no rank then.
 */
export function rankAmong(def: Def, figures: FigureIndex, area: string, members: readonly string[], period: string): Rank | undefined {
  const ours = figures.get(def.id, area, period);
  if (!ours || def.polarity === 'context') return undefined;
  const others = members.filter((m) => m !== area).flatMap((m) => {
    const v = figures.get(def.id, m, period);
    return v ? [{ m, v }] : [];
  });
  if (others.length === 0) return undefined;
  return {
    rank: 1 + others.filter((o) => better(def, o.v, ours)).length,
    of: others.length + 1,
    tiedWith: others.filter((o) => roundHalfAway(o.v, def.decimals).eq(roundHalfAway(ours, def.decimals))).map((o) => o.m),
  };
}

/** Ranks among the 32 councils and within the partnership's family group; none for context indicators. */
export function ranksAt(def: Def, figures: FigureIndex, area: string, period: string): { scotland?: Rank; familyGroup?: Rank } | undefined {
  const group = councilNamed(area)?.childrenFamilyGroup;
  if (def.polarity === 'context' || !group) return undefined;
  const scotland = rankAmong(def, figures, area, allCouncilNames(), period);
  const familyGroup = rankAmong(def, figures, area, familyGroupMembers(group), period);
  if (!scotland && !familyGroup) return undefined;
  return { ...(scotland ? { scotland } : {}), ...(familyGroup ? { familyGroup } : {}) };
}
