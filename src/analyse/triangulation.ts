import { meanOf, type IndicatorSummary, type QiAssessment, type Triangulation, type TriangulationFinding } from '../model/index.js';

/** A mean grade at or above this is a strong claim the data should back; at or below LOW it may undersell. */
export const TRIANGULATION_GRADES = { high: 5, low: 3 } as const;

/**
 * What one directional indicator says about the grades: against them when its latest point is a worsening
 * SPC signal or it sits worse than the family group; for them when it is an improving signal or better than
 * the family group (and nothing counts against); undefined when neither can be judged.
 */
export function indicatorFinding(indicator: IndicatorSummary): TriangulationFinding | undefined {
  const familyGroup = indicator.comparators.find((c) => c.role === 'family-group');
  if (!indicator.arrow && !familyGroup) return undefined;
  const worsening = indicator.arrow === 'worsening';
  const worseThanGroup = familyGroup?.position === 'worse';
  const improving = indicator.arrow === 'improving';
  const betterThanGroup = familyGroup?.position === 'better';
  const stance = worsening || worseThanGroup ? 'adverse' : improving || betterThanGroup ? 'favourable' : 'neutral';
  return { indicator: indicator.id, stance, signal: indicator.arrow, familyGroup: familyGroup?.position };
}

/**
 * Tests a question's self-evaluated grades against its directional indicators, as inspectors do. Context
 * indicators (rates, costs) rise or fall without being better or worse, so they cannot test a grade.
 */
export function triangulate(qis: readonly QiAssessment[], indicators: readonly IndicatorSummary[]): Triangulation {
  const meanGrade = meanOf(qis.flatMap((qi) => (qi.latest ? [qi.latest.grade] : [])));
  const directional = indicators.filter((i) => i.polarity !== 'context');
  const findings = directional.flatMap((indicator) => indicatorFinding(indicator) ?? []);
  const adverse = findings.filter((f) => f.stance === 'adverse').length;
  const favourable = findings.filter((f) => f.stance === 'favourable').length;
  const judged = findings.length;
  const base = { meanGrade, directional: directional.map((i) => i.id), context: indicators.filter((i) => i.polarity === 'context').map((i) => i.id), findings };
  if (meanGrade === undefined) return { code: 'no-grades', ...base };
  if (directional.length === 0) return { code: 'all-context', ...base };
  if (judged === 0) return { code: 'none-judged', ...base };
  if (meanGrade >= TRIANGULATION_GRADES.high && adverse > judged / 2) return { code: 'grade-not-supported', ...base };
  if (meanGrade <= TRIANGULATION_GRADES.low && favourable > judged / 2) return { code: 'may-undersell', ...base };
  return { code: 'consistent', ...base };
}
