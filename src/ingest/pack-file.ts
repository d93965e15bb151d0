import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Node } from 'jsonc-parser';
import { findCouncil } from '../framework/index.js';
import { formatPeriod, InvalidInputError, type AgendaEntry, type InputProblem, type Meeting, type PackSpec, type PaperOverrides } from '../model/index.js';
import { decodeText } from './decode.js';
import { JsonFields } from './json-fields.js';
import { checkPaper, checkPdf, workspaceFacts, type WorkspaceFacts } from './pack-checks.js';
import { checkKeys, readItems, type DraftItem, type ReportTexts } from './pack-items.js';
import { fillPlaceholders, type PlaceholderValues } from './pack-placeholders.js';
import { parseDate } from './values.js';

const PACK_KEYS = ['meeting', 'items', 'agendaPack'] as const;
const MEETING_KEYS = ['council', 'committee', 'date', 'time', 'venue', 'membership'] as const;

/**
 * Reads pack.json: the meeting, its agenda items in order, and each item's paper — a workspace to build,
 * a PDF to include as it is, or none. An item with `areas` or `periods` becomes one paper for each area
 * and period, numbered 7.1, 7.2 …; `{{area}}`, `{{council}}` and `{{period}}` in its `report` fields are
 * filled in for each (the workspace's own area and period where the pack names none). Paths are relative to
 * the pack file. Every problem — in the file, a missing workspace or PDF, a PDF that needs a password, a period
 * the workspace cannot report on — is positioned in pack.json, and all are thrown together before anything is built.
 */
export async function readPackFile(file: string): Promise<PackSpec> {
  const problems: InputProblem[] = [];
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new InvalidInputError([{ file, reason: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'the pack file is missing' : 'the pack file cannot be read', expected: 'a pack.json (see README, "Agenda packs")' }]);
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) throw new InvalidInputError([{ file, line: decoded.line ?? 1, column: 1, reason: decoded.reason, expected: 'a JSON file' }]);
  const json = new JsonFields(file, decoded.text, problems);
  const draft = json.root?.type === 'object' ? readPack(json, path.dirname(file)) : undefined;
  const entries = draft && (await resolveItems(json, draft.items, draft.meeting, path.dirname(file), problems));
  if (problems.length > 0 || !draft?.meeting || !entries || draft.agendaPack === undefined) throw new InvalidInputError(problems);
  return { file, meeting: draft.meeting, entries, agendaPack: draft.agendaPack };
}

interface DraftPack {
  meeting?: Meeting;
  items: DraftItem[];
  agendaPack?: boolean;
}

function readPack(json: JsonFields, directory: string): DraftPack {
  const fields = json.properties(json.root);
  checkKeys(json, fields, PACK_KEYS, '');
  const meetingNode = fields.get('meeting')?.value;
  const itemsNode = fields.get('items')?.value;
  if (!meetingNode) json.problemAt(json.root!.offset, 'setting "meeting" is missing', 'the meeting: { "council", "committee", "date", … }');
  if (!itemsNode) json.problemAt(json.root!.offset, 'setting "items" is missing', 'the agenda items in order: [{ "item": "1", "title": "Apologies" }, …]');
  const agendaPackNode = fields.get('agendaPack')?.value;
  return {
    meeting: meetingNode && readMeeting(json, meetingNode),
    items: (itemsNode && readItems(json, itemsNode, directory)) ?? [],
    agendaPack: agendaPackNode ? json.boolean(agendaPackNode, 'agendaPack') : true,
  };
}

