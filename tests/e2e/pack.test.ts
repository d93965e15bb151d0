import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';

/** A pack run spawns the CLI and builds several papers: allow for a slow, busy machine. */
const SLOW = 180_000;
import { FIXTURES, qifReport, tempDir } from '../helpers/cli.js';
import { pageLinks } from '../helpers/html.js';
import { bookmarkLandings, bookmarks } from '../helpers/layout.js';
import { pdfInfo, pdfPageTexts, pdfText } from '../helpers/pdf.js';

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const pages = (file: string) => Number(pdfInfo(file).Pages);

/** The ILCG example pack and the workspaces it names, copied so that runs can change them. */
function copyPackFixtures(): { root: string; pack: string } {
  const root = tempDir();
  cpSync(path.join(FIXTURES, 'renfrewshire'), path.join(root, 'renfrewshire'), { recursive: true });
  cpSync(path.join(FIXTURES, 'orkney'), path.join(root, 'orkney'), { recursive: true });
  cpSync(path.join(FIXTURES, 'packs', 'papers'), path.join(root, 'packs', 'papers'), { recursive: true });
  cpSync(path.join(FIXTURES, 'packs', 'ilcg-2022-11-24.pack.json'), path.join(root, 'packs', 'ilcg-2022-11-24.pack.json'));
  return { root, pack: path.join(root, 'packs', 'ilcg-2022-11-24.pack.json') };
}

interface OutlineNode {
  title: string;
  destpageposfrom1: number;
  kids: OutlineNode[];
}

const topLevelOutline = (file: string): OutlineNode[] => JSON.parse(execFileSync('qpdf', ['--json', '--json-key=outlines', file], { encoding: 'utf8' })).outlines;

const AGENDA_PACK = '00 Improving Life Chances Group 2022-11-24 agenda pack.pdf';
const ITEMS = [
  { item: '3', file: "03 Children's services plan progress report.pdf" },
  { item: '4', file: '04 Inspection readiness Renfrewshire 2022-23 Q2.pdf' },
  { item: '5.1', file: '05.01 Inspection readiness Renfrewshire 2021-22 Q4.pdf' },
  { item: '5.2', file: '05.02 Inspection readiness Renfrewshire 2022-23 Q2.pdf' },
];

/** Each built paper's web page (item 3 is another service's PDF, and has none). */
const WEB_PAGES = ['04 Inspection readiness Renfrewshire 2022-23 Q2.html', '05.01 Inspection readiness Renfrewshire 2021-22 Q4.html', '05.02 Inspection readiness Renfrewshire 2022-23 Q2.html'];

