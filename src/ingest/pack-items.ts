import path from 'node:path';
import type { Node } from 'jsonc-parser';
import { councils, findCouncil, findInspectionModel, INSPECTION_MODEL_IDS, type InspectionModelId } from '../framework/index.js';
import { parsePeriod, type Period } from '../model/index.js';
import type { JsonFields } from './json-fields.js';
import { didYouMean } from './near-miss.js';
import { checkPlaceholders } from './pack-placeholders.js';

const ITEM_KEYS = ['item', 'title', 'workspace', 'pdf', 'reportBy', 'areas', 'periods', 'report'] as const;
const REPORT_KEYS = ['title', 'partnership', 'council', 'draft', 'peers', 'reportBy', 'background', 'recommendations', 'inspectionModel'] as const;

/**
 * An agenda number as committees write them — `4`, `4B`, `5.1` — and nothing a file name could escape its
 * folder with: the number starts every output's file name.
 */
const AGENDA_NUMBER = /^\d{1,3}[A-Za-z]?(?:\.\d{1,3}[A-Za-z]?)*$/;

/** The texts a pack sets in a paper's report.json, placeholders still to fill. */
export type ReportTexts = Partial<Record<'title' | 'partnership' | 'council', string>> & {
  draft?: boolean;
  inspectionModel?: InspectionModelId;
  peers?: string[];
  reportBy?: { name: string; post: string };
  background?: string[];
  recommendations?: string[];
};

/** An item as pack.json writes it, with the places its checks against the files will point at. */
export type DraftItem =
  | { kind: 'heading'; item: string; title: string }
  | { kind: 'pdf'; item: string; label: string; pdf: string; at: Node; title: string; reportBy?: string }
  | {
      kind: 'paper';
      item: string;
      label: string;
      workspace: string;
      at: Node;
      areas: (string | undefined)[];
      periods: { period?: Period; at?: Node }[];
      report: ReportTexts;
    };

/**
 * The agenda's items in order, every problem positioned. Items that could be read are returned even when others
 * could not, so their workspaces and PDFs are checked too and every problem is reported in one run.
 */
export function readItems(json: JsonFields, node: Node, directory: string): DraftItem[] | undefined {
  if (node.type !== 'array' || (node.children ?? []).length === 0) return json.problemOn(node, node.type === 'array' ? 'items is empty' : `items is a ${node.type}`, 'the agenda items in order: [{ "item": "1", "title": "Apologies" }, …]');
  const seen = new Map<string, string>();
  const items: DraftItem[] = [];
  for (const [index, child] of (node.children ?? []).entries()) {
    const read = readItem(json, child, index, directory);
    if (!read) continue;
    if (seen.has(read.item)) json.problemOn(child, `item ${read.item} appears twice on the agenda`, 'each item number once');
    seen.set(read.item, read.item);
    items.push(read);
  }
  return items;
}

/** How problems name an item: by its number when it has a good one ("item 4B"), else by its place. */
function labelOf(json: JsonFields, fields: Map<string, { value: Node }>, index: number): string {
  const number = fields.get('item')?.value;
  return number?.type === 'string' && AGENDA_NUMBER.test(String(number.value).trim()) ? `item ${String(number.value).trim()}` : `items[${index}]`;
}

function readItem(json: JsonFields, node: Node, index: number, directory: string): DraftItem | undefined {
  if (node.type !== 'object') return json.problemOn(node, `items[${index}] is a ${node.type}`, 'an object such as { "item": "7", "workspace": "../renfrewshire" }');
  const fields = json.properties(node);
  const label = labelOf(json, fields, index);
  checkKeys(json, fields, ITEM_KEYS, `${label}: `);
  const text = (key: string) => {
    const field = fields.get(key);
    return field && json.string(field.value, `${label}: ${key}`);
  };
  const item = readNumber(json, node, fields.get('item')?.value, label);
  const kinds = (['workspace', 'pdf'] as const).filter((key) => fields.has(key));
  if (kinds.length > 1) return json.problemOn(node, `${label} has both a workspace and a pdf`, 'one paper an item: "workspace" to build, or "pdf" to include');
  const title = (what: string) => (fields.has('title') ? text('title') : json.problemOn(node, `${label}: title is missing`, what));
  if (kinds[0] === 'pdf') {
    const [heading, pdf] = [title('the paper’s title, for the agenda'), text('pdf')];
    return item && heading && pdf ? { kind: 'pdf', item, label, pdf: path.join(directory, pdf), at: fields.get('pdf')!.value, title: heading, reportBy: text('reportBy') } : undefined;
  }
  if (kinds[0] !== 'workspace') {
    const heading = title('the item’s title, e.g. "Apologies"');
    return item && heading ? { kind: 'heading', item, title: heading } : undefined;
  }
  const workspace = text('workspace');
  const areas = readAreas(json, fields.get('areas')?.value, label);
  const periods = readPeriods(json, fields.get('periods')?.value, label);
  const report = readReport(json, fields.get('report')?.value, label);
  if (!item || !workspace || !areas || !periods || !report) return undefined;
  return { kind: 'paper', item, label, workspace: path.join(directory, workspace), at: fields.get('workspace')!.value, areas, periods, report };
}

