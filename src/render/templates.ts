import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { loadChartSpecs, type ChartSpecs } from './charts.js';
import type { Labels } from './labels.js';

/** The templates shipped with the tool; `--templates DIR` points at a copy with other wording. */
export const DEFAULT_TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

export interface PaperTemplates {
  directory: string;
  labels: Labels;
  /** Renders the paper's Markdown from the view. */
  paper: (view: object) => string;
  /** Vega-Lite specs from templates/charts. */
  charts: ChartSpecs;
  /** Fills a short label such as "Page {{page}} of {{pages}}". */
  fill: (label: string, values: object) => string;
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

/**
 * Loads templates/paper.md, its partials and labels.json into a Handlebars environment of its own.
 * Strict mode makes a misspelt placeholder an error rather than a silent blank in a committee paper.
 */
export async function loadTemplates(directory = DEFAULT_TEMPLATES_DIR): Promise<PaperTemplates> {
  const handlebars = Handlebars.create();
  handlebars.registerHelper('plural', (count: number, one: string, many: string) => (count === 1 ? one : many));
  handlebars.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  const labels = JSON.parse(await readFile(path.join(directory, 'labels.json'), 'utf8')) as Labels;
  handlebars.registerHelper('list', listHelper(labels.list));
  const partialsDir = path.join(directory, 'partials');
  for (const file of (await readdir(partialsDir)).filter((name) => name.endsWith('.md')).sort()) {
    const text = await readFile(path.join(partialsDir, file), 'utf8');
    handlebars.registerPartial(file.replace(/\.md$/, ''), phrase(text));
  }
  const paper = handlebars.compile(await readFile(path.join(directory, 'paper.md'), 'utf8'), COMPILE_OPTIONS);
  const compiledLabels = new Map<string, HandlebarsTemplateDelegate>();
  const fill = (label: string, values: object) => {
    if (!compiledLabels.has(label)) compiledLabels.set(label, handlebars.compile(label, COMPILE_OPTIONS));
    return compiledLabels.get(label)!(values);
  };
  return { directory, labels, paper, fill, charts: await loadChartSpecs(directory) };
}
