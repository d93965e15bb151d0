import { listWithOr, nearMisses } from '../ingest/near-miss.js';
import { InvalidInputError, type InputProblem } from '../model/index.js';
import { nodesOf } from './template-check.js';
import { fromHandlebars, problemIn, type Place, type TemplateSource } from './template-source.js';

/** The last name looked up in the view and not found there, with the object it was looked for in. */
interface Miss {
  name: string;
  target: object;
}

/**
 * The view as the templates see it, watched: strict Handlebars asks `name in object` before each lookup and
 * throws when it is false, without saying what the object did offer. The watch remembers the last miss, so
 * the problem can suggest the names that were there to be used at that point.
 */
export function watchLookups<T>(root: T): { view: T; lastMiss: () => Miss | undefined } {
  let miss: Miss | undefined;
  const proxies = new WeakMap<object, object>();
  const handler: ProxyHandler<object> = {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      // Handlebars reads the middle of a path (`capacity.partnershp.word`) without asking `in` first.
      if (value === undefined && typeof key === 'string' && !Reflect.has(target, key)) miss = { name: key, target };
      const own = Reflect.getOwnPropertyDescriptor(target, key);
      // A proxy may not change a fixed property's value (a frozen object's), so those are not watched.
      return own && !own.configurable && !own.writable ? value : wrap(value);
    },
    has(target, key) {
      const found = Reflect.has(target, key);
      if (!found && typeof key === 'string') miss = { name: key, target };
      return found;
    },
  };
  const wrap = (value: unknown): unknown => {
    if (value === null || typeof value !== 'object') return value;
    if (!proxies.has(value)) proxies.set(value, new Proxy(value, handler));
    return proxies.get(value);
  };
  return { view: wrap(root) as T, lastMiss: () => miss };
}

/** The data variables Handlebars gives inside blocks (`{{@index}}`), for a misspelt one. */
const DATA_NAMES = ['index', 'first', 'last', 'key', 'root'];

/** The path at a place in the template (`paper.partnershp`), or the first that ends in the name. */
function pathAt(ast: hbs.AST.Program, at: Place | undefined, name: string): { path?: hbs.AST.PathExpression; at?: Place } {
  const paths = [...nodesOf(ast)].filter((node) => node.type === 'PathExpression') as unknown as hbs.AST.PathExpression[];
  const startsAt = (path: hbs.AST.PathExpression) => at !== undefined && path.loc.start.line === at.line && path.loc.start.column + 1 === at.column;
  const path = paths.find(startsAt) ?? paths.find((candidate) => candidate.parts.at(-1) === name);
  return { path, at: at ?? (path && fromHandlebars(path.loc.start)) };
}

/** What a failed lookup says: the name, and whether the object it was looked for in had no value at all. */
function failedLookup(message: string): { name: string; inNothing?: boolean; inText?: boolean } | undefined {
  const strict = /^"([^"]+)" not defined in (.*?)(?: - \d+:\d+)?$/.exec(message);
  if (strict) return { name: strict[1]!, inNothing: strict[2] === 'undefined' || strict[2] === 'null' };
  const inOperator = /^Cannot use 'in' operator to search for '([^']+)' in/.exec(message);
  return inOperator ? { name: inOperator[1]!, inText: true } : undefined;
}

/**
 * The path's last name was looked for in nothing: a name before it is misspelt (the watch saw it missed), or
 * it is there but has no value in this paper, which the template must allow for.
 */
function inNothing(source: TemplateSource, at: Place | undefined, written: string, name: string, miss: Miss | undefined): InputProblem {
  const parts = written.split(/[./]/);
  const missed = miss && parts.lastIndexOf(miss.name, -2);
  if (missed !== undefined && missed >= 0) {
    const prefix = parts.slice(0, missed).map((part) => `${part}.`).join('');
    const near = nearMisses(miss!.name, Object.keys(miss!.target)).map((candidate) => prefix + candidate);
    const holder = prefix === '' ? 'the view here' : prefix.slice(0, -1);
    return problemIn(source, at, `placeholder "${written}" is not defined: ${holder} has no "${miss!.name}"${near.length > 0 ? ` (did you mean ${listWithOr(near)}?)` : ''}`, 'a name the view gives at this point (see src/render/view.ts)');
  }
  const parent = written.slice(0, written.length - name.length - 1);
  return problemIn(source, at, `placeholder "${written}": ${parent} has no value here, so it has no "${name}"`, `{{#if ${parent}}} around it, for papers where ${parent} is not given`);
}

