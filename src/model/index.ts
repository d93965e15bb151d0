export * from './problem.js';
export * from './intake.js';
export * from './period.js';
export * from './records.js';
export * from './report-model.js';
export * from './spc.js';
export * from './pack.js';
export * from './decimal.js';
