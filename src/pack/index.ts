export { buildPapers, type BuildOptions, type OutputFormat } from './build.js';
export { paperBaseName, slug } from './file-names.js';
export { writeFileAtomically } from './write-file.js';
