// What a paper is built from, read from the raw files: report.json's particulars (with a pack's settings for
// the paper laid over them) and the oracle's figures and judgements.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { dataSources, expectedPaper, type ExpectedPaper, type Overrides } from '../../oracle/index.js';
import { longDate } from './phrases.js';

export interface Particulars {
  council: string;
  committee: string;
  /** Printed long: "24 November 2022". */
  meetingDate: string;
  reportBy: { name: string; post: string };
  title: string;
  agendaItem: string;
  partnership: string;
  draft: boolean;
  background: string[];
  recommendations: string[];
  implications: { heading: string; text: string }[];
  backgroundPapers: string[];
  author: { name: string; post: string; contact: string };
}

export interface PaperInputs {
  particulars: Particulars;
  oracle: ExpectedPaper;
  /** "Figures were taken from:" */
  sources: string[];
}

type Json = Record<string, any>;
const readJson = (file: string): Json => JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, '')) as Json;

function particularsFrom(json: Json): Particulars {
  return {
    council: json.council,
    committee: json.committee,
    meetingDate: longDate(json.meetingDate),
    reportBy: json.reportBy,
    title: json.title,
    agendaItem: String(json.agendaItem),
    partnership: json.partnership,
    draft: json.draft === true,
    background: json.background ?? [],
    recommendations: json.recommendations,
    implications: json.implications ?? [],
    backgroundPapers: json.backgroundPapers ?? [],
    author: json.author,
  };
}

/** A workspace built as it is (`qif-report build`). */
export function workspaceInputs(dir: string): PaperInputs {
  return { particulars: particularsFrom(readJson(path.join(dir, 'report.json'))), oracle: expectedPaper(dir), sources: dataSources(dir) };
}

/** One paper of a pack item with `areas` and `periods` (README, "Agenda packs"). */
export interface PackPaper {
  workspace: string;
  item: string;
  area: string;
  period: string;
}

/** `{{area}}`, `{{council}}` and `{{period}}` in a pack item's `report` fields, filled in for one paper. */
function filled(value: unknown, words: Record<string, string>): unknown {
  if (typeof value === 'string') return value.replace(/\{\{(area|council|period)\}\}/g, (_, key: string) => words[key]!);
  if (Array.isArray(value)) return value.map((v) => filled(v, words));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, filled(v, words)]));
  return value;
}

/**
 * A pack paper: the meeting's council, committee and date and the item's number, whatever report.json says;
 * the item's `report` settings; the area's figures and the grades as they stood at the period.
 */
export function packPaperInputs(packFile: string, paper: PackPaper): PaperInputs {
  const pack = readJson(packFile);
  const item = (pack.items as Json[]).find((i) => i.workspace === paper.workspace)!;
  const dir = path.resolve(path.dirname(packFile), paper.workspace);
  const meeting = pack.meeting as Json;
  const report = filled(item.report ?? {}, { area: paper.area, council: meeting.council, period: paper.period }) as Json;
  const json = { ...readJson(path.join(dir, 'report.json')), council: meeting.council, committee: meeting.committee, meetingDate: meeting.date, agendaItem: paper.item, ...report };
  const overrides: Overrides = { area: paper.area, period: paper.period, asAt: true, ...(report.peers ? { peers: report.peers } : {}) };
  return { particulars: particularsFrom(json), oracle: expectedPaper(dir, overrides), sources: dataSources(dir) };
}
