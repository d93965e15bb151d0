import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { framework } from '../framework/index.js';
import { InvalidInputError, type InputProblem } from '../model/index.js';
import type { OutputFormat } from '../pack/index.js';
import { problemLines, unexpectedFailureText } from './build-text.js';
import { packSummary } from './pack-text.js';
import { progressReporter } from './progress.js';
import { frameworkText } from './framework-text.js';
import { validationText } from './validate-text.js';
import type { PositionFormat } from '../position/index.js';
import { positionCountText } from './position-text.js';

/** Exit codes are the CLI's contract: 0 done, 2 invalid input (every problem listed), 1 anything else. */
export const EXIT = { ok: 0, unexpected: 1, invalidInput: 2 } as const;

/** Where the command writes; tests pass their own to run it in-process. */
export interface Output {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const processOutput: Output = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

const FORMATS: readonly OutputFormat[] = ['pdf', 'html', 'json'];
const POSITION_FORMATS: readonly OutputFormat[] = ['pdf', 'html'];

/** Progress goes to stderr, redrawn in place only when stderr is a terminal. */
const progressStream = (output: Output) => ({
  isTTY: output === processOutput && process.stderr.isTTY,
  columns: process.stderr.columns,
  write: (text: string) => {
    output.stderr(text);
    return true;
  },
});

function parseFormats(value: string, known = FORMATS): OutputFormat[] {
  const formats = value.split(',').map((format) => format.trim().toLowerCase());
  const unknown = formats.filter((format) => !known.includes(format as OutputFormat));
  if (unknown.length > 0) throw new InvalidInputError([{ file: '--format', reason: `unknown format "${unknown.join(', ')}"`, expected: `${known.slice(0, -1).join(', ')} or ${known.at(-1)}, or several joined by commas (pdf,html)` }]);
  return [...new Set(formats)] as OutputFormat[];
}

const printProblems = (problems: readonly InputProblem[], output: Output) => output.stderr(problemLines(problems));

/** The version is written in one place, package.json: read from there, never copied into code. */
const version = () => (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

const LENIENT = 'build from the rows that pass: every rejected row is listed in the paper’s data-quality appendix';

export function program(output: Output): Command {
  const cli = new Command('qif-report')
    .description('Inspection-readiness committee papers from a partnership’s QIF self-evaluation and shared dataset.')
    .version(version(), '-V, --version', 'print the version of qif-report')
    .exitOverride()
    .configureOutput({ writeOut: output.stdout, writeErr: output.stderr })
    .showHelpAfterError();

  cli
    .command('build')
    .description('build the committee paper for each workspace folder (report.json, grades.csv, evidence.csv, dataset.csv)')
    .argument('<workspace...>', 'one or more workspace folders')
    .option('-o, --out <dir>', 'folder for the papers', 'out')
    .option('-f, --format <formats>', 'comma-separated output formats: pdf, html, json', 'pdf')
    .addOption(new Option('-t, --templates <dir>', 'folder of templates with your own wording (copy templates/ to start)'))
    .option('--lenient', LENIENT)
    .option('-w, --watch', 'after building, build again each time a file in a workspace (or in the --templates folder) is saved, until Ctrl+C')
    .action(async (workspaces: string[], options: { out: string; format: string; templates?: string; lenient?: boolean; watch?: boolean }) => {
      const { buildCommand } = await import('./build-command.js');
      await buildCommand(workspaces, { ...options, formats: parseFormats(options.format) }, output);
    });

  cli
    .command('validate')
    .description('check workspaces without building: every problem, and rows read, accepted and rejected per file')
    .argument('<workspace...>', 'one or more workspace folders')
    .option('--lenient', 'say whether a lenient build would go ahead')
    .action(async (workspaces: string[], options: { lenient?: boolean }) => {
      const { validateWorkspaces } = await import('../pack/validate.js');
      const checks = await validateWorkspaces(workspaces, { lenient: options.lenient });
      for (const check of checks) {
        printProblems(check.problems, output);
        output.stdout(validationText(check));
      }
      if (checks.some((check) => !check.buildable)) throw new ValidationFailed();
    });

  cli
    .command('pack')
    .description('build a committee pack: every paper of pack.json (in parallel), the agenda pack with its front sheet, and a manifest')
    .argument('<pack>', 'the pack file, e.g. fixtures/packs/ilcg-2022-11-24.pack.json')
    .option('-o, --out <dir>', 'folder for the pack (a folder named after the pack file is made in it)', 'out')
    .option('-j, --jobs <n>', 'papers built at once (default: one worker for every 4 papers to build, up to one per core; a smaller pack is built in-process)')
    .addOption(new Option('-t, --templates <dir>', 'folder of templates with your own wording'))
    .action(async (packFile: string, options: { out: string; jobs?: string; templates?: string }) => {
      const [{ readPackFile }, { buildPack }] = await Promise.all([import('../ingest/index.js'), import('../pack/agenda-pack.js')]);
      const spec = await readPackFile(packFile);
      const workers = options.jobs === undefined ? undefined : parseJobs(options.jobs);
      const result = await buildPack(spec, { outDir: options.out, workers, templates: options.templates, onProgress: progressReporter(progressStream(output)) });
      printProblems(result.notices, output);
      for (const file of result.written) output.stdout(`${file}\n`);
      output.stderr(packSummary(result));
      if (result.failures.length > 0) throw new PackItemsFailed();
    });

  cli
    .command('init')
    .description('start a workspace to fill in: report.json, grades.csv and evidence.csv (or self-evaluation.xlsx) for a council and period; or the next round of an earlier workspace (--from)')
    .argument('<folder>', 'the new workspace: a folder that is not there yet, or an empty one')
    .option('-a, --area <council>', 'the partnership’s council, e.g. Fife or "City of Edinburgh" (with --from, the earlier round’s)')
    .requiredOption('-p, --period <period>', 'the round of self-evaluation, e.g. "2023/24 Q2" (a financial year, optionally a quarter)')
    .option('--from <workspace>', 'start the next round from an earlier workspace: particulars, grades, evidence and figures carried over')
    .option('--xlsx', 'write one Excel workbook, self-evaluation.xlsx, in place of report.json and the CSV files (with --from, the earlier round’s format is kept unless this is given)')
    .option('--framework <edition>', 'the framework edition, set as report.json "framework" and used for the QI titles written: 2018-draft (the default) or 2019-revised (with --from, the earlier round’s unless this is given)')
    .option('-m, --model <id>', 'the inspection model to prepare for, set as report.json "inspectionModel" (see qif-report framework); for at-risk-of-harm-2021 and cso-at-home-2025, a position.md to fill in too')
    .action(async (folder: string, options: { area?: string; period: string; from?: string; xlsx?: boolean; framework?: string; model?: string }) => {
      const { xlsx, ...rest } = options;
      const { initWorkspace } = await import('../init/init.js');
      const written = await initWorkspace({ folder, ...rest, ...(xlsx ? { format: 'xlsx' as const } : {}) });
      for (const file of written) output.stdout(`${file}\n`);
    });

  cli
    .command('position')
    .description('write the position statement (models B and C) from the workspace\'s position.md: the officer\'s answers, their word count, and the facts held for each statement')
    .argument('<workspace>', 'the workspace folder, with report.json (a model B or C "inspectionModel") and position.md')
    .option('-o, --out <dir>', 'folder for the document (default: the workspace\'s own out folder)')
    .option('-f, --format <formats>', 'comma-separated output formats: pdf, html', 'pdf')
    .action(async (workspace: string, options: { out?: string; format: string }) => {
      const formats = parseFormats(options.format, POSITION_FORMATS) as PositionFormat[];
      const { buildPositionStatement } = await import('../position/index.js');
      const result = await buildPositionStatement(workspace, { outDir: options.out, formats });
      printProblems(result.notices, output);
      output.stdout(positionCountText(result));
      for (const file of result.written) output.stdout(`${file}\n`);
    });

  cli
    .command('framework')
    .description('print the Quality Improvement Framework the tool uses: domains, areas, QIs, evidence, scale; its editions and how far each title is checked; every inspection model with what it asks, grades and expects, its default mapping and its published evaluations')
    .option('--json', 'print the whole framework object as JSON')
    .action((options: { json?: boolean }) => {
      output.stdout(options.json ? `${JSON.stringify(framework, null, 2)}\n` : frameworkText());
    });

  return cli;
}

/** validate has already printed its problems; this only sets the exit code. */
class ValidationFailed extends Error {}

/** pack has already named the failed items in its summary; this only sets the exit code. */
class PackItemsFailed extends Error {}

function parseJobs(value: string): number {
  const jobs = Number(value);
  if (!Number.isInteger(jobs) || jobs < 1) throw new InvalidInputError([{ file: '--jobs', reason: `"${value}" is not a number of jobs`, expected: 'a whole number from 1' }]);
  return jobs;
}

export async function run(argv: readonly string[], output: Output = processOutput): Promise<number> {
  try {
    await program(output).parseAsync([...argv], { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.invalidInput;
    if (error instanceof ValidationFailed) return EXIT.invalidInput;
    if (error instanceof PackItemsFailed) return EXIT.unexpected;
    if (error instanceof InvalidInputError) {
      printProblems(error.problems, output);
      return EXIT.invalidInput;
    }
    output.stderr(unexpectedFailureText(error));
    return EXIT.unexpected;
  }
}
