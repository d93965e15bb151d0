// The HTML edition's embedded Roboto in a real browser: Debian's headless Chromium (no browser download), the
// page opened from its file with every other request blocked. Roboto is not installed here, so any text the
// embedded faces do not cover would show in a fallback font (the charts' text in a serif).
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReportModel } from '../../src/analyse/index.js';
import { readWorkspace } from '../../src/ingest/index.js';
import { loadTemplates, renderHtmlPaper } from '../../src/render/index.js';
import { FIXTURES, tempDir } from '../helpers/cli.js';

const CHROMIUM = '/usr/bin/chromium';
let browser: Browser;

beforeAll(async () => {
  // Fails, not skips: CI installs Debian's chromium (.ci/run).
  expect(existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install chromium`).toBe(true);
  browser = await chromium.launch({ executablePath: CHROMIUM });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

/** A node of CDP's DOM tree: what is read of it here. */
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

describe.each(['renfrewshire', 'orkney'])('the %s paper’s HTML edition in Chromium, with the network blocked', (fixture) => {
  let file: string;

  beforeAll(async () => {
    const reading = await readWorkspace(path.join(FIXTURES, fixture), {});
    file = path.join(tempDir(), `${fixture}.html`);
    writeFileSync(file, await renderHtmlPaper(buildReportModel(reading.workspace!), await loadTemplates()));
  }, 120_000);

  it('loads its four Roboto faces from the page itself, and sets all its text and its charts’ text in them', async () => {
    const context = await browser.newContext();
    try {
      const url = pathToFileURL(file).href;
      const blocked: string[] = [];
      await context.route('**/*', (route) => (route.request().url() === url ? route.continue() : (blocked.push(route.request().url()), route.abort())));
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      await page.addInitScript(() => {
        const seen: string[] = [];
        Object.assign(window, { violations: seen });
        document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
      });
      await page.goto(url);

      const faces = await page.evaluate(async () => {
        await document.fonts.ready;
        const used = [...document.fonts].map((face) => `${face.family} ${face.weight} ${face.style} ${face.status}`);
        // A face no text of this page falls in is not loaded until asked for: ask, so each one's data is tried.
        await Promise.all([...document.fonts].map((face) => face.load().catch(() => undefined)));
        return { used, all: [...document.fonts].map((face) => `${face.family} ${face.weight} ${face.style} ${face.status}`) };
      });
      expect(faces.all).toEqual(['Roboto 400 normal loaded', 'Roboto 700 normal loaded', 'Roboto 400 italic loaded', 'Roboto 700 italic loaded']);
      // Body text and bold (headings, table headers) at the least, without asking.
      expect(faces.used.slice(0, 2)).toEqual(['Roboto 400 normal loaded', 'Roboto 700 normal loaded']);

      // The font each piece of text was drawn in, as Chromium reports it.
      const cdp = await context.newCDPSession(page);
      await cdp.send('DOM.enable');
      await cdp.send('CSS.enable');
      const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: false });
      const texts = textNodes(root);
      expect(texts.filter(({ element }) => element.localName === 'text').length).toBeGreaterThan(10);
      const notRoboto: string[] = [];
      for (const { text, element } of texts) {
        const attributes = element.attributes ?? [];
        const classes = attributes.includes('class') ? attributes[attributes.indexOf('class') + 1]!.split(' ') : [];
        // The change column's ▲ and ▼ (hidden from screen readers; the word beside says it): Roboto has no arrows.
        if (classes.includes('arrow')) continue;
        const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId: text.nodeId });
        for (const font of fonts) if (!font.isCustomFont || !font.postScriptName.startsWith('Roboto-')) notRoboto.push(`<${element.localName}> "${text.nodeValue.trim().slice(0, 40)}": ${font.postScriptName}`);
      }
      expect(notRoboto).toEqual([]);

      expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
      expect(errors).toEqual([]);
      expect(blocked).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);
});
