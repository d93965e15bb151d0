import { evidenceListFor, type QiId } from '../framework/index.js';
import { ratio, sumOf, type EvidenceCounts, type EvidenceCoverage, type EvidenceGap, type EvidenceItem, type EvidenceRecord } from '../model/index.js';

/** Partial evidence counts half: it supports a grade, but not on its own. Evidence not yet evaluated is not held. */
const WEIGHT = { held: 1, partial: 0.5, missing: 0, 'not-recorded': 0, 'not-evaluated': 0 } as const;

export function countEvidence(items: readonly Pick<EvidenceItem, 'status' | 'local'>[]): EvidenceCounts {
  const count = (status: EvidenceItem['status']) => items.filter((item) => item.status === status).length;
  const total = items.length;
  const weight = sumOf(items.map((item) => WEIGHT[item.status]));
  return {
    held: count('held'),
    partial: count('partial'),
    missing: count('missing'),
    notRecorded: count('not-recorded'),
    notEvaluated: count('not-evaluated'),
    local: items.filter((item) => item.local).length,
    total,
    coverage: ratio(weight, total) ?? null,
  };
}

/** The framework's list for the QI, each item with its recorded status, then the partnership's own items. */
export function evidenceCoverage(qi: QiId, records: readonly EvidenceRecord[]): EvidenceCoverage {
  const forQi = records.filter((record) => record.qi === qi);
  const listed = evidenceListFor(qi)?.items ?? [];
  const itemFrom = (record: EvidenceRecord): EvidenceItem => ({
    text: record.item,
    status: record.status,
    local: record.local,
    reviewedOn: record.reviewedOn,
    reference: record.reference,
    source: record.source,
  });
  const items: EvidenceItem[] = [
    ...listed.map((text) => {
      const record = forQi.find((r) => !r.local && r.item === text);
      return record ? itemFrom(record) : { text, status: 'not-recorded' as const, local: false };
    }),
    ...forQi.filter((record) => record.local).map(itemFrom),
  ];
  return { listedInFramework: listed.length > 0, ...countEvidence(items), items };
}

/** Every item not held in full: missing, not recorded, or held only in part (which counts half). */
export function evidenceGaps(qi: QiId, coverage: EvidenceCoverage): EvidenceGap[] {
  return coverage.items
    .filter((item): item is EvidenceItem & { status: EvidenceGap['status'] } => item.status !== 'held')
    .map((item) => ({ qi, item: item.text, status: item.status }));
}
