import type { InspectionModelId } from '../framework/index.js';
import type { ReadinessReason, SpcRule, TriangulationCode } from '../model/index.js';
import { INSPECTION_PARTS } from './view-inspection.js';

/** One key for each member of a union: the compiler refuses the list if the model gains a code it lacks. */
type Every<Code extends string> = Record<Code, true>;

const REASONS: Every<ReadinessReason['code']> = {
  'weak-grades': true, ungraded: true, 'evidence-too-thin': true, 'grades-below-ready': true, 'not-regraded': true,
  'grade-rejected': true, 'not-evaluated': true, 'evidence-incomplete': true, 'grades-meet-ready': true, 'evidence-sufficient': true,
};
const FINDINGS: Every<TriangulationCode> = {
  'grade-not-supported': true, 'may-undersell': true, consistent: true, 'no-grades': true, 'all-context': true, 'none-judged': true,
};
const SPC_RULES: Every<SpcRule> = { 'beyond-limits': true, run: true, trend: true };
const MODELS: Every<InspectionModelId> = { 'care-and-protection-2018': true, 'at-risk-of-harm-2021': true, 'cso-at-home-2025': true };

/**
 * The partials the view names for the templates to look up (`{{> (lookup . "partial")}}`): one for each
 * readiness reason, triangulation finding and SPC rule, and the parts of the paper that describe each inspection model. Which are asked for depends on the data, so a folder
 * that looks partials up must have them all, checked when it is loaded rather than when a paper needs one.
 */
export const VIEW_PARTIALS: readonly string[] = [
  ...Object.keys(REASONS).map((code) => `reason-${code}`),
  ...Object.keys(FINDINGS).map((code) => `triangulation-${code}`),
  ...Object.keys(SPC_RULES).map((rule) => `spc-${rule}`),
  ...Object.keys(MODELS).flatMap((id) => INSPECTION_PARTS.map((part) => `inspection-${id}-${part}`)),
];
