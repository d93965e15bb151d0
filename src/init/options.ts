import { FRAMEWORK_EDITION_IDS, findCouncil, findInspectionModel, INSPECTION_MODEL_IDS, type Council, type FrameworkEditionId, type InspectionModel } from '../framework/index.js';
import { formatPeriod, parsePeriod, type InputProblem, type Period } from '../model/index.js';
import { choiceHint, councilHint, periodExpectation } from '../ingest/index.js';

/** A value read from an option, or the one problem that says why it cannot be. */
export type OptionValue<T> = { ok: true; value: T } | { ok: false; problem: InputProblem };

/** --area, matched as report.json's councils are ("City of Edinburgh", "Edinburgh City", "Western Isles"). */
export function councilOption(text: string | undefined, fromWorkspace: boolean): OptionValue<Council | undefined> {
  if (text === undefined) {
    return fromWorkspace ? { ok: true, value: undefined } : { ok: false, problem: { file: '--area', reason: 'no council is given', expected: '--area and the council, e.g. --area Fife; or --from and an earlier workspace, to start its next round' } };
  }
  const council = findCouncil(text);
  return council
    ? { ok: true, value: council }
    : { ok: false, problem: { file: '--area', reason: `"${text}" is not a Scottish council${councilHint(text)}`, expected: 'one of the 32 councils, e.g. Fife, "City of Edinburgh" or "Na h-Eileanan Siar"' } };
}

/** --framework, an edition's id as report.json's "framework" takes it; undefined when not given. */
export function frameworkOption(text: string | undefined): OptionValue<FrameworkEditionId | undefined> {
  if (text === undefined || (FRAMEWORK_EDITION_IDS as readonly string[]).includes(text)) return { ok: true, value: text as FrameworkEditionId | undefined };
  return { ok: false, problem: { file: '--framework', reason: `"${text}" is not a known framework edition${choiceHint(text, FRAMEWORK_EDITION_IDS)}`, expected: `one of ${FRAMEWORK_EDITION_IDS.join(', ')} (see qif-report framework)` } };
}

/** --period, read as grades.csv's periods are. */
export function periodOption(text: string): OptionValue<Period> {
  const period = parsePeriod(text);
  return period ? { ok: true, value: period } : { ok: false, problem: { file: '--period', reason: `"${text}" is not a reporting period`, expected: periodExpectation } };
}

/** The round after a period: the next quarter of a quarter, the next year of a year. */
export function followingPeriod(period: Period): Period {
  if (!period.quarter) return { startYear: period.startYear + 1 };
  return period.quarter === 4 ? { startYear: period.startYear + 1, quarter: 1 } : { startYear: period.startYear, quarter: (period.quarter + 1) as Period['quarter'] };
}

export function laterPeriodProblem(period: Period, previous: Period, reportFile: string): InputProblem {
  return {
    file: '--period',
    reason: `${formatPeriod(period)} is not after ${formatPeriod(previous)}, the period of ${reportFile}`,
    expected: `the round after the one the workspace reports, e.g. ${formatPeriod(followingPeriod(previous))}`,
  };
}

/** --model, one of the inspection models' ids. */
export function modelOption(text: string | undefined): OptionValue<InspectionModel | undefined> {
  if (text === undefined) return { ok: true, value: undefined };
  const model = findInspectionModel(text.trim());
  if (!model) return { ok: false, problem: { file: '--model', reason: `"${text}" is not an inspection model`, expected: `one of ${INSPECTION_MODEL_IDS.join(', ')} (qif-report framework lists them)` } };
  return { ok: true, value: model };
}
