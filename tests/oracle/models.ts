// The inspection models as docs/sources/inspection-models.md gives them, typed here by hand so that the paper's
// wording of each statement and line of enquiry, and what inspectors grade, are checked against the source
// rather than against src/framework. Short titles and the default mappings of models A and C are the tool's own
// local choices (no mapping was published), so those are taken from src/framework like the catalogue is.
import { inspectionModel } from '../../src/framework/index.js';

export type ModelId = 'care-and-protection-2018' | 'at-risk-of-harm-2021' | 'cso-at-home-2025';

export interface ModelFacts {
  id: ModelId;
  /** In their published wording, numbered from 1. */
  items: string[];
  gradedQis: string[];
  gradedAreas: number[];
  defaultMapping: Record<number, string[]>;
  /** Figures inform an item by the catalogue's own question numbers (model A) or through the mapped QIs. */
  linksByCatalogue: boolean;
}

const A_QUESTIONS = [
  'How good is the partnership at recognising and responding when children and young people need protection?',
  'How good is the partnership at helping children and young people who have experienced abuse and neglect stay safe, healthy and well and recover from their experiences?',
  'How good is the partnership at maximising the wellbeing of children and young people who are looked after?',
  'How good is the partnership at enabling care experienced young people to succeed in their transition to adulthood?',
  'How good is collaborative leadership?',
];

const B_STATEMENTS = [
  'Children and young people are safer because risks have been identified early and responded to effectively.',
  'Children and young people’s lives improve with high-quality planning and support, ensuring they experience sustained loving and nurturing relationships to keep them safe from further harm.',
  'Children and young people and families are meaningfully and appropriately involved in decisions about their lives. They influence service planning, delivery and improvement.',
  'Collaborative strategic leadership, planning and operational management ensure high standards of service delivery.',
];

const C_LINES = [
  'Children and young people are well supported to live with their families. This support helps to keep them safe, overcome difficulties and makes a positive difference in their lives.',
  'The services children and young people receive are well planned and delivered in a way which is compassionate and by staff who put children and young people at the heart of decision-making. People in the workforce ensure that children, young people and parents are meaningfully listened to, heard and included.',
  'Leaders and managers work well together to create and maintain a joined-up system of care which delivers the right services to each child at the right time. This provides children and young people, their parents and the workforce with help, support and accountability.',
];

const localMapping = (id: ModelId) => ({ ...inspectionModel(id).defaultMapping }) as Record<number, string[]>;

export const MODELS: Record<ModelId, ModelFacts> = {
  'care-and-protection-2018': { id: 'care-and-protection-2018', items: A_QUESTIONS, gradedQis: ['1.1', '2.1', '2.2'], gradedAreas: [9], defaultMapping: localMapping('care-and-protection-2018'), linksByCatalogue: true },
  'at-risk-of-harm-2021': {
    id: 'at-risk-of-harm-2021',
    items: B_STATEMENTS,
    gradedQis: ['2.1'],
    gradedAreas: [],
    // The source's "plausible local default": 1 → 5.1, 5.2; 2 → 5.3, 2.1; 3 → 5.4, 6.3; 4 → 9.1–9.4, 6.4, 6.5.
    defaultMapping: { 1: ['5.1', '5.2'], 2: ['5.3', '2.1'], 3: ['5.4', '6.3'], 4: ['9.1', '9.2', '9.3', '9.4', '6.4', '6.5'] },
    linksByCatalogue: false,
  },
  'cso-at-home-2025': { id: 'cso-at-home-2025', items: C_LINES, gradedQis: ['2.1', '5.3', '5.4', '9.2'], gradedAreas: [], defaultMapping: localMapping('cso-at-home-2025'), linksByCatalogue: false },
};

/** Titles the 2019 (revised) edition gives differently from the 2018 draft, as far as public text shows. */
export const RETITLED_2019: Record<string, string> = { '5.4': 'Involving individual children, young people and families' };
