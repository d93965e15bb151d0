/**
 * pdfkit writes a page's content operator by operator, each a string turned into a Buffer of its own: about 150,000
 * Buffers a paper, each to be collected. The strings are kept instead and turned into one Buffer when the stream
 * is finished or a binary chunk follows them, so the stream's bytes, order and lengths are those pdfkit writes.
 * (pdfkit is the one pdfmake 0.3.11 extends, pinned in package.json; its reference class is not exported, so it is
 * reached through a document.)
 */
import { classOf, wrapOnce, type Prototype } from './pdfmake-patch.js';

interface Reference {
  buffer: Uint8Array[];
  data: { Length?: number; Filter?: string };
  compress: boolean;
  uncompressedLength: number;
  qifPending?: string[];
  write(chunk: unknown): void;
  finalize(): void;
}

/** The strings kept so far, as the one Buffer pdfkit would have made of them one by one ('binary' is a byte a character). */
function flush(reference: Reference): void {
  if (!reference.qifPending?.length) return;
  reference.buffer.push(Buffer.from(reference.qifPending.join(''), 'binary'));
  reference.qifPending = [];
}

type Write = (this: Reference, chunk: unknown) => void;
type Finalize = (this: Reference) => void;

export function batchContentWrites(): void {
  const PDFKit = Object.getPrototypeOf(classOf('PDFDocument')) as new (options: object) => { ref(): Reference };
  const prototype = Object.getPrototypeOf(new PDFKit({ autoFirstPage: false }).ref()) as Prototype;
  wrapOnce<Write>(prototype, 'write', (write) =>
    function (this: Reference, chunk) {
      if (chunk instanceof Uint8Array) {
        flush(this);
        write.call(this, chunk);
        return;
      }
      const text = `${chunk as string}\n`;
      (this.qifPending ??= []).push(text);
      // pdfkit's bookkeeping for the chunk, as its own write keeps it.
      this.uncompressedLength += text.length;
      this.data.Length = (this.data.Length ?? 0) + text.length;
      if (this.compress) this.data.Filter = 'FlateDecode';
    },
    'pdfkit-writes.write',
  );
  wrapOnce<Finalize>(
    prototype,
    'finalize',
    (finalize) =>
      function (this: Reference) {
        flush(this);
        finalize.call(this);
      },
    'pdfkit-writes.finalize',
  );
}
