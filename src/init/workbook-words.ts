import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The shipped templates' workbook folder: the words of the workbook init writes live there, not in code. */
export const WORKBOOK_TEMPLATES_DIR = fileURLToPath(new URL('../../templates/workbook/', import.meta.url));

/** A drop-down's or date cell's words: shown as the cell is selected, and when a value is refused. */
export interface ValidationWords {
  title: string;
  prompt: string;
  error: string;
}

export interface WorkbookLabels {
  statuses: Record<'held' | 'partial' | 'missing', string>;
  validation: Record<'grade' | 'status' | 'date' | 'itemNumber', ValidationWords>;
  /** "What it is" for each Particulars field, by field name (`mapping`, `implications` for theirs). */
  particulars: Record<string, string>;
}

export interface WorkbookWords {
  labels: WorkbookLabels;
  /** read-me.md, a Handlebars template of the "Read me" sheet. */
  readMe: string;
}

/** The workbook's words from a folder shaped as templates/workbook (read-me.md, labels.json). */
export async function readWorkbookWords(directory = WORKBOOK_TEMPLATES_DIR): Promise<WorkbookWords> {
  const [labels, readMe] = await Promise.all([
    readFile(path.join(directory, 'labels.json'), 'utf8'),
    readFile(path.join(directory, 'read-me.md'), 'utf8'),
  ]);
  return { labels: JSON.parse(labels) as WorkbookLabels, readMe };
}
