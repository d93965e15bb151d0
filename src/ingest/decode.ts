import iconv from 'iconv-lite';

/** How a file's bytes were read, as the validate summary names it. */
export type TextEncoding = 'UTF-8' | 'UTF-8 with BOM' | 'UTF-16LE' | 'UTF-16BE' | 'Windows-1252';

export type Decoded = { ok: true; text: string; encoding: TextEncoding } | { ok: false; reason: string; expected: string; line?: number };

const SAVE_AS = 'a CSV saved from Excel as "CSV UTF-8 (Comma delimited)", "CSV (Comma delimited)" or "Unicode Text"';

/**
 * Reads the bytes the way Excel and Notepad write them. A byte-order mark decides when there is one;
 * otherwise zero bytes in alternate places mean UTF-16, strict UTF-8 is tried next, and whatever is left
 * is Windows-1252 — Excel's "CSV (Comma delimited)" on a UK PC. Node's own 'windows-1252' decoder is
 * Latin-1 in disguise (it garbles € ‘ ’ “ ” – …), hence iconv-lite.
 */
export function decodeText(bytes: Uint8Array): Decoded {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (startsWith(buffer, [0x50, 0x4b, 0x03, 0x04])) return { ok: false, reason: 'this is an Excel workbook (.xlsx), not a CSV file', expected: SAVE_AS };
  if (startsWith(buffer, [0xef, 0xbb, 0xbf])) return utf8(buffer.subarray(3), 'UTF-8 with BOM');
  if (startsWith(buffer, [0xff, 0xfe])) return utf16(buffer.subarray(2), 'UTF-16LE');
  if (startsWith(buffer, [0xfe, 0xff])) return utf16(buffer.subarray(2), 'UTF-16BE');
  const unmarked = unmarkedUtf16(buffer);
  if (unmarked) return utf16(buffer, unmarked);
  if (buffer.includes(0)) return { ok: false, reason: 'the file holds binary data, not text', expected: SAVE_AS };
  const asUtf8 = utf8(buffer, 'UTF-8');
  if (asUtf8.ok) return asUtf8;
  return { ok: true, text: iconv.decode(buffer, 'win1252'), encoding: 'Windows-1252' };
}

function utf8(bytes: Buffer, encoding: TextEncoding): Decoded {
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), encoding };
  } catch {
    // A file marked UTF-8 with a stray byte was usually pasted into from a Windows-1252 one: name where.
    const lenient = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    const at = lenient.indexOf('\uFFFD');
    const line = lenient.slice(0, at).split('\n').length;
    return { ok: false, line, reason: `the file is marked as UTF-8 but line ${line} holds a character that is not UTF-8 (perhaps pasted from a Windows-1252 file)`, expected: `${SAVE_AS}, with every line in one encoding` };
  }
}

function utf16(bytes: Buffer, encoding: 'UTF-16LE' | 'UTF-16BE'): Decoded {
  if (bytes.length % 2 !== 0) return { ok: false, reason: `the file looks like ${encoding} but has an odd number of bytes`, expected: SAVE_AS };
  return { ok: true, text: iconv.decode(bytes, encoding === 'UTF-16LE' ? 'utf16le' : 'utf16be', { stripBOM: false }), encoding };
}

/** UTF-16 without a mark: in text that is mostly ASCII, every other byte is zero. */
function unmarkedUtf16(bytes: Buffer): 'UTF-16LE' | 'UTF-16BE' | undefined {
  const sample = bytes.subarray(0, 4096);
  if (sample.length < 4 || sample.length % 2 !== 0) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let index = 0; index < sample.length; index += 2) {
    if (sample[index] === 0) evenZeros += 1;
    if (sample[index + 1] === 0) oddZeros += 1;
  }
  const pairs = sample.length / 2;
  if (oddZeros > pairs * 0.6 && evenZeros === 0) return 'UTF-16LE';
  if (evenZeros > pairs * 0.6 && oddZeros === 0) return 'UTF-16BE';
  return undefined;
}

function startsWith(bytes: Buffer, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}
