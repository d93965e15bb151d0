// The reference files are the published ones, unchanged: each file README.md lists has the sha256 recorded
// there, and every file kept in this folder is listed.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMITTEE_PAPER_2018, COUNCILS, inRepo, LGBF_TABLE, recordedChecksums, SCOTPHO_EXTRACT } from './index.js';

const recorded = recordedChecksums();
const sha256 = (path: string) => createHash('sha256').update(readFileSync(inRepo(path))).digest('hex');

describe('reference files', () => {
  it('README.md records a checksum for each file the tests read, and for every copy of the published tables', () => {
    const listed = [...recorded.keys()].map(inRepo);
    for (const file of [LGBF_TABLE, SCOTPHO_EXTRACT, COUNCILS, COMMITTEE_PAPER_2018]) expect(listed).toContain(file);
    expect(recorded.size).toBe(6);
  });

  it('lists every data file kept in tests/reference', () => {
    const kept = readdirSync(inRepo('tests/reference')).filter((name) => !/^(README\.md|index\.ts|.*\.test\.ts)$/.test(name));
    expect(kept.map((name) => `tests/reference/${name}`).sort()).toEqual([...recorded.keys()].filter((path) => path.startsWith('tests/reference/')).sort());
  });

  it.each([...recorded])('%s is the published file, byte for byte (sha256 %s)', (path, expected) => {
    expect(sha256(path)).toBe(expected);
  });
});
