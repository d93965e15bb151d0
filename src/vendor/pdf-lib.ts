/**
 * pdf-lib, as the tool uses it to read, stamp and merge PDFs: its CommonJS build is some 350 small files,
 * bundled into one file by `npm run build` (see vega.ts). Every module takes pdf-lib from here, so its classes
 * are one set however the tool runs. The names are listed: a bundle cannot pass on `export *` from CommonJS.
 */
export {
  decodePDFRawStream,
  degrees,
  ParseSpeeds,
  PDFArray,
  PDFBool,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNull,
  PDFNumber,
  PDFObjectCopier,
  PDFOperator,
  PDFOperatorNames,
  PDFPage,
  PDFPageLeaf,
  PDFRawStream,
  PDFRef,
  PDFStream,
  PDFString,
  rgb,
  type PDFContext,
  type PDFFont,
  type PDFObject,
} from 'pdf-lib';
