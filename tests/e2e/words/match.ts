// Matches the expected pieces against the PDF's text in order. Text pieces must follow one another with only
// whitespace between; a gap lets anything through up to the next piece; at the end nothing may be left over.
import type { Piece } from './pieces.js';

/** Where breakableText (src/render/break-long-words.ts) lets a run of more than 20 characters wrap. */
const BREAK_AFTER = /[_./\\:;,\-–—=&?#+|]/u;
const LONG_RUN = 20;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A long run of characters as a pattern that allows a space where the PDF may have wrapped it. pdfmake wraps
 * such a run at an invisible break (a zero-width space, which pdftotext drops), so the text reads back with a
 * line end there — a space once collapsed — unless proseText could rejoin it (after "-" or "/").
 */
function runPattern(run: string): string {
  if ([...run].length <= LONG_RUN) return escape(run);
  const parts = run.split(new RegExp(`(?<=${BREAK_AFTER.source})(?=\\S)`, 'u'));
  const chunks = parts.flatMap((part) => (part.length > LONG_RUN ? part.match(new RegExp(`.{1,${LONG_RUN}}`, 'gu'))! : [part]));
  return chunks.map(escape).join(' ?');
}

/**
 * A word break the PDF may have lost: proseText joins a line ending "x-" or "x/" to the next without a space,
 * since that is how a word broken after its hyphen reads; a real space there ("papers/ MOG") is then lost.
 */
const joinable = (before: string, after: string) => /[\p{L}\p{N}][-/]$/u.test(before) && /^[\p{L}\p{N}]/u.test(after);

/** The pattern for one piece of expected text. */
export function piecePattern(text: string): string {
  const words = text.trim().split(/\s+/);
  return words.map((word, i) => (i === 0 ? '' : joinable(words[i - 1]!, word) ? ' ?' : ' ') + runPattern(word)).join('');
}

const squeeze = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Where the expected text and the PDF's first differ, for the message. */
function firstDifference(expected: string, actual: string): number {
  let i = 0;
  while (i < expected.length && expected[i] === actual[i]) i++;
  return i;
}

function failure(piece: Extract<Piece, { kind: 'text' }>, actual: string, at: number, afterGap: boolean): string {
  const expected = squeeze(piece.text);
  const there = actual.slice(at, at + expected.length + 150);
  const d = firstDifference(expected, there);
  const from = Math.max(0, d - 60);
  return [
    `The paper's text differs in "${piece.section}"${afterGap ? ' (after a chart)' : ''}, ${d} characters into the piece:`,
    `  expected: «${from ? '…' : ''}${expected.slice(from, d + 150)}»`,
    `  PDF has:  «${from ? '…' : ''}${there.slice(from, d + 150)}»`,
    `  the whole piece expected: «${expected.slice(0, 400)}${expected.length > 400 ? '…' : ''}»`,
    `  before it the PDF has: «…${actual.slice(Math.max(0, at - 100), at)}»`,
  ].join('\n');
}

/**
 * Where a piece that should follow a chart seems to start, when it is not there whole: the first place its
 * opening words are, so the message shows the sentence that differs rather than the chart's labels.
 */
function likelyStart(actual: string, from: number, text: string): number {
  const words = text.trim().split(/\s+/).slice(0, 6).join(' ');
  const found = new RegExp(piecePattern(words), 'gu');
  found.lastIndex = from;
  return found.exec(actual)?.index ?? from;
}

/** At most this many differences are reported: after the first few, the rest are usually knock-on effects. */
const MOST_REPORTED = 8;

/**
 * Undefined when the pieces account for the whole text in order; otherwise a message saying where it differs.
 * After a difference the match picks up again at the next piece found further on, so one message lists each
 * place the paper differs, not just the first.
 */
export function mismatch(actualText: string, pieces: readonly Piece[]): string | undefined {
  const actual = squeeze(actualText);
  const problems: string[] = [];
  let pos = 0;
  let afterGap = false;
  for (const piece of pieces) {
    if (piece.kind === 'gap') {
      afterGap = true;
      continue;
    }
    const pattern = new RegExp(afterGap ? piecePattern(piece.text) : `\\s?${piecePattern(piece.text)}`, afterGap ? 'gu' : 'yu');
    pattern.lastIndex = pos;
    const found = pattern.exec(actual);
    if (!found) {
      problems.push(failure(piece, actual, afterGap ? likelyStart(actual, pos, piece.text) : pos + (actual[pos] === ' ' ? 1 : 0), afterGap));
      if (problems.length === MOST_REPORTED) break;
      afterGap = true; // resynchronise: look for the next piece anywhere further on
      continue;
    }
    pos = found.index + found[0].length;
    afterGap = false;
  }
  const rest = actual.slice(pos).trim();
  if (problems.length < MOST_REPORTED && rest !== '') problems.push(`The PDF has text after the last expected piece: «${rest.slice(0, 300)}»`);
  return problems.length ? problems.join('\n\n') : undefined;
}
