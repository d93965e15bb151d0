import { access, readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { levelOf, type FileSummary, type InputProblem, type SourceRow } from '../model/index.js';
import { newTally, type FileTally } from './csv-table.js';
import { decodeText } from './decode.js';
import { WORKSPACE_FILES } from './workspace-inputs.js';

/** A file read, or one sheet of the workbook: what its summary in `validate` and the paper stands for. */
interface Read {
  name: string;
  sheet?: string;
  encoding?: string;
}

/** The key a read is kept under: the file's name, or `self-evaluation.xlsx[Grades]` for a sheet. */
export const readKey = (name: string, sheet?: string) => (sheet === undefined ? name : `${name}[${sheet}]`);

/** The workspace's files as read: how each was decoded, what its reader counted, and every problem. */
export class InputFiles {
  readonly problems: InputProblem[] = [];
  private readonly reads = new Map<string, Read>();
  private readonly tallies = new Map<string, FileTally>();

  constructor(readonly directory: string) {}

  pathOf(name: string): string {
    return path.join(this.directory, name);
  }

  /** What the reader of a file (or of a sheet, with `sheet`) counted. */
  tallyOf(name: string, sheet?: string): FileTally {
    const key = readKey(name, sheet);
    const tally = this.tallies.get(key) ?? newTally();
    this.tallies.set(key, tally);
    return tally;
  }

  /** A file (or sheet) read without a problem that still holds no data rows: only a header. */
  readWithoutRows(name: string, sheet?: string): boolean {
    const file = this.pathOf(name);
    return this.tallyOf(name, sheet).rows === 0 && !this.problems.some((problem) => problem.file === file && problem.sheet === sheet);
  }

  async exists(name: string): Promise<boolean> {
    return access(this.pathOf(name)).then(() => true, () => false);
  }

  /** The file's bytes, when it stays inside the workspace; undefined (with a problem) when it cannot be read. */
  async bytes(name: string): Promise<Buffer | undefined> {
    const file = this.pathOf(name);
    this.reads.set(name, { name });
    try {
      if (!(await this.staysInside(file))) {
        this.problems.push({ file, reason: 'the file links to a place outside the workspace', expected: 'a file inside the workspace folder, not a link out of it' });
        return undefined;
      }
      return await readFile(file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      this.problems.push({ file, reason: code === 'ENOENT' ? 'the file is missing' : `the file cannot be read (${code})`, expected: 'every workspace file: report.json, grades.csv, evidence.csv, and dataset.csv unless data/ holds published files (or self-evaluation.xlsx in their place)' });
      return undefined;
    }
  }

  /** The file's text, whatever Excel saved it as; undefined (with a problem) when it cannot be read. */
  async read(name: string): Promise<string | undefined> {
    const bytes = await this.bytes(name);
    if (bytes === undefined) return undefined;
    const decoded = decodeText(bytes);
    if (!decoded.ok) {
      this.problems.push({ file: this.pathOf(name), line: decoded.line ?? 1, column: 1, reason: decoded.reason, expected: decoded.expected });
      return undefined;
    }
    this.reads.set(name, { name, encoding: decoded.encoding });
    return decoded.text;
  }

  /** A sheet of a workbook read: it has its own summary, and the workbook opened is no longer "not read". */
  readSheet(name: string, sheet: string): void {
    this.reads.delete(name);
    this.reads.set(readKey(name, sheet), { name, sheet });
  }

  /** Symbolic links are followed only when they end inside the workspace. */
  private async staysInside(file: string): Promise<boolean> {
    const [root, target] = await Promise.all([realpath(this.directory), realpath(file)]);
    return target.startsWith(root + path.sep);
  }

  /** The problem with its file named inside the workspace, as the paper shows it. */
  relative(problem: InputProblem): InputProblem {
    return { ...problem, file: this.nameOf(problem.file) };
  }

  /** A file's path inside the workspace, with forward slashes: `grades.csv`, `data/lgbf.csv`. */
  nameOf(file: string): string {
    return path.relative(this.directory, file).split(path.sep).join('/');
  }

  /** One summary a file or sheet, in reading order; accepted rows are the distinct lines the kept records came from. */
  summaries(kept: readonly SourceRow[]): FileSummary[] {
    return [...this.reads].map(([key, { name, sheet, encoding }]) => {
      const file = this.pathOf(name);
      const tally = this.tallies.get(key);
      const here = (place: { file: string; sheet?: string }) => place.file === file && place.sheet === sheet;
      const rejected = new Set(this.problems.filter((p) => here(p) && levelOf(p) === 'row').map((p) => p.line)).size;
      const keptLines = new Set(kept.filter(here).map((row) => row.line)).size;
      const rows = tally?.rows ?? 0;
      // indicators.csv yields definitions, not records with a source line: each row is one definition.
      const accepted = name === WORKSPACE_FILES.indicators ? rows - rejected : keptLines;
      const summary: FileSummary = { file: this.nameOf(file), ...(sheet === undefined ? {} : { sheet }), rows, accepted, rejected, notUsed: tally?.notUsed ?? 0 };
      if (encoding) summary.encoding = encoding;
      if (tally?.delimiter) summary.delimiter = tally.delimiter;
      return summary;
    });
  }
}
