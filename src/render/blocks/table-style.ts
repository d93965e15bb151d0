import type { ContentTable, TableCell, TableLayout } from 'pdfmake/interfaces.js';

/** Fills for grades 1–6: red through amber to green, light enough for black text to read on all. */
export const GRADE_FILL: Record<number, string> = {
  6: '#4e9a5b',
  5: '#8cc59a',
  4: '#c9e6cf',
  3: '#fde6a3',
  2: '#f6b38f',
  1: '#e8847c',
};
export const UNGRADED_FILL = '#eeeeee';
export const HEADER_FILL = '#dde3ea';
export const AREA_FILL = '#f1f3f5';

export const RATING_FILL = { ready: '#c9e6cf', 'nearly-ready': '#fde6a3', 'not-ready': '#f6b38f' } as const;

export const gridLayout: TableLayout = {
  hLineWidth: () => 0.5,
  vLineWidth: () => 0.5,
  hLineColor: () => '#8a96a3',
  vLineColor: () => '#8a96a3',
  paddingLeft: () => 4,
  paddingRight: () => 4,
  paddingTop: () => 2,
  paddingBottom: () => 2,
};

/** A cell that heads its row (tagged `TH` with row scope), e.g. the labels of a table of particulars. */
export const ROW_HEADER = { role: 'TH', scope: 'Row' } as const;

export const headerCell = (text: string): TableCell => ({ text, bold: true, fillColor: HEADER_FILL });

export function gradeFill(grade: number | undefined): string {
  return grade === undefined ? UNGRADED_FILL : (GRADE_FILL[grade] ?? UNGRADED_FILL);
}

/** A data table with its header repeated on every page and rows kept whole. */
export function dataTable(widths: (number | string)[], header: string[], rows: TableCell[][], fontSize = 8.5): ContentTable {
  return {
    // A header row never ends a page alone: it keeps with the first row under it.
    table: { headerRows: 1, keepWithHeaderRows: 1, dontBreakRows: true, widths, body: [header.map(headerCell), ...rows] },
    layout: gridLayout,
    fontSize,
    margin: [0, 4, 0, 10],
  };
}
