// Reads a workspace CSV into rows keyed by a normalised header name. Deliberately simple: the oracle reads
// the fixtures as committed (plain UTF-8, comma), with just enough tolerance (BOM, UTF-16, semicolon or tab,
// header spelling) to read a re-encoded copy of them the same way.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

export type Row = Readonly<Record<string, string>>;

/** Header names compare ignoring case, spaces, hyphens and underscores (README, "Header names"). */
export const headerKey = (name: string): string => name.toLowerCase().replace(/[\s_-]+/g, '');

function decode(bytes: Buffer): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString('utf8');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** The delimiter the header line uses most (the headers here never quote a delimiter). */
function delimiterOf(text: string): string {
  const header = text.slice(0, text.search(/\r?\n|$/));
  const counts = [',', ';', '\t'].map((d) => [d, header.split(d).length] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]![0];
}

/**
 * Every data row of `file`, keyed by `headerKey` of its column name, aliases mapped to the canonical name
 * (`aliases`: alias key → canonical key). Blank lines and rows of empty cells are dropped, as the tool does.
 */
export function readCsv(file: string, aliases: Readonly<Record<string, string>> = {}): Row[] {
  const text = decode(readFileSync(file));
  const rows = parse(text, {
    delimiter: delimiterOf(text),
    columns: (header: string[]) => header.map((h) => { const k = headerKey(h); return aliases[k] ?? k; }),
    relax_column_count: true,
    skip_empty_lines: true,
  }) as Record<string, string | undefined>[];
  return rows
    .map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, (v ?? '').trim()])))
    .filter((r) => Object.values(r).some((v) => v !== ''));
}

/** The header keys of `file` (to recognise an LGBF or ScotPHO file). */
export function headerOf(file: string): string[] {
  const text = decode(readFileSync(file));
  const first = parse(text, { delimiter: delimiterOf(text), to_line: 1 }) as string[][];
  return (first[0] ?? []).map(headerKey);
}
