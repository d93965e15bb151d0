import { formatProblem, type InputProblem } from '../model/index.js';

/** Problems, one line each, as every command prints them. */
export const problemLines = (problems: readonly InputProblem[]): string => problems.map((problem) => `${formatProblem(problem)}\n`).join('');

/** A failure that is no input's fault (a bug, a full disk): one line, its message; the stack only for QIF_REPORT_DEBUG. */
export const unexpectedFailureText = (error: unknown): string =>
  `qif-report: unexpected failure: ${error instanceof Error ? error.message : String(error)}\n${process.env.QIF_REPORT_DEBUG ? `${(error as Error).stack}\n` : ''}`;

/** The last word of a lenient build that left rows out: one line, so it is not lost above the file list. */
export function incompleteSummary(papers: readonly { rejectedRows: number }[]): string {
  const rows = papers.reduce((sum, paper) => sum + paper.rejectedRows, 0);
  const built = papers.length === 1 ? 'the paper was' : `${papers.length} papers were`;
  return `qif-report: ${built} built from incomplete data: ${rows} rejected row${rows === 1 ? ' is' : 's are'} left out, listed above and in the paper's Data quality appendix\n`;
}

const seconds = (milliseconds: number) => `${(milliseconds / 1000).toFixed(2)} s`;

/** What `build --watch` says after each build, on stderr: how it went and that it is still watching. */
export const watchText = {
  built: (milliseconds: number) => `qif-report: built in ${seconds(milliseconds)}; watching for changes (Ctrl+C to stop)\n`,
  notBuilt: (outDir: string) => `qif-report: nothing written, so ${outDir} holds the papers of the last build that worked; watching for changes (Ctrl+C to stop)\n`,
  changed: (files: readonly string[]) => `qif-report: ${files.length === 1 ? files[0] : `${files[0]} and ${files.length - 1} more`} changed: building again\n`,
};
