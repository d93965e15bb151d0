import { changesFrom2014 } from './crosswalk.js';
import { evidenceLists } from './evidence.js';
import { frameworkEditions } from './editions.js';
import { inspectionModels, positionStatement } from './inspection-models.js';
import { outcomesUnder } from './inspection-outcomes.js';
import { scale } from './scale.js';
import { areas, domains, qualityIndicators } from './structure.js';
import { indicatorCatalogue } from './indicators.js';

export * from './types.js';
export * from './scale.js';
export * from './structure.js';
export * from './inspection-models.js';
export * from './editions.js';
export * from './inspection-outcomes.js';
export { evidenceLists } from './evidence.js';
export { changesFrom2014 } from './crosswalk.js';
export * from './indicators.js';
export * from './councils.js';

/** The whole framework as one plain object: what `qif-report framework --json` prints. */
export const framework = {
  editions: frameworkEditions,
  scale,
  domains,
  areas,
  qualityIndicators,
  evidence: evidenceLists,
  // Each model with its mapping marked as the partnership's own choice, and the evaluations published under it.
  inspectionModels: inspectionModels.map((model) => ({ ...model, defaultMapping: { local: true, items: model.defaultMapping }, publishedOutcomes: outcomesUnder(model.id) })),
  positionStatement,
  changesFrom2014,
  indicatorCatalogue,
} as const;

export type Framework = typeof framework;

export function evidenceListFor(qi: string) {
  return evidenceLists.find((list) => list.qi === qi);
}
