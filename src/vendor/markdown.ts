/**
 * unified's Markdown and HTML utilities, as the tool uses them: some 150 small ES modules between them, bundled
 * into one file by `npm run build` (see vega.ts).
 */
export { fromMarkdown } from 'mdast-util-from-markdown';
export { toHast } from 'mdast-util-to-hast';
export { toString } from 'mdast-util-to-string';
export { toHtml } from 'hast-util-to-html';
