// Which changes start a build under `build --watch` (src/cli/watch.ts).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isIgnored, isIgnoredName, isWithin, type WatchPlan } from '../../src/cli/watch.js';

const workspace = path.resolve('/councils/orkney');
const plan: WatchPlan = { folders: [workspace], ignored: [path.join(workspace, 'out')] };
const at = (...parts: string[]) => path.join(workspace, ...parts);

describe('the watch', () => {
  it('takes a change to any input of the workspace, however deep', () => {
    for (const file of [at('grades.csv'), at('self-evaluation.xlsx'), at('data', 'lgbf_data_table_cash.csv'), at('report.json'), workspace]) expect(isIgnored(plan, file), file).toBe(false);
  });

  it('leaves out lock files, hidden files and editors’ swap and backup files', () => {
    for (const name of ['~$self-evaluation.xlsx', '.~lock.grades.csv#', '.DS_Store', '.grades.csv.swp', 'grades.csv~', 'lu1234.tmp', 'A1B2.TMP']) {
      expect(isIgnoredName(name), name).toBe(true);
      expect(isIgnored(plan, at(name)), name).toBe(true);
    }
    expect(isIgnored(plan, at('.git', 'HEAD'))).toBe(true);
  });

  it('leaves out its own output folder and everything in it', () => {
    expect(isIgnored(plan, at('out'))).toBe(true);
    expect(isIgnored(plan, at('out', 'orkney-paper.pdf'))).toBe(true);
    expect(isIgnored(plan, at('outline.md'))).toBe(false);
  });

  it('watches a folder given to it whatever its name', () => {
    const hidden = path.resolve('/councils/.drafts');
    expect(isIgnored({ folders: [hidden], ignored: [] }, hidden)).toBe(false);
  });

  it('knows a file within a folder from one beside it', () => {
    expect(isWithin(at('out', 'x.pdf'), at('out'))).toBe(true);
    expect(isWithin(at('out'), at('out'))).toBe(true);
    expect(isWithin(at('outside', 'x.pdf'), at('out'))).toBe(false);
    expect(isWithin(workspace, at('out'))).toBe(false);
    // A name that starts with two dots is still inside.
    expect(isWithin(at('out', '..notes.pdf'), at('out'))).toBe(true);
  });
});