function readNumber(json: JsonFields, item: Node, node: Node | undefined, label: string): string | undefined {
  if (!node) return json.problemOn(item, `${label}: item is missing`, 'the agenda item number, e.g. "7"');
  const number = json.string(node, `${label}: item`);
  if (number === undefined || AGENDA_NUMBER.test(number)) return number;
  return json.problemOn(node, `${label}: item "${number}" is not an agenda number`, 'a number as an agenda writes it, such as "4", "4B" or "5.1"');
}

/** `"all"`, or a list of council names in any spelling; absent means the workspace's own area. */
function readAreas(json: JsonFields, node: Node | undefined, label: string): (string | undefined)[] | undefined {
  if (!node) return [undefined];
  if (node.type === 'string' && node.value === 'all') return councils.map((council) => council.name);
  const names = json.stringList(node, `${label}: areas`);
  if (!names) return undefined;
  const found = names.map((name, index) => findCouncil(name)?.name ?? json.problemOn(node.children![index]!, `${label}: areas names "${name}", which is not a Scottish council`, 'council names such as "Renfrewshire", or "all"'));
  return found.every(Boolean) ? found : undefined;
}

/** Reporting periods such as "2021/22 Q1", each with where it is written; absent means the workspace's own period. */
function readPeriods(json: JsonFields, node: Node | undefined, label: string): { period?: Period; at?: Node }[] | undefined {
  if (!node) return [{}];
  const texts = json.stringList(node, `${label}: periods`);
  if (!texts) return undefined;
  const periods = texts.map((text, index) => {
    const at = node.children![index]!;
    const period = parsePeriod(text);
    return period ? { period, at } : json.problemOn(at, `${label}: periods names "${text}", which is not a reporting period`, 'periods such as "2021/22" or "2021/22 Q1"');
  });
  return periods.every(Boolean) ? (periods as { period: Period; at: Node }[]) : undefined;
}

/** The texts the pack sets for the paper, their placeholders checked where they are written. */
function readReport(json: JsonFields, node: Node | undefined, label: string): ReportTexts | undefined {
  if (!node) return {};
  if (node.type !== 'object') return json.problemOn(node, `${label}: report is a ${node.type}`, `an object with any of ${REPORT_KEYS.join(', ')}`);
  const fields = json.properties(node);
  checkKeys(json, fields, REPORT_KEYS, `${label}: report.`);
  const report: ReportTexts = {};
  // A bad placeholder is a problem in its place; the item is still read, so its other checks are made too.
  const filled = (value: Node, text: string | undefined, what: string) => {
    if (text !== undefined) checkPlaceholders(json, value, text, `${label}: ${what}`);
    return text;
  };
  for (const [key, { value }] of fields) {
    if (key === 'draft') report.draft = json.boolean(value, `${label}: report.draft`);
    else if (key === 'inspectionModel') report.inspectionModel = readModelId(json, value, label);
    else if (key === 'peers') report.peers = json.stringList(value, `${label}: report.peers`);
    else if (key === 'background' || key === 'recommendations') report[key] = json.stringList(value, `${label}: report.${key}`)?.map((text, index) => filled(value.children![index]!, text, `report.${key}[${index}]`)!);
    else if (key === 'reportBy') report.reportBy = readPerson(json, value, label);
    else if ((REPORT_KEYS as readonly string[]).includes(key)) report[key as 'title'] = filled(value, json.string(value, `${label}: report.${key}`), `report.${key}`);
  }
  return Object.values(report).every((value) => value !== undefined) ? report : undefined;
}

function readModelId(json: JsonFields, node: Node, label: string): InspectionModelId | undefined {
  const text = json.string(node, `${label}: report.inspectionModel`);
  if (text === undefined) return undefined;
  if (findInspectionModel(text)) return text as InspectionModelId;
  const hint = didYouMean(text, INSPECTION_MODEL_IDS);
  return json.problemOn(node, `${label}: report.inspectionModel "${text}" is not a known inspection model${hint ? ` (${hint})` : ''}`, `one of ${INSPECTION_MODEL_IDS.join(', ')} (see qif-report framework)`);
}

function readPerson(json: JsonFields, node: Node, label: string): { name: string; post: string } | undefined {
  const person = json.properties(node);
  const name = person.get('name') && json.string(person.get('name')!.value, `${label}: report.reportBy.name`);
  const post = person.get('post') && json.string(person.get('post')!.value, `${label}: report.reportBy.post`);
  return name && post ? { name, post } : json.problemOn(node, `${label}: report.reportBy needs a name and a post`, '{ "name": "…", "post": "…" }');
}

/** A positioned problem (and a suggestion) for every key not allowed. */
export function checkKeys(json: JsonFields, fields: Map<string, { key: Node }>, allowed: readonly string[], prefix: string): void {
  for (const [name, { key }] of fields) {
    if (allowed.includes(name)) continue;
    const hint = didYouMean(name, allowed);
    json.problemOn(key, `unknown setting "${prefix}${name}"${hint ? ` (${hint})` : ''}`, `one of ${allowed.join(', ')}`);
  }
}
