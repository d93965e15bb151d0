import type { Grade, InspectionModelId, QiId } from './types.js';

/*
 * Published evaluations from joint inspections, transcribed row by row from docs/sources/inspection-outcomes.csv
 * (kept unchanged; a unit test reads it again and compares). Context for a partnership, never a rank or a
 * prediction: a handful of reports, some known only from secondary sources.
 */

/** What a published grade was given to: one QI, or an area graded as a whole. */
export type EvaluatedUnder = { qi: QiId } | { area: number };

/**
 * How the grade is tied to what it evaluates: `named`, the source names the QI; `inferred`, the source gives the
 * grade without naming the QI and the model, which grades only one, names it; `uncertain`, the source's heading
 * could be the area as a whole or one of its QIs.
 */
export type Attribution = 'named' | 'inferred' | 'uncertain';

export interface PublishedOutcome {
  partnership: string;
  /** The report's date as far as the sources give it: a day ("2023-04-18"), a month ("2020-02"), or absent. */
  reportDate?: string;
  model: InspectionModelId;
  evaluated: EvaluatedUnder;
  grade: Grade;
  /** The grade as the source words it, a word of the six-point scale. */
  word: string;
  source: string;
  attribution: Attribution;
  /** The CSV's note, as written: where the grade was read and what is unsure about it. */
  note: string;
}

const ORKNEY_NEWS = 'https://theorkneynews.scot/2020/02/27/why-orkney-is-not-getting-it-right-for-every-child-and-young-person/';
const ORKNEY_LISTING = 'Local news listing of the report\'s evaluations';

/** Model A: Orkney, February 2020, known from a local news report of the inspection report. */
const careAndProtection: PublishedOutcome[] = [
  {
    partnership: 'Orkney', reportDate: '2020-02', model: 'care-and-protection-2018', evaluated: { qi: '1.1' }, grade: 2, word: 'Weak', source: ORKNEY_NEWS, attribution: 'named',
    note: `${ORKNEY_LISTING} (article 27 Feb 2020; report dated February 2020). Article wording: 'Improvements in the safety, wellbeing and the chances of vulnerable children and young people – Weak'`,
  },
  { partnership: 'Orkney', reportDate: '2020-02', model: 'care-and-protection-2018', evaluated: { qi: '2.1' }, grade: 2, word: 'Weak', source: ORKNEY_NEWS, attribution: 'named', note: ORKNEY_LISTING },
  { partnership: 'Orkney', reportDate: '2020-02', model: 'care-and-protection-2018', evaluated: { qi: '2.2' }, grade: 3, word: 'Adequate', source: ORKNEY_NEWS, attribution: 'named', note: ORKNEY_LISTING },
  {
    partnership: 'Orkney', reportDate: '2020-02', model: 'care-and-protection-2018', evaluated: { area: 9 }, grade: 1, word: 'Unsatisfactory', source: ORKNEY_NEWS, attribution: 'uncertain',
    note: 'Article says \'Leadership and direction – Unsatisfactory\'; whether this is area 9 as a whole or one QI is not stated in the article',
  },
];

/** Model B: QI 2.1, the one QI it grades, for six partnerships. */
const atRiskOfHarm: PublishedOutcome[] = [
  {
    partnership: 'Dundee City', reportDate: '2022-01-11', model: 'at-risk-of-harm-2021', evaluated: { qi: '2.1' }, grade: 4, word: 'Good', attribution: 'inferred',
    source: 'https://www.dundeeandanguschamber.co.uk/news/article/20543/joint-inspection-of-services-for-children-and-young-people-at-risk-of-harm',
    note: 'Secondary source (Chamber news, published 11 Jan 2022, the day the report was published): \'Inspectors rate city services as Good\'. QI 2.1 not named in the excerpt; attribution to QI 2.1 is by the model. Inspection 12 Jul-15 Nov 2021 (careinspectorate.com news 6462)',
  },
  {
    partnership: 'Aberdeenshire', reportDate: '2023-01-24', model: 'at-risk-of-harm-2021', evaluated: { qi: '2.1' }, grade: 5, word: 'Very good', attribution: 'inferred',
    source: 'https://online.aberdeenshire.gov.uk/Apps/News/release.aspx?newsID=8976',
    note: 'Council press release dated 24 January 2023: \'rates partnership very good\'. QI 2.1 not named in the excerpt. Inspection July-Nov 2022',
  },
  {
    partnership: 'East Dunbartonshire', reportDate: '2023-04-18', model: 'at-risk-of-harm-2021', evaluated: { qi: '2.1' }, grade: 4, word: 'Good', attribution: 'named',
    source: 'https://www.eastdunbarton.gov.uk/technical-notes-2023-issue-64-joint-inspection-services-children-risk-harm-%E2%80%93-publication-inspection',
    note: 'Council technical note: \'concludes on an assessment grading for a single quality indicator 2.1 ... impact on children and young people ... graded ... as Good\'. Report published 18 April 2023',
  },
  {
    partnership: 'Moray', reportDate: '2024-01-23', model: 'at-risk-of-harm-2021', evaluated: { qi: '2.1' }, grade: 3, word: 'Adequate', attribution: 'named',
    source: 'https://careinspectorate.com/index.php/news/7418-joint-inspection-of-services-for-children-and-young-people-at-risk-of-harm-in-moray',
    note: 'CI news: \'evaluated the impact of services for children and young people at risk of harm in Moray as adequate\'. Publication date 23 January 2024 from https://thehighlandtimes.com/report-published-on-joint-inspection-of-services-for-children-and-young-people-at-risk-of-harm-in-moray/',
  },
  {
    partnership: 'East Lothian', reportDate: '2024-05-07', model: 'at-risk-of-harm-2021', evaluated: { qi: '2.1' }, grade: 5, word: 'Very good', attribution: 'named',
    source: 'https://www.eastlothian.gov.uk/news/article/14278/inspectors_praise_very_good_partnership_work_to_keep_east_lothian_children_safe_from_harm',
    note: 'Council news: \'Inspectors evaluated the impact of services on children and young people as 5: very good\'; report published 7 May; inspection 31 Oct 2023-3 Apr 2024. Also CI news 7599',
  },
  {
    partnership: 'North Lanarkshire', model: 'at-risk-of-harm-2021', evaluated: { qi: '2.1' }, grade: 5, word: 'Very good', attribution: 'named',
    source: 'http://www.careinspectorate.com/index.php/news/7315-report-of-a-joint-inspection-of-services-for-children-and-young-people-at-risk-of-harm-in-north-lanarkshire-community-planning-partnership',
    note: 'CI news: \'evaluated the impact of services for children and young people at risk of harm in North Lanarkshire as very good\'. Report date not found in any source seen (CI news item 7315 precedes the Moray item 7418 of Jan 2024, so probably 2023 - unconfirmed, left blank)',
  },
];

/** Every published evaluation, in the CSV's order. */
export const inspectionOutcomes: readonly PublishedOutcome[] = [...careAndProtection, ...atRiskOfHarm];

export function outcomesUnder(model: InspectionModelId): PublishedOutcome[] {
  return inspectionOutcomes.filter((outcome) => outcome.model === model);
}
