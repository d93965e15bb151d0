import { createRequire } from 'node:module';

interface OutlineItem {
  outlineData: { Dest?: unknown[] };
  children: OutlineItem[];
}

interface RendererLike {
  pdfDocument: { outline: OutlineItem; page: { dictionary: unknown; height: number } };
  outlineMap: Record<string, OutlineItem>;
}

type Line = { _outline?: { parentId?: string } };
type RenderLine = (this: RendererLike, line: Line, x: number, y: number) => unknown;

const FIXED = Symbol.for('qif-report.outline-at-heading');

/**
 * pdfmake adds a bookmark when it draws the heading's line, but pdfkit points it at the page's top-right
 * corner (`/XYZ 595.28 841.89 0`: its left is "page width minus nothing"). Once, for the whole process, this
 * wraps pdfmake's line renderer so that each new bookmark points at its heading: the page's left edge, the
 * heading line's top, and the reader's own zoom. pdfmake 0.3.11 has no option for it.
 */
export function bookmarksAtHeadings(): void {
  const require = createRequire(import.meta.url);
  const renderer = (require('pdfmake/js/Renderer.js') as { default: { prototype: Record<PropertyKey, unknown> } }).default.prototype;
  if (renderer[FIXED]) return;
  const renderLine = renderer.renderLine as RenderLine;
  renderer.renderLine = function (this: RendererLike, line: Line, x: number, y: number) {
    const result = renderLine.call(this, line, x, y);
    if (line._outline) {
      const parent = (line._outline.parentId && this.outlineMap[line._outline.parentId]) || this.pdfDocument.outline;
      const item = parent.children.at(-1)!;
      const { page } = this.pdfDocument;
      item.outlineData.Dest = [page.dictionary, 'XYZ', 0, page.height - y, null];
    }
    return result;
  };
  renderer[FIXED] = true;
}
