import { evidenceListFor } from '../framework/index.js';
import type { EvidenceRecord, EvidenceStatus, InputProblem } from '../model/index.js';
import { readTable, type FileTally, type TableInput } from './csv-table.js';
import { DuplicateFinder, RowReader } from './row-reader.js';
import { parseDate, parseQi, type Parsed } from './values.js';

export const evidenceColumns = [
  { name: 'qi', required: true, aliases: ['quality indicator'] },
  { name: 'item', required: true, aliases: ['evidence', 'evidence item'] },
  { name: 'status', required: true, aliases: ['evidence status'] },
  { name: 'reviewed_on', required: false, aliases: ['reviewed', 'date reviewed'] },
  { name: 'reference', required: false, aliases: ['location', 'link'] },
] as const;

const STATUSES: readonly EvidenceStatus[] = ['held', 'partial', 'missing'];

function parseStatus(text: string): Parsed<EvidenceStatus> {
  const status = STATUSES.find((s) => s === text.trim().toLowerCase());
  return status ? { ok: true, value: status } : { ok: false, expected: 'held, partial or missing' };
}

/** Case, spacing and the style of quotes do not matter: the framework's own lists mix ' and ’. */
const squash = (text: string) => text.trim().replace(/\s+/g, ' ').replace(/[‘’]/g, "'").replace(/[“”]/g, '"').toLowerCase();

/**
 * The framework's own wording of an item, matched loosely; or the item's number in the QI's list.
 * Anything else is the partnership's own (local) evidence, which the framework's lists invite.
 */
export function matchEvidenceItem(qi: string, text: string): { item: string; local: boolean } | { outOfRange: number } {
  const items = evidenceListFor(qi)?.items ?? [];
  const trimmed = text.trim().replace(/\s+/g, ' ');
  if (/^\d+$/.test(trimmed)) {
    const item = items[Number(trimmed) - 1];
    return item ? { item, local: false } : { outOfRange: items.length };
  }
  const listed = items.find((item) => squash(item) === squash(trimmed));
  return listed ? { item: listed, local: false } : { item: trimmed, local: true };
}

export function readEvidence(file: string, text: TableInput, problems: InputProblem[], tally?: FileTally): EvidenceRecord[] {
  const table = readTable(file, text, evidenceColumns, problems, { tally, warnUnknownColumns: true });
  const duplicates = new DuplicateFinder();
  const evidence: EvidenceRecord[] = [];
  for (const row of table.rows) {
    const read = new RowReader(file, table, row, problems);
    const qi = read.required('qi', parseQi);
    const itemText = read.text('item');
    const status = read.required('status', parseStatus);
    const reviewedOn = read.optional('reviewed_on', parseDate);
    if (itemText === '') read.report('item', 'item is empty', 'the evidence item, in the framework’s words or as its number in the QI’s list');
    if (!qi || itemText === '') continue;
    const match = matchEvidenceItem(qi, itemText);
    if ('outOfRange' in match) {
      read.report('item', `QI ${qi} has no evidence item number ${itemText}`, match.outOfRange ? `a number from 1 to ${match.outOfRange}` : 'the item’s text (this QI has no list in the framework)');
      continue;
    }
    const first = duplicates.firstLineOf(`${qi}|${match.item.toLowerCase()}`, row.line);
    if (first !== undefined) read.report('item', `evidence item "${match.item}" for QI ${qi} is listed twice (${read.bothLines(first)})`, 'one row per evidence item');
    if (!read.ok || !status) continue;
    const reference = read.text('reference');
    evidence.push({ qi, ...match, status, reviewedOn, reference: reference || undefined, source: read.source });
  }
  return evidence;
}
