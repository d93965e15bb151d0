import { evidenceListFor, qualityIndicators, type Council } from '../framework/index.js';
import { formatPeriod, TO_COMPLETE, type EvidenceSeedRow, type GradeSeedRow, type Period, type WorkspaceSeed } from '../model/index.js';
import { fillPlaceholders, type InitTemplates } from './init-templates.js';

/** The name of a council's area in words, as the partnership's name carries it: "Argyll and Bute". */
const placeOf = (council: Council) => council.onsName.replace(/ & /g, ' and ');

/** report.json for a council and period: names from the council table, every other required field to complete. */
export function newReport(council: Council, period: Period, templates: InitTemplates): Record<string, unknown> {
  return fillPlaceholders(templates.report, {
    council: council.councilName,
    place: placeOf(council),
    area: council.name,
    period: formatPeriod(period),
    toComplete: TO_COMPLETE,
  });
}

/** report.json's fields the next round sets back to complete: the template's markers, for the new period. */
export function nextRoundMarkers(period: Period, templates: InitTemplates): { meetingDate: unknown; recommendations: unknown } {
  const { meetingDate, recommendations } = templates.report;
  return fillPlaceholders({ meetingDate, recommendations }, { period: formatPeriod(period), toComplete: TO_COMPLETE });
}

/** One row per QI (the 22 and area 10) for the period, titled, to grade. */
export function emptyRound(period: Period): GradeSeedRow[] {
  return qualityIndicators.map((qi) => ({ period: formatPeriod(period), qi: qi.id, title: qi.title, grade: '', evaluatedOn: '', strengths: '', areasForImprovement: '' }));
}

/** Every item of a QI's list in Table 2, numbered from 1 as the list is, with no status yet. */
export function frameworkItems(qi: string): EvidenceSeedRow[] {
  return (evidenceListFor(qi)?.items ?? []).map((item, index) => ({ qi, itemNumber: index + 1, item, status: '', reviewedOn: '', reference: '' }));
}

/** A workspace to fill in: every QI to grade for the period, every Table 2 item to review; no figures yet. */
export function newWorkspaceSeed(council: Council, period: Period, templates: InitTemplates): WorkspaceSeed {
  return {
    report: newReport(council, period, templates),
    grades: emptyRound(period),
    evidence: qualityIndicators.flatMap((qi) => frameworkItems(qi.id)),
    figures: [],
  };
}