/**
 * The names near the one written among those offered; failing that, the name one level down (`partnership`
 * for `paper.partnership`), the likeliest slip after a typo.
 */
function namesNear(name: string, target: object): string[] {
  const near = nearMisses(name, Object.keys(target));
  if (near.length > 0) return near;
  const inside = Object.entries(target).filter(([, value]) => value !== null && typeof value === 'object' && !Array.isArray(value));
  return inside.flatMap(([key, value]) => [...(Object.hasOwn(value, name) ? [name] : []), ...nearMisses(name, Object.keys(value))].map((child) => `${key}.${child}`)).slice(0, 4);
}

/** "placeholder "paper.partnershp" is not defined (did you mean paper.partnership?)", at the placeholder. */
function undefinedName(source: TemplateSource, ast: hbs.AST.Program, error: Error & { lineNumber?: number; column?: number }, miss: Miss | undefined, context: unknown): InputProblem | undefined {
  const lookup = failedLookup(error.message);
  if (!lookup) return undefined;
  const { name } = lookup;
  const found = pathAt(ast, error.lineNumber === undefined ? undefined : fromHandlebars({ line: error.lineNumber, column: error.column ?? 0 }), name);
  const written = found.path?.original ?? name;
  const prefix = written.slice(0, written.length - name.length);
  if (lookup.inNothing) return inNothing(source, found.at, written, name, miss);
  if (lookup.inText) return problemIn(source, found.at, `placeholder "${written}" is not defined: here the value is text, not a set of names`, '{{this}} for the text itself');
  const target: object = found.path?.data ? Object.fromEntries(DATA_NAMES.map((data) => [data, true])) : miss?.name === name ? miss.target : Object(context);
  const offered = Object.keys(target);
  const near = namesNear(name, target).map((candidate) => prefix + candidate);
  const expected = offered.length > 0 && offered.length <= 12 ? `one of ${offered.map((candidate) => prefix + candidate).join(', ')}` : 'a name the view gives at this point (see src/render/view.ts)';
  return problemIn(source, found.at, `placeholder "${written}" is not defined${near.length > 0 ? ` (did you mean ${listWithOr(near)}?)` : ''}`, expected);
}

/** A partial whose name the view gives (`{{> (lookup . "partial")}}`) but that has no file. */
function missingPartial(source: TemplateSource, ast: hbs.AST.Program, error: Error, partialsFolder: string): InputProblem | undefined {
  const name = /^The partial (.+) could not be found$/.exec(error.message)?.[1];
  if (name === undefined) return undefined;
  // Handlebars does not say which look-up failed: placed only when the file has one.
  const calls = [...nodesOf(ast)].filter((node) => node.type === 'PartialStatement' && (node.name as { type: string }).type === 'SubExpression');
  const call = calls.length === 1 ? calls[0] : undefined;
  return problemIn(source, call?.loc && fromHandlebars(call.loc.start), `the partial "${name}" the paper asks for here does not exist`, `a file ${name}.md in ${partialsFolder} (the view names a partial for each readiness reason, triangulation finding and SPC rule)`);
}

/** The template's own mistake, said at its place in its file; anything else goes on as it was. */
export function templateError(error: unknown, source: TemplateSource, ast: hbs.AST.Program, miss: Miss | undefined, context: unknown, partialsFolder: string): unknown {
  if (error instanceof InvalidInputError || !(error instanceof Error)) return error;
  const problem = undefinedName(source, ast, error, miss, context) ?? missingPartial(source, ast, error, partialsFolder);
  return problem ? new InvalidInputError([problem]) : error;
}

type Render = (context: unknown, options?: unknown) => string;

/**
 * A compiled template whose mistakes are said in its own file: a partial's error names the partial's file,
 * not paper.md, because the innermost template to see an error is the one it happened in.
 */
export function inFile(render: Render, source: TemplateSource, ast: hbs.AST.Program, lastMiss: () => Miss | undefined, partialsFolder: string): Render {
  return (context, options) => {
    try {
      return render(context, options);
    } catch (error) {
      throw templateError(error, source, ast, lastMiss(), context, partialsFolder);
    }
  };
}
