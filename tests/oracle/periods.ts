// Periods are financial years (April–March) with an optional quarter: "2022/23", "2022/23 Q2".

export interface Period {
  /** The calendar year the financial year starts in: 2022 for 2022/23. */
  year: number;
  quarter?: 1 | 2 | 3 | 4;
}

/**
 * Reads the forms the README accepts — `2018/19`, `2018-19`, `2018/2019`, `2018/19 Q1`, `Q1 2018/19` — and
 * the LGBF `Year` form (`2021-22`). Throws on anything else.
 */
export function parsePeriod(text: string): Period {
  const t = text.trim().replace(/\s+/g, ' ');
  const m = /^(?:Q([1-4]) )?(\d{4})[/-](\d{2}|\d{4})(?: Q([1-4]))?$/i.exec(t);
  if (!m || (m[1] && m[4])) throw new SyntaxError(`not a period: "${text}"`);
  const year = Number(m[2]);
  const end = Number(m[3]!.length === 2 ? m[3] : m[3]!.slice(2));
  if ((year + 1) % 100 !== end) throw new SyntaxError(`not a financial year: "${text}"`);
  const q = m[1] ?? m[4];
  return q ? { year, quarter: Number(q) as 1 | 2 | 3 | 4 } : { year };
}

/** "2022/23" or "2022/23 Q2", as the paper prints periods. */
export function periodLabel(p: Period): string {
  const fy = `${p.year}/${String((p.year + 1) % 100).padStart(2, '0')}`;
  return p.quarter ? `${fy} Q${p.quarter}` : fy;
}

/** Time order; a whole year sorts after its own quarters (it is complete only when Q4 is). */
export function comparePeriods(a: Period, b: Period): number {
  return a.year - b.year || (a.quarter ?? 5) - (b.quarter ?? 5);
}

/**
 * Whether a figure for `figure` is later than a paper "as at" `report`. By financial year; quarters count
 * only when both have one. So an annual 2021/22 figure stays in a 2021/22 Q4 paper (see the report's
 * ambiguities: the whole-year-after-quarters order of grades is not used for figures).
 */
export function figureIsAfter(figure: Period, report: Period): boolean {
  if (figure.year !== report.year) return figure.year > report.year;
  return figure.quarter !== undefined && report.quarter !== undefined && figure.quarter > report.quarter;
}

/**
 * The financial year a ScotPHO period is filed under: a 31 July snapshot closes the year it ends
 * ("2021 July snapshot" → 2020/21, as the LGBF files looked-after figures); "2021/22 financial year" and
 * "2017/18 school year" are that year. Anything else (population estimates by calendar year) → undefined.
 */
export function scotphoPeriod(text: string): Period | undefined {
  const snapshot = /^(\d{4}) July snapshot$/i.exec(text.trim());
  if (snapshot) return { year: Number(snapshot[1]) - 1 };
  const year = /^(\d{4}\/\d{2}) (?:financial|school) year$/i.exec(text.trim());
  return year ? parsePeriod(year[1]!) : undefined;
}
