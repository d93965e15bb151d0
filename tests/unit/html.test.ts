import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { Element, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReportModel } from '../../src/analyse/index.js';
import { readWorkspace } from '../../src/ingest/index.js';
import type { ReportModel } from '../../src/model/index.js';
import { qualityIndicators } from '../../src/framework/index.js';
import { escapeMarkdown, indicatorCharts, loadTemplates, type PaperTemplates, type RenderedChart } from '../../src/render/index.js';
import { contentSecurityPolicy, markdownToHast, paperHast, paperHtml, PAGE_CSS } from '../../src/render/html/index.js';
import { all, classes, isElement, tag, textOf } from '../helpers/hast.js';

const noBlocks = (): Element => {
  throw new Error('no directive expected');
};

describe('markdownToHast', () => {
  it('numbers sections as h1 "1." and their paragraphs 1.1, 1.2, starting again in each section', () => {
    const nodes = markdownToHast('# Summary\n\nFirst.\n\nSecond.\n\n# Recommendations\n\nThird.', noBlocks);
    expect(nodes.map((node) => node.tagName)).toEqual(['h1', 'p', 'p', 'h1', 'p']);
    expect(nodes.map(textOf)).toEqual(['1. Summary', '1.1 First.', '1.2 Second.', '2. Recommendations', '2.1 Third.']);
    const number = all(nodes[2]!, (e) => classes(e).includes('number'))[0]!;
    expect(textOf(number)).toBe('1.2');
  });

  it('makes level-2 headings h2 without a number, and leaves paragraphs before the first section unnumbered', () => {
    const nodes = markdownToHast('Before.\n\n# One\n\n## A subheading\n\nText.', noBlocks);
    expect(nodes.map((node) => [node.tagName, textOf(node)])).toEqual([
      ['p', 'Before.'],
      ['h1', '1. One'],
      ['h2', 'A subheading'],
      ['p', '1.1 Text.'],
    ]);
  });

  it('stops numbering at [[appendices]]: appendix headings are h1 without numbers, their paragraphs plain', () => {
    const nodes = markdownToHast('# One\n\nText.\n\n[[appendices]]\n\n# Appendix 1: Tables\n\nPlain.', noBlocks);
    expect(nodes.map(textOf)).toEqual(['1. One', '1.1 Text.', 'Appendix 1: Tables', 'Plain.']);
    expect(classes(nodes[2]!)).toContain('appendix');
  });

  it('letters ordered lists as ol type="a" and keeps bullets as ul', () => {
    const [ordered, bullets] = markdownToHast('1. note the report\n2. agree the plan\n\n- one\n- two', noBlocks);
    expect(ordered!.tagName).toBe('ol');
    expect(ordered!.properties.type).toBe('a');
    expect(all(ordered!, tag('li')).map(textOf)).toEqual(['note the report', 'agree the plan']);
    expect(bullets!.tagName).toBe('ul');
    expect(toHtml(ordered!)).toContain('<ol type="a"');
  });

  it('keeps bold and italic as strong and em, and reads a soft line break as a space', () => {
    const [p] = markdownToHast('**Ready**: *see*\nbelow.', noBlocks);
    expect(toHtml(p!)).toBe('<p><strong>Ready</strong>: <em>see</em> below.</p>');
  });

  it('hands directives to the block renderer with the heading above them, and escaped text is never one', () => {
    const seen: string[] = [];
    const nodes = markdownToHast('# Summary\n\n[[readiness-table]]\n\n\\[\\[readiness-table\\]\\]', (directive, place) => {
      seen.push(`${directive.name} under ${place.headingId}`);
      return { type: 'element', tagName: 'table', properties: {}, children: [] };
    });
    expect(seen).toEqual(['readiness-table under 1-summary']);
    expect(nodes.map((node) => node.tagName)).toEqual(['h1', 'table', 'p']);
  });

  it('refuses Markdown the PDF refuses', () => {
    expect(() => markdownToHast('> a quote', noBlocks)).toThrow(/templates may not use Markdown blockquote/);
    expect(() => markdownToHast('[a link](https://example.org)', noBlocks)).toThrow(/templates may not use Markdown link/);
  });

  it('escapes text from the model: markup in a value is shown, never parsed', () => {
    const [p] = markdownToHast(`Name: ${escapeMarkdown('<script>alert(1)</script> **x**')}`, noBlocks);
    expect(textOf(p!)).toBe('Name: <script>alert(1)</script> **x**');
    expect(toHtml(p!)).not.toContain('<script>');
    // Raw HTML written into a template is refused, as the PDF refuses it.
    expect(() => markdownToHast('Name: <b>x</b>', noBlocks)).toThrow(/templates may not use Markdown html/);
  });
});

