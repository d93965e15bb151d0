import { readFile } from 'node:fs/promises';
import fontkit from '@pdf-lib/fontkit';
import { PAPER_FONT_FILES, type PaperTemplates } from '../render/index.js';
import { PDFName, PDFOperator, PDFOperatorNames, degrees, rgb, type PDFDocument, type PDFFont, type PDFPage } from '../vendor/pdf-lib.js';
import { NUMBER_BAND } from './included-pages.js';
import { load, saveOptions } from './pdf-io.js';

/**
 * Where the stamp goes, matching the papers' own footer (src/render/document.ts): pdfmake draws the footer
 * in the bottom page margin (60 pt) with a top margin of 24 pt, so the line's top is 36 pt above the foot of
 * the page and its baseline lies the font's ascent lower; 8 pt text, centred across the page, black.
 */
export const STAMP = { size: 8, lineTopAboveFoot: 60 - 24, lineTopInBand: NUMBER_BAND - 7 } as const;

/** The words a stamp draws, and the font it draws them in. */
export interface StampOptions {
  /** The stamped footer's words, e.g. (page, pages) => `Page ${page} of ${pages}`. */
  footer: (page: number, pages: number) => string;
  /** A TrueType font file to embed (subset) for the stamp, e.g. pdfmake's Roboto-Regular.ttf. */
  fontFile: string;
}

/** "Page N of M" in the paper's own words and font, as pdfmake would have drawn it. */
export const paperStamp = (templates: PaperTemplates): StampOptions => ({
  footer: (page, pages) => templates.fill(templates.labels.page.footer, { page, pages }),
  fontFile: PAPER_FONT_FILES.regular,
});

/**
 * Marks what `draw` puts on the page as a pagination artifact (ISO 32000-1, 14.8.2.2): page furniture that is no
 * part of the document's content, so a screen reader does not read "Page 3 of 40" in the middle of a sentence.
 */
function asPaginationArtifact(page: PDFPage, draw: () => void): void {
  // pdf-lib takes no dictionary as an operand; a string operand is written as it is.
  page.pushOperators(PDFOperator.of(PDFOperatorNames.BeginMarkedContentSequence, [PDFName.of('Artifact'), '<< /Type /Pagination >>']));
  draw();
  page.pushOperators(PDFOperator.of(PDFOperatorNames.EndMarkedContent));
}

/**
 * Draws the footer text on top of the page's content, centred at the foot of the page as the reader sees it
 * (a page with /Rotate is stamped along its displayed bottom edge). pdf-lib wraps the existing content in
 * q … Q first, so nothing the page leaves in its graphics state moves or recolours the stamp.
 */
export function stampPage(page: PDFPage, text: string, font: PDFFont, ascent: number, lineTopAboveFoot: number = STAMP.lineTopAboveFoot): void {
  const { size } = STAMP;
  const width = font.widthOfTextAtSize(text, size);
  const baseline = lineTopAboveFoot - ascent * size;
  const box = page.getCropBox();
  const angle = ((page.getRotation().angle % 360) + 360) % 360;
  // /Rotate must be a multiple of 90; anything else is stamped as if upright.
  const rotation = angle % 90 === 0 ? angle : 0;
  const turned = rotation === 90 || rotation === 270;
  const along = ((turned ? box.height : box.width) - width) / 2;
  const [x, y] =
    rotation === 90 ? [box.x + box.width - baseline, box.y + along]
    : rotation === 180 ? [box.x + box.width - along, box.y + box.height - baseline]
    : rotation === 270 ? [box.x + baseline, box.y + box.height - along]
    : [box.x + along, box.y + baseline];
  asPaginationArtifact(page, () => page.drawText(text, { x, y, size, font, color: rgb(0, 0, 0), rotate: degrees(rotation) }));
}

export async function embedStampFont(document: PDFDocument, fontBytes: Uint8Array): Promise<{ font: PDFFont; ascent: number }> {
  document.registerFontkit(fontkit);
  const font = await document.embedFont(fontBytes, { subset: true });
  // pdfmake puts the baseline the font's ascent (hhea) below the line's top. pdf-lib's heightAtSize
  // without the descender subtracts the descent unscaled, so read the ascent from the font itself.
  const metrics = fontkit.create(fontBytes);
  return { font, ascent: metrics.ascent / metrics.unitsPerEm };
}

/**
 * The PDF with "Page N of M" drawn at the foot of every page, counted within itself, where pdfmake would
 * have put its footer; its outline, links, structure tree and metadata are kept as they were; and its number of
 * pages, read from the same load. A paper rendered once without page numbers is stamped this way on its own and,
 * numbered as part of the pack, by mergePack.
 */
export async function stampPageNumbers(pdf: Uint8Array, options: StampOptions): Promise<{ pdf: Uint8Array; pages: number }> {
  const [document, fontBytes] = await Promise.all([load(pdf, 'the paper'), readFile(options.fontFile)]);
  const { font, ascent } = await embedStampFont(document, fontBytes);
  const pages = document.getPages();
  pages.forEach((page, index) => stampPage(page, options.footer(index + 1, pages.length), font, ascent));
  return { pdf: await document.save(saveOptions), pages: pages.length };
}
