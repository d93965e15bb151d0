import { getNodeValue, printParseErrorCode, parseTree, type Node, type ParseError } from 'jsonc-parser';
import type { InputProblem, ProblemLevel } from '../model/index.js';

/** jsonc-parser's error codes in words; its offsets point where the parser gave up, often the next token. */
const JSON_ERRORS: Record<string, string> = {
  CommaExpected: 'a comma is missing before this point',
  ColonExpected: 'a colon (:) is missing after a key',
  PropertyNameExpected: 'a key in double quotes was expected here (or a comma before "}" is one too many)',
  ValueExpected: 'a value was expected here (or a comma is one too many)',
  CloseBraceExpected: 'a closing } is missing',
  CloseBracketExpected: 'a closing ] is missing',
  EndOfFileExpected: 'there is more after the end of the object',
  UnexpectedEndOfString: 'a string is not closed with a double quote',
  UnexpectedEndOfComment: 'a comment is not closed',
  InvalidSymbol: 'this character cannot start a value (strings need double quotes)',
  InvalidCommentToken: 'comments are not allowed in JSON',
  InvalidCharacter: 'a control character (such as a tab or line break) is inside a string',
  InvalidEscapeCharacter: 'a backslash starts an escape JSON does not have (write \\\\ for a backslash)',
  InvalidUnicode: 'a \\u escape is not four hex digits',
  InvalidNumberFormat: 'this is not a number JSON can read',
};

/** Where a problem at a text offset is shown: a line and column of the file, or a sheet's cell. */
export type Place = Pick<InputProblem, 'sheet' | 'line' | 'column'>;

/**
 * How a document built from somewhere else (the workbook's Particulars sheet) places its problems: each node's
 * offset stands for the cell its value came from, and each setting is named where the officer would add it.
 */
export interface JsonOrigin {
  placeOf(offset: number): Place;
  /** Where a setting that is missing belongs, for the expectation: `"council" in report.json`. */
  settingWhere(name: string): string;
}

/** A document that was never text: its tree, built from data, and where each of its nodes came from. */
export interface JsonTree {
  root: Node;
  origin: JsonOrigin;
}

/** Reads positioned values out of a JSON document, collecting problems rather than throwing. */
export class JsonFields {
  readonly root: Node | undefined;
  /** The document's text as read, for quoting what a value holds where it is written ('' for a built tree). */
  readonly source: string;
  private readonly lineStarts: number[] = [0];
  private readonly origin?: JsonOrigin;
  /** Values the officer has still to fill in: already reported once, so no other check speaks of them. */
  private readonly marked = new Set<Node>();

  constructor(
    readonly file: string,
    document: string | JsonTree,
    private readonly problems: InputProblem[],
  ) {
    if (typeof document !== 'string') {
      this.source = '';
      this.root = document.root;
      this.origin = document.origin;
      return;
    }
    this.source = document;
    for (let i = 0; i < document.length; i++) if (document[i] === '\n') this.lineStarts.push(i + 1);
    const errors: ParseError[] = [];
    const withoutMark = document.charCodeAt(0) === 0xfeff ? ' ' + document.slice(1) : document;
    this.root = parseTree(withoutMark, errors, { disallowComments: true, allowTrailingComma: false });
    for (const error of errors) {
      this.problemAt(error.offset, `not valid JSON: ${JSON_ERRORS[printParseErrorCode(error.error)] ?? printParseErrorCode(error.error)}`, 'a JSON object such as { "council": "…" }');
    }
    if (errors.length === 0 && this.root?.type !== 'object') this.problemAt(0, 'the file is not a JSON object', 'a JSON object such as { "council": "…" }');
  }

  problemAt(offset: number, reason: string, expected?: string, level?: ProblemLevel): undefined {
    this.problems.push({ file: this.file, ...this.placeOf(offset), reason, expected, ...(level ? { level } : {}) });
    return undefined;
  }

  /** Where the officer would add a setting that is missing. */
  settingWhere(name: string): string {
    return this.origin?.settingWhere(name) ?? `"${name}" in report.json`;
  }

  private placeOf(offset: number): Place {
    if (this.origin) return this.origin.placeOf(offset);
    let line = 0;
    while (line + 1 < this.lineStarts.length && this.lineStarts[line + 1]! <= offset) line++;
    return { line: line + 1, column: offset - this.lineStarts[line]! + 1 };
  }

  problemOn(node: Node, reason: string, expected?: string): undefined {
    return this.marked.has(node) ? undefined : this.problemAt(node.offset, reason, expected);
  }

  /** Something read but not used, said where it is written; it stops nothing. */
  warningOn(node: Node, reason: string, expected?: string): undefined {
    return this.marked.has(node) ? undefined : this.problemAt(node.offset, reason, expected, 'warning');
  }

  /** A value reported as still to fill in: from now on it reads as absent, and nothing more is said of it. */
  markToComplete(node: Node, reason: string, expected: string): void {
    this.problemOn(node, reason, expected);
    this.marked.add(node);
  }

  /** The properties of an object node, keyed by name, with the property (key) node for positions. */
  properties(node: Node | undefined): Map<string, { key: Node; value: Node }> {
    const result = new Map<string, { key: Node; value: Node }>();
    for (const property of node?.type === 'object' ? (node.children ?? []) : []) {
      const [key, value] = property.children ?? [];
      if (key && value) result.set(String(key.value), { key, value });
    }
    return result;
  }

  string(node: Node, what: string): string | undefined {
    if (this.marked.has(node)) return undefined;
    if (node.type === 'string' && String(node.value).trim() !== '') return String(node.value).trim();
    if (node.type === 'number') return String(node.value);
    return this.problemOn(node, `${what} is ${node.type === 'string' ? 'empty' : `a ${node.type}`}`, 'a non-empty string');
  }

  stringList(node: Node, what: string): string[] | undefined {
    if (node.type !== 'array') return this.problemOn(node, `${what} is a ${node.type}`, 'an array of strings, e.g. ["…", "…"]');
    const items = (node.children ?? []).map((child, index) => this.string(child, `${what}[${index}]`));
    return items.every((item) => item !== undefined) ? (items as string[]) : undefined;
  }

  boolean(node: Node, what: string): boolean | undefined {
    return node.type === 'boolean' ? Boolean(getNodeValue(node)) : this.problemOn(node, `${what} is a ${node.type}`, 'true or false');
  }

  number(node: Node, what: string): number | undefined {
    return node.type === 'number' ? Number(node.value) : this.problemOn(node, `${what} is a ${node.type}`, 'a number');
  }
}
