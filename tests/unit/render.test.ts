import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown, markdownToPdf } from '../../src/render/index.js';
import { indicatorChange, indicatorValue, longDate } from '../../src/render/format.js';

const noBlocks = () => {
  throw new Error('no directive expected');
};

describe('markdownToPdf', () => {
  it('numbers sections and their paragraphs as a committee paper does', () => {
    const content = markdownToPdf('# Summary\n\nFirst.\n\nSecond.\n\n# Recommendations\n\nThird.', noBlocks) as any[];
    expect(content.map((node) => node.text ?? node.columns?.[0].text)).toEqual(['1. Summary', '1.1', '1.2', '2. Recommendations', '2.1']);
    expect(content[0]).toMatchObject({ outline: true, outlineText: '1. Summary' });
  });

  it('letters ordered lists (a), (b) …', () => {
    const [list] = markdownToPdf('1. note the report\n2. agree the plan', noBlocks) as any[];
    expect(list).toMatchObject({ type: 'lower-alpha', separator: ['(', ')'] });
    expect(list.ol).toHaveLength(2);
  });

  it('stops numbering at [[appendices]] and starts each appendix on a new page with a bookmark', () => {
    const content = markdownToPdf('# One\n\nText.\n\n[[appendices]]\n\n# Appendix 1: Tables\n\nPlain.', noBlocks) as any[];
    expect(content.at(-2)).toMatchObject({ text: [{ text: 'Appendix 1: Tables' }], pageBreak: 'before', outline: true });
    expect(content.at(-1)).toMatchObject({ text: [{ text: 'Plain.' }] });
  });

  it('hands directives to the block renderer with their argument', () => {
    const seen: unknown[] = [];
    markdownToPdf('[[question-grades 3]]', (directive) => {
      seen.push(directive);
      return { text: '' };
    });
    expect(seen).toEqual([{ name: 'question-grades', argument: '3' }]);
  });

  it('treats escaped input that reads like a directive as text', () => {
    const [paragraph] = markdownToPdf(escapeMarkdown('[[table-1]]'), noBlocks) as any[];
    expect(paragraph.text).toEqual([{ text: '[[table-1]]' }]);
  });

  it('refuses Markdown the paper style has no place for, naming the line', () => {
    expect(() => markdownToPdf('Text\n\n    indented code', noBlocks)).toThrow(/code \(at line 3\)/);
  });
});

describe('escapeMarkdown', () => {
  const hostile = [
    '# heading',
    '- list item',
    '1. ordered',
    '> quote',
    '| a | b |\n|---|---|',
    '**bold** _it_ `code`',
    '[link](http://example.com) ![img](x.png)',
    '<script>alert(1)</script> &amp;',
    '    indented',
    'line one\n\n# line two',
    'Very good\\',
  ];
  it.each(hostile)('keeps %j as one paragraph of the same text', (text) => {
    const tree = fromMarkdown(escapeMarkdown(text));
    expect(tree.children).toHaveLength(1);
    expect(tree.children[0]!.type).toBe('paragraph');
    expect(toString(tree)).toBe(text.replace(/\s+/g, ' ').trim());
  });
});

describe('formatting figures', () => {
  it('prints changes in percentages as percentage points', () => {
    expect(indicatorChange(11.97 - 11.71, 'percent', 1)).toBe('+0.3 pp');
    expect(indicatorChange(-1.8, 'percent', 1)).toBe('−1.8 pp');
  });

  it('prints money and rates with their units', () => {
    expect(indicatorValue(5134.9925, 'gbp-per-week', 0)).toBe('£5,135');
    expect(indicatorValue(2.4, 'rate-per-1000-0-15', 1)).toBe('2.4 per 1,000');
  });

  it('prints dates long, as committee papers do', () => {
    expect(longDate('2018-06-27')).toBe('27 June 2018');
  });
});
