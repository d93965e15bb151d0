export { buildPapers, type BuildOptions, type BuildResult, type OutputFormat } from './build.js';
export { agendaFileName, paperBaseName, plainFileName, slug } from './file-names.js';
export { replaceFolder, writeFileAtomically } from '../files/write-file.js';
export { validateWorkspaces, type WorkspaceCheck } from './validate.js';
export { buildPack, packName, type PackOptions, type PackResult, type PackFailure } from './agenda-pack.js';
export { defaultWorkers, runJobs, workersFor, type JobResult } from './pool.js';
export type { Manifest } from './manifest.js';
export { outFolderProblem } from '../files/out-folder.js';
