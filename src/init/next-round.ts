import { frameworkEdition, gradeWord, qualityIndicators, qualityIndicatorsIn, type FrameworkEditionId } from '../framework/index.js';
import { formatPeriod, SHEETS, WORKBOOK_FILE, type SourceRow, type EvidenceRecord, type EvidenceSeedRow, type FigureSeedRow, type GradeSeedRow, type Period, type Workspace, type WorkspaceSeed } from '../model/index.js';
import { WORKSPACE_FILES } from '../ingest/index.js';
import type { InitTemplates } from './init-templates.js';
import { emptyRound, frameworkItems, nextRoundMarkers, withFramework } from './seed.js';

/**
 * The next round of a workspace that reads cleanly: its report.json (as written) carried over for the new period
 * with the meeting date and recommendations to complete; every earlier grade kept and a new round to grade;
 * the evidence carried forward with its statuses, dates and references, so the officer updates rather than
 * retypes; the figures of its dataset.csv or its workbook's Figures sheet (published files are copied as they are).
 */
export function nextRoundSeed(previous: Workspace, report: Record<string, unknown>, period: Period, templates: InitTemplates, chosen?: FrameworkEditionId): WorkspaceSeed {
  // The earlier round's edition, unless the command line chooses another; every row is titled from it.
  const edition = chosen ?? previous.settings.frameworkEdition;
  const titles = new Map(qualityIndicatorsIn(frameworkEdition(edition)).map((qi) => [qi.id, qi.title]));
  // Spread over the old object, the changed keys keep their places in the file.
  const carried = { ...report, period: formatPeriod(period), ...nextRoundMarkers(period, templates) };
  return {
    report: chosen === undefined ? carried : withFramework(carried, chosen),
    grades: [...previous.grades.map((grade) => keptGrade(grade, titles)), ...emptyRound(period, edition)],
    evidence: carriedEvidence(previous.evidence),
    figures: previous.dataset.filter((record) => isLongFormFigure(record.row)).map(keptFigure),
  };
}

const keptGrade = (grade: Workspace['grades'][number], titles: ReadonlyMap<string, string>): GradeSeedRow => ({
  period: formatPeriod(grade.period),
  qi: grade.qi,
  title: titles.get(grade.qi) ?? '',
  grade: gradeWord(grade.grade),
  evaluatedOn: grade.evaluatedOn,
  strengths: grade.strengths,
  areasForImprovement: grade.areasForImprovement,
});

/**
 * QI by QI in the framework's order: every item of Table 2, with what the last round recorded for it (an item it
 * had no row for starts empty, to review), then the partnership's own items in the order they were listed.
 */
function carriedEvidence(records: readonly EvidenceRecord[]): EvidenceSeedRow[] {
  const recorded = (qi: string, item: string) => records.find((record) => record.qi === qi && !record.local && record.item === item);
  return qualityIndicators.flatMap((qi) => [
    ...frameworkItems(qi.id).map((row) => {
      const record = recorded(qi.id, row.item);
      return record ? { ...row, ...recordedState(record) } : row;
    }),
    ...records.filter((record) => record.qi === qi.id && record.local).map((record) => ({ qi: qi.id, item: record.item, ...recordedState(record) })),
  ]);
}

const recordedState = (record: EvidenceRecord) => ({ status: record.status, reviewedOn: record.reviewedOn ?? '', reference: record.reference ?? '' });

const keptFigure = (record: Workspace['dataset'][number]): FigureSeedRow => ({
  indicator: record.indicator,
  area: record.area,
  period: formatPeriod(record.period),
  value: record.value,
  ...(record.numerator === undefined ? {} : { numerator: record.numerator }),
  ...(record.denominator === undefined ? {} : { denominator: record.denominator }),
  source: record.source ?? '',
});

/** A figure typed in long form by the partnership (dataset.csv, the Figures sheet), not one imported from data/. */
const isLongFormFigure = (row: SourceRow) => row.file === WORKSPACE_FILES.dataset || (row.file === WORKBOOK_FILE && row.sheet === SHEETS.figures);
