import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/ingest/decode.js';
import { detectDelimiter, unclosedQuoteLine } from '../../src/ingest/delimiter.js';

const TEXT = 'qi,item,status\n5.1,“Getting it right” – £5 and €5 café’s,held\n';

describe('decodeText', () => {
  it.each([
    ['UTF-8', Buffer.from(TEXT, 'utf8')],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')])],
    ['UTF-16LE', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')])],
    ['UTF-16BE', iconv.encode(TEXT, 'utf16be', { addBOM: true })],
    ['Windows-1252', iconv.encode(TEXT, 'win1252')],
  ])('reads %s back to the same text', (encoding, bytes) => {
    expect(decodeText(bytes)).toEqual({ ok: true, text: TEXT, encoding });
  });

  it('reads UTF-16 without a byte-order mark', () => {
    expect(decodeText(Buffer.from(TEXT, 'utf16le'))).toEqual({ ok: true, text: TEXT, encoding: 'UTF-16LE' });
  });

  it('refuses binary files and workbooks', () => {
    expect(decodeText(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0]))).toMatchObject({ ok: false, reason: expect.stringContaining('Excel workbook') });
    expect(decodeText(Buffer.from([0x41, 0x00, 0x00, 0x42, 0x43]))).toMatchObject({ ok: false, reason: 'the file holds binary data, not text' });
  });

  it('refuses a file marked UTF-8 that is not', () => {
    expect(decodeText(Buffer.from([0xef, 0xbb, 0xbf, 0x61, 0xe9, 0x62]))).toMatchObject({ ok: false });
  });
});

describe('detectDelimiter', () => {
  it('picks comma, semicolon or tab from the header and the first rows', () => {
    expect(detectDelimiter('a,b,c\n1,2,3\n')).toBe(',');
    expect(detectDelimiter('a;b;c\n1;2;3\n')).toBe(';');
    expect(detectDelimiter('a\tb\tc\n1\t2\t3\n')).toBe('\t');
  });

  it('ignores separators inside quoted fields, even across lines', () => {
    expect(detectDelimiter('"a,x";b;c\n"1,5";"2\n,,,";3\n4;5;6\n')).toBe(';');
    expect(detectDelimiter('a,b,"c;d;e;f"\n1,2,"x;y;z;w"\n')).toBe(',');
  });

  it('keeps a comma when nothing else fits', () => {
    expect(detectDelimiter('single\nvalue\n')).toBe(',');
  });
});

describe('unclosedQuoteLine', () => {
  it('names the line and field where a quoted field opens and never closes', () => {
    expect(unclosedQuoteLine('a,b,c\n1,2,3\n4,"5\n6,7\n', ',')).toEqual({ line: 3, field: 2 });
    expect(unclosedQuoteLine('a,b\n"x ""quoted"" y",2\n', ',')).toBeUndefined();
  });
});
