import type { QuestionNumber } from './types.js';

export type IndicatorUnit = 'percent' | 'rate-per-1000-0-15' | 'rate-per-1000-0-17' | 'rate-per-10000' | 'gbp-per-week' | 'count';
/** Context indicators (rates of registration or of looking after) are neither better nor worse when they move. */
export type Polarity = 'higher-is-better' | 'lower-is-better' | 'context';

export interface IndicatorDefinition {
  id: string;
  title: string;
  unit: IndicatorUnit;
  polarity: Polarity;
  decimals: number;
  /** The inspection questions the figure informs: a local choice, like the question→QI mapping. */
  questions: readonly QuestionNumber[];
}

/** The shared-dataset measures the tool knows (domain.md §6); ids are LGBF codes where LGBF publishes them. */
export const indicatorCatalogue: readonly IndicatorDefinition[] = [
  { id: 'cp-register-rate', title: 'Children on the child protection register', unit: 'rate-per-1000-0-15', polarity: 'context', decimals: 1, questions: [1] },
  { id: 'reporter-referral-rate', title: 'Children referred to the Reporter for care and protection', unit: 'rate-per-1000-0-15', polarity: 'context', decimals: 1, questions: [1] },
  { id: 'cp-parental-substance-rate', title: 'Child protection with parental drug or alcohol misuse', unit: 'rate-per-10000', polarity: 'context', decimals: 1, questions: [1, 2] },
  { id: 'CHN22', title: 'Child protection re-registrations within 18 months', unit: 'percent', polarity: 'lower-is-better', decimals: 1, questions: [1, 2] },
  { id: 'lac-rate', title: 'Children looked after', unit: 'rate-per-1000-0-17', polarity: 'context', decimals: 1, questions: [3] },
  { id: 'CHN09', title: 'Looked-after children cared for in the community', unit: 'percent', polarity: 'higher-is-better', decimals: 1, questions: [3] },
  { id: 'CHN23', title: 'Looked-after children with more than one placement in the year', unit: 'percent', polarity: 'lower-is-better', decimals: 1, questions: [3] },
  { id: 'lac-leavers-positive-destinations', title: 'Looked-after school leavers in positive destinations', unit: 'percent', polarity: 'higher-is-better', decimals: 1, questions: [4] },
  { id: 'CHN08a', title: 'Cost of looked-after children in residential settings', unit: 'gbp-per-week', polarity: 'context', decimals: 0, questions: [5] },
  { id: 'CHN08b', title: 'Cost of looked-after children in community settings', unit: 'gbp-per-week', polarity: 'context', decimals: 0, questions: [5] },
];

export function findIndicator(id: string): IndicatorDefinition | undefined {
  const wanted = id.trim().toLowerCase();
  return indicatorCatalogue.find((indicator) => indicator.id.toLowerCase() === wanted);
}