function readMeeting(json: JsonFields, node: Node): Meeting | undefined {
  if (node.type !== 'object') return json.problemOn(node, `meeting is a ${node.type}`, 'an object: { "council", "committee", "date", "time", "venue", "membership" }');
  const fields = json.properties(node);
  checkKeys(json, fields, MEETING_KEYS, 'meeting.');
  const text = (key: string, required: boolean) => {
    const field = fields.get(key);
    if (!field) return required ? json.problemOn(node, `meeting.${key} is missing`, `the meeting's ${key}`) : undefined;
    return json.string(field.value, `meeting.${key}`);
  };
  const dateText = text('date', true);
  const date = dateText === undefined ? undefined : parseDate(dateText);
  if (date && !date.ok) json.problemOn(fields.get('date')!.value, `meeting.date "${dateText}" is not a date`, date.expected);
  const membershipNode = fields.get('membership')?.value;
  const meeting = {
    council: text('council', true),
    committee: text('committee', true),
    date: date?.ok ? date.value : undefined,
    time: text('time', false),
    venue: text('venue', false),
    membership: membershipNode ? json.stringList(membershipNode, 'meeting.membership') : [],
  };
  return Object.entries(meeting).every(([key, value]) => value !== undefined || key === 'time' || key === 'venue') ? (meeting as Meeting) : undefined;
}

/**
 * Checks every item against the files it names, each workspace read once; then, if nothing anywhere is wrong,
 * expands each paper item into one agenda entry a paper, its report texts filled in.
 */
async function resolveItems(json: JsonFields, items: readonly DraftItem[], meeting: Meeting | undefined, directory: string, problems: readonly InputProblem[]): Promise<AgendaEntry[] | undefined> {
  const facts = new Map<string, WorkspaceFacts>();
  for (const item of items) {
    if (item.kind === 'pdf') await checkPdf(json, item, directory);
    if (item.kind !== 'paper') continue;
    if (!facts.has(item.workspace)) facts.set(item.workspace, await workspaceFacts(item.workspace));
    checkPaper(json, item, facts.get(item.workspace)!, directory);
  }
  if (problems.length > 0 || !meeting) return undefined;
  return items.flatMap((item): AgendaEntry[] => {
    if (item.kind === 'heading') return [item];
    if (item.kind === 'pdf') return [{ kind: 'pdf', item: item.item, pdf: item.pdf, title: item.title, reportBy: item.reportBy }];
    return papersOf(item, meeting, facts.get(item.workspace)!);
  });
}

/** One agenda entry for each area and period of a paper item, numbered 7.1, 7.2 … when there are several. */
function papersOf(item: Extract<DraftItem, { kind: 'paper' }>, meeting: Meeting, facts: WorkspaceFacts): AgendaEntry[] {
  const expanded = item.areas.length > 1 || item.periods.length > 1;
  const papers = item.areas.flatMap((area) => item.periods.map(({ period }) => ({ area, period })));
  return papers.map(({ area, period }, index) => {
    const number = expanded ? `${item.item}.${index + 1}` : item.item;
    const values: PlaceholderValues = { area: area ?? facts.area ?? '', council: meeting.council, period: period ? formatPeriod(period) : facts.period ? formatPeriod(facts.period) : '' };
    const overrides: PaperOverrides = { committee: meeting.committee, meetingDate: meeting.date, council: meeting.council, ...filledReport(item.report, values), ...(area && { area }), ...(period && { period }), agendaItem: number };
    return { kind: 'paper', item: number, workspace: item.workspace, overrides, asOf: period !== undefined };
  });
}

/** The report fields with {{area}}, {{council}} and {{period}} filled in for one paper. */
function filledReport(report: ReportTexts, values: PlaceholderValues): PaperOverrides {
  const fill = (text: string) => fillPlaceholders(text, values);
  const { peers, draft, reportBy, background, recommendations, inspectionModel, ...texts } = report;
  const filled: PaperOverrides = Object.fromEntries(Object.entries(texts).map(([key, value]) => [key, fill(value!)]));
  if (background) filled.background = background.map(fill);
  if (recommendations) filled.recommendations = recommendations.map(fill);
  // A council is never its own peer: drop it from a shared list.
  if (peers) filled.peers = peers.filter((peer) => findCouncil(peer)?.name !== values.area);
  if (draft !== undefined) filled.draft = draft;
  if (reportBy) filled.reportBy = reportBy;
  if (inspectionModel) filled.inspectionModel = inspectionModel;
  return filled;
}
