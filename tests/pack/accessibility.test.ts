// Another service's PDF that is untagged, or tagged without declaring PDF/UA-1, keeps the agenda pack from
// declaring PDF/UA: the pack is still built, the run says so in one line for each such PDF, and the manifest
// records why. A tagged PDF keeps its structure in the pack either way.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFBool, PDFDict, PDFName } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { includedAccessibility, notAccessibleWarning } from '../../src/pack/accessibility.js';
import { qifReport, tempDir } from '../helpers/cli.js';
import { edited, taggedPdf, untaggedPdf, type Block } from './make-pdfs.js';
import { readStructure, structTextTree } from './pdf-structure.js';

const REPORT: Block[] = [{ role: 'H1', text: 'Plan progress report' }, { role: 'P', text: 'Steady progress.' }];

describe('whether an included PDF can stand in a PDF/UA agenda pack', () => {
  it('says why not: no structure tree, a tree that tags nothing, a catalogue that does not say it is tagged, no PDF/UA claim', async () => {
    const tagged = await taggedPdf(REPORT, { pdfua: true });
    const emptyTree = await edited(tagged, (_, root) => root!.delete(PDFName.of('K')));
    const notMarked = await edited(tagged, (document) => document.catalog.lookup(PDFName.of('MarkInfo'), PDFDict).set(PDFName.of('Marked'), PDFBool.False));
    expect(await includedAccessibility(tagged)).toEqual({ accessible: true });
    expect(await includedAccessibility(await untaggedPdf(['Plain words.']))).toEqual({ accessible: false, reason: 'no-structure-tree' });
    expect(await includedAccessibility(emptyTree)).toEqual({ accessible: false, reason: 'no-tagged-content' });
    expect(await includedAccessibility(notMarked)).toEqual({ accessible: false, reason: 'not-marked' });
    expect(await includedAccessibility(await taggedPdf(REPORT))).toEqual({ accessible: false, reason: 'no-pdfua-claim' });
  }, 30_000);

  it('warns of the agenda pack only when the pack file asks for one', () => {
    const entry = { kind: 'pdf', item: '2', pdf: 'papers/plain.pdf', title: 'Untagged report' } as Parameters<typeof notAccessibleWarning>[0];
    expect(notAccessibleWarning(entry, 'no-structure-tree').reason).toBe('item 2: the PDF is untagged: it has no structure tree, so the agenda pack cannot be PDF/UA (accessible)');
    expect(notAccessibleWarning(entry, 'no-structure-tree', false).reason).toBe('item 2: the PDF is untagged: it has no structure tree, so it is not an accessible paper to publish');
  });
});

describe('qif-report pack with PDFs from other services that are not PDF/UA', () => {
  let folder: string;
  let out: string;
  let result: ReturnType<typeof qifReport>;
  const manifest = () => JSON.parse(readFileSync(path.join(out, 'others', 'manifest.json'), 'utf8'));

  beforeAll(async () => {
    folder = tempDir();
    out = tempDir();
    mkdirSync(path.join(folder, 'papers'));
    writeFileSync(path.join(folder, 'papers', 'plain.pdf'), await untaggedPdf(['A report with no structure.']));
    writeFileSync(path.join(folder, 'papers', 'tagged.pdf'), await taggedPdf(REPORT));
    writeFileSync(path.join(folder, 'papers', 'pdfua.pdf'), await taggedPdf(REPORT, { pdfua: true }));
    const items = [
      { item: '1', title: 'Apologies' },
      { item: '2', pdf: 'papers/plain.pdf', title: 'Untagged report' },
      { item: '3', pdf: 'papers/tagged.pdf', title: 'Tagged report' },
      { item: '4', pdf: 'papers/pdfua.pdf', title: 'PDF/UA report' },
    ];
    writeFileSync(path.join(folder, 'others.pack.json'), JSON.stringify({ meeting: { council: 'Orkney Islands Council', committee: 'Children’s Panel Liaison', date: '2022-05-19' }, items }));
    result = qifReport(['pack', path.join(folder, 'others.pack.json'), '--out', out, '--jobs', '1']);
  }, 120_000);

  it('builds the pack, and says in one line for each such PDF why the pack cannot be PDF/UA', () => {
    expect(result.status, result.stderr).toBe(0);
    const lines = result.stderr.split('\n').filter((line) => /PDF\/UA/.test(line));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(new RegExp(`^${path.join(folder, 'papers', 'plain.pdf')}: warning: item 2: the PDF is untagged: .*PDF/UA`));
    expect(lines[1]).toMatch(new RegExp(`^${path.join(folder, 'papers', 'tagged.pdf')}: warning: item 3: the PDF is tagged but does not declare PDF/UA-1.*PDF/UA`));
    expect(manifest().agendaPack).toBeDefined();
  });

  it('records in the manifest which included PDF is accessible, and why the others are not', () => {
    const items = manifest().items as { item: string; accessible?: boolean; whyNotAccessible?: string; warnings: string[] }[];
    expect(items.map((item) => [item.item, item.accessible, item.whyNotAccessible])).toEqual([
      ['1', undefined, undefined],
      ['2', false, 'no-structure-tree'],
      ['3', false, 'no-pdfua-claim'],
      ['4', true, undefined],
    ]);
    expect(items[1]!.warnings).toHaveLength(1);
    expect(items[1]!.warnings[0]).toMatch(/^papers\/plain\.pdf: item 2: /);
    expect(items[3]!.warnings).toEqual([]);
  });

  it('keeps the tagged PDFs’ structure in the pack, an empty Part for the untagged one, and makes no PDF/UA claim', () => {
    const pack = path.join(out, 'others', manifest().agendaPack.path);
    const document = structTextTree(pack)[0]!;
    expect(document.role).toBe('Document');
    const parts = document.kids;
    expect(parts.map((part) => part.role)).toEqual(['Part', 'Part', 'Part', 'Part']);
    const words = REPORT.map((block) => ['role' in block ? block.role : '', 'text' in block ? block.text : '']);
    expect(parts[1]!.kids).toEqual([]);
    expect(parts[2]!.kids.map((kid) => [kid.role, kid.text])).toEqual(words);
    expect(parts[3]!.kids.map((kid) => [kid.role, kid.text])).toEqual(words);
    const structure = readStructure(pack);
    expect(structure.xmp).toBeDefined();
    expect(structure.xmp).not.toContain('pdfuaid');
  });
});
