/** The field separators Excel writes: comma (UK), semicolon (much of Europe), tab ("Unicode Text"). */
export const DELIMITERS = [',', ';', '\t'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

export const delimiterName = { ',': 'comma', ';': 'semicolon', '\t': 'tab' } as const satisfies Record<Delimiter, string>;

const SAMPLE_RECORDS = 20;

/**
 * Picks the delimiter that splits the first records into as many fields as the header, leaves no quote
 * stranded in the middle of a field, and splits the header into the most fields. Separators inside quoted fields do not count, which is where
 * csv-parse's own `delimiter_auto` goes wrong.
 */
export function detectDelimiter(text: string): Delimiter {
  const candidates = DELIMITERS.map((delimiter) => {
    const { fieldCounts, strayQuotes } = scanRecords(text, delimiter, SAMPLE_RECORDS + 1);
    const header = fieldCounts[0] ?? 1;
    return { delimiter, fields: header, strayQuotes, consistent: fieldCounts.slice(1).filter((count) => count === header).length };
  }).filter((candidate) => candidate.fields > 1);
  // Quotes in the middle of fields mean the wrong separator is splitting quoted text.
  candidates.sort((a, b) => b.consistent - a.consistent || a.strayQuotes - b.strayQuotes || b.fields - a.fields);
  return candidates[0]?.delimiter ?? ',';
}

/** Where a quoted field opens and never closes, if one does: its line and field number. */
export function unclosedQuoteLine(text: string, delimiter: Delimiter): QuoteStart | undefined {
  return scanRecords(text, delimiter, Infinity).unclosedFrom;
}

/**
 * Walks records as CSV reads them: a quote opens a field only at its start, `""` inside a quoted field
 * is a quote, and a quote in the middle of an unquoted field is just a character. Blank lines are not records.
 */
interface QuoteStart {
  line: number;
  field: number;
}

function scanRecords(text: string, delimiter: Delimiter, limit: number): { fieldCounts: number[]; strayQuotes: number; unclosedFrom?: QuoteStart } {
  const fieldCounts: number[] = [];
  let line = 1;
  let fields = 1;
  let atFieldStart = true;
  let blank = true;
  let quotedFrom: QuoteStart | undefined;
  let strayQuotes = 0;
  for (let index = 0; index < text.length && fieldCounts.length < limit; index += 1) {
    const char = text[index]!;
    const newline = char === '\n' || (char === '\r' && text[index + 1] !== '\n');
    if (quotedFrom !== undefined) {
      if (char === '"' && text[index + 1] === '"') index += 1;
      else if (char === '"') quotedFrom = undefined;
      else if (newline) line += 1;
      continue;
    }
    if (char === '"' && atFieldStart) {
      quotedFrom = { line, field: fields };
      atFieldStart = false;
      blank = false;
    } else if (char === delimiter) {
      fields += 1;
      atFieldStart = true;
      blank = false;
    } else if (newline) {
      if (!blank) fieldCounts.push(fields);
      line += 1;
      fields = 1;
      atFieldStart = true;
      blank = true;
    } else if (char !== '\r') {
      if (char === '"') strayQuotes += 1;
      atFieldStart = false;
      blank = false;
    }
  }
  if (!blank && fieldCounts.length < limit) fieldCounts.push(fields);
  return { fieldCounts, strayQuotes, unclosedFrom: quotedFrom };
}
