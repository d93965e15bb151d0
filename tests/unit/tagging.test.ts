import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Content } from 'pdfmake/interfaces.js';
import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../src/render/index.js';
import { LIST_LABEL, STRUCTURE, structured, type StructNode } from '../../src/render/tagging/structure.js';

/** The tree as roles, nested: `['Document', [['H1'], ['P']]]`. */
const shape = (node: StructNode): unknown => (node.children.length ? [node.role, node.children.map(shape)] : [node.role]);
const pieces = (node: any): any[] => node.text;

describe('structured (the structure read from the content)', () => {
  it('gives tagged nodes their role, and untagged text a paragraph of its own', () => {
    const { content, root } = structured([{ text: '1. Summary', tag: 'H1' }, 'Loose text.', { columns: [{ text: '1.1 ' }, { text: 'Numbered.' }], tag: 'P' }]);
    expect(shape(root)).toEqual(['Document', [['H1'], ['P'], ['P']]]);
    const [heading, loose, numbered] = content as any[];
    expect(pieces(heading)[0][STRUCTURE]).toBe(root.children[0]);
    expect(pieces(loose)[0]).toMatchObject({ text: 'Loose text.' });
    expect(pieces(loose)[0][STRUCTURE]).toBe(root.children[1]);
    // A numbered paragraph's number and text are one paragraph.
    expect(numbered.columns.map((column: any) => pieces(column)[0][STRUCTURE])).toEqual([root.children[2], root.children[2]]);
  });

  it('makes a table of rows and cells: header rows of column headers, spans, covered cells left out', () => {
    const table = {
      table: {
        headerRows: 1,
        body: [
          ['Question', 'Rating'],
          [{ text: 'To:', tag: { role: 'TH', scope: 'Row' } }, 'Ready'],
          [{ text: 'Across', colSpan: 2 }, ''],
        ],
      },
    } as Content;
    const { root } = structured([table]);
    expect(shape(root)).toEqual(['Document', [['Table', [['TR', [['TH'], ['TH']]], ['TR', [['TH'], ['TD']]], ['TR', [['TD']]]]]]]);
    const [header, row, across] = root.children[0]!.children;
    expect(header!.children.map((cell) => cell.table)).toEqual([{ Scope: 'Column' }, { Scope: 'Column' }]);
    expect(row!.children[0]!.table).toEqual({ Scope: 'Row' });
    expect(across!.children[0]!.table).toEqual({ ColSpan: 2 });
  });

  it('puts a caption just before its table inside the table, and no other', () => {
    const table = { table: { body: [['a']] } };
    const { root } = structured([{ stack: [{ text: 'Table 2: Evidence', tag: 'Caption' }, table, { text: 'Note', tag: 'Caption' }, { text: 'Not a table' }] } as Content]);
    expect(shape(root)).toEqual(['Document', [['Table', [['Caption'], ['TR', [['TD']]]]], ['P'], ['P']]]);
  });

  it('keeps a cell a cell when what it holds is tagged (a link on the agenda)', () => {
    const link = { text: '3', link: 'qif-item:3', tag: { role: 'Link', contents: 'Go to item 3' } };
    const { root } = structured([{ table: { body: [[link, { stack: [{ ...link, text: 'Plan' }] }]] } } as Content]);
    expect(shape(root)).toEqual(['Document', [['Table', [['TR', [['TD', [['Link']]], ['TD', [['Link']]]]]]]]]);
  });

  it('makes a lettered list of items with labels and bodies, the label handed to the item for pdfmake', () => {
    const { content, root } = structured([{ ol: ['note the report', { text: 'agree the plan' }] } as Content]);
    expect(shape(root)).toEqual(['Document', [['L', [['LI', [['Lbl'], ['LBody']]], ['LI', [['Lbl'], ['LBody']]]]]]]);
    const items = (content[0] as any).ol;
    expect(items[1][LIST_LABEL]).toBe(root.children[0]!.children[1]!.children[0]);
    expect(pieces(items[1])[0][STRUCTURE]).toBe(root.children[0]!.children[1]!.children[1]);
  });

  it('makes a link a Link inside its paragraph, described by its tag or its text', () => {
    const { root } = structured([
      { text: ['See ', { text: 'the plan', link: 'https://example.org' }, '.'], tag: 'P' },
      { text: '3', link: 'qif-item:3', tag: { role: 'Link', contents: 'Go to item 3' } },
    ] as Content[]);
    expect(shape(root)).toEqual(['Document', [['P', [['Link']]], ['Link']]]);
    expect(root.children[0]!.children[0]!.contents).toBe('the plan');
    expect(root.children[1]!.contents).toBe('Go to item 3');
  });

  it('makes a tagged chart a Figure with its alternative text; an untagged picture is no element', () => {
    const { content, root } = structured([{ svg: '<svg/>', tag: { role: 'Figure', alt: 'Line chart of …' } }, { svg: '<svg/>' }] as Content[]);
    expect(shape(root)).toEqual(['Document', [['Figure']]]);
    expect(root.children[0]!.alt).toBe('Line chart of …');
    expect((content[0] as any)[STRUCTURE]).toBe(root.children[0]);
    expect((content[1] as any)[STRUCTURE]).toBeUndefined();
  });
});

describe('renderPdf (tagged as drawn)', () => {
  it('reads a paragraph with a link in it in order, and leaves the running header out of the tagged text', async () => {
    const pdf = await renderPdf({
      header: () => ({ text: 'Running header' }),
      content: [{ text: ['See ', { text: 'the plan', link: 'https://example.org' }, ' now.'], tag: 'P' }],
      defaultStyle: { font: 'Roboto' },
    });
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'qif-tagging-')), 'one.pdf');
    writeFileSync(file, pdf);
    const tree = execFileSync('pdfinfo', ['-struct-text', file], { encoding: 'utf8' });
    // pdfmake draws a link word by word, each word its own annotation: both belong to the one Link.
    const lines = tree.split('\n').map((line) => line.trimEnd().replace(/Object \d+ 0$/, 'annotation')).filter(Boolean);
    expect(lines).toEqual(['Document', '  P (block)', '    "See "', '    Link (inline)', '      "the plan"', '      annotation', '      annotation', '    " now."']);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Running header');
  });
});

describe('XMP metadata', () => {
  it('holds the title as XML text, whatever it holds, and never as PDF syntax in the bytes', async () => {
    const title = 'Dumfries & Galloway <Q2> ) Tj ET /JavaScript (x %%EOF endstream';
    const pdf = (await renderPdf({ info: { title }, content: ['Text.'], defaultStyle: { font: 'Roboto' } })).toString('latin1');
    const xmp = /<x:xmpmeta[\s\S]*<\/x:xmpmeta>/.exec(pdf)![0];
    const li = /<dc:title>\s*<rdf:Alt>\s*<rdf:li xml:lang="x-default">([^<]*)<\/rdf:li>/.exec(xmp)![1]!;
    const decoded = li.replace(/&#(\d+);/g, (_, code) => String.fromCharCode(Number(code))).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    expect(decoded).toBe(title);
    expect(xmp).toContain('<pdfuaid:part>1</pdfuaid:part>');
    for (const syntax of ['%%EOF', ') Tj ET', '/JavaScript', 'endstream']) expect(xmp).not.toContain(syntax);
  });
});
