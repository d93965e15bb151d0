import type { Content } from 'pdfmake/interfaces.js';
import type { ListItem } from 'mdast';
import type { PositionBlock } from '../../model/index.js';
import { inline } from '../markdown.js';

/**
 * The officer's answer, as parsed from position.md, laid out as the paper lays its own Markdown out: ingest has
 * let in only paragraphs, lists and quotes with bold, italic and code marks, so every node here has a layout.
 * An ordered list keeps the officer's numbers (1, 2, 3), not the paper's letters.
 */
export function officerPdf(blocks: readonly PositionBlock[]): Content[] {
  return blocks.map(officerBlock);
}

function officerBlock(block: PositionBlock): Content {
  switch (block.type) {
    case 'paragraph':
      return { text: inline(block.children), style: 'paragraph', tag: 'P' } as Content;
    case 'list': {
      const items = block.children.map(listItem);
      return (block.ordered ? { ol: items, start: block.start ?? 1, style: 'list', markerColor: '#000000' } : { ul: items, style: 'list' }) as Content;
    }
    case 'blockquote':
      // A quotation (a young person's words, say) set in from the margin, in italics.
      return { stack: officerPdf(block.children as PositionBlock[]), italics: true, margin: [24, 0, 24, 4] };
  }
}

function listItem(item: ListItem): Content {
  const parts = item.children.map((child) => (child.type === 'paragraph' ? ({ text: inline(child.children) } as Content) : officerBlock(child as PositionBlock)));
  return parts.length === 1 ? parts[0]! : { stack: parts };
}
