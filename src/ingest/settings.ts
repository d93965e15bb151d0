import path from 'node:path';
import type { Node } from 'jsonc-parser';
import {
  DEFAULT_FRAMEWORK_EDITION,
  DEFAULT_INSPECTION_MODEL,
  FRAMEWORK_EDITION_IDS,
  findCouncil,
  INSPECTION_MODEL_IDS,
  inspectionModel,
  qualityIndicators,
  type InspectionModel,
  type QuestionNumber,
} from '../framework/index.js';
import { canonicalArea } from './data-files.js';
import { levelOf, type Implication, type InputProblem, type Person, type ReadinessThresholds, type ReportSettings } from '../model/index.js';
import { parsePeriodField } from './grades.js';
import { JsonFields } from './json-fields.js';
import { councilsLike } from './council-names.js';
import { didYouMean, editDistance, listWithOr } from './near-miss.js';
import { markedFields, toCompleteProblem } from './to-complete.js';
import { parseDate, parseQi, qiExpectation } from './values.js';

export const defaultThresholds: ReadinessThresholds = {
  readyMinimumGrade: 4,
  notReadyGradeAtOrBelow: 2,
  readyMinimumEvidence: 0.8,
  notReadyEvidenceBelow: 0.5,
};

const KNOWN_SETTINGS = [
  'council', 'committee', 'meetingDate', 'reportBy', 'title', 'agendaItem', 'partnership', 'area', 'period',
  'draft', 'background', 'recommendations', 'author', 'implications', 'backgroundPapers', 'mapping', 'thresholds',
  'data', 'peers', 'inspectionModel', 'framework',
] as const;
export const REQUIRED_SETTINGS = ['council', 'committee', 'meetingDate', 'reportBy', 'title', 'agendaItem', 'partnership', 'area', 'period', 'recommendations', 'author'];

/** " (did you mean meetingDate?)" for a key near one of the known keys; "" otherwise. */
const hintFor = (name: string, known: readonly string[]) => {
  const hint = didYouMean(name, known);
  return hint ? ` (${hint})` : '';
};

/** An id's words without the year that ends it: an officer may well write "at-risk-of-harm" for at-risk-of-harm-2021. */
const withoutYear = (id: string) => id.replace(/-\d{4}$/, '');

/** " (did you mean …?)" for an id (an inspection model, a framework edition) spelt nearly right or written without its year. */
export function choiceHint(text: string, ids: readonly string[]): string {
  const near = hintFor(text, ids);
  if (near) return near;
  const stems = ids.filter((id) => withoutYear(id) !== id && editDistance(withoutYear(id).toLowerCase(), text.toLowerCase()) <= 2);
  return stems.length > 0 ? ` (did you mean ${listWithOr(stems)}?)` : '';
}

/** The settings' document, read afresh into a problem list: report.json, or the workbook's Particulars sheet. */
export type SettingsSource = (problems: InputProblem[]) => JsonFields;

export const reportJson = (file: string, text: string): SettingsSource => (problems) => new JsonFields(file, text, problems);

/** Reads report.json; every problem is positioned at the offending key or value. */
export function readSettings(file: string, text: string, problems: InputProblem[]): ReportSettings | undefined {
  return readSettingsFrom(reportJson(file, text), problems);
}

