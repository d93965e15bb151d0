import { LIST_PARTICULARS, SHEETS, type InputProblem } from '../model/index.js';
import type { SheetInput } from './csv-table.js';
import type { Node } from 'jsonc-parser';
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
 * JSON tree (never text) whose every key and value remembers its cell, so a problem lands on the Field cell (an
 * unknown name) or the Value cell (a bad value). A row left empty is no entry, except for a setting the paper needs,
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
  const tree = new JsonTreeBuilder({ sheet: sheet.sheet });
  const root = tree.object(fields, (name, shape) => shapeNode(tree, name, shape), (_, shape) => firstRow(shape).at.field);
  const origin = { placeOf: (offset: number) => tree.placeOf(offset), settingWhere: (name: string) => `a row "${name}" in the ${SHEETS.particulars} sheet` };
  return (into) => new JsonFields(file, { root, origin }, into);
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

function shapeNode(tree: JsonTreeBuilder, name: string, shape: Shape): Node {
  switch (shape.kind) {
    case 'scalar':
      return name === 'draft' ? tree.boolean(shape.row.value, shape.row.at.value) : tree.string(shape.row.value, shape.row.at.value);
    case 'list':
      return tree.array(shape.rows.filter((row) => row.value !== ''), (row) => tree.string(row.value, row.at.value), shape.rows[0]!.at.value);
    case 'object':
      return tree.object(new Map(shape.rows.map((row) => [row.name.slice(name.length + 1), row])), (_, row) => memberNode(tree, name, row), (_, row) => row.at.field, shape.rows[0]!.at.field);
    case 'implications':
      return tree.array(shape.rows, (row) => {
        const heading = row.name.slice(name.length + 1);
        return tree.object(new Map([['heading', heading], ['text', row.value]]), (key, text) => tree.string(text, key === 'heading' ? row.at.field : row.at.value), () => row.at.field, row.at.field);
      }, shape.rows[0]!.at.field);
  }
}

/** A member of a dotted field: thresholds are numbers, a mapping lists QIs in one cell ("5.1; 5.2"). */
function memberNode(tree: JsonTreeBuilder, object: string, row: Particular): Node {
  if (object === 'thresholds') return tree.number(row.value, row.at.value);
  if (object === 'mapping') return tree.array(row.value.split(/[;,]/).map((qi) => qi.trim()).filter(Boolean), (qi) => tree.string(qi, row.at.value), row.at.value);
  return tree.string(row.value, row.at.value);
}

/**
 * jsonc-parser nodes built from cells, as its parser would build them from report.json's text. A node's offset
 * is its index in the places list: the cell it came from.
 */
class JsonTreeBuilder {
  private readonly places: Place[] = [];

  constructor(private readonly whole: Place) {}

  placeOf(offset: number): Place {
    return this.places[offset] ?? this.whole;
  }

  private node(type: Node['type'], place: Place = this.whole, value?: unknown, children?: Node[]): Node {
    return { type, offset: this.places.push(place) - 1, length: 1, value, children };
  }

  string(value: string, place: Place): Node {
    return this.node('string', place, value);
  }

  /** A number as JSON has it; anything else stays text, for the settings' check to refuse where it is. */
  number(value: string, place: Place): Node {
    return /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(value.trim()) ? this.node('number', place, Number(value.trim())) : this.string(value, place);
  }

  /** TRUE/FALSE as Excel shows them, or yes/no; anything else stays text, for the check to refuse. */
  boolean(value: string, place: Place): Node {
    const known = BOOLEANS[value.trim().toLowerCase()];
    return known === undefined ? this.string(value, place) : this.node('boolean', place, known);
  }

  array<T>(items: readonly T[], item: (value: T) => Node, place?: Place): Node {
    return this.node('array', place, undefined, items.map(item));
  }

  /** An object whose each key stands where `keyPlace` says: a row's Field cell. */
  object<T>(members: ReadonlyMap<string, T>, member: (key: string, value: T) => Node, keyPlace: (key: string, value: T) => Place, place?: Place): Node {
    const properties = [...members].map(([key, value]) => this.node('property', keyPlace(key, value), undefined, [this.string(key, keyPlace(key, value)), member(key, value)]));
    return this.node('object', place, undefined, properties);
  }
}