describe('qif-report pack: the example agenda pack', () => {
  let folder: string;
  let result: ReturnType<typeof qifReport>;
  let packPdf: string;
  let frontPages: number;
  /** Where each item starts in the pack, worked out here from the papers' own page counts. */
  const firstPage = new Map<string, number>();
  let total: number;

  beforeAll(() => {
    const out = tempDir();
    result = qifReport(['pack', 'fixtures/packs/ilcg-2022-11-24.pack.json', '--out', out, '--jobs', '2']);
    folder = path.join(out, 'ilcg-2022-11-24');
    packPdf = path.join(folder, AGENDA_PACK);
    const itemPages = ITEMS.map(({ file }) => pages(path.join(folder, file)));
    total = pages(packPdf);
    frontPages = total - itemPages.reduce((sum, n) => sum + n, 0);
    let next = frontPages + 1;
    ITEMS.forEach(({ item }, index) => {
      firstPage.set(item, next);
      next += itemPages[index]!;
    });
  }, SLOW);

  it('writes each paper under its agenda name, its web page beside it, the agenda pack, the meeting’s page and the manifest, and lists them', () => {
    expect(result.status, result.stderr).toBe(0);
    const files = readdirSync(folder).filter((name) => !name.startsWith('.')).sort();
    expect(files).toEqual([AGENDA_PACK, ...ITEMS.map((i) => i.file), ...WEB_PAGES, 'index.html', 'manifest.json'].sort());
    expect(result.stdout.trim().split('\n').map((line) => path.basename(line)).sort()).toEqual(files);
    expect(result.stderr).toContain('3 papers (3 built, 0 reused unchanged)');
  });

  it('has a one-page front sheet, and as many pages as its parts', () => {
    expect(frontPages).toBe(1);
    expect(execFileSync('qpdf', ['--check', packPdf], { encoding: 'utf8' })).toContain('No syntax or stream encoding errors');
  });

  it('numbers every page "Page N of M" for the whole pack', () => {
    const texts = pdfPageTexts(packPdf);
    expect(texts).toHaveLength(total);
    texts.forEach((text, index) => expect(text, `page ${index + 1}`).toContain(`Page ${index + 1} of ${total}`));
  });

  it('gives each item its page range on the front sheet, as the papers’ page counts say', () => {
    const front = pdfText(packPdf, { layout: true }).split('\f')[0]!;
    ITEMS.forEach(({ item, file }) => {
      const last = firstPage.get(item)! + pages(path.join(folder, file)) - 1;
      expect(front).toMatch(new RegExp(`^ *${item.replace('.', '\\.')} .*${firstPage.get(item)}–${last}\\s*$`, 'm'));
    });
    expect(front).toMatch(/^ *1 +Apologies +–\s*$/m);
  });

  it('links each agenda line to its paper’s first page', () => {
    const json = JSON.parse(execFileSync('qpdf', ['--json', '--json-key=pages', '--json-key=qpdf', packPdf], { encoding: 'utf8', maxBuffer: 256 << 20 }));
    const pageObjects = (json.pages as { object: string }[]).map((page) => page.object);
    const objects = json.qpdf[1] as Record<string, { value: Record<string, unknown> }>;
    const annotRefs = objects[`obj:${pageObjects[0]}`]!.value['/Annots'] as string[];
    const annots = annotRefs.map((ref) => objects[`obj:${ref}`]!.value);
    expect(annots.length).toBeGreaterThan(0);
    expect(annots.every((annot) => annot['/A'] === undefined)).toBe(true);
    const targets = annots.map((annot) => pageObjects.indexOf((annot['/Dest'] as string[])[0]!) + 1);
    expect(new Set(targets)).toEqual(new Set(ITEMS.map(({ item }) => firstPage.get(item))));
  });

  it('has one bookmark an item, with the paper’s own sections beneath at the pack’s pages', () => {
    const outlines = topLevelOutline(packPdf);
    expect(outlines.map((o) => o.destpageposfrom1)).toEqual([1, ...ITEMS.map(({ item }) => firstPage.get(item))]);
    expect(outlines.map((o) => o.title.split(':')[0])).toEqual(['Front sheet and agenda', ...ITEMS.map(({ item }) => `Item ${item}`)]);
    for (const [index, { item, file }] of ITEMS.entries()) {
      const own = topLevelOutline(path.join(folder, file));
      const offset = firstPage.get(item)! - 1;
      expect(own.length, file).toBeGreaterThan(0);
      expect(outlines[index + 1]!.kids.map((kid) => [kid.title, kid.destpageposfrom1])).toEqual(own.map((o) => [o.title, o.destpageposfrom1 + offset]));
    }
  });

  it('lands every paper’s section and appendix bookmark on its heading, in the pack as in the paper', () => {
    // The other service's PDF keeps its own bookmarks as its author made them: only the tool's papers are checked.
    const external = new Set(bookmarks(path.join(folder, ITEMS[0]!.file)).map((mark) => mark.title));
    const papers = ITEMS.filter(({ file }) => file.includes('Inspection readiness')).map(({ item }) => item);
    const landings = bookmarkLandings(packPdf).filter((landing) => !/^(Item |Front sheet)/.test(landing.title) && !external.has(landing.title));
    expect(landings.length).toBeGreaterThan(16 * papers.length - 1);
    for (const landing of landings) {
      expect(landing.headingTop, `${landing.title} on page ${landing.page}`).toBeDefined();
      expect(landing.left, landing.title).toBe(0);
      expect(Math.abs(landing.destinationTop - landing.headingTop!), `${landing.title} on page ${landing.page}`).toBeLessThanOrEqual(1);
    }
  });

  it('includes the other service’s PDF unchanged: its file is the source, and its pages say what the source says', () => {
    const source = path.join(FIXTURES, 'packs', 'papers', 'children-services-plan-progress.pdf');
    expect(sha256(path.join(folder, ITEMS[0]!.file))).toBe(sha256(source));
    const sourcePages = pdfPageTexts(source);
    const packPages = pdfPageTexts(packPdf);
    sourcePages.forEach((text, index) => {
      const inPack = packPages[firstPage.get('3')! - 1 + index]!;
      expect(inPack.replace(/Page \d+ of \d+\s*/, '').trim()).toBe(text.trim());
    });
  });

  it('numbers each paper’s own file within itself, with the header block naming its agenda item', () => {
    const file = path.join(folder, ITEMS[2]!.file);
    const texts = pdfPageTexts(file);
    texts.forEach((text, index) => expect(text).toContain(`Page ${index + 1} of ${texts.length}`));
    expect(texts[0]).toContain('Item 5.1');
    expect(texts[0]).toContain('24 November 2022');
  });

  it('shows a paper as at its period: the 2021/22 Q4 paper has no later grade', () => {
    const text = pdfText(path.join(folder, ITEMS[2]!.file));
    expect(text).toContain('2021/22 Q4');
    expect(text).not.toMatch(/2022\/23 Q2/);
  });

  it('writes the meeting’s web page: the agenda in item order, each line linking its paper’s files in the folder', () => {
    const html = readFileSync(path.join(folder, 'index.html'), 'utf8');
    expect(html.startsWith('<!doctype html><html lang="en-GB">')).toBe(true);
    expect(html).toContain('<h1>Improving Life Chances Group</h1>');
    expect(html).toContain('<dd>Thursday 24 November 2022</dd>');
    const numbers = [...html.matchAll(/<span class="item-number"><span class="visually-hidden">Item <\/span>([^<]+)<\/span>/g)].map((m) => m[1]);
    expect(numbers).toEqual(['1', '2', '3', '4', '5.1', '5.2', '6']);
    const links = pageLinks(folder);
    expect(links.map((link) => link.file)).toEqual([
      AGENDA_PACK,
      "03 Children's services plan progress report.pdf",
      '04 Inspection readiness Renfrewshire 2022-23 Q2.html',
      '04 Inspection readiness Renfrewshire 2022-23 Q2.pdf',
      '05.01 Inspection readiness Renfrewshire 2021-22 Q4.html',
      '05.01 Inspection readiness Renfrewshire 2021-22 Q4.pdf',
      '05.02 Inspection readiness Renfrewshire 2022-23 Q2.html',
      '05.02 Inspection readiness Renfrewshire 2022-23 Q2.pdf',
    ]);
    for (const { href, file } of links) {
      expect(href, file).not.toContain(' ');
      expect(existsSync(path.join(folder, file)), file).toBe(true);
    }
    expect(links[2]!.href).toBe('04%20Inspection%20readiness%20Renfrewshire%202022-23%20Q2.html');
    const manifest = JSON.parse(readFileSync(path.join(folder, 'manifest.json'), 'utf8'));
    expect(manifest.index).toEqual({ path: 'index.html', sha256: sha256(path.join(folder, 'index.html')) });
  });

  it('lists every input and output in the manifest with checksums that match the files', () => {
    const manifest = JSON.parse(readFileSync(path.join(folder, 'manifest.json'), 'utf8'));
    expect(manifest.schema).toBe('qif-report/pack-manifest@1');
    expect(manifest.failures).toEqual([]);
    expect(manifest.agendaPack).toEqual({ path: AGENDA_PACK, sha256: sha256(packPdf), pages: total });
    const item4 = manifest.items.find((i: { item: string }) => i.item === '4');
    expect(item4.output.sha256).toBe(sha256(path.join(folder, ITEMS[1]!.file)));
    const grades = item4.inputs.find((input: { path: string }) => input.path === '../renfrewshire/grades.csv');
    expect(grades.sha256).toBe(sha256(path.join(FIXTURES, 'renfrewshire', 'grades.csv')));
    expect(item4.inputs.map((input: { path: string }) => path.basename(input.path))).toEqual(expect.arrayContaining(['report.json', 'grades.csv', 'evidence.csv', 'lgbf_data_table_cash.csv']));
  });
});

