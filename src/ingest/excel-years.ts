import type { Period } from '../model/index.js';
import type { Parsed } from './values.js';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * The financial year Excel turned into a date: opened in Excel, "2010-11" reads as November 2010 and is saved
 * back as "Nov-10" (and 2011-12 as "Dec-11"). Undefined for anything else.
 */
export function yearExcelMangled(text: string): string | undefined {
  const match = /^([a-z]{3})-(\d{2})$/i.exec(text.trim());
  const month = match ? MONTHS.indexOf(match[1]!.toLowerCase()) + 1 : 0;
  if (!match || month === 0) return undefined;
  const start = 2000 + Number(match[2]);
  return month === (start + 1) % 100 ? `${start}-${String(month).padStart(2, '0')}` : undefined;
}

/**
 * A period parser for one file that, at the first year Excel has turned into a date, says so. Each such row
 * is still refused where it is, but the reason and the cure are given once a file, not once a row.
 */
export function withExcelYearHint(parse: (text: string) => Parsed<Period>): (text: string) => Parsed<Period> {
  let told = false;
  return (text) => {
    const result = parse(text);
    const year = result.ok || told ? undefined : yearExcelMangled(text);
    if (result.ok || year === undefined) return result;
    told = true;
    return { ...result, hint: `Excel saved the year ${year} as the date "${text.trim()}", here and in every row like it below: download the file afresh and build without opening it in Excel, or import it into Excel with this column as Text` };
  };
}
