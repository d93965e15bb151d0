import { evidenceListFor } from '../framework/index.js';
import type { EvidenceRecord, EvidenceStatus, InputProblem } from '../model/index.js';
import { readTable, type FileTally, type TableInput } from './csv-table.js';
import { DuplicateFinder, RowReader } from './row-reader.js';
import { parseDate, parseQi, type Parsed } from './values.js';

export const evidenceColumns = [
  { name: 'qi', required: true, aliases: ['quality indicator'] },
  // The item's number in the QI's list, as init writes it: when given it decides the item.
  { name: 'item_number', required: false, aliases: ['item no', 'number'] },
  { name: 'item', required: true, aliases: ['evidence', 'evidence item'] },
  { name: 'status', required: true, aliases: ['evidence status'] },
  { name: 'reviewed_on', required: false, aliases: ['reviewed', 'date reviewed'] },
  { name: 'reference', required: false, aliases: ['location', 'link'] },
] as const;

const STATUSES: readonly EvidenceStatus[] = ['held', 'partial', 'missing'];

type ItemMatch = { item: string; local: boolean };

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
export function matchEvidenceItem(qi: string, text: string): ItemMatch | { outOfRange: number } {
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
    const numberText = read.text('item_number');
    // An empty status is an item not yet evaluated: read, counted apart, and never taken as held.
    const notYet = !table.missing.has('status') && read.text('status') === '';
    const status: EvidenceStatus | undefined = notYet ? 'not-evaluated' : read.required('status', parseStatus);
    const reviewedOn = read.optional('reviewed_on', parseDate);
    if (itemText === '' && numberText === '') read.report('item', 'item is empty', 'the evidence item, in the framework’s words or as its number in the QI’s list');
    if (!qi || (itemText === '' && numberText === '')) continue;
    const match = numberText === '' ? itemByText(read, qi, itemText) : itemByNumber(read, qi, numberText, itemText);
    if (!match) continue;
    const first = duplicates.firstLineOf(`${qi}|${match.item.toLowerCase()}`, row.line);
    if (first !== undefined) read.report(numberText === '' ? 'item' : 'item_number', `evidence item "${match.item}" for QI ${qi} is listed twice (${read.bothLines(first)})`, 'one row per evidence item');
    if (!read.ok || !status) continue;
    const reference = read.text('reference');
    evidence.push({ qi, ...match, status, reviewedOn, reference: reference || undefined, source: read.source });
  }
  return evidence;
}

/** The item as `item` names it: the framework's words, its number, or the partnership's own. */
function itemByText(read: RowReader, qi: string, itemText: string): ItemMatch | undefined {
  const match = matchEvidenceItem(qi, itemText);
  if (!('outOfRange' in match)) return match;
  return read.report('item', `QI ${qi} has no evidence item number ${itemText}`, match.outOfRange ? `a number from 1 to ${match.outOfRange}` : 'the item’s text (this QI has no list in the framework)');
}

/**
 * The item as `item_number` names it, which decides; the wording beside it is for the eye, but wording that
 * is plainly another of the QI's items is pointed out, as one of the two is a slip.
 */
function itemByNumber(read: RowReader, qi: string, numberText: string, itemText: string): ItemMatch | undefined {
  const items = evidenceListFor(qi)?.items ?? [];
  const expected = items.length ? `a number from 1 to ${items.length}` : 'item_number left empty and the item’s text in item (this QI has no list in the framework)';
  if (!/^\d+$/.test(numberText)) return read.report('item_number', `item_number "${numberText}" is not valid`, expected);
  const item = items[Number(numberText) - 1];
  if (!item) return read.report('item_number', `QI ${qi} has no evidence item number ${numberText}`, expected);
  const worded = itemText === '' ? undefined : matchEvidenceItem(qi, itemText);
  if (worded && 'item' in worded && !worded.local && worded.item !== item) {
    read.warn('item', `item "${itemText}" is item ${items.indexOf(worded.item) + 1} of QI ${qi}’s list, but item_number says ${numberText}, "${item}", which is the one read`, 'the number and the wording of the same item');
  }
  return { item, local: false };
}
