export { blocksBuild, loadWorkspace, readWorkspace, WORKSPACE_FILES, type ReadOptions, type WorkspaceReading } from './workspace.js';
export { readGrades } from './grades.js';
export { readEvidence, matchEvidenceItem } from './evidence.js';
export { readDataset } from './dataset.js';
export { readSettings, defaultThresholds } from './settings.js';
export { readCsvTable } from './csv-table.js';
export { parseGrade, parseDate, parseNumber, parseQi } from './values.js';
export { readPackFile } from './pack-file.js';
