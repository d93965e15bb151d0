import type { RootContent } from 'mdast';

/**
 * The structure both editions give the paper's Markdown: which paragraphs are directives, and how
 * sections and paragraphs are numbered. markdown.ts (PDF) and html/markdown.ts (HTML) both call these, so
 * the two editions number the same paper the same way.
 */

/** A block the code builds from the report model, asked for in a template as `[[name argument]]`. */
export interface Directive {
  name: string;
  argument?: string;
}

const DIRECTIVE = /^\[\[([a-z0-9-]+)(?: ([^\]\s]+))?\]\]$/;

/** A directive only when the template's own source says so: escaped input text never matches. */
export function directiveIn(node: RootContent, source: string): Directive | undefined {
  if (node.type !== 'paragraph' || !node.position) return undefined;
  const raw = source.slice(node.position.start.offset, node.position.end.offset).trim();
  const match = DIRECTIVE.exec(raw);
  return match ? { name: match[1]!, argument: match[2] } : undefined;
}

/** `[[appendices]]` ends the numbering: appendices' headings and paragraphs are not numbered. */
export const ENDS_NUMBERING = 'appendices';

export interface Numbering {
  numbered: boolean;
  section: number;
  paragraph: number;
}

export const startNumbering = (): Numbering => ({ numbered: true, section: 0, paragraph: 0 });

export function endNumbering(numbering: Numbering): void {
  numbering.numbered = false;
}

/** What a heading is: a subheading (level 2 and below), an appendix's heading, or a numbered section. */
export type HeadingKind = { kind: 'subheading' } | { kind: 'appendix' } | { kind: 'section'; number: string };

export function numberHeading(numbering: Numbering, depth: number): HeadingKind {
  if (depth > 1) return { kind: 'subheading' };
  numbering.paragraph = 0;
  if (!numbering.numbered) return { kind: 'appendix' };
  numbering.section += 1;
  return { kind: 'section', number: `${numbering.section}.` };
}

/** A paragraph's number, "1.2", or undefined before the first section and after `[[appendices]]`. */
export function numberParagraph(numbering: Numbering): string | undefined {
  if (!numbering.numbered || numbering.section === 0) return undefined;
  numbering.paragraph += 1;
  return `${numbering.section}.${numbering.paragraph}`;
}

/** A paragraph ending in a colon introduces what follows it ("The gaps are:"). */
export const isLeadIn = (text: string) => /:\s*$/.test(text);

/**
 * The blocks a template may place with `[[name argument]]`. Each edition keeps a registry typed over these
 * names, so the compiler holds the PDF and the HTML to the same set.
 */
export const BLOCK_NAMES = [
  'header-block',
  'readiness-table',
  'question-grades',
  'question-indicators',
  'table-1',
  'grade-key',
  'table-2',
  'table-3',
  'grade-history',
  'indicator-charts',
  'data-files',
  'rejected-rows',
  'input-warnings',
] as const;

export type BlockName = (typeof BLOCK_NAMES)[number];

/** An edition's builder for a directive; templates are checked for unknown blocks when loaded, so one here is a bug. */
export function blockFor<Builder>(blocks: Readonly<Record<BlockName, Builder>>, name: string): Builder {
  const block = (blocks as Readonly<Record<string, Builder>>)[name];
  if (!block) throw new Error(`template asks for an unknown block [[${name}]]; known blocks: ${BLOCK_NAMES.join(', ')}`);
  return block;
}
