import { indicatorCatalogue, qualityIndicators, type IndicatorDefinition, type IndicatorUnit, type Polarity, type QuestionNumber } from '../framework/index.js';
import type { InputProblem } from '../model/index.js';
import { readTable, type FileTally, type TableInput } from './csv-table.js';
import { DuplicateFinder, RowReader } from './row-reader.js';
import type { Parsed } from './values.js';

export const indicatorColumns = [
  { name: 'id', required: true, aliases: ['indicator'] },
  { name: 'title', required: false },
  { name: 'definition', required: false },
  { name: 'unit', required: false },
  { name: 'polarity', required: false },
  { name: 'decimals', required: false },
  { name: 'questions', required: false },
  { name: 'qis', required: false },
  { name: 'source', required: false },
  { name: 'licence', required: false, aliases: ['license'] },
] as const;

const UNITS: readonly IndicatorUnit[] = ['percent', 'rate-per-1000-0-15', 'rate-per-1000-0-17', 'rate-per-10000', 'gbp-per-week', 'count', 'days'];
const POLARITIES: readonly Polarity[] = ['higher-is-better', 'lower-is-better', 'context'];

const oneOf = <T extends string>(values: readonly T[]) => (text: string): Parsed<T> => {
  const value = values.find((v) => v === text.trim().toLowerCase());
  return value ? { ok: true, value } : { ok: false, expected: `one of ${values.join(', ')}` };
};

const id = (text: string): Parsed<string> => (/^[A-Za-z0-9][A-Za-z0-9-]*$/.test(text.trim()) ? { ok: true, value: text.trim() } : { ok: false, expected: 'letters, digits and hyphens, e.g. cppm-within-timescale' });
const decimals = (text: string): Parsed<number> => (/^[0-3]$/.test(text.trim()) ? { ok: true, value: Number(text) } : { ok: false, expected: 'a whole number of decimal places from 0 to 3' });

/** Lists written "1; 2" or "5.1; 5.2" in one cell. */
const listOf = <T>(parse: (item: string) => T | undefined, expected: string) => (text: string): Parsed<T[]> => {
  const items = text.split(/[;,]/).map((item) => item.trim()).filter(Boolean);
  const parsed = items.map(parse);
  return parsed.every((item) => item !== undefined) ? { ok: true, value: parsed as T[] } : { ok: false, expected };
};
const questions = listOf((item) => (/^[1-5]$/.test(item) ? (Number(item) as QuestionNumber) : undefined), 'inspection question numbers 1 to 5, separated by ";"');
const qis = listOf((item) => (qualityIndicators.some((qi) => qi.id === item) ? item : undefined), 'QI numbers such as 5.1; 5.2');

/**
 * A workspace's indicators.csv: a row whose id the tool knows changes only the fields it fills in; a new id
 * adds the partnership's own measure, which then needs its title, unit, polarity and questions.
 */
export function readIndicatorCatalogue(file: string, text: TableInput, problems: InputProblem[], tally?: FileTally): IndicatorDefinition[] {
  const table = readTable(file, text, indicatorColumns, problems, { tally, warnUnknownColumns: true });
  const catalogue = indicatorCatalogue.map((indicator) => ({ ...indicator }));
  const duplicates = new DuplicateFinder();
  for (const row of table.rows) {
    const read = new RowReader(file, table, row, problems);
    const indicatorId = read.required('id', id);
    if (!indicatorId) continue;
    const first = duplicates.firstLineOf(indicatorId.toLowerCase(), row.line);
    if (first !== undefined) read.report('id', `indicator ${indicatorId} is defined twice (${read.bothLines(first)})`, 'one row per indicator');
    const known = catalogue.find((indicator) => indicator.id.toLowerCase() === indicatorId.toLowerCase());
    const field = <T>(column: string, parser: (text: string) => Parsed<T>) => (known ? read.optional(column, parser) : read.required(column, parser));
    const fields = {
      title: field('title', (t) => ({ ok: true, value: t.trim() })),
      definition: read.optional('definition', (t) => ({ ok: true, value: t.trim() })),
      unit: field('unit', oneOf(UNITS)),
      polarity: field('polarity', oneOf(POLARITIES)),
      decimals: read.optional('decimals', decimals),
      questions: field('questions', questions),
      qis: read.optional('qis', qis),
      source: read.optional('source', (t) => ({ ok: true, value: t.trim() })),
      licence: read.optional('licence', (t) => ({ ok: true, value: t.trim() })),
    };
    if (!read.ok) continue;
    const defined = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
    if (known) Object.assign(known, defined);
    else catalogue.push({ id: indicatorId, definition: '', decimals: 1, qis: [], source: 'Partnership’s own records', licence: 'Local data', ...defined } as unknown as IndicatorDefinition);
  }
  return catalogue;
}
