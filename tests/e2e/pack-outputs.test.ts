// What `qif-report pack` leaves in its output folder, through the real command line: a run's outputs together or
// not at all, included PDFs (secured, with their own footers, with active content) made fit to publish, every
// problem in a pack file found before anything is built, and reuse that follows only what a build reads, font
// rules included.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, qifReport, tempDir } from '../helpers/cli.js';
import { pageLinks } from '../helpers/html.js';
import { externalPaper, secured } from '../helpers/included-pdfs.js';

const MEETING = { council: 'Orkney Islands Council', committee: 'Children and Young People’s Partnership', date: '2022-05-19' };
/** The agenda pack's file, as the manifest names it. */
const agendaPackOf = (dir: string): string => manifestOf(dir).agendaPack.path;

/** The paper with a script run when its page opens and a link that launches a program. */
async function withScripts(pdf: Uint8Array): Promise<Uint8Array> {
  const document = await PDFDocument.load(pdf);
  const { context } = document;
  const page = document.getPage(0);
  page.node.set(PDFName.of('AA'), context.obj({ O: context.obj({ S: 'JavaScript', JS: PDFString.of('app.alert("hello")') }) }));
  const launch = context.register(context.obj({ Type: 'Annot', Subtype: 'Link', Rect: [57, 700, 300, 712], A: context.obj({ S: 'Launch', F: PDFString.of('cmd.exe') }) }));
  page.node.set(PDFName.of('Annots'), context.obj([launch]));
  return document.save();
}

/** A folder holding a copy of the Orkney workspace, the included PDFs, and the pack files written by each test. */
let folder: string;
beforeAll(async () => {
  folder = tempDir();
  cpSync(path.join(FIXTURES, 'orkney'), path.join(folder, 'orkney'), { recursive: true });
  mkdirSync(path.join(folder, 'papers'));
  const plain = await externalPaper('A progress report from another service.');
  writeFileSync(path.join(folder, 'papers', 'plain.pdf'), plain);
  writeFileSync(path.join(folder, 'papers', 'secured.pdf'), await secured(plain));
  writeFileSync(path.join(folder, 'papers', 'locked.pdf'), await secured(plain, 'open-sesame'));
  writeFileSync(path.join(folder, 'papers', 'scripts.pdf'), await withScripts(plain));
}, 60_000);

function packFile(name: string, items: unknown[]): string {
  const file = path.join(folder, `${name}.pack.json`);
  writeFileSync(file, JSON.stringify({ meeting: MEETING, items }, null, 2));
  return file;
}

const run = (file: string, out: string) => qifReport(['pack', file, '--out', out, '--jobs', '1']);
const manifestOf = (dir: string) => JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
/** The files the manifest says the folder holds: each output and web page, the agenda pack, the meeting's page, itself. */
const listed = (manifest: { items: { output?: { path: string }; html?: { path: string } }[]; agendaPack?: { path: string }; index?: { path: string } }) =>
  [...manifest.items.flatMap((item) => [item.output, item.html].flatMap((file) => (file ? [file.path] : []))), ...[manifest.agendaPack, manifest.index].flatMap((file) => (file ? [file.path] : [])), 'manifest.json'].sort();

