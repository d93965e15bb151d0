import path from 'node:path';
import Handlebars from 'handlebars';
import { didYouMean } from '../ingest/near-miss.js';
import type { InputProblem } from '../model/index.js';
import { fromHandlebars, problemIn, type Place, type TemplateSource } from './template-source.js';

type Ast = hbs.AST.Program;
type AnyNode = { type: string; loc?: hbs.AST.SourceLocation; [key: string]: unknown };

/** What a template may name: the partials in the folder, the helpers registered, the blocks the code builds. */
export interface TemplateNames {
  partials: ReadonlySet<string>;
  /** The partials folder as messages name it. */
  partialsFolder: string;
  helpers: readonly string[];
  /** The blocks a Markdown template may ask for; undefined for JSON (labels, chart specs), where `[[` is an array. */
  blocks?: readonly string[];
}

/** Every node of a template, depth first: statements, expressions and the programs of blocks. */
export function* nodesOf(node: unknown): Generator<AnyNode> {
  if (Array.isArray(node)) {
    for (const item of node) yield* nodesOf(item);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const candidate = node as AnyNode;
  if (typeof candidate.type === 'string') yield candidate;
  for (const [key, value] of Object.entries(candidate)) if (key !== 'loc') yield* nodesOf(value);
}

/** Handlebars' tokens in words, for a syntax error. */
const TOKENS: Record<string, string> = {
  CLOSE: '}}', CLOSE_UNESCAPED: '}}}', EOF: 'the end of the file', INVALID: 'a character it did not expect',
  ID: 'a name', STRING: 'a quoted string', OPEN_ENDBLOCK: '{{/…}}', CLOSE_SEXPR: ')', OPEN_SEXPR: '(',
};

/**
 * Parses a template, or says where and why it cannot be. Handlebars' parser keeps no position in its error,
 * but its lexer still holds the token it stopped at.
 */
export function parseTemplate(source: TemplateSource): { ast?: Ast; problem?: InputProblem } {
  try {
    return { ast: Handlebars.parseWithoutProcessing(source.text) };
  } catch (error) {
    const exception = error as Error & { lineNumber?: number; column?: number };
    if (exception.lineNumber !== undefined && exception.column !== undefined) {
      const [open, close] = /^(\S+) doesn't match (\S+)/.exec(exception.message)?.slice(1) ?? [];
      const reason = open ? `{{#${open}}} is closed by {{/${close}}}` : exception.message.replace(/ - \d+:\d+$/, '');
      return { problem: problemIn(source, fromHandlebars({ line: exception.lineNumber, column: exception.column }), reason, 'each {{#block}} closed by its own {{/block}}') };
    }
    return { problem: syntaxProblem(source, exception.message) };
  }
}

function syntaxProblem(source: TemplateSource, message: string): InputProblem {
  const lexer = (Handlebars as unknown as { Parser: { lexer: { yylloc?: { first_line: number; first_column: number } } } }).Parser.lexer;
  const at = lexer.yylloc && fromHandlebars({ line: lexer.yylloc.first_line, column: lexer.yylloc.first_column });
  const got = /got '([A-Z_]+)'$/.exec(message)?.[1] ?? '';
  if (got === 'EOF' && message.includes("'OPEN_ENDBLOCK'")) return problemIn(source, at, 'the file ends inside a block: a closing {{/…}} is missing', 'each {{#block}} closed by its own {{/block}}');
  return problemIn(source, at, `Handlebars cannot read the template here: it found ${TOKENS[got] ?? got}`, 'placeholders written as {{name}}, {{#if name}}…{{/if}} or {{> partial}}');
}

/**
 * What the template asks for that is not there: partials by name, helpers, and `[[blocks]]` written in its
 * own text. (Names looked up in the view can only be checked as the paper is built: see template-runtime.ts.)
 */
export function checkTemplate(source: TemplateSource, ast: Ast, names: TemplateNames): InputProblem[] {
  const problems: InputProblem[] = [];
  for (const node of nodesOf(ast)) {
    const partial = partialName(node);
    if (partial !== undefined && !names.partials.has(partial.name)) {
      problems.push(problemIn(source, partial.at, `partial "${partial.name}" does not exist${hint(partial.name, [...names.partials])}`, `a file ${partial.name}.md in ${names.partialsFolder}, or one of the partials there`));
    }
    const helper = helperName(node);
    if (helper !== undefined && !names.helpers.includes(helper)) {
      const named = (node.path as AnyNode).loc;
      problems.push(problemIn(source, named && fromHandlebars(named.start), `helper "${helper}" does not exist${hint(helper, names.helpers)}`, `one of ${names.helpers.join(', ')}`));
    }
    if (node.type === 'ContentStatement' && node.loc && names.blocks) problems.push(...unknownBlocks(source, node, names.blocks));
  }
  return problems;
}

const hint = (name: string, candidates: readonly string[]) => {
  const text = didYouMean(name, candidates);
  return text ? ` (${text})` : '';
};

/** A partial named in the text (`{{> question}}`); one whose name is looked up as the paper is built is not. */
function partialName(node: AnyNode): { name: string; at?: Place } | undefined {
  if (node.type !== 'PartialStatement' && node.type !== 'PartialBlockStatement') return undefined;
  const name = node.name as AnyNode & { original?: unknown };
  if (name.type !== 'PathExpression') return undefined;
  return { name: String(name.original), at: name.loc && fromHandlebars(name.loc.start) };
}

/** A call with arguments (`{{plural n "is" "are"}}`, `{{#each …}}`) is a helper's; a bare `{{name}}` is a placeholder. */
function helperName(node: AnyNode): string | undefined {
  if (node.type !== 'MustacheStatement' && node.type !== 'BlockStatement' && node.type !== 'SubExpression') return undefined;
  const path = node.path as AnyNode & Partial<hbs.AST.PathExpression>;
  const hasArguments = (node.params as unknown[]).length > 0 || ((node.hash as hbs.AST.Hash | undefined)?.pairs.length ?? 0) > 0;
  if (!hasArguments || path.type !== 'PathExpression' || path.data || path.depth !== 0 || path.parts?.length !== 1) return undefined;
  return path.parts[0];
}

/** A `[[name` at the start of a line of the template's own text asks for a block the code builds. */
function unknownBlocks(source: TemplateSource, node: AnyNode, blocks: readonly string[]): InputProblem[] {
  const text = String(node.original);
  const start = node.loc!.start;
  const problems: InputProblem[] = [];
  for (const match of text.matchAll(/(^|\n)([ \t]*)\[\[([a-z0-9-]+)/g)) {
    const name = match[3]!;
    const offset = match.index + match[1]!.length;
    const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    // A match on the content's first line is at a line start only if the content itself starts one.
    if (lineStart === 0 && start.column !== 0) continue;
    if (blocks.includes(name)) continue;
    const line = start.line + (text.slice(0, offset).match(/\n/g)?.length ?? 0);
    const at = { line, column: offset - lineStart + match[2]!.length + 1 };
    problems.push(problemIn(source, at, `block [[${name}]] does not exist${hint(name, blocks)}`, `one of ${blocks.map((block) => `[[${block}]]`).join(', ')}`));
  }
  return problems;
}

/**
 * The partials the view names are looked up as the paper is built (`{{> (lookup . "partial")}}`), and which
 * one depends on the data: when any template looks partials up, every one the view may name must be there.
 */
export function missingLookedUpPartials(asts: Iterable<Ast>, viewPartials: readonly string[], names: TemplateNames): InputProblem[] {
  const looksUp = [...asts].some((ast) => [...nodesOf(ast)].some((node) => node.type === 'PartialStatement' && (node.name as AnyNode).type === 'SubExpression'));
  if (!looksUp) return [];
  return viewPartials
    .filter((name) => !names.partials.has(name))
    .map((name) => ({ file: path.join(names.partialsFolder, `${name}.md`), reason: 'the partial is missing, and the paper looks it up by name when the data call for it', expected: 'a partial for each readiness reason, triangulation finding, SPC rule and inspection model, as in templates/partials' }));
}
