// The papers the HTML edition's tests read: the two examples, a lenient one with a Data quality appendix, and the
// two prepared for the later inspection models (fixtures/at-risk-of-harm, model B; fixtures/cso-at-home, model C).
import path from 'node:path';
import { expect } from 'vitest';
import { FIXTURES, orkneyWithOneBadRow, qifReportAsync, tempDir } from './cli.js';

export const PAPERS = ['renfrewshire', 'orkney', 'lenient', 'at-risk-of-harm', 'cso-at-home'] as const;
export type PaperName = (typeof PAPERS)[number];

/** A paper's files, by format ("pdf", "html"). */
export type PaperFiles = Record<string, string>;

/**
 * Builds Renfrewshire and Orkney (fixtures/), and the Orkney fixture with a misspelt grade built with --lenient
 * (its Data quality tables appear), and the two later models' papers, in the formats given: three runs of the
 * CLI side by side.
 */
export async function buildPapers(formats: readonly ('pdf' | 'html')[]): Promise<Record<PaperName, PaperFiles>> {
  const format = formats.join(',');
  const [examples, lenient, models] = await Promise.all([
    qifReportAsync(['build', path.join(FIXTURES, 'renfrewshire'), path.join(FIXTURES, 'orkney'), '--out', tempDir('qif-html-'), '--format', format]),
    qifReportAsync(['build', orkneyWithOneBadRow().workspace, '--lenient', '--out', tempDir('qif-html-lenient-'), '--format', format]),
    // A run of its own: at-risk-of-harm is Orkney's partnership and period, so its paper would take the same name.
    qifReportAsync(['build', path.join(FIXTURES, 'at-risk-of-harm'), path.join(FIXTURES, 'cso-at-home'), '--out', tempDir('qif-html-models-'), '--format', format]),
  ]);
  expect(examples.stderr).toBe('');
  expect(examples.status).toBe(0);
  expect(lenient.status, lenient.stderr).toBe(0);
  expect(models.stderr).toBe('');
  expect(models.status).toBe(0);
  // build prints each paper's files in the order the workspaces were given, a line each, formats together.
  const files = [examples, lenient, models].flatMap((run) => run.stdout.trim().split('\n'));
  expect(files).toHaveLength(PAPERS.length * formats.length);
  const papers = {} as Record<PaperName, PaperFiles>;
  PAPERS.forEach((name, i) => {
    papers[name] = Object.fromEntries(files.slice(i * formats.length, (i + 1) * formats.length).map((file) => [path.extname(file).slice(1), file]));
    expect(Object.keys(papers[name]).sort()).toEqual([...formats].sort());
  });
  return papers;
}
