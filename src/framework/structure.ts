import type { Area, Domain, QualityIndicator, QiId } from './types.js';

// Table 1 of the 2018 draft. Titles are the paper's; the areas' spelling is tidied as in domain.md §2.
export const domains: readonly Domain[] = [
  { id: 1, keyQuestion: 'What key outcomes have we achieved?', areas: [1] },
  { id: 2, keyQuestion: 'How well do we meet the needs of our stakeholders?', areas: [2, 3, 4] },
  { id: 3, keyQuestion: 'How good is our delivery of services for children, young people and families?', areas: [5] },
  { id: 4, keyQuestion: 'How good is our operational management?', areas: [6, 7, 8] },
  { id: 5, keyQuestion: 'How good is our leadership?', areas: [9] },
  { id: 6, keyQuestion: 'What is our capacity for improvement?', areas: [10] },
];

export const areas: readonly Area[] = [
  { id: 1, title: 'Key performance outcomes', domain: 1 },
  { id: 2, title: 'Impact on children, young people and families', domain: 2 },
  { id: 3, title: 'Impact on staff', domain: 2 },
  { id: 4, title: 'Impact on the community', domain: 2 },
  { id: 5, title: 'Delivery of key processes', domain: 3 },
  { id: 6, title: 'Policy, service development and planning', domain: 4 },
  { id: 7, title: 'Management and support of staff', domain: 4 },
  { id: 8, title: 'Partnership and resources', domain: 4 },
  { id: 9, title: 'Leadership and direction', domain: 5 },
  { id: 10, title: 'Capacity for improvement', domain: 6 },
];

/** The 22 QIs, then area 10, which the framework grades as a whole. */
export const qualityIndicators: readonly QualityIndicator[] = [
  { id: '1.1', area: 1, title: 'Improvements in the safety, wellbeing and life chances of vulnerable children and young people' },
  { id: '2.1', area: 2, title: 'Impact on children and young people' },
  { id: '2.2', area: 2, title: 'Impact on families' },
  { id: '3.1', area: 3, title: 'Impact on staff' },
  { id: '4.1', area: 4, title: 'Impact on the community' },
  { id: '5.1', area: 5, title: 'Initial response' },
  { id: '5.2', area: 5, title: 'Assessing risk and need' },
  { id: '5.3', area: 5, title: 'Care planning, managing risk and effective intervention' },
  { id: '5.4', area: 5, title: 'Involving children, young people and families' },
  { id: '6.1', area: 6, title: 'Policy, procedures and legal measures' },
  { id: '6.2', area: 6, title: 'Planning and improving services' },
  { id: '6.3', area: 6, title: 'Participation of children, young people, families and other stakeholders' },
  { id: '6.4', area: 6, title: 'Performance management and quality assurance' },
  { id: '6.5', area: 6, title: 'Self-evaluation' },
  { id: '7.1', area: 7, title: 'Recruitment, deployment and joint working' },
  { id: '7.2', area: 7, title: 'Workforce development and support' },
  { id: '8.1', area: 8, title: 'Management of resources' },
  { id: '8.2', area: 8, title: 'Commissioning arrangements' },
  { id: '9.1', area: 9, title: 'Vision, values and aims' },
  { id: '9.2', area: 9, title: 'Leadership of strategy and direction' },
  { id: '9.3', area: 9, title: 'Leadership of people and partnerships' },
  { id: '9.4', area: 9, title: 'Leadership of improvement and change' },
  { id: '10', area: 10, title: 'What is our capacity for improvement?' },
];

/** Area 10 is a global judgement on the other QIs, so most analyses leave it out. */
export const CAPACITY_QI: QiId = '10';

export const gradedQualityIndicators = qualityIndicators.filter((qi) => qi.id !== CAPACITY_QI);

export function findQualityIndicator(id: QiId): QualityIndicator | undefined {
  return qualityIndicators.find((qi) => qi.id === id);
}

export function findArea(id: number): Area | undefined {
  return areas.find((area) => area.id === id);
}