describe('the HTML edition of the Renfrewshire paper', () => {
  let model: ReportModel;
  let templates: PaperTemplates;
  let charts: Map<string, RenderedChart[]>;
  let page: Root;
  let html: string;

  beforeAll(async () => {
    const reading = await readWorkspace(fileURLToPath(new URL('../../fixtures/renfrewshire', import.meta.url)), {});
    model = buildReportModel(reading.workspace!);
    templates = await loadTemplates();
    charts = await indicatorCharts(model, templates.charts, templates.labels, templates.fill);
    page = paperHast(model, templates, charts);
    html = await paperHtml(model, templates, charts);
  }, 60_000);

  it('is an en-GB page titled as the PDF is, with a doctype', () => {
    expect(html.startsWith('<!doctype html><html lang="en-GB">')).toBe(true);
    expect(textOf(all(page, tag('title'))[0]!)).toBe("Inspection readiness: self-evaluation against the Quality Improvement Framework – Renfrewshire Children's Services Partnership, 2022/23 Q2");
  });

  it('has a Content-Security-Policy meta that forbids every remote load and allows only its own style sheet', () => {
    const meta = all(page, (e) => e.tagName === 'meta' && String(e.properties.httpEquiv) === 'Content-Security-Policy')[0]!;
    const policy = String(meta.properties.content);
    expect(policy.split('; ')[0]).toBe("default-src 'none'");
    expect(policy).toContain(`style-src 'sha256-${createHash('sha256').update(PAGE_CSS).digest('base64')}'`);
    expect(policy).not.toMatch(/https?:|\*|'unsafe-inline'/);
    expect(contentSecurityPolicy('a{}')).toContain("style-src 'sha256-");
    // Nothing in the page asks for anything from outside it.
    expect(html).not.toMatch(/<(script|link|iframe|img)\b/);
    expect(html).not.toMatch(/\b(src|href)="(https?:)?\/\//);
  });

  it('puts the header block in header and the paper in main, both children of body', () => {
    const body = all(page, tag('body'))[0]!;
    expect(body.children.filter(isElement).map((e) => e.tagName)).toEqual(['header', 'main']);
    const header = body.children[0] as Element;
    expect(all(header, tag('dt')).map(textOf)).toEqual(['To:', 'On:', 'Report by:', 'Heading:']);
    expect(textOf(header)).toContain('Item ');
  });

  it('numbers the sections as the PDF does, then unnumbered appendices', () => {
    const h1s = all(page, tag('h1')).map(textOf);
    expect(h1s.slice(0, 3)).toEqual(['1. Summary', '2. Recommendations', '3. Background']);
    expect(h1s).toContain('Appendix 2: Quality indicators and grades');
    expect(h1s.filter((title) => title.startsWith('Appendix')).every((title) => !/^\d/.test(title))).toBe(true);
    const numbers = all(page, (e) => e.tagName === 'p' && classes(e).includes('numbered')).map((p) => textOf(p).split(' ')[0]);
    expect(numbers.slice(0, 2)).toEqual(['1.1', '1.2']);
    expect(numbers).toContain('2.1');
  });

  it('letters the recommendations', () => {
    const recommendations = all(page, tag('ol'))[0]!;
    expect(recommendations.properties.type).toBe('a');
  });

  it('gives the readiness table a header row of column headers and a row header for each of the five questions', () => {
    const table = all(page, tag('table'))[0]!;
    expect(all(table, (e) => e.tagName === 'th' && e.properties.scope === 'col').map(textOf)).toEqual(['No.', 'Inspection question', 'Readiness']);
    const rows = all(all(table, tag('tbody'))[0]!, tag('tr'));
    expect(rows).toHaveLength(5);
    expect(rows.every((row) => all(row, (e) => e.tagName === 'th' && e.properties.scope === 'row').length === 1)).toBe(true);
    // Named by the section it sits in, so it adds no words the PDF lacks.
    expect(table.properties.ariaLabelledBy).toEqual(['1-summary']);
  });

  it('captions Tables 1, 2, 3 and 4 with the PDF\'s titles', () => {
    expect(all(page, tag('caption')).map(textOf)).toEqual([
      'Table 1: Quality indicators and self-evaluated grades, 2022/23 Q2',
      'Table 2: Supporting evidence and its coverage',
      'Table 3: Self-evaluation summary by quality indicator',
      'Table 4: Self-evaluated grades in each round, 2021/22 Q4 to 2022/23 Q2',
    ]);
  });

  it('heads Table 4 (grades over time) with a column per round and a row header per QI, the 22 and area 10', () => {
    const table = all(page, (e) => e.tagName === 'table' && classes(e).includes('grade-history'))[0]!;
    expect(all(table, (e) => e.tagName === 'th' && e.properties.scope === 'col').map(textOf)).toEqual(['QI', 'Quality indicator', '2021/22 Q4', '2022/23 Q2']);
    expect(all(table, (e) => e.tagName === 'th' && e.properties.scope === 'row').map(textOf)).toEqual(qualityIndicators.map((qi) => qi.id));
  });

  it('puts every table, the charts\' figures too, in a scroll box a keyboard can reach', () => {
    const boxes = all(page, (e) => classes(e).includes('table-scroll') && e.properties.role === 'region');
    const tables = all(page, tag('table'));
    expect(boxes).toHaveLength(tables.length);
    expect(boxes.every((box) => box.properties.tabIndex === 0 && Array.isArray(box.properties.ariaLabelledBy))).toBe(true);
  });

  it('shows each chart as an image named by its text alternative, followed by its figures', () => {
    const figures = all(page, (e) => e.tagName === 'figure' && classes(e).includes('chart'));
    expect(figures.length).toBeGreaterThan(0);
    for (const figure of figures) {
      const image = figure.children[0] as Element;
      expect(image.properties.role).toBe('img');
      expect(String(image.properties.ariaLabel)).toMatch(/^(Line|Bar) chart of /);
      const details = figure.children[1] as Element;
      expect(details.tagName).toBe('details');
      expect(textOf(all(details, tag('summary'))[0]!)).toBe('The figures in this chart');
      expect(all(details, (e) => e.tagName === 'th' && e.properties.scope === 'row').length).toBeGreaterThan(1);
    }
    expect(html).toContain('role="img" aria-label="Line chart of ');
    expect(html).toMatch(/role="img" aria-label="[^"]*"[^>]*><svg/);
  });

  it('has ids unique in the page', () => {
    const ids = all(page, (e) => e.properties.id !== undefined).map((e) => String(e.properties.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('is the same bytes for the same model', async () => {
    expect(await paperHtml(model, templates, charts)).toBe(html);
  });
});
