export { buildPositionStatement, type PositionFormat, type PositionOptions, type PositionResult } from './build.js';