/** Reads the settings from report.json or the Particulars sheet, with the same checks and messages. */
export function readSettingsFrom(source: SettingsSource, problems: InputProblem[]): ReportSettings | undefined {
  const before = problems.length;
  const json = source(problems);
  if (json.root?.type !== 'object') return undefined;
  const fields = json.properties(json.root);
  // A field init left to fill in is said once, at its value; every check below then reads it as absent.
  for (const field of markedFields(json.root)) {
    const { reason, expected } = toCompleteProblem(field.path, String(field.node.value));
    json.markToComplete(field.node, reason, expected);
  }

  for (const [name, { key }] of fields) {
    if (!(KNOWN_SETTINGS as readonly string[]).includes(name)) {
      json.problemOn(key, `unknown setting "${name}"${hintFor(name, KNOWN_SETTINGS)}`, `one of ${KNOWN_SETTINGS.join(', ')}`);
    }
  }
  for (const name of REQUIRED_SETTINGS) {
    if (!fields.has(name)) json.problemAt(json.root.offset, `setting "${name}" is missing`, `${json.settingWhere(name)} (see README, "The workspace")`);
  }
  const value = (name: string) => fields.get(name)?.value;
  const text_ = (name: string) => { const node = value(name); return node && json.string(node, name); };
  const list = (name: string) => { const node = value(name); return node ? json.stringList(node, name) : []; };

  const meetingDateNode = value('meetingDate');
  const meetingDateText = meetingDateNode && json.string(meetingDateNode, 'meetingDate');
  const meetingDate = meetingDateText === undefined ? undefined : parseDate(meetingDateText);
  if (meetingDateNode && meetingDate && !meetingDate.ok) json.problemOn(meetingDateNode, `meetingDate "${meetingDateText}" is not a date`, meetingDate.expected);

  const periodNode = value('period');
  const periodText = periodNode && json.string(periodNode, 'period');
  const period = periodText === undefined ? undefined : parsePeriodField(periodText);
  if (periodNode && period && !period.ok) json.problemOn(periodNode, `period "${periodText}" is not a reporting period`, period.expected);

  const model = readChoice(json, value('inspectionModel'), 'inspectionModel', INSPECTION_MODEL_IDS, 'inspection model') ?? DEFAULT_INSPECTION_MODEL;
  const settings = {
    inspectionModel: model,
    frameworkEdition: readChoice(json, value('framework'), 'framework', FRAMEWORK_EDITION_IDS, 'framework edition') ?? DEFAULT_FRAMEWORK_EDITION,
    council: text_('council'),
    committee: text_('committee'),
    meetingDate: meetingDate?.ok ? meetingDate.value : undefined,
    reportBy: readStringObject(json, value('reportBy'), 'reportBy', ['name', 'post']),
    title: text_('title'),
    agendaItem: text_('agendaItem'),
    partnership: text_('partnership'),
    area: text_('area') && canonicalArea(text_('area')!),
    period: period?.ok ? period.value : undefined,
    draft: value('draft') ? json.boolean(value('draft')!, 'draft') : false,
    background: list('background'),
    recommendations: list('recommendations'),
    author: readStringObject(json, value('author'), 'author', ['name', 'post', 'contact']) as (Person & { contact: string }) | undefined,
    implications: readImplications(json, value('implications')),
    backgroundPapers: list('backgroundPapers'),
    mapping: readMapping(json, value('mapping'), inspectionModel(model)),
    data: value('data') ? dataPaths(json, value('data')!) : undefined,
    peers: readPeers(json, value('peers')),
    thresholds: readThresholds(json, value('thresholds')),
  };
  const recommendationsNode = value('recommendations');
  if (recommendationsNode?.type === 'array' && settings.recommendations?.length === 0) json.problemOn(recommendationsNode, 'recommendations is empty', 'at least one recommendation ("note the report", …)');
  warnOwnAreaAsPeer(json, value('peers'), settings.peers, settings.area);
  return problems.slice(before).every((problem) => levelOf(problem) === 'warning') ? (settings as ReportSettings) : undefined;
}

/**
 * A problem placed at a setting's value in report.json (at the object's start when the key is absent), for
 * checks that need more than report.json to make, such as whether any figure carries the partnership's area.
 */
export function problemAtSetting(source: SettingsSource, key: string, reason: string, expected?: string): InputProblem {
  const problems: InputProblem[] = [];
  const json = source(problems);
  const at = json.properties(json.root).get(key)?.value ?? json.root;
  json.problemAt(at?.offset ?? 0, reason, expected);
  return problems.at(-1)!;
}

