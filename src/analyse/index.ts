export { buildReportModel, questionMapping } from './report-model.js';
export { rateReadiness } from './readiness.js';
export { countEvidence, evidenceCoverage, evidenceGaps } from './evidence.js';
export { summariseIndicators, directionOf } from './indicators.js';
export { assessCapacity } from './capacity.js';
export { gradeHistories, movementBetween, nearestGrade } from './grades.js';
export { triangulate, TRIANGULATION_GRADES } from './triangulation.js';
