import { changesFrom2014 } from './crosswalk.js';
import { evidenceLists } from './evidence.js';
import { defaultQuestionMapping, inspectionQuestions, inspectorGradedAreas, inspectorGradedQis } from './questions.js';
import { scale } from './scale.js';
import { areas, domains, qualityIndicators } from './structure.js';
import { indicatorCatalogue } from './indicators.js';

export * from './types.js';
export * from './scale.js';
export * from './structure.js';
export * from './questions.js';
export { evidenceLists } from './evidence.js';
export { changesFrom2014 } from './crosswalk.js';
export * from './indicators.js';
export * from './councils.js';

export const frameworkVersion = {
  name: 'Quality Improvement Framework for children’s services',
  edition: 'Care Inspectorate, 2018 consultation draft',
  note: 'Titles of QIs 1.1, 2.1 and 2.2 match the framework published in 2019; the others are the 2018 draft titles.',
} as const;

/** The whole framework as one plain object: what `qif-report framework --json` prints. */
export const framework = {
  version: frameworkVersion,
  scale,
  domains,
  areas,
  qualityIndicators,
  evidence: evidenceLists,
  inspectionQuestions,
  defaultQuestionMapping: { local: true, questions: defaultQuestionMapping },
  inspectorGraded: { qis: inspectorGradedQis, areas: inspectorGradedAreas },
  changesFrom2014,
  indicatorCatalogue,
} as const;

export type Framework = typeof framework;

export function evidenceListFor(qi: string) {
  return evidenceLists.find((list) => list.qi === qi);
}
