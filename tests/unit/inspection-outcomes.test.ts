// The published outcomes as data, checked row by row against docs/sources/inspection-outcomes.csv, read here with
// csv-parse, independently of src/framework. The model names, the QI column and the grade words are read by hand.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { inspectionOutcomes, outcomesUnder } from '../../src/framework/index.js';
import { ROOT } from '../helpers/cli.js';

interface CsvRow {
  partnership: string;
  report_date: string;
  inspection_model: string;
  qi: string;
  grade: string;
  source_url: string;
  note: string;
}

const rows = parse(readFileSync(path.join(ROOT, 'docs', 'sources', 'inspection-outcomes.csv')), { columns: true, bom: true }) as CsvRow[];

const MODELS: Record<string, string> = {
  'care and protection 2018-2020': 'care-and-protection-2018',
  'at risk of harm 2021-2025': 'at-risk-of-harm-2021',
};
const GRADES: Record<string, number> = { Excellent: 6, 'Very good': 5, Good: 4, Adequate: 3, Weak: 2, Unsatisfactory: 1 };

/** "2.1 Impact on …" is QI 2.1; "9 Leadership and direction (area as a whole)" is area 9. */
function evaluated(qi: string): { qi: string } | { area: number } {
  const [id] = qi.split(' ');
  return id!.includes('.') ? { qi: id! } : { area: Number(id) };
}

describe('published outcomes (docs/sources/inspection-outcomes.csv)', () => {
  it('has the CSV\'s ten rows, in order', () => {
    expect(rows).toHaveLength(10);
    expect(inspectionOutcomes).toHaveLength(rows.length);
  });

  it.each(rows.map((row, index) => [index + 2, row] as const))('line %i matches the transcription', (line, row) => {
    const outcome = inspectionOutcomes[line - 2]!;
    expect(outcome.partnership).toBe(row.partnership);
    expect(outcome.reportDate).toBe(row.report_date === '' ? undefined : row.report_date);
    expect(outcome.model).toBe(MODELS[row.inspection_model]);
    expect(outcome.evaluated).toEqual(evaluated(row.qi));
    expect(outcome.word).toBe(row.grade);
    expect(outcome.grade).toBe(GRADES[row.grade]);
    expect(outcome.source).toBe(row.source_url);
    expect(outcome.note).toBe(row.note);
  });

  it('marks as inferred the grades whose source does not name the QI: Dundee City and Aberdeenshire', () => {
    const inferred = rows.filter((row) => /2\.1 not named/.test(row.note)).map((row) => row.partnership);
    expect(inferred).toEqual(['Dundee City', 'Aberdeenshire']);
    expect(inspectionOutcomes.filter((outcome) => outcome.attribution === 'inferred').map((outcome) => outcome.partnership)).toEqual(inferred);
  });

  it('marks Orkney\'s "Leadership and direction" as uncertain between the area and a QI, and no other', () => {
    expect(inspectionOutcomes.filter((outcome) => outcome.attribution === 'uncertain')).toEqual([
      expect.objectContaining({ partnership: 'Orkney', evaluated: { area: 9 }, word: 'Unsatisfactory' }),
    ]);
  });

  it('gives model B QI 2.1 for six partnerships, model A Orkney\'s four rows, model C none', () => {
    expect(outcomesUnder('at-risk-of-harm-2021').map((outcome) => [outcome.partnership, outcome.evaluated])).toEqual(
      ['Dundee City', 'Aberdeenshire', 'East Dunbartonshire', 'Moray', 'East Lothian', 'North Lanarkshire'].map((name) => [name, { qi: '2.1' }]),
    );
    expect(outcomesUnder('care-and-protection-2018').map((outcome) => outcome.partnership)).toEqual(['Orkney', 'Orkney', 'Orkney', 'Orkney']);
    expect(outcomesUnder('cso-at-home-2025')).toEqual([]);
  });
});
