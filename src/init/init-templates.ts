import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { InspectionItemKind } from '../framework/index.js';
import { fill } from './fill.js';

/** init's own templates, shipped beside the paper's: all the prose a new workspace starts with. */
export const INIT_TEMPLATES_DIR = fileURLToPath(new URL('../../templates/init/', import.meta.url));

export interface InitTemplates {
  /** report.json with its placeholders ({{council}}, {{toComplete}} …); the template's comments are left out. */
  report: Record<string, unknown>;
  /** data/README.txt, as written. */
  dataReadme: string;
  /** position.md's skeleton for models B and C, a Handlebars template (see position-skeleton.ts). */
  position: string;
  /** What the skeleton calls a model's items, by kind: a heading's word and the word in a sentence. */
  positionWords: Record<InspectionItemKind, { title: string; one: string }>;
}

/**
 * Reads templates/init. They ship with the tool, so a template that cannot be read or parsed is the tool's
 * own fault (exit 1), never the officer's input.
 */
export async function readInitTemplates(directory = INIT_TEMPLATES_DIR): Promise<InitTemplates> {
  const reportFile = path.join(directory, 'report.jsonc');
  const errors: ParseError[] = [];
  const report: unknown = parse(await readFile(reportFile, 'utf8'), errors, { allowTrailingComma: false });
  if (errors.length > 0) throw new Error(`${reportFile} cannot be parsed: ${printParseErrorCode(errors[0]!.error)} at offset ${errors[0]!.offset}`);
  if (report === null || typeof report !== 'object' || Array.isArray(report)) throw new Error(`${reportFile} is not a JSON object`);
  const dataReadme = await readFile(path.join(directory, 'data-README.txt'), 'utf8');
  const position = await readFile(path.join(directory, 'position.md'), 'utf8');
  const positionWords = JSON.parse(await readFile(path.join(directory, 'position-words.json'), 'utf8')) as InitTemplates['positionWords'];
  return { report: report as Record<string, unknown>, dataReadme, position, positionWords };
}

/**
 * The value with every {{name}} in its strings filled from values. Filling the parsed strings, never the JSON
 * text, means a name with a quote in it cannot break the file.
 */
export function fillPlaceholders<T>(value: T, values: Readonly<Record<string, string>>): T {
  if (typeof value === 'string') return fill(value, values) as T;
  if (Array.isArray(value)) return value.map((entry) => fillPlaceholders(entry, values)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, fillPlaceholders(entry, values)])) as T;
  }
  return value;
}
