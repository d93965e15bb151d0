import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { InvalidInputError, type InputProblem } from '../model/index.js';
import { BLOCK_NAMES } from './blocks/index.js';
import type { ChartCache } from './charts.js';
import type { Labels } from './labels.js';
import { chartSpecProblems, readLabels } from './labels-file.js';
import { pdfFonts, type PdfFonts } from './pdf-fonts.js';
import { checkTemplate, missingLookedUpPartials, parseTemplate } from './template-check.js';
import { readTemplateFiles, type TemplateFiles } from './template-folder.js';
import { inFile, watchLookups } from './template-runtime.js';
import type { TemplateSource } from './template-source.js';
import { VIEW_PARTIALS } from './view-partials.js';

type Ast = hbs.AST.Program;
type Render = (context: unknown, options?: unknown) => string;

/** The templates shipped with the tool; `--templates DIR` points at a copy with other wording. */
export const DEFAULT_TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

export interface PaperTemplates {
  directory: string;
  labels: Labels;
  /** Renders the paper's Markdown from the view. */
  paper: (view: object) => string;
  /** Vega-Lite specs from templates/charts, and the Vega runtimes they compile to, kept as papers are drawn. */
  charts: ChartCache;
  /** Fills a short label such as "Page {{page}} of {{pages}}". */
  fill: (label: string, values: object) => string;
  /** The PDF fonts, parsed by the first PDF drawn with these templates and shared by the rest (pdf-fonts.ts). */
  fonts: PdfFonts;
}

const COMPILE_OPTIONS = { strict: true, noEscape: true } as const;

/**
 * A one-line partial is a phrase placed inside a sentence: the line end its file closes with is not part of
 * it (it would break the sentence before the full stop that follows). Longer partials are blocks, kept whole.
 */
const phrase = (text: string) => (/^[^\n]*\n$/.test(text) ? text.slice(0, -1) : text);

/**
 * `{{#list items}}…{{/list}}` renders the block for each item and joins them as a sentence lists things —
 * "a, b and c" — with the words from labels.json; `separator="; "` joins items that hold commas themselves.
 */
function listHelper(words: Labels['list']) {
  return function (this: unknown, items: readonly unknown[], options: Handlebars.HelperOptions): string {
    const separator = (options.hash.separator as string | undefined) ?? words.separator;
    const parts = items.map((item, index) => {
      const data = Handlebars.createFrame(options.data);
      Object.assign(data, { index, first: index === 0, last: index === items.length - 1 });
      return options.fn(item, { data });
    });
    return parts.length < 2 ? parts.join('') : `${parts.slice(0, -1).join(separator)}${words.lastSeparator}${parts.at(-1)}`;
  };
}

/** How the folder is named in messages: as typed, or, for the shipped one, relative to where the tool runs. */
function shownFolder(directory: string): string {
  if (path.resolve(directory) !== path.resolve(DEFAULT_TEMPLATES_DIR)) return directory;
  const relative = path.relative(process.cwd(), DEFAULT_TEMPLATES_DIR);
  return relative.startsWith('..') || path.isAbsolute(relative) ? path.resolve(DEFAULT_TEMPLATES_DIR) : relative || '.';
}

/** The shipped labels.json: every label the code uses, against which a folder's own is checked. Read when asked. */
const shippedLabels = async () => JSON.parse(await readFile(path.join(DEFAULT_TEMPLATES_DIR, 'labels.json'), 'utf8')) as Record<string, unknown>;

const OWN_HELPERS = ['plural', 'eq', 'list'] as const;

/** Our helpers, the names a template may call them by being checked against this list when it is loaded. */
function ownHelpers(labels: Labels): Record<(typeof OWN_HELPERS)[number], Handlebars.HelperDelegate> {
  return {
    plural: (count: number, one: string, many: string) => (count === 1 ? one : many),
    eq: (a: unknown, b: unknown) => a === b,
    list: listHelper(labels.list),
  };
}

/** Handlebars' own helpers a template may call, beside ours; the *Missing ones are its internals. */
const BUILT_IN_HELPERS = Object.keys(Handlebars.create().helpers).filter((name) => !name.endsWith('Missing'));

/**
 * Every source parsed and checked for what it names: partials, helpers and, in the Markdown, blocks. Labels
 * and chart specs are JSON, where `[[` is an array, so they are not read for blocks.
 */
