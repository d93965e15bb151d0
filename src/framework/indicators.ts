import type { QiId, QuestionNumber } from './types.js';

export type IndicatorUnit = 'percent' | 'rate-per-1000-0-15' | 'rate-per-1000-0-17' | 'rate-per-10000' | 'gbp-per-week' | 'count' | 'days';
/** Context indicators (rates of registration or of looking after) are neither better nor worse when they move. */
export type Polarity = 'higher-is-better' | 'lower-is-better' | 'context';

/** Where a published file carries the indicator, so importers can pick it out unchanged. */
export interface IndicatorImport {
  /** LGBF IndicatorCode; `fraction` when the LGBF stores a share as 0–1 rather than a percentage. */
  lgbf?: { code: string; fraction: boolean };
  /** The `indicator` text of the ScotPHO profile extract. */
  scotpho?: { indicator: string };
}

export interface IndicatorDefinition {
  id: string;
  title: string;
  definition: string;
  unit: IndicatorUnit;
  polarity: Polarity;
  decimals: number;
  /** The inspection questions and QIs the figure informs: a local choice, like the question→QI mapping. */
  questions: readonly QuestionNumber[];
  qis: readonly QiId[];
  source: string;
  licence: string;
  import?: IndicatorImport;
}

const OGL = 'Open Government Licence v3.0';
const LGBF = 'Local Government Benchmarking Framework (Improvement Service)';
const SCOTPHO = 'ScotPHO children and young people profile (Public Health Scotland)';
const LOCAL = 'Partnership’s own records (shared dataset)';

