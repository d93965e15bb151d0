// Other services' papers, as a pack includes them: made here so that the tests need no binary fixtures.
import { PDFDocument as SecuredDocument } from '@cantoo/pdf-lib';
import { renderPdf } from '../../src/render/pdf.js';

/** Another service's paper: one page with its own centred "Page 1 of 1" footer, where the papers carry theirs. */
export async function externalPaper(text: string): Promise<Uint8Array> {
  return renderPdf({
    pageSize: 'A4',
    pageMargins: [57, 60, 57, 60],
    info: { creationDate: new Date('2022-05-01T00:00:00Z') },
    defaultStyle: { font: 'Roboto', fontSize: 10.5 },
    footer: (page: number, pages: number) => ({ text: `Page ${page} of ${pages}`, alignment: 'center', fontSize: 8, margin: [0, 24, 0, 0] }),
    content: [{ text }],
  });
}

/** The paper secured as councils secure theirs: it opens without a password, but editing is restricted. */
export async function secured(pdf: Uint8Array, userPassword = ''): Promise<Uint8Array> {
  const document = await SecuredDocument.load(pdf);
  document.encrypt({ userPassword, ownerPassword: 'owner-only', permissions: { modifying: false, copying: false } });
  return document.save();
}
