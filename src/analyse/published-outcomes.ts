import { DEFAULT_INSPECTION_MODEL, outcomesUnder, type InspectionModelId, type PublishedOutcome } from '../framework/index.js';
import type { PublishedOutcomeShown } from '../model/index.js';

const shown = (outcome: PublishedOutcome): PublishedOutcomeShown => ({
  partnership: outcome.partnership,
  ...(outcome.reportDate === undefined ? {} : { reportDate: outcome.reportDate }),
  ...('qi' in outcome.evaluated ? { qi: outcome.evaluated.qi } : { area: outcome.evaluated.area }),
  grade: outcome.grade,
  word: outcome.word,
  source: outcome.source,
  attribution: outcome.attribution,
});

/**
 * The evaluations published under the model, for the paper's appendix: context, never a rank or a prediction.
 * None for the default model: its papers stay byte for byte as they were before models existed, and the one
 * listing under it (Orkney, 2020) is a local news report of the inspection report, not the report itself.
 */
export function publishedOutcomes(model: InspectionModelId): PublishedOutcomeShown[] {
  return model === DEFAULT_INSPECTION_MODEL ? [] : outcomesUnder(model).map(shown);
}
