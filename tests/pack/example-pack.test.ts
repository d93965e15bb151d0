// The example agenda pack, built through the command line from the bundled pack file: every item keeps the
// structure its own file has, under a Part of its own, the pack's numbers are artifacts, and the pack declares
// PDF/UA-1 because every part does (the other service's paper included).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { qifReport, tempDir } from '../helpers/cli.js';
import { pdfText } from '../helpers/pdf.js';
import { expectLinksResolve, expectParentTreeResolves, partsOf } from './merged.js';
import { readStructure, structTextTree, type Element, type Structure, type TextNode } from './pdf-structure.js';

interface Outline {
  title: string;
  kids: Outline[];
}

/** A tree as roles: each element's role, its kids indented beneath it. */
const roles = (elements: readonly Element[], depth = 0): string[] => elements.flatMap((element) => [`${'  '.repeat(depth)}${element.role}`, ...roles(element.kids, depth + 1)]);

/** A tree as words: each element's role and text, its kids indented beneath it. */
const flatten = (nodes: readonly TextNode[], depth = 0): string[] => nodes.flatMap((node) => [`${'  '.repeat(depth)}${node.role} ${node.text}`, ...flatten(node.kids, depth + 1)]);

describe('the example agenda pack’s structure', () => {
  let folder: string;
  let manifest: { items: { item: string; kind: string; output?: { path: string }; accessible?: boolean }[]; agendaPack: { path: string } };
  let packFile: string;
  let pack: Structure;
  /** The pack's tree with its words, as pdfinfo prints it: read once, as it takes seconds. */
  let packText: TextNode;

  beforeAll(() => {
    const out = tempDir();
    const result = qifReport(['pack', 'fixtures/packs/ilcg-2022-11-24.pack.json', '--out', out]);
    expect(result.status, result.stderr).toBe(0);
    folder = path.join(out, 'ilcg-2022-11-24');
    manifest = JSON.parse(readFileSync(path.join(folder, 'manifest.json'), 'utf8'));
    packFile = path.join(folder, manifest.agendaPack.path);
    pack = readStructure(packFile);
    packText = structTextTree(packFile)[0]!;
  }, 180_000);

  it('has a Part per bookmark, in the outline’s order and with its titles', () => {
    const outline = JSON.parse(execFileSync('qpdf', ['--json', '--json-key=outlines', packFile], { encoding: 'utf8' })).outlines as Outline[];
    expect(partsOf(pack).map((part) => [part.role, part.title])).toEqual(outline.map((item) => ['Part', item.title]));
  });

  it('holds under each item’s Part the structure of the item’s own file, element for element', () => {
    const parts = partsOf(pack);
    const withFiles = manifest.items.filter((item) => item.output);
    expect(parts).toHaveLength(withFiles.length + 1);
    withFiles.forEach((item, index) => {
      const own = readStructure(path.join(folder, item.output!.path)).top;
      expect(own.map((element) => element.role), item.item).toEqual(['Document']);
      expect(roles(parts[index + 1]!.kids), `item ${item.item}`).toEqual(roles(own[0]!.kids));
    });
  });

  it('reads, under the other service’s Part and the first paper’s, word for word as their own files do', () => {
    // pdfinfo takes seconds a paper to print the tree with its words: two items show the words are carried.
    const parts = packText.kids;
    for (const item of manifest.items.filter((entry) => entry.item === '3' || entry.item === '4')) {
      const index = manifest.items.filter((entry) => entry.output).indexOf(item) + 1;
      const own = structTextTree(path.join(folder, item.output!.path))[0]!;
      expect(flatten(parts[index]!.kids), `item ${item.item}`).toEqual(flatten(own.kids));
    }
  });

  it('leads every page’s marked content and every link back to its element', () => {
    expectParentTreeResolves(pack);
    expect(expectLinksResolve(pack)).toBeGreaterThan(0);
  });

  it('prints "Page N of M" on every page, never in the tagged text', () => {
    const pages = pack.pages.length;
    const printed = pdfText(packFile);
    for (let page = 1; page <= pages; page += 1) expect(printed).toContain(`Page ${page} of ${pages}`);
    expect(flatten([packText]).join('\n')).not.toMatch(/Page \d+ of \d+/);
  });

  it('declares PDF/UA-1, since every part is tagged and declares it, the other service’s paper among them', () => {
    expect(manifest.items.filter((item) => item.kind === 'pdf').map((item) => item.accessible)).toEqual([true]);
    expect(pack.markInfo).toEqual({ '/Marked': true });
    expect(pack.xmp).toContain('<pdfuaid:part>1</pdfuaid:part>');
  });
});
