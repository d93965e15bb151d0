// The appendix of evaluations published under the paper's inspection model (partials/published-outcomes.md),
// read here from the repository's copy of the source table, docs/sources/inspection-outcomes.csv, with its own
// parser: the model's rows in the table's order, each date as the table gives it, and the rows whose note says
// the QI is not named marked as attributed by inference.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { ROOT } from '../../helpers/cli.js';
import type { ModelId } from '../../oracle/index.js';
import type { PaperInputs } from './inputs.js';
import { longDate } from './phrases.js';
import type { ExpectedPaper } from './pieces.js';

/** How the source table names each model that has published evaluations the paper shows. */
const TABLE_MODEL: Partial<Record<ModelId, { name: string; title: string }>> = {
  'at-risk-of-harm-2021': { name: 'at risk of harm 2021-2025', title: 'Joint inspections of services for children and young people at risk of harm' },
};

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2022-01-11" in full, "2020-02" by its month, nothing as "date not found". */
function dateText(date: string): string {
  if (date === '') return 'date not found';
  const month = /^(\d{4})-(\d{2})$/.exec(date);
  return `report of ${month ? `${MONTHS[Number(month[2]) - 1]} ${month[1]}` : longDate(date)}`;
}

type Row = Record<string, string>;

export function outcomesAppendix(doc: ExpectedPaper, { oracle }: PaperInputs, appendix = 6): void {
  const model = TABLE_MODEL[oracle.raw.model.id];
  if (!model) return;
  const table = parse(readFileSync(path.join(ROOT, 'docs', 'sources', 'inspection-outcomes.csv'), 'utf8'), { columns: true }) as Row[];
  const rows = table.filter((row) => row['inspection_model'] === model.name);
  const inferred = (row: Row) => row['note']!.includes('not named');
  doc.heading(`Appendix ${appendix}: Published evaluations under this inspection model`);
  doc.para(
    `These are the evaluations the Care Inspectorate has published from its ${model.title}, as far as public reports and notices show them, each with the date of its report and where it was read. They are given as context only: they are not a rank of partnerships, and they do not predict the grade this partnership would be given.`,
  );
  for (const row of rows) {
    const [qi, ...title] = row['qi']!.split(' ');
    doc.text(`${row['partnership']}: QI ${qi} ${oracle.raw.titles[qi!] ?? title.join(' ')}, ${row['grade']}; ${dateText(row['report_date']!)}${inferred(row) ? '; attributed by inference' : ''}. Source: ${row['source_url']}`);
  }
  if (rows.some(inferred)) doc.para('Attributed by inference: the source gives the grade without naming the quality indicator; it is attributed to the one QI the inspection model grades.');
}
