// The HTML edition's embedded font (issue 12: "No request leaves the page: fonts, styles and charts inline"):
// Roboto's four faces, each cut down to the characters the page shows, as WOFF2 data: URLs.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import type { Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReportModel } from '../../src/analyse/index.js';
import { readWorkspace } from '../../src/ingest/index.js';
import type { ReportModel } from '../../src/model/index.js';
import { contentSecurityPolicy, paperHast, paperHtml, PAGE_CSS } from '../../src/render/html/index.js';
import { fontFaceCss, pageCharacters, svgText, type EmbeddedFace } from '../../src/render/html/fonts.js';
import { withCssFirst } from '../../src/render/html/shell.js';
import { h } from '../../src/render/html/hast.js';
import { indicatorCharts, loadTemplates, PAPER_FONT_FILES, type PaperTemplates, type RenderedChart } from '../../src/render/index.js';
import { FIXTURES, qifReportAsync, tempDir } from '../helpers/cli.js';

/** Printable ASCII: kept in every page's fonts, with the bullet. */
const ASCII = ` !"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_\`abcdefghijklmnopqrstuvwxyz{|}~`;

const page = (head: Root['children'], body: Root['children']): Root => ({
  type: 'root',
  children: [{ type: 'doctype' }, h('html', { lang: 'en-GB' }, [h('head', {}, head as never[]), h('body', {}, body as never[])])],
});

describe('the characters a page shows', () => {
  it('are its text, its shown attributes and its charts’ SVG text, each once in code point order, with ASCII and the bullet', () => {
    const tree = page(
      [h('title', {}, ['Ψ title']), h('style', {}, ['body { content: "§" }'])],
      [
        h('p', { ariaLabel: 'Ж read aloud, not shown' }, ['Café – ½']),
        h('img', { alt: 'ñ' }),
        h('div', { role: 'img', ariaLabel: 'Ω' }, [{ type: 'raw', value: '<svg><g aria-label="Ж"><text x="1">Ø &amp; &#x2212;<tspan>€</tspan></text></g><rect/></svg>' }]),
      ],
    );
    // Not the title (the browser's own font), the style sheet, or any aria-label.
    expect(pageCharacters(tree)).toBe(`${ASCII}½Øéñ–•€−`);
  });

  it('reads an SVG’s text elements only, decoding XML’s entities', () => {
    expect(svgText('<svg aria-label="no"><text>a&lt;b&gt;&quot;&apos;&#233;</text><text font-weight="bold">c<tspan>d</tspan></text></svg>')).toBe('a<b>"\'écd');
  });
});

describe('the @font-face rules', () => {
  it('name the family Roboto, give each face its weight and style, and hold the font as a WOFF2 data: URL', () => {
    const face = (weight: 400 | 700, style: 'normal' | 'italic', bytes: number[]): EmbeddedFace => ({ face: { file: 'x', weight, style }, woff2: Uint8Array.from(bytes) });
    expect(fontFaceCss([face(400, 'normal', [1, 2, 3]), face(700, 'italic', [255])])).toBe(
      '@font-face { font-family: "Roboto"; font-style: normal; font-weight: 400; src: url(data:font/woff2;base64,AQID) format("woff2"); }\n' +
        '@font-face { font-family: "Roboto"; font-style: italic; font-weight: 700; src: url(data:font/woff2;base64,/w==) format("woff2"); }\n',
    );
  });

  it('go before the page’s own style sheet, and the page’s policy allows the sheet that makes; the page given is not changed', () => {
    const csp = () => h('meta', { httpEquiv: ['Content-Security-Policy'], content: contentSecurityPolicy('p{}') });
    const before = page([csp(), h('style', {}, ['p{}'])], [h('p', {}, ['x'])]);
    const after = withCssFirst(before, '@font-face{}');
    const hash = createHash('sha256').update('@font-face{}p{}').digest('base64');
    expect(toHtml(after)).toBe(
      `<!doctype html><html lang="en-GB"><head><meta http-equiv="Content-Security-Policy" content="default-src &#x27;none&#x27;; style-src &#x27;sha256-${hash}&#x27;; img-src data:; font-src data:; base-uri &#x27;none&#x27;; form-action &#x27;none&#x27;"><style>@font-face{}p{}</style></head><body><p>x</p></body></html>`,
    );
    expect(toHtml(before)).toContain('<style>p{}</style>');
    expect(() => withCssFirst(page([csp()], []), 'x')).toThrow(/style sheet/);
  });
});