function readStringObject(json: JsonFields, node: Node | undefined, what: string, keys: string[]): Person | undefined {
  if (!node) return undefined;
  if (node.type !== 'object') return json.problemOn(node, `${what} is a ${node.type}`, `an object with ${keys.join(', ')}`);
  const fields = json.properties(node);
  const person: Record<string, string | undefined> = {};
  for (const key of keys) {
    const field = fields.get(key);
    person[key] = field ? json.string(field.value, `${what}.${key}`) : json.problemOn(node, `${what}.${key} is missing`, `an object with ${keys.join(', ')}`);
  }
  for (const [name, { key }] of fields) if (!keys.includes(name)) json.problemOn(key, `unknown setting "${what}.${name}"${hintFor(name, keys)}`, `one of ${keys.join(', ')}`);
  return person as unknown as Person;
}

function readPeers(json: JsonFields, node: Node | undefined): string[] | undefined {
  if (!node) return [];
  const names = json.stringList(node, 'peers');
  return names?.map((name, index) => findCouncil(name)?.name ?? json.problemOn(node.children![index]!, `peers names "${name}", which is not a Scottish council${councilHint(name)}`, 'council names such as "East Renfrewshire" or "City of Edinburgh"') ?? name);
}

/** " (did you mean Dundee City?)" for a name that is part of a council's or a slip for one; "" otherwise. */
export function councilHint(name: string): string {
  const near = councilsLike(name);
  return near.length > 0 ? ` (did you mean ${listWithOr(near)}?)` : '';
}

/** The partnership is never its own peer: the name is left out of the comparison, and the officer told so. */
function warnOwnAreaAsPeer(json: JsonFields, node: Node | undefined, peers: string[] | undefined, area: string | undefined): void {
  peers?.forEach((peer, index) => {
    if (area !== undefined && peer === area) json.warningOn(node!.children![index]!, `peers names "${peer}", the partnership's own area, which is left out of the comparison`, 'other councils to compare with');
  });
}

function readImplications(json: JsonFields, node: Node | undefined): Implication[] | undefined {
  if (!node) return [];
  if (node.type !== 'array') return json.problemOn(node, `implications is a ${node.type}`, 'an array of { "heading": "…", "text": "…" }');
  return (node.children ?? []).map((child, index) => readStringObject(json, child, `implications[${index}]`, ['heading', 'text']) as unknown as Implication);
}

/** One of a fixed list of ids (an inspection model, a framework edition); undefined, with a problem, for any other. */
function readChoice<Id extends string>(json: JsonFields, node: Node | undefined, name: string, ids: readonly Id[], what: string): Id | undefined {
  const text = node && json.string(node, name);
  if (text === undefined) return undefined;
  if ((ids as readonly string[]).includes(text)) return text as Id;
  return json.problemOn(node!, `${name} "${text}" is not a known ${what}${choiceHint(text, ids)}`, `one of ${ids.join(', ')} (see qif-report framework)`);
}

/** What the mapping's keys are called under each kind of model, for messages. */
const ITEM_NAMES = {
  question: { one: 'question', all: 'inspection questions' },
  statement: { one: 'statement', all: 'inspection statements' },
  'line-of-enquiry': { one: 'line of enquiry', all: 'lines of enquiry' },
} as const;

function readMapping(json: JsonFields, node: Node | undefined, model: InspectionModel): ReportSettings['mapping'] {
  if (!node) return undefined;
  if (node.type !== 'object') return json.problemOn(node, `mapping is a ${node.type}`, 'an object such as { "1": ["5.1", "5.2"] }');
  const mapping: Partial<Record<QuestionNumber, string[]>> = {};
  const numbers = model.items.map((item) => String(item.number));
  for (const [name, { key, value }] of json.properties(node)) {
    if (!numbers.includes(name)) { json.problemOn(key, `mapping names ${ITEM_NAMES[model.itemKind].one} "${name}"`, `${ITEM_NAMES[model.itemKind].all} 1 to ${numbers.length}${model.id === DEFAULT_INSPECTION_MODEL ? '' : ` (${model.id})`}`); continue; }
    const qis = json.stringList(value, `mapping.${name}`);
    if (qis?.length === 0) json.problemOn(value, `mapping.${name} is empty`, 'the QIs that inform the question, e.g. ["5.1", "5.2"]');
    qis?.forEach((qi, index) => {
      if (!qualityIndicators.some((known) => known.id === qi)) json.problemOn(value.children![index]!, `mapping.${name} names QI "${qi}"${qiHint(qi)}`, qiExpectation);
      else if (qis.indexOf(qi) !== index) json.problemOn(value.children![index]!, `mapping.${name} names QI ${qi} twice`, 'each QI once per question');
    });
    if (qis) mapping[Number(name) as QuestionNumber] = qis;
  }
  return mapping;
}

