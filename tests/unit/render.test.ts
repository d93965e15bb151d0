import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown, loadTemplates, markdownToPdf } from '../../src/render/index.js';
import { KEEP_WITH_NEXT } from '../../src/render/pdfmake-fixes.js';
import { indicatorChange, indicatorValue, longDate, number, percent, percentBeside } from '../../src/render/format.js';

/** A node's text as read, whether pdfmake was given a string or pieces. */
const plain = (text: unknown): string => (typeof text === 'string' ? text : (text as { text: unknown }[]).map((piece) => plain(piece.text)).join(''));

const noBlocks = () => {
  throw new Error('no directive expected');
};

describe('markdownToPdf', () => {
  it('numbers sections and their paragraphs as a committee paper does', () => {
    const content = markdownToPdf('# Summary\n\nFirst.\n\nSecond.\n\n# Recommendations\n\nThird.', noBlocks) as any[];
    expect(content.map((node) => plain(node.text ?? node.columns?.[0].text))).toEqual(['1. Summary', '1.1 ', '1.2 ', '2. Recommendations', '2.1 ']);
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
    expect(content.at(-2)[KEEP_WITH_NEXT]).toBeTypeOf('symbol');
    expect(content.at(-1)).toMatchObject({ text: [{ text: 'Plain.' }] });
  });

  it('marks headings and lead-in lines to be kept with what follows, and nothing else', () => {
    const content = markdownToPdf('# Summary\n\nThe gaps are:\n\n- one\n\nA closing sentence.\n\n## A subheading', noBlocks) as any[];
    const kept = content.map((node) => typeof node[KEEP_WITH_NEXT] === 'symbol');
    expect(kept).toEqual([true, true, false, false, true]);
    // Every piece of a kept node's text carries its node's mark, so its laid-out lines can be traced to it.
    expect(content[1].columns[1].text.every((piece: any) => piece[KEEP_WITH_NEXT] === content[1][KEEP_WITH_NEXT])).toBe(true);
  });

  it('joins a subheading to a block kept whole after it, so the two move to a new page together', () => {
    const charts = { svg: '<svg/>', unbreakable: true };
    const content = markdownToPdf('## Re-registrations\n\n[[indicator-charts CHN22]]\n\nThe definition.', () => charts) as any[];
    expect(content).toHaveLength(2);
    expect(content[0]).toMatchObject({ unbreakable: true, stack: [{ style: 'subheading' }, charts] });
    expect(plain(content[1].text)).toBe('The definition.');
  });

  it('reads a line end inside a paragraph as a space, as Markdown does', () => {
    const [paragraph] = markdownToPdf('The latest point lies above the limit\n. Peers in 2021/22.', noBlocks) as any[];
    expect(plain(paragraph.text)).toBe('The latest point lies above the limit . Peers in 2021/22.');
    const [joined] = markdownToPdf('one\ntwo', noBlocks) as any[];
    expect(plain(joined.text)).toBe('one two');
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

  it('signs a change as it prints: a change that rounds to nothing has no sign', () => {
    expect(indicatorChange(18.24 - 2.19, 'percent', 1)).toBe('+16.0 pp');
    expect(indicatorChange(16.05, 'percent', 1)).toBe('+16.1 pp');
    expect(indicatorChange(-0.02, 'percent', 1)).toBe('0.0 pp');
    expect(indicatorChange(-0.65, 'percent', 1)).toBe('−0.7 pp');
    expect(indicatorChange(-21.5, 'gbp-per-week', 0)).toBe('−£22');
  });

  it('groups thousands and writes a true minus sign', () => {
    expect(number(1234567.25, 1)).toBe('1,234,567.3');
    expect(number(-1234.5, 0)).toBe('−1,235');
    expect(number(999.95, 1)).toBe('1,000.0');
  });

  it('prints a share beside a threshold so the two never read the same when they differ', () => {
    expect(percent(0.7959)).toBe('80%');
    expect(percentBeside(0.7959, [0.8, 0.5])).toBe('79.6%');
    expect(percentBeside(0.7999, [0.8])).toBe('79.99%');
    expect(percentBeside(0.8, [0.8])).toBe('80%');
    expect(percentBeside(0.91, [0.8, 0.5])).toBe('91%');
    expect(percent(0.145)).toBe('15%');
  });

  it('prints dates long, as committee papers do', () => {
    expect(longDate('2018-06-27')).toBe('27 June 2018');
  });
});

describe('the templates’ helpers and phrases', () => {
  const templates = loadTemplates();

  it('lists things as a sentence does: "a, b and c", with the words from labels.json', async () => {
    const { fill } = await templates;
    const list = (items: string[]) => fill('{{#list items}}{{this}}{{/list}}.', { items });
    expect(list([])).toBe('.');
    expect(list(['Falkirk'])).toBe('Falkirk.');
    expect(list(['Falkirk', 'Dundee City'])).toBe('Falkirk and Dundee City.');
    expect(list(['Falkirk', 'Dundee City', 'West Lothian'])).toBe('Falkirk, Dundee City and West Lothian.');
    expect(fill('{{#list items separator="; "}}{{this}}{{/list}}', { items: ['a, b', 'c', 'd'] })).toBe('a, b; c and d');
  });

  it('says none, one or many', async () => {
    const { fill } = await templates;
    expect([0, 1, 4].map((n) => fill('{{> count n=n}}', { n }))).toEqual(['none', '1', '4']);
    expect([[1, 1], [3, 3], [2, 3]].map(([n, of]) => fill('{{> share n=n of=of}}', { n, of }))).toEqual(['the only', 'all 3', '2 of the 3']);
  });

  it('places a one-line partial inside a sentence, without the line end its file closes with', async () => {
    const { fill } = await templates;
    const signal = (rule: string, direction: string, points: number) => fill(`a signal at the latest point: {{> spc-${rule}}}. Peers`, { direction, points });
    expect(signal('run', 'down', 8)).toBe('a signal at the latest point: the latest 8 consecutive points all lie below the mean. Peers');
    expect(signal('beyond-limits', 'up', 1)).toBe('a signal at the latest point: the latest point lies above the upper limit. Peers');
    expect(signal('trend', 'up', 6)).toBe('a signal at the latest point: the latest 6 consecutive points are all increasing. Peers');
  });
});
