import type { Node } from 'jsonc-parser';
import { TO_COMPLETE } from '../model/index.js';

/** A value still to fill in: it starts "TO COMPLETE:", in any case, spaces around it aside. */
export const isToComplete = (text: string): boolean => text.trim().toLowerCase().startsWith(TO_COMPLETE.toLowerCase());

export interface MarkedField {
  /** The field's path as the officer reads it: `committee`, `reportBy.name`, `recommendations[1]`. */
  path: string;
  node: Node;
}

/** Every string value under `node` still marked to complete, wherever it sits, with its field's path. */
export function markedFields(node: Node | undefined, path = ''): MarkedField[] {
  if (node?.type === 'string') return isToComplete(String(node.value)) ? [{ path, node }] : [];
  if (node?.type === 'array') return (node.children ?? []).flatMap((child, index) => markedFields(child, `${path}[${index}]`));
  if (node?.type !== 'object') return [];
  return (node.children ?? []).flatMap((property) => {
    const [key, value] = property.children ?? [];
    return key && value ? markedFields(value, path ? `${path}.${String(key.value)}` : String(key.value)) : [];
  });
}

/** What each field wants in place of its note, by path with list positions taken out. */
const EXPECTED: Record<string, string> = {
  council: 'the council\'s name, e.g. "Fife Council"',
  committee: 'the committee\'s name, e.g. "Improving Life Chances Group"',
  meetingDate: 'the date of the meeting, e.g. 2023-11-24 or 24/11/2023',
  'reportBy.name': 'the name of the officer the report is by',
  'reportBy.post': 'that officer\'s post, e.g. "Head of Children\'s Services"',
  title: 'the paper\'s heading',
  agendaItem: 'the agenda item number, e.g. "7"',
  partnership: 'the partnership\'s name',
  area: 'the council area, as the figures name it, e.g. "Fife"',
  period: 'the self-evaluation round reported, e.g. 2023/24 Q2',
  recommendations: 'a phrase completing "Members are asked to …", e.g. "note the report"',
  'author.name': 'the author\'s name',
  'author.post': 'the author\'s post',
  'author.contact': 'how to reach the author, e.g. a telephone number or e-mail address',
  background: 'a paragraph of local context, or the entry taken out',
  'implications.heading': 'the implication\'s heading, e.g. "Financial"',
  'implications.text': 'the implication\'s text, e.g. "None."',
  backgroundPapers: 'a background paper\'s title, or the entry taken out',
  peers: 'a council to compare with, or the entry taken out',
  data: 'a published file\'s path in the workspace, or the entry taken out',
  draft: 'true for a draft (marked DRAFT on every page) or false',
};

const QUOTE_LENGTH = 80;

/** The note as written, cut short: enough to recognise it by. */
const quoted = (text: string) => {
  const note = text.trim().replace(/\s+/g, ' ');
  return note.length <= QUOTE_LENGTH ? note : `${note.slice(0, QUOTE_LENGTH - 2).trimEnd()} …`;
};

/**
 * The reason and expectation for a field still to complete, by its path and the note it holds: one message a
 * field, nothing else said of it. Shared by report.json and the workbook's Particulars sheet.
 */
export function toCompleteProblem(fieldPath: string, note: string): { reason: string; expected: string } {
  const general = fieldPath.replace(/\[\d+\]/g, '');
  const expected = EXPECTED[general] ?? (general.startsWith('mapping.') ? 'the QIs that inform the question, e.g. "5.1"' : general.startsWith('thresholds.') ? 'a number, as README "How readiness is rated" describes' : 'the value for the paper in place of the "TO COMPLETE:" note');
  return { reason: `"${fieldPath}" is still to complete (${quoted(note)})`, expected };
}