/** The page's @font-face rules: each face's weight, style and decoded font. */
function embeddedFaces(html: string) {
  return [...html.matchAll(/@font-face \{ font-family: "Roboto"; font-style: (\w+); font-weight: (\d+); src: url\(data:font\/woff2;base64,([A-Za-z0-9+/=]+)\) format\("woff2"\); \}/g)].map(([, style, weight, base64]) => ({
    style,
    weight: Number(weight),
    font: fontkit.create(Buffer.from(base64!, 'base64')),
  }));
}

describe('the Renfrewshire paper’s HTML edition, with a council named with a character no other page has', () => {
  let model: ReportModel;
  let templates: PaperTemplates;
  let charts: Map<string, RenderedChart[]>;
  let html: string;

  beforeAll(async () => {
    const reading = await readWorkspace(path.join(FIXTURES, 'renfrewshire'), {});
    const read = buildReportModel(reading.workspace!);
    model = { ...read, paper: { ...read.paper, council: 'Renfrewshire Cőuncil' } };
    templates = await loadTemplates();
    charts = await indicatorCharts(model, templates.charts, templates.labels, templates.fill);
    html = await paperHtml(model, templates, charts);
  }, 120_000);

  it('allows data: fonts and its one style sheet, by its hash, and nothing else', () => {
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)![1]!.replaceAll('&#x27;', "'");
    const sheets = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((match) => match[1]!);
    expect(sheets).toHaveLength(1);
    const hash = createHash('sha256').update(sheets[0]!).digest('base64');
    expect(policy).toBe(`default-src 'none'; style-src 'sha256-${hash}'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'`);
    // The page's own rules follow the fonts, unchanged.
    expect(sheets[0]!.endsWith(PAGE_CSS)).toBe(true);
    // Every url( in the sheet is a data: URL.
    expect([...sheets[0]!.matchAll(/url\((.{0,20})/g)].map((match) => match[1])).toEqual(Array(4).fill('data:font/woff2;base'));
  });

  it('embeds Roboto’s four faces: Regular, Medium as bold (as the PDF does), Italic and Medium Italic', () => {
    expect(embeddedFaces(html).map(({ style, weight, font }) => [style, weight, font.postscriptName])).toEqual([
      ['normal', 400, 'Roboto-Regular'],
      ['normal', 700, 'Roboto-Medium'],
      ['italic', 400, 'Roboto-Italic'],
      ['italic', 700, 'Roboto-MediumItalic'],
    ]);
  });

  it('keeps in each face the page’s characters (its text and its charts’) and not the others', () => {
    const chartText = [...charts.values()].flat().map((chart) => svgText(chart.svg)).join('');
    expect(chartText).toContain('2021/22');
    for (const { font } of embeddedFaces(html)) {
      const has = (character: string) => font.hasGlyphForCodePoint(character.codePointAt(0)!);
      expect(has('ő')).toBe(true);
      expect(['£', '–', '’', '•', 'R', '7', '/'].every(has)).toBe(true);
      expect([...new Set(chartText)].filter((character) => !has(character))).toEqual([]);
      // Roboto has these; the page does not show them.
      expect(has('Ж')).toBe(false);
      expect(has('Ω')).toBe(false);
      expect(has('ű')).toBe(false);
      // Cut down: Roboto has some 1,300 glyphs.
      expect(font.numGlyphs).toBeLessThan(250);
    }
    const source = fontkit.create(readFileSync(PAPER_FONT_FILES.regular));
    expect(source.hasGlyphForCodePoint('Ж'.codePointAt(0)!)).toBe(true);
  });

  it('shows the character it was given, in the header', () => {
    expect(pageCharacters(paperHast(model, templates, charts))).toContain('ő');
    expect(html).toContain('Renfrewshire Cőuncil');
  });

  it('is the same bytes each time, here and built by the command line in a process of its own', async () => {
    expect(await paperHtml(model, templates, charts)).toBe(html);
    const reading = await readWorkspace(path.join(FIXTURES, 'renfrewshire'), {});
    const fixture = buildReportModel(reading.workspace!);
    const here = await paperHtml(fixture, templates, await indicatorCharts(fixture, templates.charts, templates.labels, templates.fill));
    const out = tempDir();
    const built = await qifReportAsync(['build', path.join(FIXTURES, 'renfrewshire'), '--out', out, '--format', 'html']);
    expect(built.status, built.stderr).toBe(0);
    expect(readFileSync(path.join(out, 'renfrewshire-childrens-services-partnership-2022-23-q2-inspection-readiness.html'), 'utf8')).toBe(here);
  }, 120_000);
});
