// The compiled command (dist/: what `npm install` builds, `npm start` and the installed `qif-report` run) makes
// exactly what the TypeScript sources make under tsx, which every other test runs: a paper, and a pack whose papers
// are built in worker threads, with tsx barred from loading anywhere. dist/ is built afresh first, so a stale or
// broken build fails here. The vendor modules (src/vendor/) are each one bundled file there.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, qifReport, ROOT, tempDir } from '../helpers/cli.js';
import { externalPaper, secured } from '../helpers/included-pdfs.js';

const NO_TSX = path.join(ROOT, 'tests', 'helpers', 'no-tsx.mjs');
const COMPILED = path.join(ROOT, 'dist', 'cli', 'main.js');
const ORKNEY = path.join(FIXTURES, 'orkney');

const compiled = (args: string[]) => spawnSync(process.execPath, ['--import', NO_TSX, COMPILED, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

/** Every file under a folder, hidden ones (the pack's cache) included, by its path within it. */
function filesUnder(folder: string): Map<string, Buffer> {
  const entries = readdirSync(folder, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return new Map(entries.map((entry) => [path.relative(folder, path.join(entry.parentPath, entry.name)), readFileSync(path.join(entry.parentPath, entry.name))]));
}

/**
 * Runs the compiled command and the sources, each writing into a folder of its own, and expects the same files
 * from both, byte for byte, at least `least` of them.
 */
function expectSameOutputs(compiledArgs: (out: string) => string[], sourceArgs: (out: string) => string[], least: number): void {
  const [fromDist, fromSources] = [tempDir(), tempDir()];
  const made = compiled(compiledArgs(fromDist));
  expect(made.status, made.stderr).toBe(0);
  const expected = qifReport(sourceArgs(fromSources));
  expect(expected.status, expected.stderr).toBe(0);
  const [files, expectedFiles] = [filesUnder(fromDist), filesUnder(fromSources)];
  expect([...files.keys()].sort()).toEqual([...expectedFiles.keys()].sort());
  expect(files.size).toBeGreaterThanOrEqual(least);
  const differing = [...files].filter(([name, bytes]) => !bytes.equals(expectedFiles.get(name)!)).map(([name]) => name);
  expect(differing).toEqual([]);
}

describe('the compiled command', () => {
  beforeAll(() => {
    const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, encoding: 'utf8' });
    expect(build.status, build.stdout + build.stderr).toBe(0);
  }, 180_000);

  it('builds a paper byte for byte as the sources do', () => {
    const build = (out: string) => ['build', ORKNEY, '--out', out, '--format', 'pdf,html'];
    expectSameOutputs(build, build, 2);
  }, 120_000);

  it('builds a pack on two worker threads, byte for byte as the sources do in-process, a secured PDF included', async () => {
    const folder = tempDir();
    const packFile = path.join(folder, 'two-rounds.pack.json');
    // The secured paper is opened with pdf-lib's fork and pruned with pdf-lib: the compiled tool must use one pdf-lib.
    writeFileSync(path.join(folder, 'secured.pdf'), await secured(await externalPaper('A progress report from another service.')));
    const items = [
      { item: '1', workspace: path.relative(folder, ORKNEY), periods: ['2020/21 Q4', '2021/22 Q4'] },
      { item: '2', pdf: 'secured.pdf', title: 'Progress report from another service' },
    ];
    writeFileSync(packFile, JSON.stringify({ meeting: { council: 'Orkney Islands Council', committee: 'Children and Young People Group', date: '2022-11-24' }, items }));
    const pack = (jobs: string) => (out: string) => ['pack', packFile, '--out', out, '--jobs', jobs];
    // Two papers (PDF and HTML each), the secured paper, the agenda pack, the web page, the manifest, the cache.
    expectSameOutputs(pack('2'), pack('1'), 14);
  }, 180_000);

  it('bundles each vendor module into one file that loads none of the packages it passes on', () => {
    const names = readdirSync(path.join(ROOT, 'src', 'vendor'));
    expect(names.length).toBeGreaterThanOrEqual(3);
    for (const name of names) {
      const packages = [...readFileSync(path.join(ROOT, 'src', 'vendor', name), 'utf8').matchAll(/from '([^']+)'/g)].map((match) => match[1]!);
      expect(packages.length, name).toBeGreaterThan(0);
      const bundled = readFileSync(path.join(ROOT, 'dist', 'vendor', name.replace(/\.ts$/, '.js')), 'utf8');
      for (const specifier of packages) for (const quote of ['"', "'"]) expect(bundled, `${name}: ${specifier}`).not.toMatch(new RegExp(`(from|import|require)\\s*\\(?\\s*${quote}${specifier}${quote}`));
    }
  });

  it('is run with tsx barred: importing it fails', () => {
    const result = spawnSync(process.execPath, ['--import', NO_TSX, '--input-type=module', '-e', "await import('tsx/esm/api')"], { cwd: ROOT, encoding: 'utf8' });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('tsx was loaded: tsx/esm/api');
  });
});
