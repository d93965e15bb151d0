/**
 * CSV as init writes it: comma-separated, a field quoted when it holds a comma, a quote, a line break or spaces
 * at either end; UTF-8 with a byte-order mark, so that Excel opens ’, “ and £ as they are (without the mark it
 * reads the file as Windows-1252), and the tool reads it back either way.
 */
const BYTE_ORDER_MARK = '\uFEFF';

const field = (value: string) => (/[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

export function csvText(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return BYTE_ORDER_MARK + [header, ...rows].map((row) => `${row.map(field).join(',')}\n`).join('');
}
