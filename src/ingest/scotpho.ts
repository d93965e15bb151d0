import { councils, findCouncil, type IndicatorDefinition } from '../framework/index.js';
import { formatPeriod, type DatasetRecord, type InputProblem, type Period, type SuppressedFigure } from '../model/index.js';
import { newTally, readCsvTable, type FileTally } from './csv-table.js';
import { RowReader } from './row-reader.js';
import { numberParserFor, type Parsed } from './values.js';

export const SCOTPHO_SOURCE = 'ScotPHO children and young people profile (Public Health Scotland)';

export const scotphoColumns = [
  { name: 'area_code', required: false },
  { name: 'area_name', required: true },
  { name: 'indicator', required: true },
  { name: 'period', required: true },
  { name: 'numerator', required: false },
  { name: 'measure', required: true },
  { name: 'source_marker', required: false },
] as const;

/**
 * ScotPHO's period labels. A 31 July snapshot is filed as the LGBF files its own looked-after figures,
 * under the year that ends with it (31 July 2021 → 2020/21), so one snapshot has one period in a paper.
 */
export function scotphoPeriod(text: string): Parsed<Period> {
  const snapshot = /^(\d{4}) July snapshot$/i.exec(text.trim());
  if (snapshot) return { ok: true, value: { startYear: Number(snapshot[1]) - 1 } };
  const year = /^(\d{4})\/(\d{2}) (?:financial|school) year$/i.exec(text.trim());
  if (year && (Number(year[1]) + 1) % 100 === Number(year[2])) return { ok: true, value: { startYear: Number(year[1]) } };
  return { ok: false, expected: 'a ScotPHO period such as "2021 July snapshot", "2021/22 financial year" or "2017/18 school year"' };
}

export interface ScotphoImport {
  records: DatasetRecord[];
  /** Figures the source withheld (source_marker NA): listed, never read as zero, never silently lost. */
  suppressed: SuppressedFigure[];
}

/** Picks the indicators the catalogue knows out of a ScotPHO profile extract; other indicators are not ours. */
export function readScotphoExtract(file: string, text: string, catalogue: readonly IndicatorDefinition[], problems: InputProblem[], tally: FileTally = newTally()): ScotphoImport {
  const byName = new Map(catalogue.flatMap((indicator) => (indicator.import?.scotpho ? [[indicator.import.scotpho.indicator.toLowerCase(), indicator] as const] : [])));
  const table = readCsvTable(file, text, scotphoColumns, problems, { tally });
  const parseNumber = numberParserFor(table.delimiter);
  const result: ScotphoImport = { records: [], suppressed: [] };
  for (const row of table.rows) {
    const indicator = byName.get((row.values.indicator ?? '').trim().toLowerCase());
    if (!indicator) {
      tally.notUsed += 1;
      continue;
    }
    const read = new RowReader(file, table, row, problems);
    const council = councils.find((c) => c.code === read.text('area_code')) ?? findCouncil(read.text('area_name'));
    if (!council) read.report('area_name', `"${read.text('area_name')}" is not a Scottish council`, 'one of the 32 council areas');
    const period = read.required('period', scotphoPeriod);
    if (!council || !period) continue;
    if (read.text('source_marker').toUpperCase() === 'NA') {
      result.suppressed.push({ indicator: indicator.id, area: council.name, period: formatPeriod(period), row: read.source });
      continue;
    }
    const value = read.required('measure', parseNumber);
    const numerator = read.optional('numerator', parseNumber);
    if (!read.ok || value === undefined) continue;
    result.records.push({ indicator: indicator.id, area: council.name, period, value, numerator, source: SCOTPHO_SOURCE, row: read.source });
  }
  return result;
}
