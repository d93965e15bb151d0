import { format } from 'date-fns/format';
import { parseISO } from 'date-fns/parseISO';
import type { PublishedOutcomeShown, ReportModel } from '../model/index.js';
import { longDate } from './format.js';
import { dataQualityShown } from './view-data-quality.js';

/** The appendices before this one: 1 to 5 always, 6 (data quality) when the paper has it. */
const FIXED_APPENDICES = 5;

/** A report's date as far as it is known: a day in full, or its month alone ("February 2020"). */
const reportDate = (iso: string) => (/^\d{4}-\d{2}$/.test(iso) ? format(parseISO(iso), 'MMMM yyyy') : longDate(iso));

function outcomeView(outcome: PublishedOutcomeShown, model: ReportModel) {
  const areaTitle = (id: number) => model.framework.domains.flatMap((domain) => domain.areas).find((area) => area.id === id)?.title ?? '';
  return {
    partnership: outcome.partnership,
    qi: outcome.qi ?? '',
    area: outcome.area ?? '',
    // The QI as the paper's own edition titles it, so the appendix reads as the tables do.
    title: outcome.qi === undefined ? areaTitle(outcome.area!) : (model.qis.find((qi) => qi.id === outcome.qi)?.title ?? ''),
    word: outcome.word,
    date: outcome.reportDate === undefined ? '' : reportDate(outcome.reportDate),
    source: outcome.source,
    inferred: outcome.attribution === 'inferred',
    uncertain: outcome.attribution === 'uncertain',
  };
}

/**
 * The appendix of evaluations published under the chosen model (templates/partials/published-outcomes.md):
 * shown only when there are some, numbered after the appendices the paper has. Every field is present, so the
 * strict templates can test any of them.
 */
export function outcomesView(model: ReportModel) {
  const outcomes = model.publishedOutcomes.map((outcome) => outcomeView(outcome, model));
  return {
    show: outcomes.length > 0,
    appendix: FIXED_APPENDICES + (dataQualityShown(model) ? 2 : 1),
    model: model.inspection.name,
    outcomes,
    inferred: outcomes.some((outcome) => outcome.inferred),
    uncertain: outcomes.some((outcome) => outcome.uncertain),
  };
}