describe('a run’s outputs, together or not at all', () => {
  it('after a failed run, the folder holds no agenda pack from the run before, and the manifest lists exactly its files', async () => {
    const out = tempDir();
    const file = packFile('swap', [{ item: '1', title: 'Apologies' }, { item: '2', workspace: 'orkney' }, { item: '3', pdf: 'papers/plain.pdf', title: 'Progress report' }]);
    const good = run(file, out);
    expect(good.status, good.stderr).toBe(0);
    const dir = path.join(out, 'swap');
    const agendaPack = agendaPackOf(dir);
    expect(readdirSync(dir)).toContain(agendaPack);
    expect(readdirSync(dir).sort()).toEqual(listed(manifestOf(dir)));
    expect(readdirSync(dir)).toContain('index.html');

    // One item breaks: its grades.csv now has a grade no one can read.
    const grades = path.join(folder, 'orkney', 'grades.csv');
    const before = readFileSync(grades, 'utf8');
    writeFileSync(grades, before.replace('2021/22 Q4,5.1,Good,', '2021/22 Q4,5.1,Goood,'));
    try {
      const failed = run(file, out);
      expect(failed.status).toBe(1);
      expect(failed.stderr).toContain("The agenda pack and the meeting's web page (index.html) were not written");
      const manifest = manifestOf(dir);
      expect(manifest.agendaPack).toBeUndefined();
      expect(manifest.failures.map((f: { item: string }) => f.item)).toEqual(['2']);
      expect(readdirSync(dir).sort()).toEqual(listed(manifest));
      expect(readdirSync(dir)).not.toContain(agendaPack);
      // Nor the meeting's web page: its agenda would have a hole in it, as the pack would.
      expect(readdirSync(dir)).not.toContain('index.html');
      expect(readdirSync(out).sort()).toEqual(['.swap.cache', 'swap']);
    } finally {
      writeFileSync(grades, before);
    }
  }, 240_000);
});

describe('PDFs from other services', () => {
  let dir: string;
  let result: ReturnType<typeof qifReport>;
  beforeAll(() => {
    const out = tempDir();
    const file = packFile('included', [
      { item: '1', pdf: 'papers/secured.pdf', title: 'Secured report' },
      { item: '2', pdf: 'papers/scripts.pdf', title: 'Report with scripts' },
      { item: '3', pdf: 'papers/plain.pdf', title: 'Plain report' },
    ]);
    result = run(file, out);
    dir = path.join(out, 'included');
  }, 120_000);

  it('includes a secured PDF that opens without a password, and says in the manifest that it was secured', () => {
    expect(result.status, result.stderr).toBe(0);
    const manifest = manifestOf(dir);
    expect(manifest.items.map((item: { item: string; secured?: boolean }) => [item.item, item.secured ?? false])).toEqual([['1', true], ['2', false], ['3', false]]);
    // Its own file is the file as supplied; the agenda pack holds its pages, readable.
    expect(readFileSync(path.join(dir, manifest.items[0].output.path)).equals(readFileSync(path.join(folder, 'papers', 'secured.pdf')))).toBe(true);
    const pack = execFileSync('pdftotext', ['-f', '2', '-l', '2', path.join(dir, agendaPackOf(dir)), '-'], { encoding: 'utf8' });
    expect(pack).toContain('A progress report from another service.');
  });

  it('takes active content out of the agenda pack and the item’s own file, keeping the rest, and says what went', () => {
    const manifest = manifestOf(dir);
    expect(manifest.items[1].activeContentRemoved).toEqual(['page 1: actions run when the page opens or closes', 'page 1: a Launch action on a Link annotation']);
    for (const file of [agendaPackOf(dir), manifest.items[1].output.path]) {
      const objects = execFileSync('qpdf', ['--json', '--json-key=qpdf', path.join(dir, file)], { encoding: 'utf8', maxBuffer: 64 << 20 });
      for (const active of ['"/JavaScript"', '"/Launch"', '"/AA":']) expect(objects, `${active} in ${file}`).not.toContain(active);
    }
    expect(manifest.items[2].activeContentRemoved).toBeUndefined();
    expect(readFileSync(path.join(dir, manifest.items[2].output.path)).equals(readFileSync(path.join(folder, 'papers', 'plain.pdf')))).toBe(true);
  });

  it('never stamps the pack’s "Page N of M" over an included PDF’s own page number', () => {
    const xml = execFileSync('pdftotext', ['-bbox', '-f', '4', '-l', '4', path.join(dir, agendaPackOf(dir)), '-'], { encoding: 'utf8' });
    const words = [...xml.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({ box: m.slice(1, 5).map(Number), text: m[5]! }));
    const lines = new Map<number, string[]>();
    for (const word of words) lines.set(Math.round(word.box[1]!), [...(lines.get(Math.round(word.box[1]!)) ?? []), word.text]);
    const footers = [...lines.entries()].filter(([, text]) => text[0] === 'Page').sort(([a], [b]) => a - b);
    expect(footers.map(([, text]) => text.join(' '))).toEqual(['Page 1 of 1', 'Page 4 of 4']);
    const [own, stamp] = footers.map(([top]) => words.filter((word) => Math.round(word.box[1]!) === top));
    const overlaps = (a: number[], b: number[]) => a[0]! < b[2]! && b[0]! < a[2]! && a[1]! < b[3]! && b[1]! < a[3]!;
    for (const mine of stamp!) for (const theirs of own!) expect(overlaps(mine.box, theirs.box)).toBe(false);
  });
});

