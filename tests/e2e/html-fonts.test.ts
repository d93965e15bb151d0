// The HTML edition's embedded Roboto in a real browser (tests/helpers/browser.ts: Debian's headless Chromium,
// each page opened from its file with every other request blocked). Roboto is not installed here, so any text the
// embedded faces did not cover would show in a fallback font: the body in Liberation Sans, the charts' text in
// Liberation Serif.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTemplates, meetingPageHtml } from '../../src/render/index.js';
import { openFile, troubleLines, useChromium } from '../helpers/browser.js';
import { tempDir } from '../helpers/cli.js';
import { buildPapers, PAPERS, type PaperFiles, type PaperName } from '../helpers/papers.js';

const browser = useChromium();
let papers: Record<PaperName, PaperFiles>;
let meetingPage: string;

beforeAll(async () => {
  papers = await buildPapers(['html']);
  meetingPage = path.join(tempDir('qif-html-fonts-'), 'index.html');
  const html = await meetingPageHtml(
    {
      meeting: { council: 'Renfrewshire Council', committee: 'Improving Life Chances Group', date: '2022-11-24', time: '10:00', venue: 'Council Chambers', membership: ['Councillor Example (Convener)'] },
      lines: [
        { item: '1', title: 'Apologies' },
        { item: '4', title: 'Inspection readiness – Renfrewshire, 2022/23 Q2', reportBy: 'Head of Children’s Services', html: '04.html', pdf: { path: '04.pdf', pages: 20 } },
      ],
    },
    await loadTemplates(),
  );
  writeFileSync(meetingPage, html);
}, 180_000);

/** A node of CDP's DOM tree, as far as it is read here. */
interface DomNode {
  nodeId: number;
  nodeType: number;
  nodeName: string;
  localName: string;
  nodeValue: string;
  attributes?: string[];
  children?: DomNode[];
}

/** The text nodes that show something, in document order, each with its element. */
function textNodes(node: DomNode, parent?: DomNode, found: { text: DomNode; element: DomNode }[] = []): { text: DomNode; element: DomNode }[] {
  if (['HEAD', 'STYLE', 'TITLE'].includes(node.nodeName)) return found;
  if (node.nodeType === 3 && parent && node.nodeValue.trim() !== '') found.push({ text: node, element: parent });
  for (const child of node.children ?? []) textNodes(child, node, found);
  return found;
}

/**
 * What the page's fonts came to in Chromium: each @font-face's status once the page had loaded, and again
 * once each had been asked for; the text drawn in anything but an embedded Roboto face, as Chromium reports the
 * fonts it drew each text node in (the change column's ▲ and ▼ aside: Roboto has no arrows, and they are hidden
 * from screen readers, the word beside them saying it); how many of the text nodes were a chart's; and any
 * request, failure, CSP violation or error.
 */
async function fontsIn(file: string) {
  const { page, trouble, close } = await openFile(browser(), file);
  try {
    const faces = await page.evaluate(async () => {
      const list = () => [...document.fonts].map((face) => `${face.family} ${face.weight} ${face.style} ${face.status}`);
      await document.fonts.ready;
      const used = list();
      // A face no text falls in is not loaded until asked for: ask, so each one's data is tried.
      await Promise.all([...document.fonts].map((face) => face.load().catch(() => undefined)));
      return { used, all: list() };
    });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    const texts = textNodes(root);
    const notRoboto: string[] = [];
    for (const { text, element } of texts) {
      const attributes = element.attributes ?? [];
      if (attributes.includes('class') && attributes[attributes.indexOf('class') + 1]!.split(' ').includes('arrow')) continue;
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId: text.nodeId });
      for (const font of fonts) if (!font.isCustomFont || !font.postScriptName.startsWith('Roboto-')) notRoboto.push(`<${element.localName}> "${text.nodeValue.trim().slice(0, 40)}": ${font.postScriptName}`);
    }
    return { ...faces, notRoboto, chartTexts: texts.filter(({ element }) => element.localName === 'text').length, trouble: troubleLines(trouble) };
  } finally {
    await close();
  }
}

const ALL_LOADED = ['Roboto 400 normal loaded', 'Roboto 700 normal loaded', 'Roboto 400 italic loaded', 'Roboto 700 italic loaded'];

describe.each(PAPERS)('the %s paper’s HTML edition in Chromium, with the network blocked', (name) => {
  it('loads its four Roboto faces from the page itself, and draws all its text and its charts’ text in them', async () => {
    const fonts = await fontsIn(papers[name]['html']!);
    expect(fonts.all).toEqual(ALL_LOADED);
    // Body text and bold (headings, table headers) without asking.
    expect(fonts.used.slice(0, 2)).toEqual(ALL_LOADED.slice(0, 2));
    expect(fonts.chartTexts).toBeGreaterThan(10);
    expect(fonts.notRoboto).toEqual([]);
    expect(fonts.trouble).toEqual([]);
  }, 120_000);
});

describe('the meeting page in Chromium, with the network blocked', () => {
  it('loads its Roboto faces from the page itself, and draws all its text in them', async () => {
    const fonts = await fontsIn(meetingPage);
    expect(fonts.all).toEqual(ALL_LOADED);
    expect(fonts.notRoboto).toEqual([]);
    expect(fonts.trouble).toEqual([]);
  }, 120_000);
});