/** " (did you mean 5.1?)" for a QI written as grades.csv would take it ("QI 5.1") or nearly one ("5.10"). */
function qiHint(qi: string): string {
  const read = parseQi(qi);
  const hint = read.ok ? `did you mean ${read.value}?` : read.hint;
  return hint ? ` (${hint})` : '';
}

function readThresholds(json: JsonFields, node: Node | undefined): ReadinessThresholds {
  const thresholds = { ...defaultThresholds };
  if (!node) return thresholds;
  if (node.type !== 'object') { json.problemOn(node, `thresholds is a ${node.type}`, 'an object such as { "readyMinimumGrade": 4 }'); return thresholds; }
  for (const [name, { key, value }] of json.properties(node)) {
    if (!Object.hasOwn(defaultThresholds, name)) { json.problemOn(key, `unknown threshold "${name}"${hintFor(name, Object.keys(defaultThresholds))}`, `one of ${Object.keys(defaultThresholds).join(', ')}`); continue; }
    const number = json.number(value, `thresholds.${name}`);
    const isGradeThreshold = name.endsWith('Grade') || name.endsWith('AtOrBelow');
    const valid = number !== undefined && (isGradeThreshold ? Number.isInteger(number) && number >= 1 && number <= 6 : number >= 0 && number <= 1);
    if (number !== undefined && !valid) json.problemOn(value, `thresholds.${name} is ${number}`, isGradeThreshold ? 'a grade from 1 to 6' : 'a share from 0 to 1, e.g. 0.8');
    if (valid) thresholds[name as keyof ReadinessThresholds] = number;
  }
  if (thresholds.notReadyGradeAtOrBelow >= thresholds.readyMinimumGrade) {
    json.problemOn(node, `thresholds.notReadyGradeAtOrBelow (${thresholds.notReadyGradeAtOrBelow}) is not below readyMinimumGrade (${thresholds.readyMinimumGrade})`, 'a "not ready" grade lower than the "ready" grade');
  }
  if (thresholds.notReadyEvidenceBelow > thresholds.readyMinimumEvidence) {
    json.problemOn(node, `thresholds.notReadyEvidenceBelow (${thresholds.notReadyEvidenceBelow}) is above readyMinimumEvidence (${thresholds.readyMinimumEvidence})`, 'a "not ready" share no higher than the "ready" share');
  }
  return thresholds;
}

/** Published files to import: relative paths that stay inside the workspace, each checked where it is written. */
function dataPaths(json: JsonFields, node: Node): string[] | undefined {
  const paths = json.stringList(node, 'data');
  if (!paths) return undefined;
  const outside = paths.map((entry, index) => ({ entry, node: node.children![index]! })).filter(({ entry }) => leavesFolder(entry));
  for (const { entry, node: at } of outside) json.problemOn(at, `data file "${entry}" is outside the workspace`, 'a path inside the workspace folder, e.g. "data/lgbf_data_table_cash.csv"');
  return outside.length > 0 ? undefined : paths;
}

const leavesFolder = (entry: string) => path.isAbsolute(entry) || path.win32.isAbsolute(entry) || path.normalize(entry.replace(/\\/g, '/')).split('/')[0] === '..';
