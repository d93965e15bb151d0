import { qualityIndicators } from './structure.js';
import type { FrameworkEdition, FrameworkEditionId, QiId, QualityIndicator, TitleCheck } from './types.js';

/*
 * The framework's two editions. The structure (10 areas, 22 QIs, the scale) is the same; as far as public text
 * shows, only 5.4's title differs. What each title was checked against: docs/sources/inspection-models.md.
 */

const DRAFT_SOURCE = 'the 2018 consultation draft, as tabled in the committee paper of 27 June 2018';
const LATER_SOURCE = 'Care Inspectorate text after 2019: The Guide – further information: quality framework (5214); What will we look at on inspection (8248)';
const PROBABLE_SOURCE = 'Care Inspectorate, What will we look at on inspection (8248, 2025); the 2019 edition itself could not be read';

/** QIs whose titles later Care Inspectorate text gives unchanged. */
const CONFIRMED_SINCE_2019: readonly QiId[] = ['1.1', '2.1', '2.2', '5.3', '9.2'];

const draft: FrameworkEdition = {
  id: '2018-draft',
  name: 'Quality Improvement Framework for children’s services',
  edition: 'Care Inspectorate, 2018 consultation draft',
  note: 'Titles of QIs 1.1, 2.1 and 2.2 match the framework published in 2019; the others are the 2018 draft titles.',
  retitled: {},
  titleChecks: qualityIndicators.map((qi) => ({ qi: qi.id, status: 'verified', source: DRAFT_SOURCE })),
};

const revised: FrameworkEdition = {
  id: '2019-revised',
  name: 'quality framework for children and young people in need of care and protection',
  edition: 'Care Inspectorate, revised 2019',
  note: 'Titles of QIs 1.1, 2.1, 2.2, 5.3 and 9.2 are confirmed in later Care Inspectorate text and 5.4’s is probable; the others are the 2018 draft titles, not checked against the 2019 edition.',
  retitled: { '5.4': 'Involving individual children, young people and families' },
  titleChecks: qualityIndicators.map((qi): TitleCheck => {
    if (CONFIRMED_SINCE_2019.includes(qi.id)) return { qi: qi.id, status: 'verified', source: LATER_SOURCE };
    if (qi.id === '5.4') return { qi: qi.id, status: 'probable', source: PROBABLE_SOURCE };
    return { qi: qi.id, status: 'unchecked', source: DRAFT_SOURCE };
  }),
};

export const frameworkEditions: readonly FrameworkEdition[] = [draft, revised];

export const DEFAULT_FRAMEWORK_EDITION: FrameworkEditionId = '2018-draft';

export const FRAMEWORK_EDITION_IDS = frameworkEditions.map((edition) => edition.id);

export function findFrameworkEdition(id: string): FrameworkEdition | undefined {
  return frameworkEditions.find((edition) => edition.id === id);
}

export function frameworkEdition(id: FrameworkEditionId = DEFAULT_FRAMEWORK_EDITION): FrameworkEdition {
  return findFrameworkEdition(id)!;
}

/** The QIs with their titles in the given edition. */
export function qualityIndicatorsIn(edition: FrameworkEdition): QualityIndicator[] {
  return qualityIndicators.map((qi) => ({ ...qi, title: edition.retitled[qi.id] ?? qi.title }));
}
