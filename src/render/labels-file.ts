import type { Node } from 'jsonc-parser';
import { JsonFields } from '../ingest/json-fields.js';
import { nearMisses } from '../ingest/near-miss.js';
import type { InputProblem } from '../model/index.js';
import type { Labels } from './labels.js';
import type { Place, TemplateSource } from './template-source.js';

/** A place in a text, by character offset. */
function placeOf(text: string, offset: number): Place {
  const before = text.slice(0, offset);
  const line = (before.match(/\n/g)?.length ?? 0) + 1;
  return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

/**
 * Each label as a template written inside labels.json: a place in the label's first line is that place in
 * the file, just after the opening quote (escapes before it, which labels seldom have, shift it a little).
 */
function labelSource(file: TemplateSource, node: Node): TemplateSource {
  const start = placeOf(file.text, node.offset + 1);
  return { file: file.file, text: String(node.value), place: (at) => (at.line === 1 ? { line: start.line, column: start.column + at.column - 1 } : start) };
}

const kindOf = (node: Node) => (node.type === 'object' ? 'a set of labels' : node.type === 'string' ? 'text' : `a ${node.type}`);

/**
 * Checks the labels against the shipped labels.json, which has every label the code uses: each must be
 * there, as text or as a set of labels as there. Labels the code does not use are left alone.
 */
function checkShape(json: JsonFields, node: Node, shipped: Record<string, unknown>, prefix: string, sources: Map<string, TemplateSource>, file: TemplateSource): void {
  const own = json.properties(node);
  for (const [key, wanted] of Object.entries(shipped)) {
    const name = `${prefix}${key}`;
    const found = own.get(key);
    const wantsObject = typeof wanted === 'object' && wanted !== null;
    if (!found) {
      const near = nearMisses(key, [...own.keys()].filter((other) => !Object.hasOwn(shipped, other)));
      json.problemOn(node, `label "${name}" is missing${near.length > 0 ? ` (the file has "${near[0]}")` : ''}`, `"${key}" ${prefix ? `in "${prefix.slice(0, -1)}"` : 'at the top'}, as in the labels.json the tool ships`);
    } else if (wantsObject !== (found.value.type === 'object') || (!wantsObject && found.value.type !== 'string')) {
      json.problemOn(found.value, `label "${name}" is ${kindOf(found.value)}`, wantsObject ? 'a set of labels, as in the labels.json the tool ships' : 'text in double quotes');
    } else if (wantsObject) checkShape(json, found.value, wanted as Record<string, unknown>, `${name}.`, sources, file);
  }
  for (const { value } of own.values()) if (value.type === 'string') sources.set(String(value.value), labelSource(file, value));
}

/** A chart spec's JSON mistakes, positioned as report.json's are: Vega-Lite would only say that it failed. */
export function chartSpecProblems(spec: TemplateSource): InputProblem[] {
  const problems: InputProblem[] = [];
  new JsonFields(spec.file, spec.text, problems);
  for (const problem of problems) problem.expected = 'a Vega-Lite spec in JSON, as in the charts the tool ships';
  return problems;
}

/**
 * Reads labels.json: JSON mistakes positioned as report.json's are, then the shape. Returns the labels and
 * each label's text as a template in the file, so a mistake inside a label is said where it is written.
 */
export function readLabels(file: TemplateSource, shipped: Record<string, unknown>): { labels?: Labels; sources: Map<string, TemplateSource>; problems: InputProblem[] } {
  const problems: InputProblem[] = [];
  const sources = new Map<string, TemplateSource>();
  const json = new JsonFields(file.file, file.text, problems);
  if (json.root?.type === 'object') checkShape(json, json.root, shipped, '', sources, file);
  // JsonFields words its expectation for report.json; here the object is the labels.
  for (const problem of problems) if (problem.expected?.startsWith('a JSON object')) problem.expected = 'a JSON object of labels, as in the labels.json the tool ships';
  return { labels: problems.length === 0 ? (JSON.parse(file.text) as Labels) : undefined, sources, problems };
}