describe('every problem in a pack file, before anything is built', () => {
  it('refuses a PDF that needs a password, a missing PDF and workspace, and a non-agenda number: one positioned line each, exit 2, nothing written', () => {
    const out = tempDir();
    const file = packFile('problems', [
      { item: '4B', workspace: 'nowhere' },
      { item: '5', pdf: 'papers/locked.pdf', title: 'Locked report' },
      { item: '6', pdf: 'papers/gone.pdf', title: 'Gone' },
      { item: '../../1', pdf: 'papers/plain.pdf', title: 'Escaping' },
    ]);
    const result = run(file, out);
    expect(result.status).toBe(2);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: item 4B: there is no workspace folder at "nowhere"`));
    expect(lines[1]).toContain('item 5: "papers/locked.pdf" is protected by a password to open it, so it cannot be included');
    expect(lines[2]).toContain('item 6: there is no file at "papers/gone.pdf"');
    expect(lines[3]).toContain('item "../../1" is not an agenda number');
    expect(lines.every((line) => !line.includes('ENOENT') && !line.includes('    at '))).toBe(true);
    expect(readdirSync(out)).toEqual([]);
  });

  it('refuses periods the workspace cannot report on, and a placeholder the pack does not fill, where they are written', () => {
    const out = tempDir();
    const file = packFile('periods', [{ item: '5', workspace: 'orkney', periods: ['2024/25 Q1', '2019/20', '2018/19'], report: { recommendations: ['note the grades at {{perod}}.'] } }]);
    const result = run(file, out);
    expect(result.status).toBe(2);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines.map((line) => line.replace(/^[^:]+:\d+:\d+: /, ''))).toEqual([
      "item 5: period 2024/25 Q1 is later than the workspace's report period, 2021/22 Q4, so it is a round that has not happened; expected a period up to 2021/22 Q4, or a later \"period\" in the workspace's report.json",
      "item 5: period 2018/19 is before the workspace's first graded round, 2019/20 Q4, so its paper would have no grades; expected a period from 2019/20 Q4 to 2021/22 Q4",
      'item 5: report.recommendations[0] has the placeholder "{{perod}}", which the pack does not fill (did you mean period?); expected {{area}}, {{council}} or {{period}}',
    ]);
    expect(readdirSync(out)).toEqual([]);
  });

  it('keeps every output inside the pack’s folder, whatever the titles hold', () => {
    const out = tempDir();
    const file = packFile('names', [{ item: '1', pdf: 'papers/plain.pdf', title: '../../escaped' }, { item: '2', pdf: 'papers/plain.pdf', title: 'a\\b/..' }, { item: '3', pdf: 'papers/plain.pdf', title: '...' }]);
    expect(run(file, out).status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['.names.cache', 'names']);
    const dir = path.join(out, 'names');
    expect(readdirSync(dir).filter((name) => !['manifest.json', 'index.html'].includes(name) && !name.startsWith('00 ')).every((name) => /^0[123] /.test(name))).toBe(true);
    // The meeting's page links each of them by a relative href that leads to its file, and to nothing outside.
    const links = pageLinks(dir);
    expect(links.map((link) => link.file)).toEqual([agendaPackOf(dir), ...manifestOf(dir).items.map((item: { output: { path: string } }) => item.output.path)]);
    for (const link of links) {
      expect(link.href).not.toMatch(/[ /\\]/);
      expect(readdirSync(dir)).toContain(link.file);
    }
  });
});

describe('reuse follows what a build reads', () => {
  it('reuses a paper when only a file the build does not read changes, shows it as reused, and lists only what it reads', () => {
    const out = tempDir();
    const file = packFile('reuse', [{ item: '1', workspace: 'orkney', periods: ['2021/22 Q4'], report: { title: 'Readiness for {{area}}, {{period}}' } }]);
    expect(run(file, out).status).toBe(0);
    writeFileSync(path.join(folder, 'orkney', 'grades.csv.orig'), 'a backup the build never reads');
    writeFileSync(path.join(folder, 'orkney', '~$grades.csv'), 'an Excel lock file');
    const again = run(file, out);
    expect(again.status).toBe(0);
    expect(again.stderr).toContain('reused 1/1: 1');
    expect(again.stderr).toContain('1 paper (0 built, 1 reused unchanged)');
    const inputs = manifestOf(path.join(out, 'reuse')).items[0].inputs.map((input: { path: string }) => input.path);
    expect(inputs).toEqual(['orkney/dataset.csv', 'orkney/evidence.csv', 'orkney/grades.csv', 'orkney/report.json']);
    // {{area}} and {{period}} with no areas in the pack: the workspace's own.
    expect(manifestOf(path.join(out, 'reuse')).items[0].title).toBe('Readiness for Orkney Islands, 2021/22 Q4');
  }, 120_000);

  it('writes the same report model however the workspace’s path is typed: sources are named inside the workspace', () => {
    const outs = [tempDir(), tempDir(), tempDir()];
    const spellings = [path.join(folder, 'orkney'), `${path.join(folder, 'orkney')}/`, path.relative(process.cwd(), path.join(folder, 'orkney'))];
    const models = spellings.map((spelling, index) => {
      const result = qifReport(['build', spelling, '--out', outs[index]!, '--format', 'json']);
      expect(result.status, result.stderr).toBe(0);
      return readFileSync(result.stdout.trim(), 'utf8');
    });
    expect(models[1]).toBe(models[0]);
    expect(models[2]).toBe(models[0]);
    expect(JSON.parse(models[0]!).qis[0].latest.source.file).toBe('grades.csv');
  }, 60_000);
});

describe('font rules kept in the cache', () => {
  const cssFiles = (cache: string) => readdirSync(cache).filter((name) => /^fonts-[0-9a-f]{64}\.css$/.test(name)).sort();

  it('keeps each page’s font rules, uses them on the next run, and keeps only what the run used', () => {
    const out = tempDir();
    const file = packFile('fonts', [{ item: '1', workspace: 'orkney', periods: ['2021/22 Q4'] }, { item: '2', workspace: 'orkney', periods: ['2020/21 Q4'] }]);
    expect(run(file, out).status).toBe(0);
    const [cache, dir] = [path.join(out, '.fonts.cache'), path.join(out, 'fonts')];
    const kept = cssFiles(cache);
    // The papers' pages name theirs in their cached record; the meeting's page uses the rest.
    const byPapers = new Set(readdirSync(cache).filter((name) => name.endsWith('.json')).flatMap((name) => JSON.parse(readFileSync(path.join(cache, name), 'utf8')).fontFiles as string[]));
    expect(byPapers.size).toBeGreaterThan(0);
    for (const stem of byPapers) expect(kept).toContain(`${stem}.css`);
    const indexHtml = readFileSync(path.join(dir, 'index.html'), 'utf8');
    for (const name of kept) {
      const rules = readFileSync(path.join(cache, name), 'utf8');
      expect(rules).toMatch(/^@font-face \{ font-family: "Roboto"; .*format\("woff2"\); \}\n/);
      if (!byPapers.has(name.replace(/\.css$/, ''))) expect(indexHtml).toContain(rules);
    }
    // Rules marked in the cache show in the meeting's page made next: it took them from there. A file no page uses goes.
    for (const name of kept) writeFileSync(path.join(cache, name), `${readFileSync(path.join(cache, name), 'utf8')}/* kept */\n`);
    writeFileSync(path.join(cache, `fonts-${'0'.repeat(64)}.css`), '/* used by no page */');
    expect(run(file, out).status).toBe(0);
    expect(readFileSync(path.join(dir, 'index.html'), 'utf8')).toContain('/* kept */');
    expect(cssFiles(cache)).toEqual(kept);
  }, 180_000);
});