describe('qif-report pack: batch behaviour', () => {
  it('gives byte-identical outputs run serially or in parallel', () => {
    const serial = tempDir();
    const parallel = tempDir();
    expect(qifReport(['pack', 'fixtures/packs/ilcg-2022-11-24.pack.json', '--out', serial, '--jobs', '1']).status).toBe(0);
    expect(qifReport(['pack', 'fixtures/packs/ilcg-2022-11-24.pack.json', '--out', parallel, '--jobs', '2']).status).toBe(0);
    const files = readdirSync(path.join(serial, 'ilcg-2022-11-24')).filter((name) => !name.startsWith('.'));
    for (const file of files) expect(sha256(path.join(parallel, 'ilcg-2022-11-24', file)), file).toBe(sha256(path.join(serial, 'ilcg-2022-11-24', file)));
  }, SLOW);

  it('reuses papers whose inputs are unchanged, and says why one was built again', () => {
    const { root, pack } = copyPackFixtures();
    const out = path.join(root, 'out');
    expect(qifReport(['pack', pack, '--out', out]).status).toBe(0);
    const again = qifReport(['pack', pack, '--out', out]);
    expect(again.status).toBe(0);
    expect(again.stderr).toContain('3 papers (0 built, 3 reused unchanged)');
    const grades = path.join(root, 'renfrewshire', 'grades.csv');
    writeFileSync(grades, readFileSync(grades, 'utf8').replace('2022/23 Q2,1.1,4,', '2022/23 Q2,1.1,5,'));
    const changed = qifReport(['pack', pack, '--out', out]);
    expect(changed.status).toBe(0);
    expect(changed.stderr).toContain('item 4: built (changed: grades.csv)');
    expect(changed.stderr).toContain('3 papers (3 built, 0 reused unchanged)');
  }, SLOW);

  it('reports a failing item and builds the rest, with exit 1 and no agenda pack', () => {
    const { root, pack } = copyPackFixtures();
    const spec = JSON.parse(readFileSync(pack, 'utf8'));
    spec.items.splice(4, 0, { item: '4a', workspace: '../orkney' });
    writeFileSync(pack, JSON.stringify(spec, null, 2));
    const grades = path.join(root, 'orkney', 'grades.csv');
    writeFileSync(grades, readFileSync(grades, 'utf8').replace('2021/22 Q4,5.1,Good,', '2021/22 Q4,5.10,Good,'));
    const out = path.join(root, 'out');
    const result = qifReport(['pack', pack, '--out', out]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/item 4a FAILED \(.*orkney\): 1 problem\(s\) in the input/);
    expect(result.stderr).toMatch(/orkney\/grades\.csv:\d+:2: qi "5\.10" is not valid \(did you mean 5\.1\?\)/);
    expect(result.stderr).toContain('item(s) failed: 4a. The agenda pack and the meeting\'s web page (index.html) were not written');
    const folder = path.join(out, 'ilcg-2022-11-24');
    expect(existsSync(path.join(folder, AGENDA_PACK))).toBe(false);
    expect(existsSync(path.join(folder, 'index.html'))).toBe(false);
    for (const { file } of ITEMS) expect(existsSync(path.join(folder, file)), file).toBe(true);
    const manifest = JSON.parse(readFileSync(path.join(folder, 'manifest.json'), 'utf8'));
    expect(manifest.failures.map((f: { item: string }) => f.item)).toEqual(['4a']);
  }, SLOW);

  it('refuses a pack file with a misspelt key, naming its line and column', () => {
    const { pack } = copyPackFixtures();
    writeFileSync(pack, readFileSync(pack, 'utf8').replace('"venue"', '"venu"'));
    const result = qifReport(['pack', pack, '--out', tempDir()]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/ilcg-2022-11-24\.pack\.json:7:5: unknown setting "meeting\.venu" \(did you mean venue\?\); expected one of council, committee, date, time, venue, membership/);
  }, SLOW);
});
