import type { Worksheet } from 'exceljs';
import type { List, Nodes, RootContent } from 'mdast';
import { fromMarkdown, toString } from '../vendor/markdown.js';
import { scale } from '../framework/index.js';
import { SHEET_HEADERS, SHEETS, WORKBOOK_FILE } from '../model/workbook-layout.js';
import { TO_COMPLETE } from '../model/workspace-seed.js';
import { PROSE_PER_DIGIT } from './data-sheets.js';
import { fill } from './fill.js';
import type { WorkbookWords } from './workbook-words.js';

/** One row of the "Read me" sheet: a spreadsheet has no Markdown, so each block becomes a row of its kind. */
export interface ReadMeLine {
  kind: 'title' | 'heading' | 'paragraph' | 'item' | 'subitem';
  text: string;
}

/**
 * read-me.md's blocks as rows, read with the Markdown parser the paper uses: `#` and `##` headings, list items
 * (an item's own list a level deeper), and paragraphs, each hard-wrapped block joined into one cell. A blank row
 * parts two blocks where the Markdown leaves a blank line between them.
 */
export function readMeLines(markdown: string): ReadMeLine[] {
  const lines: ReadMeLine[] = [];
  let lastLine: number | undefined;
  for (const node of fromMarkdown(markdown).children) {
    if (lastLine !== undefined && node.position!.start.line > lastLine + 1) lines.push({ kind: 'paragraph', text: '' });
    lines.push(...blockLines(node));
    lastLine = node.position!.end.line;
  }
  return lines;
}

/** A block's text on one line: the hard wraps of the Markdown source are not the cell's. */
const oneLine = (node: Nodes) => toString(node).replace(/\s*\n\s*/g, ' ').trim();

function blockLines(node: RootContent): ReadMeLine[] {
  if (node.type === 'heading') return [{ kind: node.depth === 1 ? 'title' : 'heading', text: oneLine(node) }];
  if (node.type === 'list') return listLines(node, 'item');
  return [{ kind: 'paragraph', text: oneLine(node) }];
}

function listLines(list: List, kind: 'item' | 'subitem'): ReadMeLine[] {
  return list.children.flatMap((item) => item.children.flatMap((child) => (child.type === 'list' ? listLines(child, 'subitem') : [{ kind, text: oneLine(child) }])));
}

/** What read-me.md may say: the sheets' and columns' names, the scale, the statuses, as the code has them. */
function readMeContext(words: WorkbookWords) {
  return {
    sheets: SHEETS,
    headers: SHEET_HEADERS,
    workbook: WORKBOOK_FILE,
    toComplete: TO_COMPLETE,
    grades: scale.map((point) => point.word),
    scale,
    statuses: Object.entries(words.labels.statuses).map(([name, meaning]) => ({ name, meaning })),
  };
}

const FONTS: Record<ReadMeLine['kind'], { bold?: boolean; size?: number }> = {
  title: { bold: true, size: 14 },
  heading: { bold: true, size: 12 },
  paragraph: {},
  item: {},
  subitem: {},
};

/** Items are marked and indented as a list would be; the text stays in column A, one wide wrapped column. */
const INDENT: Record<ReadMeLine['kind'], number> = { title: 0, heading: 0, paragraph: 0, item: 1, subitem: 2 };
const BULLET: Record<ReadMeLine['kind'], string> = { title: '', heading: '', paragraph: '', item: '• ', subitem: '– ' };

/** Column A's width, in characters of the default font. */
const WIDTH = 100;

/**
 * A row's height in points, for the lines its text wraps to at WIDTH (prose runs a little narrower than the
 * digits a width counts). Set rather than left to the spreadsheet: LibreOffice does not always fit a row to
 * wrapped text on opening, and nobody edits this sheet's rows.
 */
function rowHeight(line: ReadMeLine): number | undefined {
  if (line.text === '') return undefined;
  const lines = Math.ceil(line.text.length / ((WIDTH - 4 * INDENT[line.kind]) * PROSE_PER_DIGIT));
  return Math.max(1, lines) * ((FONTS[line.kind].size ?? 11) + 4);
}

/** Fills the "Read me" sheet from read-me.md. */
export function writeReadMe(sheet: Worksheet, words: WorkbookWords): void {
  sheet.getColumn(1).width = WIDTH;
  for (const line of readMeLines(fill(words.readMe, readMeContext(words)))) {
    const row = sheet.addRow([line.text === '' ? null : `${BULLET[line.kind]}${line.text}`]);
    const height = rowHeight(line);
    if (height !== undefined) row.height = height;
    const cell = row.getCell(1);
    cell.font = FONTS[line.kind];
    cell.alignment = { wrapText: true, vertical: 'top', indent: INDENT[line.kind] };
  }
}
