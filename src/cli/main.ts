import { Command, CommanderError, Option } from 'commander';
import { framework } from '../framework/index.js';
import { formatProblem, InvalidInputError } from '../model/index.js';
import { buildPapers, type OutputFormat } from '../pack/index.js';
import { loadTemplates } from '../render/index.js';
import { frameworkText } from './framework-text.js';

/** Exit codes are the CLI's contract: 0 done, 2 invalid input (every problem listed), 1 anything else. */
export const EXIT = { ok: 0, unexpected: 1, invalidInput: 2 } as const;

const FORMATS: readonly OutputFormat[] = ['pdf', 'json'];

function parseFormats(value: string): OutputFormat[] {
  const formats = value.split(',').map((format) => format.trim().toLowerCase());
  const unknown = formats.filter((format) => !FORMATS.includes(format as OutputFormat));
  if (unknown.length > 0) throw new InvalidInputError([{ file: '--format', reason: `unknown format "${unknown.join(', ')}"`, expected: 'pdf, json or pdf,json' }]);
  return [...new Set(formats)] as OutputFormat[];
}

export function program(): Command {
  const cli = new Command('qif-report')
    .description('Inspection-readiness committee papers from a partnership’s QIF self-evaluation and shared dataset.')
    .exitOverride()
    .showHelpAfterError();

  cli
    .command('build')
    .description('build the committee paper for each workspace folder (report.json, grades.csv, evidence.csv, dataset.csv)')
    .argument('<workspace...>', 'one or more workspace folders')
    .option('-o, --out <dir>', 'folder for the papers', 'out')
    .option('-f, --format <formats>', 'comma-separated output formats: pdf, json', 'pdf')
    .addOption(new Option('-t, --templates <dir>', 'folder of templates with your own wording (copy templates/ to start)'))
    .action(async (workspaces: string[], options: { out: string; format: string; templates?: string }) => {
      const formats = parseFormats(options.format);
      const templates = await loadTemplates(options.templates);
      const written = await buildPapers(workspaces, { outDir: options.out, formats, templates });
      for (const file of written) process.stdout.write(`${file}\n`);
    });

  cli
    .command('framework')
    .description('print the Quality Improvement Framework the tool uses: domains, areas, QIs, evidence, scale, questions, mapping')
    .option('--json', 'print it as JSON')
    .action((options: { json?: boolean }) => {
      process.stdout.write(options.json ? `${JSON.stringify(framework, null, 2)}\n` : frameworkText());
    });

  return cli;
}

export async function run(argv: readonly string[]): Promise<number> {
  try {
    await program().parseAsync([...argv], { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.invalidInput;
    if (error instanceof InvalidInputError) {
      for (const problem of error.problems) process.stderr.write(`${formatProblem(problem)}\n`);
      return EXIT.invalidInput;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`qif-report: unexpected failure: ${message}\n`);
    if (process.env.QIF_REPORT_DEBUG) process.stderr.write(`${(error as Error).stack}\n`);
    return EXIT.unexpected;
  }
}

process.exitCode = await run(process.argv.slice(2));