function checkSources(files: TemplateFiles, labelSources: readonly TemplateSource[], problems: InputProblem[]): Map<TemplateSource, Ast> {
  const names = { partials: new Set(files.partials.keys()), partialsFolder: files.partialsFolder, helpers: [...OWN_HELPERS, ...BUILT_IN_HELPERS] as string[] };
  const markdown = [files.paper, ...files.partials.values()];
  const asts = new Map<TemplateSource, Ast>();
  for (const source of [...markdown, ...labelSources, ...Object.values(files.charts)]) {
    const { ast, problem } = parseTemplate(source);
    if (problem) problems.push(problem);
    if (!ast) continue;
    asts.set(source, ast);
    problems.push(...checkTemplate(source, ast, { ...names, blocks: markdown.includes(source) ? ['appendices', ...BLOCK_NAMES] : undefined }));
  }
  problems.push(...missingLookedUpPartials(asts.values(), VIEW_PARTIALS, names));
  return asts;
}

/**
 * Loads templates/paper.md, its partials, labels.json and the chart specs into a Handlebars environment of its
 * own, and checks them before any paper is built: a folder or file that is not there, JSON that does not read,
 * a syntax error, a partial, helper or block that does not exist is invalid input, each said at its place in
 * its file. Strict mode makes a misspelt placeholder an error rather than a silent blank in a committee paper;
 * it can only be found as a paper is built, and is then said at its place in its file too.
 */
export async function loadTemplates(directory = DEFAULT_TEMPLATES_DIR): Promise<PaperTemplates> {
  const { files, problems: unread } = await readTemplateFiles(directory, shownFolder(directory));
  if (!files) throw new InvalidInputError(unread);
  const labelsRead = readLabels(files.labels, await shippedLabels());
  const problems = [...unread, ...labelsRead.problems, ...Object.values(files.charts).flatMap(chartSpecProblems)];
  const asts = checkSources(files, [...labelsRead.sources.values()], problems);
  const { labels } = labelsRead;
  if (!labels || problems.length > 0) throw new InvalidInputError(problems);
  return compileTemplates(directory, files, labels, labelsRead.sources, asts);
}

/**
 * The checked templates in a Handlebars environment of their own. Each is compiled to say its own mistakes
 * in its own file (see template-runtime.ts), and sees the view, or a label's values, watched.
 */
function compileTemplates(directory: string, files: TemplateFiles, labels: Labels, labelSources: ReadonlyMap<string, TemplateSource>, asts: ReadonlyMap<TemplateSource, Ast>): PaperTemplates {
  const handlebars = Handlebars.create();
  for (const [name, helper] of Object.entries(ownHelpers(labels))) handlebars.registerHelper(name, helper);
  // Rendering is synchronous: the one watch in progress is the one whose last miss an error is about.
  let lastMiss: ReturnType<typeof watchLookups>['lastMiss'] = () => undefined;
  const compile = (source: TemplateSource, text = source.text) => inFile(handlebars.compile(text, COMPILE_OPTIONS) as Render, source, asts.get(source)!, () => lastMiss(), files.partialsFolder);
  const watched = (render: Render) => (context: object) => {
    const watch = watchLookups(context);
    lastMiss = watch.lastMiss;
    return render(watch.view);
  };
  for (const [name, source] of files.partials) handlebars.registerPartial(name, compile(source, phrase(source.text)) as HandlebarsTemplateDelegate);

  // A label or chart spec is said in its own file; any other text the code fills is the code's own.
  const sourceOf = new Map<string, TemplateSource>([...labelSources, ...Object.values(files.charts).map((source) => [source.text, source] as const)]);
  const compiled = new Map<string, (context: object) => string>();
  const fill = (label: string, values: object) => {
    const source = sourceOf.get(label);
    if (!compiled.has(label)) compiled.set(label, watched(source ? compile(source) : (handlebars.compile(label, COMPILE_OPTIONS) as Render)));
    return compiled.get(label)!(values);
  };
  // Compiled as the first paper asks, so templates loaded only for their words never load Vega.
  const charts = { specs: { trend: files.charts.trend.text, benchmark: files.charts.benchmark.text }, runtimes: new Map() };
  return { directory, labels, paper: watched(compile(files.paper)), fill, charts, fonts: pdfFonts() };
}
