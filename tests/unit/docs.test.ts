import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { datasetColumns } from '../../src/ingest/dataset.js';
import { evidenceColumns } from '../../src/ingest/evidence.js';
import { gradeColumns } from '../../src/ingest/grades.js';
import { indicatorColumns } from '../../src/ingest/indicators.js';
import { ROOT } from '../helpers/cli.js';

/** The README's table of other accepted header names, as [file, column, alias] triples. */
function documentedAliases(): string[] {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  return [...readme.matchAll(/^\s*\| `([a-z]+\.csv)` \| `([a-z_]+)` \| (.+) \|$/gm)].flatMap(([, file, column, aliases]) =>
    [...aliases!.matchAll(/`([^`]+)`/g)].map(([, alias]) => `${file} ${column} ${alias}`),
  );
}

describe('README', () => {
  it('lists exactly the header aliases the readers accept', () => {
    const specs = { 'grades.csv': gradeColumns, 'evidence.csv': evidenceColumns, 'dataset.csv': datasetColumns, 'indicators.csv': indicatorColumns };
    const accepted = Object.entries(specs).flatMap(([file, columns]) =>
      columns.flatMap((column) => ('aliases' in column ? column.aliases : []).map((alias) => `${file} ${column.name} ${alias}`)),
    );
    expect(documentedAliases().sort()).toEqual(accepted.sort());
  });
});