/** The shared-dataset measures the tool knows (domain.md §6); ids are LGBF codes where LGBF publishes them. */
export const indicatorCatalogue: readonly IndicatorDefinition[] = [
  {
    id: 'cp-register-rate', title: 'Children on the child protection register', unit: 'rate-per-1000-0-15', polarity: 'context', decimals: 1, questions: [1], qis: ['1.1', '5.1'],
    definition: 'Children on the child protection register at 31 July, per 1,000 children aged 0–15.', source: SCOTPHO, licence: OGL,
    import: { scotpho: { indicator: 'Children on the child protection register' } },
  },
  {
    id: 'ird-rate', title: 'Children subject to an inter-agency referral discussion', unit: 'rate-per-1000-0-17', polarity: 'context', decimals: 1, questions: [1], qis: ['5.1'],
    definition: 'Children subject to an IRD in the financial year, per 1,000 children aged 0–17.', source: LOCAL, licence: 'Local data',
  },
  {
    id: 'cppm-within-timescale', title: 'Child protection planning meetings held within timescale', unit: 'percent', polarity: 'higher-is-better', decimals: 1, questions: [1], qis: ['5.1', '5.2'],
    definition: 'Share of initial child protection planning meetings (formerly case conferences) held within the timescale in national guidance.', source: LOCAL, licence: 'Local data',
  },
  {
    id: 'reporter-referral-rate', title: 'Children referred to the Reporter for care and protection', unit: 'rate-per-1000-0-15', polarity: 'context', decimals: 1, questions: [1], qis: ['5.1'],
    definition: 'Children referred to the Children’s Reporter on care and protection grounds in the financial year, per 1,000 aged 0–15.', source: SCOTPHO, licence: OGL,
    import: { scotpho: { indicator: "Children referred to the Children's Reporter for care and protection" } },
  },
  {
    id: 'cp-parental-substance-rate', title: 'Child protection with parental drug or alcohol misuse', unit: 'rate-per-10000', polarity: 'context', decimals: 1, questions: [1, 2], qis: ['5.2'],
    definition: 'Children on the child protection register at 31 July where parental drug or alcohol misuse is a concern, per 10,000 children.', source: SCOTPHO, licence: OGL,
    import: { scotpho: { indicator: 'Child protection with parental drug or alcohol misuse' } },
  },
  {
    id: 'CHN22', title: 'Child protection re-registrations within 18 months', unit: 'percent', polarity: 'lower-is-better', decimals: 1, questions: [1, 2], qis: ['1.1', '5.3'],
    definition: 'Share of child protection registrations that are re-registrations within 18 months of a previous de-registration (LGBF CHN22).', source: LGBF, licence: OGL,
    import: { lgbf: { code: 'CHN22', fraction: true } },
  },
  {
    id: 'lac-rate', title: 'Children looked after', unit: 'rate-per-1000-0-17', polarity: 'context', decimals: 1, questions: [3], qis: ['1.1'],
    definition: 'Children looked after by the local authority at 31 July, per 1,000 children aged 0–17.', source: SCOTPHO, licence: OGL,
    import: { scotpho: { indicator: 'Children looked after by local authority' } },
  },
  {
    id: 'CHN09', title: 'Looked-after children cared for in the community', unit: 'percent', polarity: 'higher-is-better', decimals: 1, questions: [3], qis: ['1.1', '5.3'],
    definition: 'Share of looked-after children cared for in the community rather than in residential settings: the balance of care (LGBF CHN09).', source: LGBF, licence: OGL,
    import: { lgbf: { code: 'CHN09', fraction: true } },
  },
  {
    id: 'CHN23', title: 'Looked-after children with more than one placement in the year', unit: 'percent', polarity: 'lower-is-better', decimals: 1, questions: [3], qis: ['1.1', '5.3'],
    definition: 'Share of looked-after children with more than one placement in the year August to July (LGBF CHN23).', source: LGBF, licence: OGL,
    import: { lgbf: { code: 'CHN23', fraction: true } },
  },
  {
    id: 'lac-health-assessment', title: 'Health assessments for looked-after children within 4 weeks', unit: 'percent', polarity: 'higher-is-better', decimals: 1, questions: [3], qis: ['2.1', '5.3'],
    definition: 'Share of children newly looked after whose health assessment took place within 4 weeks.', source: LOCAL, licence: 'Local data',
  },
  {
    id: 'lac-leavers-positive-destinations', title: 'Looked-after school leavers in positive destinations', unit: 'percent', polarity: 'higher-is-better', decimals: 1, questions: [4], qis: ['1.1', '2.1'],
    definition: 'Share of looked-after school leavers in a positive destination (education, training or work) after leaving school.', source: SCOTPHO, licence: OGL,
    import: { scotpho: { indicator: 'Looked after school leavers in positive destinations' } },
  },
  {
    id: 'CHN08a', title: 'Cost of looked-after children in residential settings', unit: 'gbp-per-week', polarity: 'context', decimals: 0, questions: [5], qis: ['8.1'],
    definition: 'Gross cost of children looked after in residential settings, £ per child per week (LGBF CHN08a, cash).', source: LGBF, licence: OGL,
    import: { lgbf: { code: 'CHN08a', fraction: false } },
  },
  {
    id: 'CHN08b', title: 'Cost of looked-after children in community settings', unit: 'gbp-per-week', polarity: 'context', decimals: 0, questions: [5], qis: ['8.1'],
    definition: 'Gross cost of children looked after in a community setting, £ per child per week (LGBF CHN08b, cash).', source: LGBF, licence: OGL,
    import: { lgbf: { code: 'CHN08b', fraction: false } },
  },
  {
    id: 'workforce-vacancy-rate', title: 'Social work vacancy rate', unit: 'percent', polarity: 'lower-is-better', decimals: 1, questions: [5], qis: ['7.1'],
    definition: 'Vacant children and families social work posts as a share of established posts.', source: LOCAL, licence: 'Local data',
  },
  {
    id: 'workforce-turnover-rate', title: 'Social work staff turnover', unit: 'percent', polarity: 'lower-is-better', decimals: 1, questions: [5], qis: ['3.1', '7.1'],
    definition: 'Children and families social work staff leaving in the year as a share of average staff in post.', source: LOCAL, licence: 'Local data',
  },
];

export function findIndicator(id: string, catalogue: readonly IndicatorDefinition[] = indicatorCatalogue): IndicatorDefinition | undefined {
  const wanted = id.trim().toLowerCase();
  return catalogue.find((indicator) => indicator.id.toLowerCase() === wanted);
}
