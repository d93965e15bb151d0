import type { CellValue } from 'exceljs';

/** A cell as the text a CSV file would hold for it, or why it has none. */
export type CellText = { ok: true; text: string } | { ok: false; reason: string; expected: string };

/**
 * Excel keeps 15 significant digits and shows no more; a formula's result saved as 0.30000000000000004 is the
 * 0.3 the officer sees. Never in exponent form, never with thousands separators: the text parseNumber reads.
 */
const DECIMAL = new Intl.NumberFormat('en-US', { useGrouping: false, maximumSignificantDigits: 15 });

/** A number as the shortest decimal Excel would show for it: 4, 0.3, 4115.3846. */
export function numberText(value: number): string {
  return value === 0 ? '0' : DECIMAL.format(value);
}

const text = (value: string): CellText => ({ ok: true, text: value });

/**
 * A cell's value as text, so a sheet reads through the same value checks as a CSV file: a date cell as its ISO
 * date (exceljs gives dates at midnight UTC), a number as Excel shows it, TRUE/FALSE as Excel writes them,
 * rich text and hyperlinks as their words, a formula as its saved result. Text is kept as typed, so a date
 * typed as text is checked, and refused, as a CSV date would be. An error value (#REF!) has no text.
 */
export function cellText(value: CellValue): CellText {
  if (value === null || value === undefined) return text('');
  if (typeof value === 'string') return text(value);
  if (typeof value === 'number') return Number.isFinite(value) ? text(numberText(value)) : errorText(String(value));
  if (typeof value === 'boolean') return text(value ? 'TRUE' : 'FALSE');
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? errorText('a date Excel cannot show') : text(value.toISOString().slice(0, 10));
  if ('error' in value) return errorText(value.error);
  if ('richText' in value) return text(value.richText.map((run) => run.text).join(''));
  if ('hyperlink' in value) return typeof value.text === 'string' ? text(value.text) : cellText(value.text as CellValue);
  if ('formula' in value || 'sharedFormula' in value) {
    if (value.result === undefined) return { ok: false, reason: 'this cell holds a formula whose result was not saved', expected: 'the value itself, or the workbook saved from Excel or LibreOffice Calc (which save formulas’ results)' };
    return cellText(value.result);
  }
  return { ok: false, reason: 'this cell holds a value qif-report cannot read', expected: 'text, a number or a date' };
}

function errorText(error: string): CellText {
  return { ok: false, reason: `this cell holds the error ${error}`, expected: 'a value (a formula here has lost what it refers to: type the value in its place)' };
}
