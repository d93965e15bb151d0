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
 * Loads templates/paper.md, its partials and labels.json into a Handlebars environment of its own.
 * Strict mode makes a misspelt placeholder an error rather than a silent blank in a committee paper.
 */
export async function loadTemplates(directory = DEFAULT_TEMPLATES_DIR): Promise<PaperTemplates> {
  const handlebars = Handlebars.create();
  handlebars.registerHelper('plural', (count: number, one: string, many: string) => (count === 1 ? one : many));
  handlebars.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  const partialsDir = path.join(directory, 'partials');
  for (const file of (await readdir(partialsDir)).filter((name) => name.endsWith('.md')).sort()) {
    const text = await readFile(path.join(partialsDir, file), 'utf8');
    handlebars.registerPartial(file.replace(/\.md$/, ''), text);
  }
  const labels = JSON.parse(await readFile(path.join(directory, 'labels.json'), 'utf8')) as Labels;
  const paper = handlebars.compile(await readFile(path.join(directory, 'paper.md'), 'utf8'), COMPILE_OPTIONS);
  const compiledLabels = new Map<string, HandlebarsTemplateDelegate>();
  const fill = (label: string, values: object) => {
    if (!compiledLabels.has(label)) compiledLabels.set(label, handlebars.compile(label, COMPILE_OPTIONS));
    return compiledLabels.get(label)!(values);
  };
  return { directory, labels, paper, fill, charts: await loadChartSpecs(directory) };
}
