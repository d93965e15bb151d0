import type { InspectionQuestion, QiId, QuestionMapping } from './types.js';

export const inspectionQuestions: readonly InspectionQuestion[] = [
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
];

/**
 * No official mapping from the five questions to QIs was published: this default is a local choice
 * (domain.md §4), which a workspace may override in report.json.
 */
export const defaultQuestionMapping: QuestionMapping = {
  1: ['5.1', '5.2', '6.1', '2.1'],
  2: ['5.3', '5.4', '2.1', '2.2', '1.1'],
  3: ['1.1', '2.1', '5.3', '5.4', '8.2'],
  4: ['1.1', '2.1', '5.3', '5.4'],
  5: ['9.1', '9.2', '9.3', '9.4', '6.2', '6.3', '6.4', '6.5', '7.1', '7.2', '8.1', '8.2', '3.1', '4.1'],
};

/** What inspectors graded in the 2018–20 joint inspections: three QIs and area 9 as a whole. */
export const inspectorGradedQis: readonly QiId[] = ['1.1', '2.1', '2.2'];
export const inspectorGradedAreas: readonly number[] = [9];
