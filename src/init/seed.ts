import { evidenceListFor, frameworkEdition, qualityIndicators, qualityIndicatorsIn, type Council, type FrameworkEditionId } from '../framework/index.js';
import { formatPeriod, TO_COMPLETE, type EvidenceSeedRow, type GradeSeedRow, type Period, type WorkspaceSeed } from '../model/index.js';
import { fillPlaceholders, type InitTemplates } from './init-templates.js';

/** The name of a council's area in words, as the partnership's name carries it: "Argyll and Bute". */
const placeOf = (council: Council) => council.onsName.replace(/ & /g, ' and ');

/**
 * report.json for a council and period: names from the council table, every other required field to complete;
 * the framework edition when one was chosen (left out otherwise, so the default workspace is as before).
 */
export function newReport(council: Council, period: Period, templates: InitTemplates, edition?: FrameworkEditionId): Record<string, unknown> {
  const report = fillPlaceholders(templates.report, {
    council: council.councilName,
    place: placeOf(council),
    area: council.name,
    period: formatPeriod(period),
    toComplete: TO_COMPLETE,
  });
  return edition === undefined ? report : withFramework(report, edition);
}

/** The report with `"framework"` set: in its place if it has one, else just after the period, where it is read with it. */
export function withFramework(report: Record<string, unknown>, edition: FrameworkEditionId): Record<string, unknown> {
  if ('framework' in report || !('period' in report)) return { ...report, framework: edition };
  return Object.fromEntries(Object.entries(report).flatMap(([key, value]) => (key === 'period' ? [[key, value], ['framework', edition]] : [[key, value]])));
}

/** report.json's fields the next round sets back to complete: the template's markers, for the new period. */
export function nextRoundMarkers(period: Period, templates: InitTemplates): { meetingDate: unknown; recommendations: unknown } {
  const { meetingDate, recommendations } = templates.report;
  return fillPlaceholders({ meetingDate, recommendations }, { period: formatPeriod(period), toComplete: TO_COMPLETE });
}

/** One row per QI (the 22 and area 10) for the period, titled as the workspace's edition titles them, to grade. */
export function emptyRound(period: Period, edition?: FrameworkEditionId): GradeSeedRow[] {
  return qualityIndicatorsIn(frameworkEdition(edition)).map((qi) => ({ period: formatPeriod(period), qi: qi.id, title: qi.title, grade: '', evaluatedOn: '', strengths: '', areasForImprovement: '' }));
}

/** Every item of a QI's list in Table 2, numbered from 1 as the list is, with no status yet. */
export function frameworkItems(qi: string): EvidenceSeedRow[] {
  return (evidenceListFor(qi)?.items ?? []).map((item, index) => ({ qi, itemNumber: index + 1, item, status: '', reviewedOn: '', reference: '' }));
}

/** A workspace to fill in: every QI to grade for the period, every Table 2 item to review; no figures yet. */
export function newWorkspaceSeed(council: Council, period: Period, templates: InitTemplates, edition?: FrameworkEditionId): WorkspaceSeed {
  return {
    report: newReport(council, period, templates, edition),
    grades: emptyRound(period, edition),
    evidence: qualityIndicators.flatMap((qi) => frameworkItems(qi.id)),
    figures: [],
  };
}
