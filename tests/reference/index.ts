// The published and public files the tests check the tool against, all kept in this repository. What each is,
// who publishes it and its licence: README.md beside this file, whose checksums reference.test.ts checks.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** A path in the repository, given from its root. */
export const inRepo = (path: string): string => fileURLToPath(new URL(`../../${path}`, import.meta.url));

/** The LGBF data table (cash), 2022-23 release: the Renfrewshire workspace's copy, which it imports unchanged. */
export const LGBF_TABLE = inRepo('fixtures/renfrewshire/data/lgbf_data_table_cash.csv');
/** The ScotPHO children and young people profile extract, 2021: the Renfrewshire workspace's copy. */
export const SCOTPHO_EXTRACT = inRepo('fixtures/renfrewshire/data/council_children_indicators_2021.csv');
/** The 32 councils: LGBF and ONS spellings, area codes, LGBF family groups. */
export const COUNCILS = inRepo('tests/reference/councils.csv');
/** Renfrewshire Council's paper "Draft Quality Improvement Framework", 27 June 2018, as text. */
export const COMMITTEE_PAPER_2018 = inRepo('tests/reference/committee-paper-qif-2018.txt');

/** The Checksums table of README.md: path from the repository root → sha256. */
export function recordedChecksums(): Map<string, string> {
  const readme = readFileSync(inRepo('tests/reference/README.md'), 'utf8');
  const rows = [...readme.matchAll(/^\| `([^`]+)` \| `([0-9a-f]{64})` \|$/gm)];
  return new Map(rows.map((m) => [m[1]!, m[2]!]));
}
