import type { Element, ElementContent } from 'hast';
import type { Paragraph, PhrasingContent, RootContent } from 'mdast';
import { fromMarkdown, toHast, toString } from '../../vendor/markdown.js';
import { directiveIn, ENDS_NUMBERING, endNumbering, numberHeading, numberParagraph, startNumbering, type Directive, type Numbering } from '../paper-structure.js';
import { h, Ids } from './hast.js';

/** Where a block stands in the page: the heading it sits under names its tables. */
export interface BlockPlace {
  ids: Ids;
  /** The id of the nearest heading above the block. */
  headingId?: string;
}

export type HastDirectiveRenderer = (directive: Directive, place: BlockPlace) => Element | Element[];

const PHRASING = new Set(['text', 'strong', 'emphasis', 'break', 'inlineCode']);

/** The same Markdown the PDF is made from is allowed here, and nothing more; soft breaks become spaces, as in the PDF. */
function checkedInline(children: PhrasingContent[]): PhrasingContent[] {
  for (const child of children) {
    if (!PHRASING.has(child.type)) throw new Error(`templates may not use Markdown ${child.type} (at line ${child.position?.start.line})`);
    if (child.type === 'text') child.value = child.value.replace(/[ \t]*\n[ \t]*/g, ' ');
    if ('children' in child) checkedInline(child.children as PhrasingContent[]);
  }
  return children;
}

/** A paragraph's phrasing content as hast, through mdast-util-to-hast. */
function inline(node: Paragraph | { type: 'paragraph'; children: PhrasingContent[] }): ElementContent[] {
  const converted = toHast({ type: 'paragraph', children: checkedInline(node.children) }) as Element;
  return converted.children;
}

/**
 * Turns the paper's Markdown into hast with the committee-paper structure the PDF has: level-1 headings are
 * numbered sections (h1), their paragraphs numbered 1.1, 1.2 …; level-2 headings are h2; ordered lists are
 * lettered (`ol type="a"`). `[[appendices]]` ends the numbering; other directives are handed to `renderDirective`.
 */
export function markdownToHast(markdown: string, renderDirective: HastDirectiveRenderer, ids = new Ids()): Element[] {
  const tree = fromMarkdown(markdown);
  const numbering = startNumbering();
  const place: BlockPlace = { ids };
  return tree.children.flatMap((node) => block(node, markdown, numbering, place, renderDirective));
}

function block(node: RootContent, source: string, numbering: Numbering, place: BlockPlace, renderDirective: HastDirectiveRenderer): Element[] {
  const directive = directiveIn(node, source);
  if (directive?.name === ENDS_NUMBERING) {
    endNumbering(numbering);
    return [];
  }
  if (directive) return [renderDirective(directive, place)].flat();

  switch (node.type) {
    case 'heading': {
      const kind = numberHeading(numbering, node.depth);
      const content = inline({ type: 'paragraph', children: node.children });
      const label = (kind.kind === 'section' ? `${kind.number} ` : '') + toString(node);
      const id = place.ids.next(label);
      place.headingId = id;
      if (kind.kind === 'subheading') return [h('h2', { id }, content)];
      if (kind.kind === 'appendix') return [h('h1', { id, className: ['appendix'] }, content)];
      return [h('h1', { id }, [h('span', { className: ['number'] }, [kind.number]), ' ', ...content])];
    }
    case 'paragraph': {
      const number = numberParagraph(numbering);
      const content = inline(node);
      if (number === undefined) return [h('p', {}, content)];
      // The number is a word of its own, as in the PDF's tagged text: "1.2 The …".
      return [h('p', { className: ['numbered'] }, [h('span', { className: ['number'] }, [number]), ' ', ...content])];
    }
    case 'list': {
      const items = node.children.map((item) =>
        h(
          'li',
          {},
          item.children.flatMap((child): ElementContent[] => (child.type === 'paragraph' ? inline(child) : block(child, source, numbering, place, renderDirective))),
        ),
      );
      return [node.ordered ? h('ol', { type: 'a', className: ['lettered'] }, items) : h('ul', {}, items)];
    }
    case 'thematicBreak':
      // A page break in the PDF: a new page when printed.
      return [h('hr', { className: ['page-break'] })];
    default:
      throw new Error(`templates may not use Markdown ${node.type} (at line ${node.position?.start.line})`);
  }
}
