/**
 * pdfkit's embedded fonts map glyph 0 (.notdef, "a character the font lacks") to U+0000 in their ToUnicode
 * CMap, which PDF/UA forbids (ISO 14289-1 7.21.7; Matterhorn 31-028). It is mapped to U+FFFD, the replacement
 * character, which is what .notdef means. The papers never draw it: their text is in Roboto, and the
 * zero-width break points are taken out of the drawn text (see draw.ts).
 */
import type { Prototype } from '../pdfmake-patch.js';

interface EmbeddedFont {
  unicode: number[][];
}

const PATCHED = Symbol.for('qif-report.tagging.toUnicodeCmap');

/** Patches the class of the document's embedded fonts once: pdfkit does not export it, so it is reached by a font. */
export function noGlyphMappedToZero(document: unknown): void {
  const fonts = Object.values((document as { _fontFamilies?: Record<string, object> })._fontFamilies ?? {});
  for (const font of fonts) {
    const prototype = Object.getPrototypeOf(font) as Prototype;
    if (typeof prototype.toUnicodeCmap !== 'function' || prototype[PATCHED]) continue;
    const original = prototype.toUnicodeCmap as (this: EmbeddedFont) => unknown;
    prototype.toUnicodeCmap = function (this: EmbeddedFont) {
      if (this.unicode[0]?.length === 1 && this.unicode[0][0] === 0) this.unicode[0] = [0xfffd];
      return original.call(this);
    };
    prototype[PATCHED] = true;
  }
}
