import type { InspectionModel, InspectionModelId } from './types.js';

/*
 * The joint inspection models a partnership has been inspected under, as published. Sources and what is uncertain:
 * docs/sources/inspection-models.md (copied from the Care Inspectorate pages and council notices it names).
 * No published mapping from any model's questions, statements or lines of enquiry to QIs was found: every
 * `defaultMapping` here is a local choice, which report.json's `mapping` overrides.
 */

/** Model A, the model of the 2018 paper: five questions, a self-evaluation of at most 30 pages. */
const careAndProtection2018: InspectionModel = {
  id: 'care-and-protection-2018',
  name: 'Joint inspections of services for children in need of care and protection',
  years: { from: 2018, to: 2020 },
  itemKind: 'question',
  items: [
    {
      number: 1,
      shortTitle: 'Recognising and responding when children need protection',
      text: 'How good is the partnership at recognising and responding when children and young people need protection?',
    },
    {
      number: 2,
      shortTitle: 'Helping children who have experienced abuse and neglect',
      text: 'How good is the partnership at helping children and young people who have experienced abuse and neglect stay safe, healthy and well and recover from their experiences?',
    },
    {
      number: 3,
      shortTitle: 'Wellbeing of looked-after children',
      text: 'How good is the partnership at maximising the wellbeing of children and young people who are looked after?',
    },
    {
      number: 4,
      shortTitle: 'Care experienced young people’s transition to adulthood',
      text: 'How good is the partnership at enabling care experienced young people to succeed in their transition to adulthood?',
    },
    { number: 5, shortTitle: 'Collaborative leadership', text: 'How good is collaborative leadership?' },
  ],
  // Three QIs and area 9 as a whole (Orkney, February 2020).
  graded: { qis: ['1.1', '2.1', '2.2'], areas: [9] },
  defaultMapping: {
    1: ['5.1', '5.2', '6.1', '2.1'],
    2: ['5.3', '5.4', '2.1', '2.2', '1.1'],
    3: ['1.1', '2.1', '5.3', '5.4', '8.2'],
    4: ['1.1', '2.1', '5.3', '5.4'],
    5: ['9.1', '9.2', '9.3', '9.4', '6.2', '6.3', '6.4', '6.5', '7.1', '7.2', '8.1', '8.2', '3.1', '4.1'],
  },
  // The indicator catalogue names the five questions each figure informs, chosen with them in mind.
  indicatorLinks: 'catalogue',
  document: { kind: 'self-evaluation', maxPages: 30 },
};

/** Model B: four inspection statements, one QI graded, a position statement of at most 5,000 words. */
const atRiskOfHarm2021: InspectionModel = {
  id: 'at-risk-of-harm-2021',
  name: 'Joint inspections of services for children and young people at risk of harm',
  years: { from: 2021, to: 2025 },
  itemKind: 'statement',
  // Wording as published in East Dunbartonshire Council's technical note 2022/153.
  items: [
    {
      number: 1,
      shortTitle: 'Risks identified early and responded to',
      text: 'Children and young people are safer because risks have been identified early and responded to effectively.',
    },
    {
      number: 2,
      shortTitle: 'Planning and support that improve lives',
      text: 'Children and young people’s lives improve with high-quality planning and support, ensuring they experience sustained loving and nurturing relationships to keep them safe from further harm.',
    },
    {
      number: 3,
      shortTitle: 'Involvement in decisions and in services',
      text: 'Children and young people and families are meaningfully and appropriately involved in decisions about their lives. They influence service planning, delivery and improvement.',
    },
    {
      number: 4,
      shortTitle: 'Collaborative leadership and management',
      text: 'Collaborative strategic leadership, planning and operational management ensure high standards of service delivery.',
    },
  ],
  graded: { qis: ['2.1'], areas: [] },
  // The plausible local default of docs/sources/inspection-models.md.
  defaultMapping: {
    1: ['5.1', '5.2'],
    2: ['5.3', '2.1'],
    3: ['5.4', '6.3'],
    4: ['9.1', '9.2', '9.3', '9.4', '6.4', '6.5'],
  },
  indicatorLinks: 'mapping',
  document: { kind: 'position-statement', maxWords: 5000 },
};

/** Model C: three lines of enquiry, four QIs graded; the document asked of the partnership is not in the sources. */
const csoAtHome2025: InspectionModel = {
  id: 'cso-at-home-2025',
  name: 'Joint inspections of services for children and young people subject to compulsory supervision orders living at home',
  years: { from: 2025 },
  itemKind: 'line-of-enquiry',
  items: [
    {
      number: 1,
      shortTitle: 'Supported to live with their families',
      text: 'Children and young people are well supported to live with their families. This support helps to keep them safe, overcome difficulties and makes a positive difference in their lives.',
    },
    {
      number: 2,
      shortTitle: 'Planned, compassionate services that listen',
      text: 'The services children and young people receive are well planned and delivered in a way which is compassionate and by staff who put children and young people at the heart of decision-making. People in the workforce ensure that children, young people and parents are meaningfully listened to, heard and included.',
    },
    {
      number: 3,
      shortTitle: 'A joined-up system of care',
      text: 'Leaders and managers work well together to create and maintain a joined-up system of care which delivers the right services to each child at the right time. This provides children and young people, their parents and the workforce with help, support and accountability.',
    },
  ],
  graded: { qis: ['2.1', '5.3', '5.4', '9.2'], areas: [] },
  // A local choice: each graded QI informs the line it is closest to.
  defaultMapping: {
    1: ['1.1', '2.1', '2.2', '5.3'],
    2: ['5.2', '5.3', '5.4', '6.3'],
    3: ['9.1', '9.2', '9.3', '9.4', '7.2', '6.4'],
  },
  indicatorLinks: 'mapping',
  document: { kind: 'not-published' },
};

/** Every model, oldest first; the first is the default, so workspaces written before models existed read as they did. */
export const inspectionModels: readonly InspectionModel[] = [careAndProtection2018, atRiskOfHarm2021, csoAtHome2025];

export const DEFAULT_INSPECTION_MODEL: InspectionModelId = 'care-and-protection-2018';

export const INSPECTION_MODEL_IDS = inspectionModels.map((model) => model.id);

export function findInspectionModel(id: string): InspectionModel | undefined {
  return inspectionModels.find((model) => model.id === id);
}

export function inspectionModel(id: InspectionModelId = DEFAULT_INSPECTION_MODEL): InspectionModel {
  return findInspectionModel(id)!;
}

/**
 * The position statement model B asks for (the Care Inspectorate's guide): a section per statement answering the
 * same three reflective questions, at most 5,000 words. Under model C, whose document is not in the sources,
 * the same shape serves, with its lines of enquiry for sections.
 */
export const positionStatement = {
  reflectiveQuestions: ['How good are we now?', 'How do we know?', 'What do we plan to do next?'],
  maxWords: 5000,
  /** Where the tool starts to warn: a tenth short of the limit. */
  warnWords: 4500,
} as const;
