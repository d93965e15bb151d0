import Handlebars from 'handlebars';
import type { Node } from 'jsonc-parser';
import type { JsonFields } from './json-fields.js';
import { didYouMean, listWithOr } from './near-miss.js';

/** What a pack fills in a paper's `report` texts, one paper at a time. */
export interface PlaceholderValues {
  area: string;
  council: string;
  period: string;
}

const NAMES: readonly (keyof PlaceholderValues)[] = ['area', 'council', 'period'];
const EXPECTED = listWithOr(NAMES.map((name) => `{{${name}}}`));

/**
 * Checks a `report` text's placeholders where pack.json writes them, as strictly as the templates are checked: only
 * `{{area}}`, `{{council}}` and `{{period}}`, each on its own; anything else is a positioned problem, never text
 * printed as typed or left blank. Returns whether the text may be filled.
 */
export function checkPlaceholders(json: JsonFields, node: Node, text: string, what: string): boolean {
  let program: hbs.AST.Program;
  try {
    program = Handlebars.parse(text);
  } catch (error) {
    json.problemOn(node, `${what} has a placeholder Handlebars cannot read (${firstLine(error)})`, `placeholders written ${EXPECTED}`);
    return false;
  }
  let ok = true;
  for (const statement of program.body) {
    if (statement.type === 'ContentStatement') continue;
    const name = placeholderName(statement);
    if (name !== undefined && (NAMES as readonly string[]).includes(name)) continue;
    ok = false;
    const written = sourceOf(text, statement);
    const hint = name === undefined ? undefined : didYouMean(name, NAMES);
    json.problemAt(offsetInJson(json, node, written), `${what} has the placeholder "${written}", which the pack does not fill${hint ? ` (${hint})` : ''}`, EXPECTED);
  }
  return ok;
}

/** The text with its placeholders filled in for one paper, by the same strict Handlebars as the templates. */
export function fillPlaceholders(text: string, values: PlaceholderValues): string {
  return Handlebars.compile(text, { strict: true, noEscape: true, knownHelpersOnly: true, knownHelpers: {} })(values);
}

/** `{{name}}` alone: a plain placeholder's name; anything with parameters, a block, a partial: none. */
function placeholderName(statement: hbs.AST.Statement): string | undefined {
  if (statement.type !== 'MustacheStatement') return undefined;
  const mustache = statement as hbs.AST.MustacheStatement;
  if (mustache.params.length > 0 || mustache.hash || mustache.path.type !== 'PathExpression') return undefined;
  return (mustache.path as hbs.AST.PathExpression).original;
}

/** The statement as written in the text (Handlebars positions count lines from 1 and columns from 0). */
function sourceOf(text: string, statement: hbs.AST.Statement): string {
  const lines = text.split('\n');
  const { start, end } = statement.loc;
  if (start.line === end.line) return lines[start.line - 1]!.slice(start.column, end.column);
  return [lines[start.line - 1]!.slice(start.column), ...lines.slice(start.line, end.line - 1), lines[end.line - 1]!.slice(0, end.column)].join('\n');
}

/** Where the written placeholder stands in pack.json: inside the string's own source, quotes and escapes as written. */
function offsetInJson(json: JsonFields, node: Node, written: string): number {
  const raw = json.source.slice(node.offset, node.offset + node.length);
  const found = raw.indexOf(written);
  return found < 0 ? node.offset : node.offset + found;
}

const firstLine = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0]!.replace(/^Parse error on line \d+:?\s*/, '');
