import { LIST_PARTICULARS, SHEETS, type InputProblem } from '../model/index.js';
import type { SheetInput } from './csv-table.js';
import { JsonFields, type Place } from './json-fields.js';
import { REQUIRED_SETTINGS, type SettingsSource } from './settings.js';
import { tableFromRecords, type TableOptions } from './table.js';

export const particularsColumns = [
  { name: 'field', required: true, aliases: ['setting'] },
  { name: 'value', required: true },
  { name: 'what_it_is', required: false, aliases: ['guidance', 'notes'] },
] as const;

/** One Particulars row: a field's name and value, and the cells they are in. */
interface Particular {
  name: string;
  value: string;
  at: { field: Place; value: Place };
}

/** A field's rows, in the shape report.json gives that field. */
type Shape =
  | { kind: 'scalar'; row: Particular }
  | { kind: 'list'; rows: Particular[] }
  | { kind: 'object'; rows: Particular[] }
  | { kind: 'implications'; rows: Particular[] };

const isList = (name: string) => (LIST_PARTICULARS as readonly string[]).includes(name);
const isRequired = (name: string) => REQUIRED_SETTINGS.includes(name);
/** What a typed yes or no reads as; Excel's own TRUE and FALSE arrive as text too. */
const BOOLEANS: Record<string, boolean> = { true: true, false: false, yes: true, no: false };

/**
 * The Particulars sheet as report.json's object, read by the same checks as report.json: the rows become a
 * JSON document whose every key and value remembers its cell, so a problem lands on the Field cell (an unknown
 * name) or the Value cell (a bad value). A row left empty is no entry, except for a setting the paper needs,
 * which then reads as empty where the officer left it.
 */
export function particularsSource(file: string, sheet: SheetInput, problems: InputProblem[], tally?: TableOptions['tally']): SettingsSource | undefined {
  const before = problems.length;
  const table = tableFromRecords({ file, sheet: sheet.sheet }, sheet.records, particularsColumns, problems, { tally });
  if (problems.length > before) return undefined;
  const cell = (line: number, column: string): Place => ({ sheet: sheet.sheet, line, column: table.columnOf(column) });
  const rows = table.rows
    .map((row): Particular => ({ name: row.values.field ?? '', value: row.values.value ?? '', at: { field: cell(row.line, 'field'), value: cell(row.line, 'value') } }))
    .filter((row) => row.name !== '' && (row.value !== '' || isRequired(row.name.split('.')[0]!)));
  const fields = shapes(rows, problems, file);
  const document = new JsonText({ sheet: sheet.sheet });
  document.object(fields, (name, shape) => writeShape(document, name, shape), (_, shape) => firstRow(shape).at.field);
  return (into) => new JsonFields(file, document.text, into, { placeOf: (offset) => document.placeOf(offset), settingWhere: (name) => `a row "${name}" in the ${SHEETS.particulars} sheet` });
}

/** The rows grouped by field, in the order the fields first appear; a field given twice is a problem. */
function shapes(rows: readonly Particular[], problems: InputProblem[], file: string): Map<string, Shape> {
  const fields = new Map<string, Shape>();
  const seen = new Map<string, Particular>();
  for (const row of rows) {
    const [head, ...rest] = row.name.split('.');
    const name = head!;
    const kind = isList(name) ? 'list' : rest.length === 0 ? 'scalar' : name === 'implications' ? 'implications' : 'object';
    if (kind === 'scalar' || kind === 'object') {
      const first = seen.get(row.name);
      if (first) {
        problems.push({ file, ...row.at.field, reason: `${row.name} is given twice (rows ${first.at.field.line} and ${row.at.field.line})`, expected: `one row for ${row.name}` });
        continue;
      }
      seen.set(row.name, row);
    }
    const shape = fields.get(name);
    if (kind === 'scalar') fields.set(name, { kind, row });
    else if (shape && shape.kind === kind) shape.rows.push(row);
    else fields.set(name, { kind, rows: [row] });
  }
  return fields;
}

const firstRow = (shape: Shape): Particular => (shape.kind === 'scalar' ? shape.row : shape.rows[0]!);

function writeShape(document: JsonText, name: string, shape: Shape): void {
  switch (shape.kind) {
    case 'scalar':
      return name === 'draft' ? document.boolean(shape.row.value, shape.row.at.value) : document.string(shape.row.value, shape.row.at.value);
    case 'list':
      return document.array(shape.rows.filter((row) => row.value !== ''), (row) => document.string(row.value, row.at.value), shape.rows[0]!.at.value);
    case 'object':
      return document.object(new Map(shape.rows.map((row) => [row.name.slice(name.length + 1), row])), (key, row) => writeMember(document, name, key, row), (_, row) => row.at.field, shape.rows[0]!.at.field);
    case 'implications':
      return document.array(shape.rows, (row) => {
        const heading = row.name.slice(name.length + 1);
        document.object(new Map([['heading', heading], ['text', row.value]]), (key, text) => document.string(text, key === 'heading' ? row.at.field : row.at.value), () => row.at.field, row.at.field);
      }, shape.rows[0]!.at.field);
  }
}

/** A member of a dotted field: thresholds are numbers, a mapping lists QIs in one cell ("5.1; 5.2"). */
function writeMember(document: JsonText, object: string, key: string, row: Particular): void {
  if (object === 'thresholds') return document.number(row.value, row.at.value);
  if (object === 'mapping') return document.array(row.value.split(/[;,]/).map((qi) => qi.trim()).filter(Boolean), (qi) => document.string(qi, row.at.value), row.at.value);
  return document.string(row.value, row.at.value);
}

/** JSON text written token by token, each token remembering the cell it stands for. */
class JsonText {
  text = '';
  private readonly spans: { start: number; end: number; place: Place }[] = [];

  constructor(private readonly whole: Place) {}

  placeOf(offset: number): Place {
    return this.spans.find((span) => offset >= span.start && offset < span.end)?.place ?? this.whole;
  }

  private put(token: string, place: Place = this.whole): void {
    this.spans.push({ start: this.text.length, end: this.text.length + token.length, place });
    this.text += token;
  }

  string(value: string, place: Place): void {
    this.put(JSON.stringify(value), place);
  }

  /** A number as JSON has it; anything else stays text, for the settings' check to refuse where it is. */
  number(value: string, place: Place): void {
    this.put(/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(value.trim()) ? value.trim() : JSON.stringify(value), place);
  }

  boolean(value: string, place: Place): void {
    const known = BOOLEANS[value.trim().toLowerCase()];
    this.put(known === undefined ? JSON.stringify(value) : String(known), place);
  }

  array<T>(items: readonly T[], write: (item: T) => void, place?: Place): void {
    this.put('[', place);
    items.forEach((item, index) => {
      if (index > 0) this.text += ',';
      write(item);
    });
    this.text += ']';
  }

  /** An object whose each key stands where `keyPlace` says: a row's Field cell. */
  object<T>(members: ReadonlyMap<string, T>, write: (key: string, value: T) => void, keyPlace: (key: string, value: T) => Place, place?: Place): void {
    this.put('{', place);
    let index = 0;
    for (const [key, value] of members) {
      if (index++ > 0) this.text += ',';
      this.put(JSON.stringify(key), keyPlace(key, value));
      this.text += ':';
      write(key, value);
    }
    this.text += '}';
  }
}
