import { PDFName, type PDFDocument } from '../vendor/pdf-lib.js';
import { xmlText } from '../render/index.js';

/**
 * The pack's XMP metadata: the title, author and subject its document information gives, and its dates, in the
 * form PDF/UA readers and checkers look for them (ISO 14289-1, 5 and 7.1); `pdfuaid:part` only when the pack
 * can claim PDF/UA-1. Written from the inputs alone, so the same inputs give the same bytes.
 */

export interface XmpFields {
  title: string;
  creator: string;
  description: string;
  keywords?: string;
  producer: string;
  /** Creation, modification and metadata date alike: the pack is made once from its inputs. */
  date: Date;
  /** Declare PDF/UA-1: only when every part of the pack is tagged and declares it. */
  pdfua: boolean;
}

/** XML text that never reads as PDF syntax in the file's bytes, as the papers' XMP (render/tagging/xmp.ts). */
const escape = xmlText;

/** `2022-11-24T00:00:00Z`: whole seconds, as the document information's dates are. */
const xmpDate = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

const alt = (text: string) => `<rdf:Alt><rdf:li xml:lang="x-default">${escape(text)}</rdf:li></rdf:Alt>`;

export function xmpPacket(fields: XmpFields): string {
  const date = xmpDate(fields.date);
  const properties = [
    '<dc:format>application/pdf</dc:format>',
    `<dc:title>${alt(fields.title)}</dc:title>`,
    `<dc:creator><rdf:Seq><rdf:li>${escape(fields.creator)}</rdf:li></rdf:Seq></dc:creator>`,
    `<dc:description>${alt(fields.description)}</dc:description>`,
    `<pdf:Producer>${escape(fields.producer)}</pdf:Producer>`,
    ...(fields.keywords === undefined ? [] : [`<pdf:Keywords>${escape(fields.keywords)}</pdf:Keywords>`]),
    `<xmp:CreatorTool>${escape(fields.producer)}</xmp:CreatorTool>`,
    `<xmp:CreateDate>${date}</xmp:CreateDate>`,
    `<xmp:ModifyDate>${date}</xmp:ModifyDate>`,
    `<xmp:MetadataDate>${date}</xmp:MetadataDate>`,
    ...(fields.pdfua ? ['<pdfuaid:part>1</pdfuaid:part>'] : []),
  ];
  const namespaces = [
    'xmlns:dc="http://purl.org/dc/elements/1.1/"',
    'xmlns:pdf="http://ns.adobe.com/pdf/1.3/"',
    'xmlns:xmp="http://ns.adobe.com/xap/1.0/"',
    ...(fields.pdfua ? ['xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"'] : []),
  ];
  return [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    `<rdf:Description rdf:about="" ${namespaces.join(' ')}>`,
    ...properties,
    '</rdf:Description>',
    '</rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="w"?>',
  ].join('\n');
}

/** Sets the document's /Metadata stream, UTF-8 and uncompressed, as XMP readers expect. */
export function setXmpMetadata(document: PDFDocument, fields: XmpFields): void {
  const stream = document.context.stream(new Uint8Array(Buffer.from(xmpPacket(fields), 'utf8')), { Type: 'Metadata', Subtype: 'XML' });
  document.catalog.set(PDFName.of('Metadata'), document.context.register(stream));
}
