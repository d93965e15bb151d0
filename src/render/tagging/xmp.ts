/**
 * pdfkit writes the document's title, author, subject and keywords into its XMP metadata as they are, unescaped:
 * "Dumfries & Galloway" would make the XML unreadable, and a title holding `</rdf:li>` could write its own
 * metadata. The metadata stream is also left uncompressed, so its text reaches the file's bytes as they are:
 * "%%EOF", "endstream" or ") Tj ET /JavaScript" in a title would read as PDF syntax to a tool that scans the bytes.
 * While pdfkit writes the XMP it is given the values as XML text with those characters written as character
 * references (the same text to any XML reader); the Info dictionary keeps them as given.
 */
const REFERENCES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

export const xmlText = (value: string): string =>
  value.replace(/[&<>"']/g, (char) => REFERENCES[char]!).replace(/[%()/\\]/g, (char) => `&#${char.charCodeAt(0)};`).replace(/\bend(stream|obj)/g, '&#101;nd$1');

interface WithInfo {
  info: Record<string, unknown>;
  _addInfo(): unknown;
}

/** The document writes its XMP from escaped values (pdfkit's `_addInfo` is wrapped on this one document). */
export function escapedMetadata(document: unknown): void {
  const target = document as WithInfo;
  const addInfo = target._addInfo;
  target._addInfo = function (this: WithInfo) {
    const { info } = this;
    this.info = Object.fromEntries(Object.entries(info).map(([key, value]) => [key, typeof value === 'string' ? xmlText(value) : value]));
    try {
      return addInfo.call(this);
    } finally {
      this.info = info;
    }
  };
}
