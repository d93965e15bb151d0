import { findIndicator, indicatorCatalogue, type IndicatorDefinition } from '../framework/index.js';
import { formatPeriod, type DatasetRecord, type InputProblem } from '../model/index.js';
import { readTable, type FileTally, type TableInput } from './csv-table.js';
import { withExcelYearHint } from './excel-years.js';
import { parsePeriodField } from './grades.js';
import { DuplicateFinder, RowReader } from './row-reader.js';
import { numberParserFor, type Parsed } from './values.js';

export const datasetColumns = [
  { name: 'indicator', required: true, aliases: ['measure', 'indicator code'] },
  { name: 'area', required: true, aliases: ['local authority', 'council'] },
  { name: 'period', required: true, aliases: ['year'] },
  { name: 'value', required: true },
  { name: 'numerator', required: false },
  { name: 'denominator', required: false },
  { name: 'source', required: false },
] as const;

const indicatorIn = (catalogue: readonly IndicatorDefinition[]) => (text: string): Parsed<string> => {
  const indicator = findIndicator(text, catalogue);
  return indicator ? { ok: true, value: indicator.id } : { ok: false, expected: `an indicator the tool knows (${catalogue.map((i) => i.id).join(', ')}) or one defined in indicators.csv` };
};

const nonEmpty = (text: string): Parsed<string> => ({ ok: true, value: text.trim() });

export function readDataset(file: string, text: TableInput, problems: InputProblem[], catalogue: readonly IndicatorDefinition[] = indicatorCatalogue, tally?: FileTally): DatasetRecord[] {
  const table = readTable(file, text, datasetColumns, problems, { tally, warnUnknownColumns: true });
  const parseNumber = numberParserFor(table.delimiter);
  const duplicates = new DuplicateFinder();
  const records: DatasetRecord[] = [];
  const parsePeriod = withExcelYearHint(parsePeriodField);
  for (const row of table.rows) {
    const read = new RowReader(file, table, row, problems);
    const indicator = read.required('indicator', indicatorIn(catalogue));
    const area = read.required('area', nonEmpty);
    const period = read.required('period', parsePeriod);
    const value = read.required('value', parseNumber);
    const numerator = read.optional('numerator', parseNumber);
    const denominator = read.optional('denominator', parseNumber);
    if (indicator && area && period) {
      const first = duplicates.firstLineOf(`${indicator}|${area.toLowerCase()}|${formatPeriod(period)}`, row.line);
      if (first !== undefined) read.report('value', `${indicator} for ${area} in ${formatPeriod(period)} is given twice (${read.bothLines(first)})`, 'one value per indicator, area and period');
    }
    if (!read.ok || !indicator || !area || !period || value === undefined) continue;
    records.push({ indicator, area, period, value, numerator, denominator, source: read.text('source') || undefined, row: read.source });
  }
  return records;
}
