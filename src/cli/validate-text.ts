import { hasRowCounts, levelOf, summaryName, type FileSummary } from '../model/index.js';
import type { WorkspaceCheck } from '../pack/index.js';

const COLUMNS = ['file', 'rows', 'accepted', 'rejected', 'not used', 'read as'] as const;
const count = (value: number) => value.toLocaleString('en-GB');

function cells(summary: FileSummary): string[] {
  const readAs = summary.sheet !== undefined ? 'Excel workbook' : summary.encoding ? [summary.encoding, summary.delimiter].filter(Boolean).join(', ') : 'not read';
  const numbers = hasRowCounts(summary) ? [summary.rows, summary.accepted, summary.rejected, summary.notUsed].map(count) : ['–', '–', '–', '–'];
  return [summaryName(summary), ...numbers, readAs];
}

/** The per-file summary `validate` prints: rows read, accepted, rejected and not used, and how each file was read. */
export function validationText(check: WorkspaceCheck): string {
  const table = [[...COLUMNS], ...check.files.map(cells)];
  const widths = COLUMNS.map((_, column) => Math.max(...table.map((row) => row[column]!.length)));
  const lines = table.map((row) => `  ${row.map((cell, column) => (column === 0 || column === row.length - 1 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ').trimEnd()}`);
  return `${check.directory}\n${lines.join('\n')}\n  ${verdict(check)}\n`;
}

function verdict(check: WorkspaceCheck): string {
  const errors = check.problems.filter((problem) => levelOf(problem) !== 'warning');
  const warnings = check.problems.length - errors.length;
  const rejectedRows = check.files.reduce((sum, file) => sum + file.rejected, 0);
  const parts = [
    errors.length > 0 ? `${errors.length} problem${errors.length === 1 ? '' : 's'}` : 'no problems',
    rejectedRows > 0 ? `${rejectedRows} row${rejectedRows === 1 ? '' : 's'} rejected` : undefined,
    warnings > 0 ? `${warnings} warning${warnings === 1 ? '' : 's'}` : undefined,
  ].filter(Boolean);
  const next = check.buildable
    ? errors.length > 0 ? 'a lenient build would leave the rejected rows out and list them in the paper' : 'ready to build'
    : 'fix the problems listed and run validate again';
  return `${parts.join(', ')}: ${next}.`;
}
