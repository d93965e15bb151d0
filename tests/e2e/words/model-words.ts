// What the paper calls the model's items and says of the model (labels.json "inspection", the
// inspection-<model>-*.md partials), copied by hand; the facts in them come from tests/oracle/models.ts.
import type { ModelId } from '../../oracle/index.js';

export interface ModelWords {
  inspection: string;
  itemHeading: string;
  item: string;
  itemPlural: string;
  items: string;
  itemStart: string;
  inspectorGraded: string;
  riskMark: string;
}

const AT_RISK = 'a joint inspection of services for children and young people at risk of harm';
const GRADED_NOW = 'Graded by inspectors under this model';
const MARK = 'graded by inspectors under this model';

export const MODEL_WORDS: Record<ModelId, ModelWords> = {
  'care-and-protection-2018': { inspection: AT_RISK, itemHeading: 'Inspection question', item: 'question', itemPlural: 'questions', items: 'five questions', itemStart: 'A question', inspectorGraded: 'Graded by inspectors 2018–20', riskMark: '' },
  'at-risk-of-harm-2021': { inspection: AT_RISK, itemHeading: 'Inspection statement', item: 'statement', itemPlural: 'statements', items: 'four inspection statements', itemStart: 'A statement', inspectorGraded: GRADED_NOW, riskMark: MARK },
  'cso-at-home-2025': {
    inspection: 'a joint inspection of services for children and young people subject to compulsory supervision orders living at home',
    itemHeading: 'Line of enquiry', item: 'line of enquiry', itemPlural: 'lines of enquiry', items: 'three lines of enquiry', itemStart: 'A line of enquiry', inspectorGraded: GRADED_NOW, riskMark: MARK,
  },
};

/** The sentence before the ratings count (inspection-<model>-summary.md). */
export const ITEMS_SENTENCE: Record<ModelId, string> = {
  'care-and-protection-2018': 'A joint inspection report answers five questions.',
  'at-risk-of-harm-2021': 'Inspectors look for assurance that services, working together, can demonstrate four inspection statements.',
  'cso-at-home-2025': 'Inspectors follow three key lines of enquiry.',
};

/** The sections a paper gives its items: the first after Summary, Recommendations and Background. */
export const itemSections = (count: number): string => `sections 4 to ${3 + count}`;
