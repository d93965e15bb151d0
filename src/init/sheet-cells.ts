import type { CellValue } from 'exceljs';
import type { EvidenceSeedRow, FigureSeedRow, GradeSeedRow } from '../model/workspace-seed.js';
import type { ParticularRow, ParticularValue } from './particulars-rows.js';

/** An ISO date as a date cell's value (midnight UTC, the day itself in any time zone); other text stays text. */
export function dateCell(text: string): Date | string | null {
  if (text === '') return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return text;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().startsWith(text) ? date : text;
}

/** Row arrays in the sheets' column order (SHEET_HEADERS): empty text is an empty cell, not an empty string. */
const blankAsNull = (value: string | number | undefined): string | number | null => (value === '' || value === undefined ? null : value);

export const gradeCells = (row: GradeSeedRow): CellValue[] =>
  [...[row.period, row.qi, row.title, row.grade].map(blankAsNull), dateCell(row.evaluatedOn), blankAsNull(row.strengths), blankAsNull(row.areasForImprovement)];

export const evidenceCells = (row: EvidenceSeedRow): CellValue[] =>
  [blankAsNull(row.qi), blankAsNull(row.itemNumber), blankAsNull(row.item), blankAsNull(row.status), dateCell(row.reviewedOn), blankAsNull(row.reference)];

export const figureCells = (row: FigureSeedRow): CellValue[] =>
  [row.indicator, row.area, row.period, row.value, row.numerator, row.denominator, row.source].map(blankAsNull);

/**
 * true and false as the text TRUE and FALSE: a TRUE cell is what an officer would type, and a boolean cell
 * would come back from LibreOffice Calc as a formula, =TRUE().
 */
const particularValue = (value: ParticularValue) => (typeof value === 'boolean' ? (value ? 'TRUE' : 'FALSE') : blankAsNull(value));

export const particularCells = (row: ParticularRow, whatItIs: string): CellValue[] => [row.field, particularValue(row.value), blankAsNull(whatItIs)];
