import { familyGroupArea, findCouncil, type IndicatorDefinition } from '../framework/index.js';
import { product, type DatasetRecord, type InputProblem } from '../model/index.js';
import { newTally, readCsvTable, type FileTally } from './csv-table.js';
import { withExcelYearHint } from './excel-years.js';
import { parsePeriodField } from './grades.js';
import { RowReader } from './row-reader.js';
import { numberParserFor } from './values.js';

export const LGBF_SOURCE = 'LGBF data table (Improvement Service)';
export const SCOTLAND = 'Scotland';

/** The LGBF data table as the Improvement Service publishes it (and as pandas re-saves it). */
export const lgbfColumns = [
  { name: 'localauthority', required: true },
  { name: 'indicatorcode', required: true },
  { name: 'year', required: true },
  { name: 'indicatorcash_la', required: true },
  { name: 'numeratorcash_la', required: false },
  { name: 'denominatorcash_la', required: false },
  { name: 'indicatorcash_scotland', required: true },
  { name: 'numeratorcash_scotland', required: false },
  { name: 'denominatorcash_scotland', required: false },
  { name: 'indicatorcash_fg', required: true },
  { name: 'familygroup', required: false },
] as const;

/** Shares the LGBF stores as fractions become percentages, exactly: 0.1197 × 100 is 11.97, not 11.970000000000001. */
const asPercent = (value: number) => product(value, 100);

/**
 * Picks the indicators the catalogue knows out of the whole LGBF data table: every council's figure,
 * Scotland's, and each family group's average, each row traced to its line. Empty cells are figures
 * the LGBF has not published, so they give no row.
 */
export function readLgbfTable(file: string, text: string, catalogue: readonly IndicatorDefinition[], problems: InputProblem[], tally: FileTally = newTally()): DatasetRecord[] {
  const byCode = new Map(catalogue.flatMap((indicator) => (indicator.import?.lgbf ? [[indicator.import.lgbf.code.toLowerCase(), indicator] as const] : [])));
  const table = readCsvTable(file, text, lgbfColumns, problems, { tally });
  const parseNumber = numberParserFor(table.delimiter);
  const records: DatasetRecord[] = [];
  const comparatorSeen = new Set<string>();
  const parseYear = withExcelYearHint(parsePeriodField);
  for (const row of table.rows) {
    const indicator = byCode.get((row.values.indicatorcode ?? '').toLowerCase());
    if (!indicator) {
      tally.notUsed += 1;
      continue;
    }
    const read = new RowReader(file, table, row, problems);
    const council = findCouncil(read.text('localauthority'));
    if (!council) read.report('localauthority', `"${read.text('localauthority')}" is not a Scottish council`, 'one of the 32 councils, in the LGBF’s or the ONS spelling');
    const period = read.required('year', parseYear);
    const values = {
      la: read.optional('indicatorcash_la', parseNumber),
      laNumerator: read.optional('numeratorcash_la', parseNumber),
      laDenominator: read.optional('denominatorcash_la', parseNumber),
      scotland: read.optional('indicatorcash_scotland', parseNumber),
      scotlandNumerator: read.optional('numeratorcash_scotland', parseNumber),
      scotlandDenominator: read.optional('denominatorcash_scotland', parseNumber),
      familyGroup: read.optional('indicatorcash_fg', parseNumber),
    };
    if (!read.ok || !council || !period) continue;
    const before = records.length;
    const scale = indicator.import!.lgbf!.fraction ? asPercent : (value: number) => value;
    const add = (area: string, value: number | undefined, numerator?: number, denominator?: number) => {
      if (value !== undefined) records.push({ indicator: indicator.id, area, period, value: scale(value), numerator, denominator, source: LGBF_SOURCE, row: read.source });
    };
    add(council.name, values.la, values.laNumerator, values.laDenominator);
    // Scotland and family-group figures repeat on every council's row: keep the first of each.
    const year = read.text('year');
    if (!comparatorSeen.has(`${indicator.id}|${year}|Scotland`)) {
      comparatorSeen.add(`${indicator.id}|${year}|Scotland`);
      add(SCOTLAND, values.scotland, values.scotlandNumerator, values.scotlandDenominator);
    }
    const group = familyGroupArea(council.childrenFamilyGroup);
    if (!comparatorSeen.has(`${indicator.id}|${year}|${group}`)) {
      comparatorSeen.add(`${indicator.id}|${year}|${group}`);
      add(group, values.familyGroup);
    }
    // A row whose figures are all unpublished, or repeat comparators already taken, adds nothing.
    if (records.length === before) tally.notUsed += 1;
  }
  return records;
}
