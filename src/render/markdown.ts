import type { Content as PdfContent } from 'pdfmake/interfaces.js';
import type { Nodes, PhrasingContent, RootContent } from 'mdast';
import { fromMarkdown } from '../vendor/markdown.js';
import { joinedWithWhatFollows, keptWithNext } from './keep-with-next.js';
import { directiveIn, ENDS_NUMBERING, endNumbering, isLeadIn, numberHeading, numberParagraph, startNumbering, type Directive, type Numbering } from './paper-structure.js';

export type { Directive } from './paper-structure.js';

export type DirectiveRenderer = (directive: Directive) => PdfContent | PdfContent[];

/**
 * Turns the paper's Markdown into pdfmake content in the committee-paper style: level-1 headings are
 * numbered sections with bookmarks, their paragraphs numbered 1.1, 1.2 …; ordered lists are lettered.
 * `[[appendices]]` ends the numbering; other directives are handed to `renderDirective`.
 */
export function markdownToPdf(markdown: string, renderDirective: DirectiveRenderer): PdfContent[] {
  const tree = fromMarkdown(markdown);
  const numbering = startNumbering();
  const content: PdfContent[] = [];
  for (const node of tree.children) content.push(...block(node, markdown, numbering, renderDirective));
  return joinedWithWhatFollows(content);
}

function block(node: RootContent, source: string, numbering: Numbering, renderDirective: DirectiveRenderer): PdfContent[] {
  const directive = directiveIn(node, source);
  if (directive?.name === ENDS_NUMBERING) {
    endNumbering(numbering);
    return [];
  }
  if (directive) return [renderDirective(directive)].flat();

  switch (node.type) {
    case 'heading':
      return [heading(node.depth, inline(node.children), numbering)];
    case 'paragraph':
      return [paragraph(inline(node.children), numbering)];
    case 'list':
      return [list(node.ordered ?? false, node.children.map((item) => item.children.flatMap((child) => (child.type === 'paragraph' ? [{ text: inline(child.children) }] : block(child, source, numbering, renderDirective)))))];
    case 'thematicBreak':
      return [{ text: '', pageBreak: 'after' }];
    default:
      throw new Error(`templates may not use Markdown ${node.type} (at line ${node.position?.start.line})`);
  }
}

function heading(depth: number, text: PdfContent[], numbering: Numbering): PdfContent {
  const kind = numberHeading(numbering, depth);
  if (kind.kind === 'subheading') return keptWithNext({ text, style: 'subheading', tag: 'H2' } as PdfContent);
  const label = plainText(text);
  if (kind.kind === 'appendix') return keptWithNext({ text, style: 'appendixHeading', tag: 'H1', outline: true, outlineText: label, pageBreak: 'before' } as PdfContent);
  const title = `${kind.number} ${label}`;
  return keptWithNext({ text: title, style: 'sectionHeading', tag: 'H1', outline: true, outlineText: title } as PdfContent);
}

/** A paragraph ending in a colon introduces what follows it ("The gaps are:") and is kept with it. */
const asLeadIn = (node: PdfContent, text: PdfContent[]) => (isLeadIn(plainText(text)) ? keptWithNext(node) : node);

function paragraph(text: PdfContent[], numbering: Numbering): PdfContent {
  const number = numberParagraph(numbering);
  if (number === undefined) return asLeadIn({ text, style: 'paragraph', tag: 'P' } as PdfContent, text);
  const numbered: PdfContent = {
    columns: [
      // The space keeps the number a word of its own in the tagged text ("1.2 The"), not "1.2The".
      { width: 32, text: `${number} `, style: 'paragraphNumber' },
      { width: '*', text },
    ],
    columnGap: 4,
    style: 'paragraph',
    // One paragraph, its number inside it.
    tag: 'P',
  } as PdfContent;
  return asLeadIn(numbered, text);
}

function list(ordered: boolean, items: PdfContent[][]): PdfContent {
  const entries = items.map((stack) => (stack.length === 1 ? stack[0]! : { stack }));
  return ordered
    ? ({ ol: entries, type: 'lower-alpha', separator: ['(', ')'], style: 'list', markerColor: '#000000' } as PdfContent)
    : ({ ul: entries, style: 'list' } as PdfContent);
}

export function inline(children: readonly PhrasingContent[], marks: { bold?: boolean; italics?: boolean } = {}): PdfContent[] {
  return children.flatMap((child): PdfContent[] => {
    switch (child.type) {
      case 'text':
        // A line end inside a paragraph is a soft break: a space, as Markdown reads it, not a new line.
        return [{ text: child.value.replace(/[ \t]*\n[ \t]*/g, ' '), ...marks }];
      case 'strong':
        return inline(child.children, { ...marks, bold: true });
      case 'emphasis':
        return inline(child.children, { ...marks, italics: true });
      case 'break':
        return [{ text: '\n' }];
      case 'inlineCode':
        return [{ text: child.value, ...marks }];
      default:
        throw new Error(`templates may not use Markdown ${child.type} (at line ${child.position?.start.line})`);
    }
  });
}

function plainText(content: PdfContent[]): string {
  return content.map((part) => (typeof part === 'object' && part && 'text' in part ? String(part.text) : '')).join('');
}

export type { Nodes };
