/**
 * The papers' fonts, parsed once and shared by every PDF a process draws. pdfkit parses each font file afresh for
 * every document (tables, glyphs) and shapes every word again: a tenth of what a paper allocates. A `PdfFonts` is
 * made by whoever draws many PDFs (the loaded templates carry one) and holds, for each face, the parsed font and
 * the shaped words; each document still gets its own embedded font with its own subset, numbered where pdfkit
 * would number it, so the bytes are those of a document drawn alone.
 */
import { PAPER_FONT, PAPER_FONT_FILES } from './font-files.js';
import { prototypeOf, wrapOnce } from './pdfmake-patch.js';

type FontType = 'normal' | 'bold' | 'italics' | 'bolditalics';

/** The parts of pdfkit's embedded font used here. */
interface EmbeddedFont {
  font: object;
  name?: string;
  layoutCache?: Record<string, unknown>;
}
type EmbeddedFontClass = new (document: PdfDocument, font: object, id: string) => EmbeddedFont;

/** The parts of pdfmake's PDFDocument (a pdfkit document) used here. */
interface PdfDocument {
  fonts: Record<string, Partial<Record<FontType, unknown>>>;
  fontCache: Record<string, Partial<Record<FontType, EmbeddedFont>>>;
  _fontFamilies: Record<string, EmbeddedFont>;
  _fontCount: number;
  _font: EmbeddedFont;
  _fontSource: unknown;
  _fontFamily: unknown;
  getFontType(bold: boolean, italics: boolean): FontType;
  validateLocalFile(file: string): void;
  font(src: string): { _font: EmbeddedFont };
}

/** One face: its file, and once a document has opened it, the parsed font, pdfkit's class and the shaped words. */
export class SharedFace {
  parsed?: { font: object; Embedded: EmbeddedFontClass; layoutCache?: Record<string, unknown> };
  constructor(readonly file: string) {}
}

/**
 * How a face is given to pdfmake: as pdfmake's own `[file]` form (which its URL step leaves in place, where it would
 * replace any other object with a URL) carrying the shared face.
 */
type FaceSource = [string] & { shared: SharedFace };
const faceSource = (file: string): FaceSource => Object.assign([file] as [string], { shared: new SharedFace(file) });
const sharedFace = (source: unknown) => (Array.isArray(source) && (source as Partial<FaceSource>).shared instanceof SharedFace ? (source as FaceSource).shared : undefined);

export type PdfFonts = Record<string, Record<FontType, FaceSource>>;

/** A fresh store of the paper's four faces, nothing parsed yet. */
export function pdfFonts(): PdfFonts {
  return {
    [PAPER_FONT]: {
      normal: faceSource(PAPER_FONT_FILES.regular),
      bold: faceSource(PAPER_FONT_FILES.bold),
      italics: faceSource(PAPER_FONT_FILES.italic),
      bolditalics: faceSource(PAPER_FONT_FILES.boldItalic),
    },
  };
}

/** pdfkit's `font(file)`, but from the parsed face: the same id, the same two names it is filed under. */
function embedParsed(document: PdfDocument, face: SharedFace, parsed: NonNullable<SharedFace['parsed']>): EmbeddedFont {
  const embedded = new parsed.Embedded(document, parsed.font, `F${++document._fontCount}`);
  if (parsed.layoutCache) embedded.layoutCache = parsed.layoutCache;
  document._fontFamilies[face.file] = embedded;
  if (embedded.name && !document._fontFamilies[embedded.name]) document._fontFamilies[embedded.name] = embedded;
  document._fontSource = face.file;
  document._fontFamily = undefined;
  document._font = embedded;
  return embedded;
}

/** The face in this document: opened by pdfkit the first time, from the parse after that. */
function embed(document: PdfDocument, face: SharedFace): EmbeddedFont {
  const { parsed } = face;
  // A document that already holds a font of this name goes pdfkit's own way, which compares the two.
  if (!parsed || (document._fontFamilies[(parsed.font as { postscriptName?: string }).postscriptName ?? ''] !== undefined)) {
    document.validateLocalFile(face.file);
    const embedded = document.font(face.file)._font;
    face.parsed ??= { font: embedded.font, Embedded: embedded.constructor as EmbeddedFontClass, layoutCache: embedded.layoutCache };
    return embedded;
  }
  return embedParsed(document, face, parsed);
}

type ProvideFont = (this: PdfDocument, family: string, bold: boolean, italics: boolean) => EmbeddedFont;
type GetFontFile = (this: PdfDocument, family: string, bold: boolean, italics: boolean) => unknown;

/**
 * pdfmake's `provideFont` for a family given as shared faces, any other family as before; and `getFontFile`,
 * which the charts' text asks for, gives a shared face's file, which pdfkit finds filed under that name.
 */
export function applySharedFonts(): void {
  const pdfDocument = prototypeOf('PDFDocument');
  wrapOnce<GetFontFile>(pdfDocument, 'getFontFile', (getFontFile) =>
    function (this: PdfDocument, family, bold, italics) {
      const file = getFontFile.call(this, family, bold, italics);
      return sharedFace(file)?.file ?? file;
    },
  );
  wrapOnce<ProvideFont>(pdfDocument, 'provideFont', (provideFont) =>
    function (this: PdfDocument, family, bold, italics) {
      const type = this.getFontType(bold, italics);
      const face = sharedFace(this.fonts[family]?.[type]);
      if (!face) return provideFont.call(this, family, bold, italics);
      const cache = (this.fontCache[family] ??= {});
      return (cache[type] ??= embed(this, face));
    },
  );
}
