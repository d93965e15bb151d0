// The floor's child process (pdfmake-floor.ts): pdfmake as published, none of the tool's patches or tagging, lays
// out and writes the document in the JSON file given, once from a fresh start and then `warm` times more. Prints
// one line of JSON: what importing pdfmake took, the first document, the warm ones, and the pages.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const [file, warmRuns = '0'] = process.argv.slice(2);
const started = performance.now();
const { default: pdfmake } = await import('pdfmake');
const imported = performance.now();

const fonts = path.join(path.dirname(createRequire(import.meta.url).resolve('pdfmake/package.json')), 'fonts', 'Roboto');
const face = (name) => path.join(fonts, `Roboto-${name}.ttf`);
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((file) => file.startsWith(fonts));
pdfmake.setFonts({ Roboto: { normal: face('Regular'), bold: face('Medium'), italics: face('Italic'), bolditalics: face('MediumItalic') } });

/** The document afresh each time (pdfmake writes into the one it lays out), its date a Date again. */
function documentFromFile() {
  const document = JSON.parse(readFileSync(file, 'utf8'));
  if (document.info?.creationDate) document.info.creationDate = new Date(document.info.creationDate);
  return document;
}

const pdf = await pdfmake.createPdf(documentFromFile()).getBuffer();
const first = performance.now() - imported;
const warm = [];
for (let run = 0; run < Number(warmRuns); run++) {
  const start = performance.now();
  await pdfmake.createPdf(documentFromFile()).getBuffer();
  warm.push(performance.now() - start);
}
const pages = (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
console.log(JSON.stringify({ importMs: imported - started, firstMs: first, warmMs: warm, pages }));
