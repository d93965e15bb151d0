// Evidence held for each QI and each question: framework items matched by wording or number, local items,
// counts and coverage ((held + partial/2) / total) as exact fractions.
import { evidenceLists } from '../../src/framework/index.js';
import { Fraction, fixed } from './fraction.js';
import type { EvidenceRow } from './workspace.js';

export type ItemStatus = 'held' | 'partial' | 'missing' | 'not-recorded';

export interface EvidenceItem { qi: string; text: string; status: ItemStatus; local: boolean }

export interface EvidenceCounts {
  held: number; partial: number; missing: number; notRecorded: number; local: number; total: number;
  /** (held + partial/2) / total; null when there is nothing to count. */
  coverage: Fraction | null;
  /** Coverage as a whole percent, rounded half away: "91%"; undefined when coverage is null. */
  coverageText?: string;
}

export interface QiEvidence extends EvidenceCounts { qi: string; items: EvidenceItem[] }

export interface Gap { qi: string; item: string; status: 'missing' | 'not-recorded' | 'partial'; local: boolean }

export interface QuestionEvidence extends EvidenceCounts { qis: string[]; gaps: Gap[] }

/** Wording compares ignoring case and spacing. */
const wording = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ').trim();

/** Index into the framework list a row's `item` means (its wording or its number), or -1 for a local item. */
function frameworkIndex(item: string, list: readonly string[]): number {
  if (/^\d+$/.test(item.trim())) {
    const k = Number(item.trim());
    if (k < 1 || k > list.length) throw new Error(`evidence item number ${k} is out of range (1–${list.length})`);
    return k - 1;
  }
  return list.findIndex((text) => wording(text) === wording(item));
}

export function countsOf(items: readonly EvidenceItem[]): EvidenceCounts {
  const n = (s: ItemStatus) => items.filter((i) => i.status === s).length;
  const c = { held: n('held'), partial: n('partial'), missing: n('missing'), notRecorded: n('not-recorded'), local: items.filter((i) => i.local).length, total: items.length };
  const coverage = c.total === 0 ? null : Fraction.int(c.held).add(Fraction.int(c.partial).div(Fraction.int(2))).div(Fraction.int(c.total));
  return { ...c, coverage, ...(coverage ? { coverageText: `${fixed(coverage.mul(Fraction.int(100)), 0)}%` } : {}) };
}

/** A QI's items: the framework's in its order (a row's status, else not recorded), then local rows. */
export function qiEvidence(qi: string, rows: readonly EvidenceRow[]): QiEvidence {
  const list = evidenceLists.find((l) => l.qi === qi)?.items ?? [];
  const statuses: (ItemStatus | undefined)[] = list.map(() => undefined);
  const local: EvidenceItem[] = [];
  for (const r of rows.filter((row) => row.qi === qi)) {
    const k = frameworkIndex(r.item, list);
    if (k < 0) local.push({ qi, text: r.item, status: r.status, local: true });
    else statuses[k] ??= r.status;
  }
  const framework = list.map((text, k): EvidenceItem => ({ qi, text, status: statuses[k] ?? 'not-recorded', local: false }));
  const items = [...framework, ...local];
  return { qi, items, ...countsOf(items) };
}

/** A question's evidence: the union of its QIs' items in mapping order (each QI once), and its gaps. */
export function questionEvidence(qis: readonly string[], rows: readonly EvidenceRow[]): QuestionEvidence {
  const unique = [...new Set(qis)];
  const items = unique.flatMap((qi) => qiEvidence(qi, rows).items);
  const gaps = items.flatMap((i): Gap[] => (i.status === 'held' ? [] : [{ qi: i.qi, item: i.text, status: i.status, local: i.local }]));
  return { qis: unique, gaps, ...countsOf(items) };
}
