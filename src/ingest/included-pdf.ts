import type { PDFDocument as SecuredPdf } from '@cantoo/pdf-lib';

/**
 * pdf-lib and the object pruning, loaded only when a pack includes another service's PDF, which `validate` and
 * `build` need not wait for. pdf-lib comes from vendor/, as everywhere: the documents it opens here are pruned with
 * pdf-lib's classes from there (pdf-objects.ts), and the compiled tool has no other copy to load.
 */
async function pdfLibraries() {
  const [{ PDFDocument }, { dropUnreferenced }] = await Promise.all([import('../vendor/pdf-lib.js'), import('./pdf-objects.js')]);
  return { PDFDocument, dropUnreferenced };
}

/** pdf-lib's maintained fork, which takes a third of a second to load: only for a PDF pdf-lib cannot open itself. */
const securedDocument = async () => (await import('@cantoo/pdf-lib')).PDFDocument;

type PdfLibraries = Awaited<ReturnType<typeof pdfLibraries>>;

/** Another service's PDF as a pack can use it, or why it cannot. */
export type IncludedPdf =
  | {
      ok: true;
      /** The PDF to merge: the file itself, or, when it was secured, a copy without its encryption. */
      pdf: Uint8Array;
      pages: number;
      /** The file was encrypted with restricted permissions, though it opens without a password. */
      secured: boolean;
    }
  | { ok: false; reason: string; expected: string };

const NOT_A_PDF = { expected: 'a PDF file, as another service sent it' };

/**
 * Opens an included PDF. Council papers are often "secured": encrypted so that they open without a password but
 * restrict editing. pdf-lib 1.17 cannot decrypt, so such a file is decrypted with @cantoo/pdf-lib (a maintained
 * fork that can) using the empty password it opens with; a file that needs a password to open is refused.
 */
export async function openIncludedPdf(bytes: Uint8Array): Promise<IncludedPdf> {
  if (!startsLikeAPdf(bytes)) return { ok: false, reason: 'is not a PDF (a PDF file starts with "%PDF")', ...NOT_A_PDF };
  const lib = await pdfLibraries();
  // Strict: a file pdf-lib can only half read (it would print warnings and carry on) goes the other way.
  const plain = await lib.PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true, throwOnInvalidObject: true }).catch(() => undefined);
  if (plain && !plain.isEncrypted) return { ok: true, pdf: bytes, pages: plain.getPageCount(), secured: false };
  // Encrypted, or written in a way pdf-lib 1.17 cannot parse (an encrypted cross-reference stream, say).
  const SecuredDocument = await securedDocument();
  const secured = await SecuredDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false }).catch((error: unknown) => error);
  if (secured instanceof Error || !(secured instanceof SecuredDocument)) return { ok: false, reason: `is a PDF that cannot be read (${firstLine(secured)})`, ...NOT_A_PDF };
  return secured.isEncrypted ? decrypted(bytes, SecuredDocument, lib) : rewritten(secured, lib);
}

/** A secured PDF decrypted with the empty password it opens with; refused when it needs one. */
async function decrypted(bytes: Uint8Array, SecuredDocument: typeof SecuredPdf, lib: PdfLibraries): Promise<IncludedPdf> {
  const document = await SecuredDocument.load(bytes, { password: '', updateMetadata: false }).catch(() => undefined);
  if (!document) {
    return {
      ok: false,
      reason: 'is protected by a password to open it, so it cannot be included',
      expected: 'a copy that opens without a password: ask its author for one, or open it and save it again without the password',
    };
  }
  return { ...(await rewritten(document, lib)), secured: true } as IncludedPdf;
}

/**
 * The document saved in the plain form pdf-lib reads, for merging. @cantoo/pdf-lib keeps the old encryption
 * dictionary and cross-reference stream as loose objects when it saves a decrypted document, which pdf-lib 1.17
 * would take for an encrypted file: they are dropped with everything else nothing refers to.
 */
async function rewritten(document: SecuredPdf, lib: PdfLibraries): Promise<IncludedPdf> {
  const saved = await document.save({ useObjectStreams: false });
  const plain = await lib.PDFDocument.load(saved, { ignoreEncryption: true, updateMetadata: false });
  delete plain.context.trailerInfo.Encrypt;
  lib.dropUnreferenced(plain.context);
  const pdf = await plain.save({ useObjectStreams: false });
  return { ok: true, pdf, pages: plain.getPageCount(), secured: false };
}

/** A PDF's header may follow a little junk, as readers allow, but must come within its first kilobyte. */
const startsLikeAPdf = (bytes: Uint8Array) => Buffer.from(bytes.subarray(0, 1024)).includes('%PDF-');

const firstLine = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
