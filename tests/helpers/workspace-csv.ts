import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';

/** Reads a fixture's CSV straight from disk, so expected values come from the inputs, not the code under test. */
export function readCsvRows(workspace: string, file: string): Record<string, string>[] {
  return parse(readFileSync(path.join(workspace, file), 'utf8'), { bom: true, columns: true, skip_empty_lines: true }) as Record<string, string>[];
}

export function readReportJson(workspace: string): Record<string, any> {
  return JSON.parse(readFileSync(path.join(workspace, 'report.json'), 'utf8'));
}
