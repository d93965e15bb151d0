import { LIST_PARTICULARS } from '../model/workbook-layout.js';

/** A cell's value as the Particulars sheet holds it: text, a number, or TRUE/FALSE. */
export type ParticularValue = string | number | boolean;

/** One row of the Particulars sheet, and which guidance ("What it is") explains it. */
export interface ParticularRow {
  /** As column A shows it: `council`, `reportBy.name`, `mapping.1`, `implications.Financial`. */
  field: string;
  value: ParticularValue;
  /** The guidance's name in templates/workbook/labels.json: the field, or `mapping` / `implications` for theirs. */
  guide: string;
  /** What a guidance's `{{key}}` stands for: the question's number or the implication's heading. */
  key?: string;
}

const isList = (name: string) => (LIST_PARTICULARS as readonly string[]).includes(name);

function scalar(value: unknown, field: string): ParticularValue {
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  // The seed is made by init, so any other shape is init's mistake, not the officer's.
  throw new TypeError(`report field ${field} is not text, a number or true/false`);
}

/** `{ "1": ["5.1", "5.2"] }` → mapping.1 = "5.1; 5.2": one question a row, its QIs as the README writes them. */
function mappingRows(mapping: unknown): ParticularRow[] {
  if (typeof mapping !== 'object' || mapping === null || Array.isArray(mapping)) throw new TypeError('report field mapping is not an object');
  return Object.entries(mapping).map(([question, qis]) => {
    if (!Array.isArray(qis)) throw new TypeError(`report field mapping.${question} is not a list`);
    return { field: `mapping.${question}`, value: qis.map((qi) => scalar(qi, `mapping.${question}`)).join('; '), guide: 'mapping', key: question };
  });
}

/** `[{ heading, text }]` → implications.<heading> = text, in the paper's order. */
function implicationRows(implications: unknown): ParticularRow[] {
  if (!Array.isArray(implications)) throw new TypeError('report field implications is not a list');
  return implications.map((entry: { heading?: unknown; text?: unknown }) => {
    const heading = scalar(entry?.heading, 'implications.heading');
    return { field: `implications.${heading}`, value: scalar(entry.text, `implications.${heading}`), guide: 'implications', key: String(heading) };
  });
}

/** A list field, one row an entry; an empty list keeps one empty row, so the officer sees where entries go. */
function listRows(name: string, entries: unknown): ParticularRow[] {
  if (!Array.isArray(entries)) throw new TypeError(`report field ${name} is not a list`);
  const values = entries.length > 0 ? entries.map((entry) => scalar(entry, name)) : [''];
  return values.map((value) => ({ field: name, value, guide: name }));
}

function fieldRows(name: string, value: unknown): ParticularRow[] {
  if (name === 'mapping') return mappingRows(value);
  if (name === 'implications') return implicationRows(value);
  if (isList(name)) return listRows(name, value);
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    return Object.entries(value).flatMap(([key, inner]) => fieldRows(`${name}.${key}`, inner));
  }
  if (value === null || value === undefined) return [];
  return [{ field: name, value: scalar(value, name), guide: name }];
}

/**
 * report.json's fields as the Particulars sheet holds them, in report.json's order: scalars by name, nested
 * fields dotted, list fields one row an entry with the name repeated, mapping and implications one row a
 * question or heading. The reader turns these rows back into the same report.json.
 */
export function particularsRows(report: Record<string, unknown>): ParticularRow[] {
  return Object.entries(report).flatMap(([name, value]) => fieldRows(name, value));
}
