/**
 * Two things pdfmake 0.3.11 gets wrong for a committee paper and has no option for, fixed once per process by
 * wrapping one method each (the version is pinned in package.json, so the methods are known):
 * - bookmarks point at the page's top-right corner instead of at their headings (`bookmarksAtHeadings`);
 * - a heading, a table's title or a lead-in ("The gaps are:") can end a page, with what it introduces over the
 *   page (`keepWithNextOnItsPage`). pdfmake's own `pageBreakBefore` hook cannot tell: it reports content laid
 *   out in an unbreakable block (a chart, a table's first rows) where the block began, not the page it moved to.
 */
import { prototypeOf, wrapOnce, type Prototype } from './pdfmake-patch.js';
import { svgSizedInItsText } from './pdfmake-svg.js';

/** The property a node, and each piece of its text, carries to be kept with what follows it. */
export const KEEP_WITH_NEXT = 'qifKeepWithNext';

export function applyPdfmakeFixes(): void {
  bookmarksAtHeadings(prototypeOf('Renderer'));
  keepWithNextOnItsPage(prototypeOf('LayoutBuilder'));
  // Not a mistake but a cost: see pdfmake-svg.ts.
  svgSizedInItsText(prototypeOf('SVGMeasure'));
}

interface OutlineItem {
  outlineData: { Dest?: unknown[] };
  children: OutlineItem[];
}

interface RendererLike {
  pdfDocument: { outline: OutlineItem; page: { dictionary: unknown; height: number } };
  outlineMap: Record<string, OutlineItem>;
}

type RenderLine = (this: RendererLike, line: { _outline?: { parentId?: string } }, x: number, y: number) => unknown;

/**
 * pdfmake adds a bookmark as it draws the heading's line, but pdfkit aims it at `/XYZ <page width> <page height> 0`.
 * Each new bookmark is re-aimed at its heading: the page's left edge, the line's top, the reader's own zoom.
 */
function bookmarksAtHeadings(renderer: Prototype): void {
  wrapOnce<RenderLine>(renderer, 'renderLine', (renderLine) =>
    function (this: RendererLike, line, x, y) {
      const result = renderLine.call(this, line, x, y);
      if (line._outline) {
        const parent = (line._outline.parentId && this.outlineMap[line._outline.parentId]) || this.pdfDocument.outline;
        const { page } = this.pdfDocument;
        parent.children.at(-1)!.outlineData.Dest = [page.dictionary, 'XYZ', 0, page.height - y, null];
      }
      return result;
    },
  );
}

interface PageItem {
  type: string;
  item: {
    x?: number;
    y?: number;
    y1?: number;
    y2?: number;
    h?: number;
    points?: { y: number }[];
    inlines?: Record<string, unknown>[];
    getHeight?: () => number;
  };
}

interface Page {
  items: PageItem[];
  pageSize: { height: number };
  pageMargins: { top: number; bottom: number };
}

interface Layout {
  pages: Page[];
  linearNodeList: ({ pageBreak?: string; resetXY?: () => void } & Record<string, unknown>)[];
}

type TryLayout = (this: unknown, ...args: unknown[]) => Layout;

/**
 * Lays the document out, then looks at each page as laid out: if its content ends with the lines of a node marked
 * to keep with what follows, that node starts the next page instead, and the document is laid out again — one
 * node at a time, since each move changes the pages after it.
 */
function keepWithNextOnItsPage(layoutBuilder: Prototype): void {
  wrapOnce<TryLayout>(layoutBuilder, 'tryLayoutDocument', (tryLayout) =>
    function (this: unknown, ...args) {
      let layout = tryLayout.apply(this, args);
      for (let orphan = firstOrphan(layout); orphan; orphan = firstOrphan(layout)) {
        const node = layout.linearNodeList.find((candidate) => candidate[KEEP_WITH_NEXT] === orphan)!;
        node.pageBreak = 'before';
        for (const laidOut of layout.linearNodeList) laidOut.resetXY?.();
        layout = tryLayout.apply(this, args);
      }
      return layout;
    },
  );
}

/** The mark of the first node that ends a page before the last, unless it also starts that page. */
function firstOrphan({ pages }: Layout): unknown {
  for (const page of pages.slice(0, -1)) {
    const content = page.items.filter((entry) => isContent(entry, page));
    const last = content.reduce<PageItem | undefined>((lowest, entry) => (!lowest || bottomOf(entry) > bottomOf(lowest) ? entry : lowest), undefined);
    const mark = last && keepMarkOf(last);
    if (mark === undefined) continue;
    const own = content.filter((entry) => keepMarkOf(entry) === mark);
    const startsPage = !content.some((entry) => keepMarkOf(entry) !== mark && topOf(entry) < Math.min(...own.map(topOf)));
    const endsPage = !content.some((entry) => keepMarkOf(entry) !== mark && topOf(entry) >= Math.max(...own.map(bottomOf)) - 0.5);
    if (endsPage && !startsPage) return mark;
  }
  return undefined;
}

const keepMarkOf = (entry: PageItem) => (entry.type === 'line' ? entry.item.inlines?.find((inline) => inline[KEEP_WITH_NEXT] !== undefined)?.[KEEP_WITH_NEXT] : undefined);

function topOf({ item }: PageItem): number {
  if (item.points) return Math.min(...item.points.map((point) => point.y));
  if (item.y1 !== undefined && item.y2 !== undefined) return Math.min(item.y1, item.y2);
  return item.y ?? 0;
}

const bottomOf = (entry: PageItem) => topOf(entry) + (entry.item.getHeight?.() ?? entry.item.h ?? 0);

/** Lines, drawings and pictures inside the page's margins: the running header and the footer are not content. */
function isContent(entry: PageItem, page: Page): boolean {
  if (!['line', 'vector', 'svg', 'image'].includes(entry.type)) return false;
  const top = topOf(entry);
  return top >= page.pageMargins.top - 0.5 && top < page.pageSize.height - page.pageMargins.bottom;
}
