// The HTML edition in a real browser: Debian's headless Chromium, driven by playwright-core (no browser is
// downloaded; CI installs the `chromium` package). Every page is opened from its file with the network shut: the
// page's own file is the one request let through, anything else it asks for is aborted and reported, with every
// failed request, console error and Content-Security-Policy violation, so a test sees whether the page stands alone.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

/** The browser the tests drive: Debian's chromium, or another Chromium named by CHROMIUM_PATH. */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/**
 * One Chromium for the test file that calls this (at its top level): launched before its tests, closed after.
 * Without Chromium the tests fail, saying so; they are never skipped, as CI installs it.
 */
export function useChromium(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    if (!existsSync(CHROMIUM_PATH)) {
      throw new Error(`no Chromium at ${CHROMIUM_PATH}: the HTML edition's tests run it headless. Install Debian's chromium (apt-get install -y chromium, as .ci/run does) or set CHROMIUM_PATH to a Chromium's executable.`);
    }
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('Chromium was not launched (see the error from beforeAll)');
    return browser;
  };
}

/** What a page did that a self-contained page never does. Empty lists: it stood alone. */
export interface PageTrouble {
  /** Requests other than the page's own file, aborted by the test's route: the page tried to load them. */
  blocked: string[];
  /** Requests that failed, whatever failed them (the route, the page's CSP, a missing file). */
  failed: string[];
  /** Console messages of type error (a CSP refusal is logged as one, "… violates the following Content Security Policy …"). */
  consoleErrors: string[];
  /** `securitypolicyviolation` events the page fired: directive and what was blocked. */
  cspViolations: string[];
  /** Uncaught exceptions in the page (it has no script of its own, so any is a test's). */
  pageErrors: string[];
}

export interface OpenOptions {
  /** CSS pixels; 1280 × 1024 unless given. */
  viewport?: { width: number; height: number };
  /** Device pixels per CSS pixel: 4 with a 320 px viewport is a 1280 px window zoomed to 400%. */
  deviceScaleFactor?: number;
  colorScheme?: 'light' | 'dark';
}

export interface OpenPage {
  page: Page;
  /** Filled as the page runs: read it after the checks. */
  trouble: PageTrouble;
  close: () => Promise<void>;
}

