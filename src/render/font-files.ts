import { createRequire } from 'node:module';
import path from 'node:path';

/** The papers' one font family, in the PDF, in the HTML edition and in the charts' text (templates/charts). */
export const PAPER_FONT = 'Roboto';

/** pdfmake's own copy of Roboto: the only font files the tool reads. */
export const PAPER_FONTS_DIR = path.join(path.dirname(createRequire(import.meta.url).resolve('pdfmake/package.json')), 'fonts', 'Roboto');

/** Its four faces. The papers' bold is Roboto Medium. */
export const PAPER_FONT_FILES = {
  regular: path.join(PAPER_FONTS_DIR, 'Roboto-Regular.ttf'),
  bold: path.join(PAPER_FONTS_DIR, 'Roboto-Medium.ttf'),
  italic: path.join(PAPER_FONTS_DIR, 'Roboto-Italic.ttf'),
  boldItalic: path.join(PAPER_FONTS_DIR, 'Roboto-MediumItalic.ttf'),
};
