import type { IndicatorSummary, QiAssessment, Triangulation } from '../model/index.js';
import { meanOf } from './grades.js';

/** A mean grade at or above this is a strong claim the data should back; at or below LOW it may undersell. */
export const TRIANGULATION_GRADES = { high: 5, low: 3 } as const;

/**
 * Tests a question's self-evaluated grades against its directional indicators, as inspectors do.
 * An indicator counts against the grades when its latest point is a worsening SPC signal or it sits worse
 * than the family group; for them when it is an improving signal or better than the family group.
 */
export function triangulate(qis: readonly QiAssessment[], indicators: readonly IndicatorSummary[]): Triangulation {
  const meanGrade = meanOf(qis.flatMap((qi) => (qi.latest ? [qi.latest.grade] : [])));
  const adverse: string[] = [];
  const favourable: string[] = [];
  let judged = 0;
  for (const indicator of indicators.filter((i) => i.polarity !== 'context')) {
    const familyGroup = indicator.comparators.find((c) => c.role === 'family-group');
    const against = indicator.arrow === 'worsening' || familyGroup?.position === 'worse';
    const forThem = indicator.arrow === 'improving' || familyGroup?.position === 'better';
    if (!indicator.arrow && !familyGroup) continue;
    judged += 1;
    if (against) adverse.push(indicator.id);
    else if (forThem) favourable.push(indicator.id);
  }
  const base = { meanGrade, adverse, favourable, judged };
  if (judged === 0 || meanGrade === undefined) return { code: 'no-directional-data', ...base };
  if (meanGrade >= TRIANGULATION_GRADES.high && adverse.length > judged / 2) return { code: 'grade-not-supported', ...base };
  if (meanGrade <= TRIANGULATION_GRADES.low && favourable.length > judged / 2) return { code: 'may-undersell', ...base };
  return { code: 'consistent', ...base };
}
