import { WORKBOOK_FILE, type WorkspaceSeed } from '../model/index.js';
import { writeDataFolder, writeInside, type CarriedFiles } from './carried-files.js';
import type { InitTemplates } from './init-templates.js';
import { workbookBytes } from './workbook-writer.js';

/**
 * Writes the seed as a workbook workspace: self-evaluation.xlsx (particulars, grades, evidence and figures, the
 * earlier round's dataset.csv among them), data/README.txt, and the carried files that stay files of their own
 * (indicators.csv, the published files in data/). Returns the paths written inside the folder.
 */
export async function writeWorkbookWorkspace(folder: string, seed: WorkspaceSeed, templates: InitTemplates, carried?: CarriedFiles): Promise<string[]> {
  await writeInside(folder, WORKBOOK_FILE, await workbookBytes(seed));
  return [WORKBOOK_FILE, ...(await writeDataFolder(folder, templates, carried, carried?.files ?? []))];
}
