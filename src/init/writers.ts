import type { WorkspaceSeed } from '../model/index.js';
import type { CarriedFiles } from './carried-files.js';
import type { InitTemplates } from './init-templates.js';
import { writeCsvWorkspace } from './write-csv.js';

/**
 * Turns a seed into a workspace's files in a (staging) folder and returns their paths inside it. The seed is the
 * same whatever the format; the writer is chosen by the command line.
 */
export type WorkspaceWriter = (folder: string, seed: WorkspaceSeed, templates: InitTemplates, carried?: CarriedFiles) => Promise<string[]>;

export type WorkspaceFormat = 'csv' | 'xlsx';

export const WORKSPACE_WRITERS: Readonly<Record<WorkspaceFormat, WorkspaceWriter>> = {
  csv: writeCsvWorkspace,
  // exceljs and JSZip are loaded only when a workbook is written.
  xlsx: async (...args) => (await import('./write-workbook.js')).writeWorkbookWorkspace(...args),
};
