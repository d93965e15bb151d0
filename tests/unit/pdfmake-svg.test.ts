import { createRequire } from 'node:module';
import path from 'node:path';
import PDFKit from 'pdfkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReportModel } from '../../src/analyse/index.js';
import { loadWorkspace } from '../../src/ingest/index.js';
import { arrowWithWord } from '../../src/render/blocks/arrow.js';
import { indicatorCharts, loadTemplates, PAPER_FONT_FILES } from '../../src/render/index.js';
import { svgRoot, svgSizedInItsText } from '../../src/render/pdfmake-svg.js';
import { FIXTURES } from '../helpers/cli.js';

const require = createRequire(import.meta.url);
type Size = { width: number; height: number };
interface Measure {
  measureSVG(svg: string): Size;
  writeDimensions(svg: string, size: Size): string;
}
const SVGMeasure = (require('pdfmake/js/SVGMeasure.js') as { default: new () => Measure }).default;
const svgToPdf = (require('pdfmake/js/3rd-party/svg-to-pdfkit.js') as { default: (doc: PDFKit.PDFDocument, svg: string, x: number, y: number, options: object) => void }).default;

/** pdfmake's own sizing, untouched (this file never patches pdfmake's class), and ours, on an object of its own. */
const own: Measure = new SVGMeasure();
const ours = Object.create(SVGMeasure.prototype) as Measure;
svgSizedInItsText(ours as never);

/** As pdfmake lays a document out: each pass measures the SVG, then writes it at the width it is drawn. */
function laidOut(measure: Measure, svg: string, passes: number): { size: Size; svg: string } {
  let size = { width: 0, height: 0 };
  for (let pass = 0; pass < passes; pass++) {
    size = measure.measureSVG(svg);
    svg = measure.writeDimensions(svg, { width: 300, height: (300 * size.height) / size.width });
  }
  return { size, svg };
}

const DATE = new Date('2024-01-02T00:00:00Z');

/** The PDF svg-to-pdfkit draws from the SVG text, as pdfmake's renderer calls it, in the paper's font. */
async function drawn(svg: string): Promise<Buffer> {
  const doc = new PDFKit({ compress: false, info: { CreationDate: DATE, ModDate: DATE } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  svgToPdf(doc, svg, 20, 30, { width: 300, assumePt: true, useCSS: false, fontCallback: (_family: string, bold: boolean) => (bold ? PAPER_FONT_FILES.bold : PAPER_FONT_FILES.regular) });
  doc.end();
  return ended;
}

let charts: string[];

beforeAll(async () => {
  const templates = await loadTemplates();
  charts = [];
  for (const fixture of ['renfrewshire', 'orkney']) {
    const model = buildReportModel(await loadWorkspace(path.join(FIXTURES, fixture)));
    charts.push(...[...(await indicatorCharts(model, templates.charts, templates.labels, templates.fill)).values()].flat().map((chart) => chart.svg));
  }
}, 60_000);

const arrow = (arrowWithWord('improving', true, 'better') as { columns: { svg?: string }[] }).columns[0]!.svg!;
/**
 * Text with white space around it, every entity xmldoc writes back, and words that look like the attributes
 * left out; a label whose value looks like one; a root without a viewBox.
 */
const awkwardText =
  '<svg xmlns="http://www.w3.org/2000/svg" class="marks" width="120pt" height="40"><g transform="translate(2,2)" role="graphics-object"><text x="0" y="12" font-family="Roboto" font-size="8px">  Dumfries &amp; Galloway&apos;s &quot;best&quot; &lt;3 &gt;\n 2 </text>' +
  '<text x="0" y="22" aria-label="a class=" fill="#c62828" class="label"> role="admin" class=x</text><text x="0" y="30" font-weight="bold"></text><text x="5" y="5"/></g></svg>';

describe('SVG sized in its own text', () => {
  it('takes its own way for every chart of both fixtures, and the arrows', () => {
    expect(charts.length).toBe(20);
    for (const svg of [...charts, arrow, awkwardText]) expect(svgRoot(svg)).toBeDefined();
  });

  it('measures each as pdfmake does, and svg-to-pdfkit draws the same PDF from it after one layout pass or three', async () => {
    for (const svg of [...charts, arrow, awkwardText]) {
      for (const passes of [1, 3]) {
        const [theirs, mine] = [laidOut(own, svg, passes), laidOut(ours, svg, passes)];
        expect(mine.size).toEqual(theirs.size);
        expect(mine.svg).not.toBe(theirs.svg);
        expect((await drawn(mine.svg)).equals(await drawn(theirs.svg))).toBe(true);
      }
    }
  }, 60_000);

  it('leaves to pdfmake an SVG whose drawing its re-serialisation could change, or that it would refuse', () => {
    const root = (body: string, attributes = 'width="10" height="10"') => `<svg xmlns="http://www.w3.org/2000/svg" ${attributes}>${body}</svg>`;
    const others = [
      root('<text x="0" y="8">a<tspan dy="8">b</tspan></text>'),
      root('<text xml:space="preserve"> a </text>'),
      root('<text> </text>'),
      root('<text>a&#10;b</text>'),
      root('<text>a&nbsp;b</text>'),
      root('<style>text { fill: red }</style><text>a</text>'),
      root('<text><![CDATA[a]]></text>'),
      root('<!-- a note --><rect width="1" height="1"/>'),
      root('<a href="https://example.org/"><rect width="1" height="1"/></a>'),
      root('<rect width="1" height="1"/>', 'width="10" width="12" height="10"'),
      root('<rect width="1" height="1"/>', 'width="1&#48;" height="10"'),
      '<?xml version="1.0"?>' + root('<rect width="1" height="1"/>'),
      '<g><rect width="1" height="1"/></g>',
    ];
    for (const svg of others) expect(svgRoot(svg), svg).toBeUndefined();
  });
});
