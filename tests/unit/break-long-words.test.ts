import { describe, expect, it } from 'vitest';
import { breakableText, withBreakableText } from '../../src/render/break-long-words.js';

const ZWSP = '\u200B';

describe('breakableText', () => {
  it('leaves ordinary prose alone', () => {
    const prose = 'Inter-agency referral discussions are not consistently held, recorded or audited.';
    expect(breakableText(prose)).toBe(prose);
  });

  it('lets a long file name break after its punctuation, without changing what it says', () => {
    const name = 'Multi_agency_dataset_2021_22_Q3_final_version.xlsx';
    const broken = breakableText(name);
    expect(broken.replaceAll(ZWSP, '')).toBe(name);
    expect(broken.split(ZWSP)).toEqual(['Multi_', 'agency_', 'dataset_', '2021_', '22_', 'Q3_', 'final_', 'version.', 'xlsx']);
  });

  it('breaks a run with no punctuation every 20 characters', () => {
    expect(breakableText('a'.repeat(45)).split(ZWSP).map((part) => part.length)).toEqual([20, 20, 5]);
  });
});

describe('withBreakableText', () => {
  it('reaches text in stacks, lists, columns and table cells, and leaves charts alone', () => {
    const long = 'x'.repeat(30);
    const svg = `<svg><text>${long}</text></svg>`;
    const content = withBreakableText([
      long,
      { stack: [{ text: [long, { text: long }] }], ul: [long] },
      { columns: [{ text: long }] },
      { table: { body: [[long, { text: long }]] } },
      { svg },
    ] as never) as unknown;
    const texts = JSON.stringify(content);
    expect(texts.split(ZWSP).length - 1).toBe(7);
    expect(JSON.stringify(content)).toContain(JSON.stringify(svg));
  });
});