/** Opens an HTML file in a fresh context with all network blocked: only the file itself is let through. */
export async function openFile(browser: Browser, file: string, { viewport = { width: 1280, height: 1024 }, deviceScaleFactor = 1, colorScheme = 'light' }: OpenOptions = {}): Promise<OpenPage> {
  const url = pathToFileURL(file).href;
  const trouble: PageTrouble = { blocked: [], failed: [], consoleErrors: [], cspViolations: [], pageErrors: [] };
  const context: BrowserContext = await browser.newContext({ viewport, deviceScaleFactor, colorScheme, javaScriptEnabled: true, serviceWorkers: 'block' });
  // Every request goes through here, file: ones included (data: URLs never make one). Requests the page's CSP
  // refuses never reach the route; they fail with "csp" and are counted below.
  await context.route('**/*', (route) => {
    const requested = route.request().url();
    if (requested === url) return route.continue();
    trouble.blocked.push(requested);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  page.on('requestfailed', (request) => trouble.failed.push(`${request.url()}: ${request.failure()?.errorText ?? 'failed'}`));
  page.on('console', (message) => {
    if (message.type() === 'error') trouble.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => trouble.pageErrors.push(String(error)));
  // The page's CSP allows no script, so the listener comes in as an exposed binding and an init script, both of
  // which the browser runs outside the page's policy.
  await page.exposeBinding('__qifCspViolation', (_source, violation: string) => {
    trouble.cspViolations.push(violation);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { __qifCspViolation: (v: string) => void }).__qifCspViolation(`${event.violatedDirective}: ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
  await page.goto(url, { waitUntil: 'load' });
  return { page, trouble, close: () => context.close() };
}

/** Opens every `details` (the charts' figures), so what a reader may open is checked too. */
export async function openAllDetails(page: Page): Promise<number> {
  return page.evaluate(() => {
    const all = [...document.querySelectorAll('details')];
    for (const details of all) details.open = true;
    return all.length;
  });
}

/** The WCAG 2.2 levels A and AA rules axe-core has. */
export const WCAG_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] as const;

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; summary: string }[];
}

const AXE_SOURCE: string = (createRequire(import.meta.url)('axe-core') as { source: string }).source;

/**
 * axe-core's violations on the page as it is: of WCAG 2.2 A and AA, or of the rules named. axe comes in through
 * page.evaluate, which the browser runs outside the page's CSP (`page.addScriptTag` adds an inline script,
 * which the page's `default-src 'none'` refuses), so the page is checked with its policy in force and its one
 * style sheet applied as a reader gets it; `bypassCSP` would check a page no reader sees.
 */
export async function axeViolations(page: Page, { rules }: { rules?: readonly string[] } = {}): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  const runOnly = rules ? { type: 'rule', values: [...rules] } : { type: 'tag', values: [...WCAG_AA_TAGS] };
  return page.evaluate(async (only) => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] }[] }> } }).axe;
    const results = await axe.run(document, { runOnly: only, resultTypes: ['violations'] });
    return results.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target.map(String), summary: n.failureSummary ?? '' })) }));
  }, runOnly);
}

/** Violations as a reader of a failed test wants them: rule, what it asks, and each element with why. */
export function describeViolations(violations: readonly AxeViolation[], { nodesEach = 5 } = {}): string {
  return violations
    .map((v) => {
      const nodes = v.nodes.slice(0, nodesEach).map((n) => `    ${n.target.join(' ')}\n      ${n.summary.replace(/\n\s*/g, '\n      ')}`);
      const more = v.nodes.length > nodesEach ? [`    … and ${v.nodes.length - nodesEach} more`] : [];
      return [`${v.id} (${v.impact ?? 'no impact'}, ${v.nodes.length} element${v.nodes.length === 1 ? '' : 's'}): ${v.help}`, ...nodes, ...more].join('\n');
    })
    .join('\n');
}

/** What a page did that a self-contained page never does, one line each; none when it stood alone. */
export function troubleLines(trouble: PageTrouble): string[] {
  return [
    ...trouble.blocked.map((url) => `blocked request: ${url}`),
    ...trouble.failed.map((line) => `failed request: ${line}`),
    ...trouble.cspViolations.map((line) => `CSP violation: ${line}`),
    ...trouble.consoleErrors.map((line) => `console error: ${line}`),
    ...trouble.pageErrors.map((line) => `page error: ${line}`),
  ];
}

/** The rules whose results depend on the page's colours: all that can change when the colour scheme does. */
export const COLOUR_RULES = ['color-contrast', 'link-in-text-block'] as const;

/**
 * Everything wrong with an HTML file as a reader gets it, in one call (for a paper, or the pack's index.html):
 * axe's WCAG 2.2 A and AA violations with every `details` opened, in the light colour scheme, then its colour
 * rules again in the dark one (the page's dark style changes colours only; the other rules would say the same
 * twice), and anything the page tried to load or was refused. An empty list is a pass; each entry says what
 * and where.
 */
export async function accessibilityProblems(browser: Browser, file: string): Promise<string[]> {
  const { page, trouble, close } = await openFile(browser, file, { colorScheme: 'light' });
  try {
    await openAllDetails(page);
    const light = await axeViolations(page);
    await page.emulateMedia({ colorScheme: 'dark' });
    if (!(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches))) throw new Error('Chromium did not switch to the dark colour scheme');
    const dark = await axeViolations(page, { rules: COLOUR_RULES });
    return [
      ...(light.length ? [`axe, light colour scheme:\n${describeViolations(light)}`] : []),
      ...(dark.length ? [`axe, dark colour scheme:\n${describeViolations(dark)}`] : []),
      ...troubleLines(trouble),
    ];
  } finally {
    await close();
  }
}

/** The rules whose results depend on the layout, run again at 320 px where tables scroll in their boxes. */
export const LAYOUT_RULES = ['scrollable-region-focusable', 'target-size', 'meta-viewport'] as const;

/**
 * WCAG 1.4.10 Reflow: content at 320 CSS px wide without scrolling in two dimensions, which is what a 1280 px
 * wide window shows at 400% zoom. The viewport is exactly that: 320 × 256 CSS px at 4 device pixels to the CSS
 * pixel (1280 × 1024), every `details` opened. Its problems: what reaches past the right edge outside a table's
 * own scroll box (reflowProblems), axe's layout rules (each scroll box a keyboard can reach, targets large
 * enough), and anything the page loaded or was refused; with the number of boxes that do scroll at this width.
 */
export async function narrowScreenProblems(browser: Browser, file: string): Promise<{ problems: string[]; scrollingBoxes: number }> {
  const { page, trouble, close } = await openFile(browser, file, { viewport: { width: 320, height: 256 }, deviceScaleFactor: 4 });
  try {
    await openAllDetails(page);
    const [width, clientWidth, pixelRatio] = await page.evaluate(() => [window.innerWidth, document.documentElement.clientWidth, window.devicePixelRatio]);
    if (width !== 320 || clientWidth !== 320 || pixelRatio !== 4) throw new Error(`the viewport is ${width} px (${clientWidth} px inside) at ${pixelRatio} device pixels to the CSS pixel, not 320 px at 4`);
    const overflow = await reflowProblems(page);
    const scrollingBoxes = await page.evaluate(() => [...document.querySelectorAll('.table-scroll')].filter((box) => box.scrollWidth > box.clientWidth).length);
    const violations = await axeViolations(page, { rules: LAYOUT_RULES });
    return { problems: [...overflow, ...(violations.length ? [`axe at 320 px:\n${describeViolations(violations)}`] : []), ...troubleLines(trouble)], scrollingBoxes };
  } finally {
    await close();
  }
}

/**
 * Elements and runs of text that reach past the viewport's right edge, outside the boxes that scroll by
 * themselves (`.table-scroll`: the box must fit, what is in it may scroll); boxes that cut their content off
 * sideways (overflow hidden, content lost), but for a 1 px box that hides text visually on purpose, for
 * assistive technology alone; and the page's own scroll width if it is wider than the viewport. Each is named
 * by a CSS-like path and how far it reaches.
 */
export async function reflowProblems(page: Page, scrollBoxes = '.table-scroll'): Promise<string[]> {
  // No function is given a name inside the page's code: tsx would wrap it in a helper the page has not got.
  return page.evaluate((scrollBoxSelector) => {
    const width = document.documentElement.clientWidth;
    const found: { element: Element; what: string }[] = [];
    for (const element of document.body.querySelectorAll('*')) {
      if (element.parentElement?.closest(scrollBoxSelector)) continue;
      const box = element.getBoundingClientRect();
      if (box.width > 0 && box.right > width + 0.5) found.push({ element, what: `reaches ${Math.round(box.right)} px` });
      const overflow = getComputedStyle(element).overflowX;
      const visuallyHidden = box.width <= 1 && box.height <= 1;
      if ((overflow === 'hidden' || overflow === 'clip') && !visuallyHidden && element.scrollWidth > element.clientWidth + 1) found.push({ element, what: `cuts off its content: ${element.scrollWidth} px wide in ${element.clientWidth} px` });
    }
    // A word too long for its box overflows it without widening it: the text's own boxes are measured, as far
    // as they show (a box that clips its content ends them at its edge).
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement!.closest(scrollBoxSelector) || node.textContent!.trim() === '') continue;
      range.selectNodeContents(node);
      let right = range.getBoundingClientRect().right;
      for (let e: Element | null = node.parentElement; e && e !== document.documentElement; e = e.parentElement) {
        if (getComputedStyle(e).overflowX !== 'visible') right = Math.min(right, e.getBoundingClientRect().right);
      }
      if (range.getBoundingClientRect().width > 0 && right > width + 0.5) found.push({ element: node.parentElement!, what: `has text "${node.textContent!.trim().slice(0, 40)}" reaching ${Math.round(right)} px` });
    }
    const problems = found.map(({ element, what }) => {
      const parts: string[] = [];
      for (let e: Element | null = element; e && e !== document.body; e = e.parentElement) parts.unshift(`${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${[...e.classList].map((c) => `.${c}`).join('')}`);
      return `${parts.slice(-4).join(' > ')} ${what}`;
    });
    const scrollWidth = document.documentElement.scrollWidth;
    if (scrollWidth > width) problems.push(`the page scrolls sideways: ${scrollWidth} px wide in a ${width} px viewport`);
    return problems;
  }, scrollBoxes);
}
