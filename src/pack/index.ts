export { buildPapers, type BuildOptions, type BuildResult, type OutputFormat } from './build.js';
export { paperBaseName, slug } from './file-names.js';
export { writeFileAtomically } from './write-file.js';
export { validateWorkspaces, type WorkspaceCheck } from './validate.js';
