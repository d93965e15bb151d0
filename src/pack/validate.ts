import { readWorkspace, type ReadOptions, type WorkspaceReading } from '../ingest/index.js';

export interface WorkspaceCheck extends WorkspaceReading {
  directory: string;
  /** True when a build with the same options would go ahead. */
  buildable: boolean;
}

/** Reads each workspace as a build would, writing nothing, so the officer gets the whole list at once. */
export async function validateWorkspaces(workspaceDirs: readonly string[], options: ReadOptions = {}): Promise<WorkspaceCheck[]> {
  const checks: WorkspaceCheck[] = [];
  for (const directory of workspaceDirs) {
    const reading = await readWorkspace(directory, options);
    checks.push({ directory, ...reading, buildable: reading.workspace !== undefined });
  }
  return checks;
}
