import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Node } from 'jsonc-parser';
import { councils, findCouncil } from '../framework/index.js';
import { formatPeriod, InvalidInputError, parsePeriod, type AgendaEntry, type InputProblem, type Meeting, type PackSpec, type PaperOverrides, type Period } from '../model/index.js';
import { decodeText } from './decode.js';
import { JsonFields } from './json-fields.js';
import { didYouMean } from './near-miss.js';
import { parseDate } from './values.js';

const PACK_KEYS = ['meeting', 'items', 'agendaPack'] as const;
const MEETING_KEYS = ['council', 'committee', 'date', 'time', 'venue', 'membership'] as const;
const ITEM_KEYS = ['item', 'title', 'workspace', 'pdf', 'reportBy', 'areas', 'periods', 'report'] as const;
const REPORT_KEYS = ['title', 'partnership', 'council', 'draft', 'peers', 'reportBy', 'background', 'recommendations'] as const;

/**
 * Reads pack.json: the meeting, its agenda items in order, and each item's paper — a workspace to build,
 * a PDF to include as it is, or none. An item with `areas` or `periods` becomes one paper for each area
 * and period, numbered 7.1, 7.2 …; `{{area}}`, `{{council}}` and `{{period}}` in its `report` fields are
 * filled in for each. Paths are relative to the pack file. Every problem is positioned, and all are thrown together.
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
  const spec = json.root?.type === 'object' ? readPack(json, path.dirname(file)) : undefined;
  if (problems.length > 0 || !spec) throw new InvalidInputError(problems);
  return { file, ...spec };
}

function readPack(json: JsonFields, directory: string): Omit<PackSpec, 'file'> | undefined {
  const fields = checkedProperties(json, json.root!, PACK_KEYS, '');
  const meetingNode = fields.get('meeting')?.value;
  const itemsNode = fields.get('items')?.value;
  if (!meetingNode) json.problemAt(json.root!.offset, 'setting "meeting" is missing', 'the meeting: { "council", "committee", "date", … }');
  if (!itemsNode) json.problemAt(json.root!.offset, 'setting "items" is missing', 'the agenda items in order: [{ "item": "1", "title": "Apologies" }, …]');
  const meeting = meetingNode && readMeeting(json, meetingNode);
  const entries = itemsNode && readItems(json, itemsNode, directory, meeting);
  const agendaPackNode = fields.get('agendaPack')?.value;
  const agendaPack = agendaPackNode ? json.boolean(agendaPackNode, 'agendaPack') : true;
  return meeting && entries && agendaPack !== undefined ? { meeting, entries, agendaPack } : undefined;
}

function readMeeting(json: JsonFields, node: Node): Meeting | undefined {
  if (node.type !== 'object') return json.problemOn(node, `meeting is a ${node.type}`, 'an object: { "council", "committee", "date", "time", "venue", "membership" }');
  const fields = checkedProperties(json, node, MEETING_KEYS, 'meeting.');
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

function readItems(json: JsonFields, node: Node, directory: string, meeting: Meeting | undefined): AgendaEntry[] | undefined {
  if (node.type !== 'array' || (node.children ?? []).length === 0) return json.problemOn(node, node.type === 'array' ? 'items is empty' : `items is a ${node.type}`, 'the agenda items in order: [{ "item": "1", "title": "Apologies" }, …]');
  const seen = new Map<string, number>();
  const entries: AgendaEntry[] = [];
  let ok = true;
  for (const [index, child] of (node.children ?? []).entries()) {
    const read = readItem(json, child, `items[${index}]`, directory, meeting);
    if (!read) {
      ok = false;
      continue;
    }
    for (const entry of read) {
      if (seen.has(entry.item)) {
        json.problemOn(child, `item ${entry.item} appears twice (items[${seen.get(entry.item)}] and items[${index}])`, 'each item number once');
        ok = false;
      }
      seen.set(entry.item, index);
      entries.push(entry);
    }
  }
  return ok ? entries : undefined;
}

function readItem(json: JsonFields, node: Node, what: string, directory: string, meeting: Meeting | undefined): AgendaEntry[] | undefined {
  if (node.type !== 'object') return json.problemOn(node, `${what} is a ${node.type}`, 'an object such as { "item": "7", "workspace": "../renfrewshire" }');
  const fields = checkedProperties(json, node, ITEM_KEYS, `${what}.`);
  const text = (key: string) => {
    const field = fields.get(key);
    return field && json.string(field.value, `${what}.${key}`);
  };
  const item = fields.has('item') ? text('item') : json.problemOn(node, `${what}.item is missing`, 'the agenda item number, e.g. "7"');
  const kinds = (['workspace', 'pdf'] as const).filter((key) => fields.has(key));
  if (kinds.length > 1) return json.problemOn(node, `${what} has both a workspace and a pdf`, 'one paper an item: "workspace" to build, or "pdf" to include');
  if (!item) return undefined;
  if (kinds[0] === 'pdf') {
    const title = fields.has('title') ? text('title') : json.problemOn(node, `${what}.title is missing`, 'the paper’s title, for the agenda');
    const pdf = text('pdf');
    return title && pdf ? [{ kind: 'pdf', item, pdf: path.join(directory, pdf), title, reportBy: text('reportBy') }] : undefined;
  }
  if (kinds[0] !== 'workspace') {
    const title = fields.has('title') ? text('title') : json.problemOn(node, `${what}.title is missing`, 'the item’s title, e.g. "Apologies"');
    return title ? [{ kind: 'heading', item, title }] : undefined;
  }
  const workspace = text('workspace');
  const areas = readAreas(json, fields.get('areas')?.value, what);
  const periods = readPeriods(json, fields.get('periods')?.value, what);
  const report = readReportOverrides(json, fields.get('report')?.value, what);
  if (!workspace || !areas || !periods || !report || !meeting) return undefined;
  const meetingOverrides: PaperOverrides = { committee: meeting.committee, meetingDate: meeting.date, council: meeting.council };
  const expanded = areas.length > 1 || periods.length > 1;
  const papers = areas.flatMap((area) => periods.map((period) => ({ area, period })));
  return papers.map(({ area, period }, index) => ({
    kind: 'paper',
    item: expanded ? `${item}.${index + 1}` : item,
    workspace: path.join(directory, workspace),
    overrides: { ...meetingOverrides, ...fillReport(report, area, period, meeting), ...(area && { area }), ...(period && { period }), agendaItem: expanded ? `${item}.${index + 1}` : item },
    asOf: period !== undefined,
  }));
}

/** `"all"`, or a list of council names in any spelling; absent means the workspace's own area. */
function readAreas(json: JsonFields, node: Node | undefined, what: string): (string | undefined)[] | undefined {
  if (!node) return [undefined];
  if (node.type === 'string' && node.value === 'all') return councils.map((council) => council.name);
  const names = json.stringList(node, `${what}.areas`);
  if (!names) return undefined;
  const found = names.map((name, index) => findCouncil(name)?.name ?? json.problemOn(node.children![index]!, `${what}.areas names "${name}", which is not a Scottish council`, 'council names such as "Renfrewshire", or "all"'));
  return found.every(Boolean) ? found : undefined;
}

/** Reporting periods such as "2021/22 Q1"; absent means the workspace's own period. */
function readPeriods(json: JsonFields, node: Node | undefined, what: string): (Period | undefined)[] | undefined {
  if (!node) return [undefined];
  const texts = json.stringList(node, `${what}.periods`);
  if (!texts) return undefined;
  const periods = texts.map((text, index) => parsePeriod(text) ?? json.problemOn(node.children![index]!, `${what}.periods names "${text}", which is not a reporting period`, 'periods such as "2021/22" or "2021/22 Q1"'));
  return periods.every(Boolean) ? periods : undefined;
}

type ReportTexts = Partial<Record<'title' | 'partnership' | 'council', string>> & { draft?: boolean; peers?: string[]; reportBy?: { name: string; post: string }; background?: string[]; recommendations?: string[] };

function readReportOverrides(json: JsonFields, node: Node | undefined, what: string): ReportTexts | undefined {
  if (!node) return {};
  if (node.type !== 'object') return json.problemOn(node, `${what}.report is a ${node.type}`, `an object with any of ${REPORT_KEYS.join(', ')}`);
  const fields = checkedProperties(json, node, REPORT_KEYS, `${what}.report.`);
  const report: ReportTexts = {};
  for (const [key, { value }] of fields) {
    if (key === 'draft') report.draft = json.boolean(value, `${what}.report.draft`);
    else if (key === 'peers' || key === 'background' || key === 'recommendations') report[key] = json.stringList(value, `${what}.report.${key}`);
    else if (key === 'reportBy') {
      const person = json.properties(value);
      const name = person.get('name') && json.string(person.get('name')!.value, `${what}.report.reportBy.name`);
      const post = person.get('post') && json.string(person.get('post')!.value, `${what}.report.reportBy.post`);
      if (!name || !post) return json.problemOn(value, `${what}.report.reportBy needs a name and a post`, '{ "name": "…", "post": "…" }');
      report.reportBy = { name, post };
    } else report[key as 'title'] = json.string(value, `${what}.report.${key}`);
  }
  return Object.values(report).every((value) => value !== undefined) ? report : undefined;
}

/** The report fields with {{area}}, {{council}} and {{period}} filled in for one paper. */
function fillReport(report: ReportTexts, area: string | undefined, period: Period | undefined, meeting: Meeting): PaperOverrides {
  const fill = (text: string) =>
    text.replaceAll('{{area}}', area ?? '').replaceAll('{{council}}', meeting.council).replaceAll('{{period}}', period ? formatPeriod(period) : '');
  const { peers, draft, reportBy, background, recommendations, ...texts } = report;
  const filled: PaperOverrides = Object.fromEntries(Object.entries(texts).map(([key, value]) => [key, fill(value!)]));
  if (background) filled.background = background.map(fill);
  if (recommendations) filled.recommendations = recommendations.map(fill);
  // A council is never its own peer: drop it from a shared list.
  if (peers) filled.peers = peers.filter((peer) => findCouncil(peer)?.name !== area);
  if (draft !== undefined) filled.draft = draft;
  if (reportBy) filled.reportBy = reportBy;
  return filled;
}

/** An object's properties, with a positioned problem (and a suggestion) for every key not allowed. */
function checkedProperties(json: JsonFields, node: Node, allowed: readonly string[], prefix: string) {
  const fields = json.properties(node);
  for (const [name, { key }] of fields) {
    if (allowed.includes(name)) continue;
    const hint = didYouMean(name, allowed);
    json.problemOn(key, `unknown setting "${prefix}${name}"${hint ? ` (${hint})` : ''}`, `one of ${allowed.join(', ')}`);
  }
  return fields;
}
