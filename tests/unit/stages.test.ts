// The stages import one way (README "How it is built"): each folder under src/ may import only the stages listed
// for it here. `position` sits between cli and pack/render as init sits between cli and ingest. vendor/ passes on
// packages that `npm run build` bundles: the stages take those packages from it, never straight.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

/** framework/ and model/ are the base, side by side: the model's types name the framework's. */
const MAY_IMPORT: Record<string, string[]> = {
  model: ['framework'],
  framework: ['model'],
  files: ['model'],
  ingest: ['framework', 'model', 'vendor'],
  analyse: ['ingest', 'framework', 'model', 'vendor'],
  render: ['analyse', 'ingest', 'framework', 'model', 'vendor'],
  init: ['ingest', 'files', 'framework', 'model', 'vendor'],
  pack: ['render', 'analyse', 'ingest', 'files', 'framework', 'model', 'vendor'],
  position: ['pack', 'render', 'analyse', 'ingest', 'files', 'framework', 'model', 'vendor'],
  cli: ['position', 'pack', 'init', 'render', 'analyse', 'ingest', 'files', 'framework', 'model', 'vendor'],
  types: [],
  vendor: [],
};

/** A module's imports of packages that it runs: `import … from 'x'` (not `import type`), and `import('x')` when it is needed. */
const IMPORTS = /^import (?!type )[^;]*?from '([^']+)'|\bimport\(\s*'([^']+)'\s*\)/gm;

function sourcesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return sourcesUnder(full);
    return /\.(ts|js)$/.test(entry.name) ? [full] : [];
  });
}

/** The stage a relative import reaches, from the file that makes it. */
const stageOf = (file: string) => path.relative(path.join(ROOT, 'src'), file).split(path.sep)[0]!;

describe('the stages', () => {
  const src = path.join(ROOT, 'src');
  const stages = readdirSync(src, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);

  it('are all listed', () => {
    expect(stages.sort()).toEqual(Object.keys(MAY_IMPORT).sort());
  });

  it('import only the stages to their right', () => {
    const wrong = sourcesUnder(src).flatMap((file) => {
      const stage = stageOf(file);
      return [...readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*'(\.[^']+)'/g)]
        .map((match) => stageOf(path.resolve(path.dirname(file), match[1]!)))
        .filter((target) => target !== stage && !MAY_IMPORT[stage]!.includes(target))
        .map((target) => `${path.relative(ROOT, file)} imports ${target}`);
    });
    expect([...new Set(wrong)]).toEqual([]);
  });

  it('take the bundled packages from vendor/ only', () => {
    const vendor = path.join(src, 'vendor');
    const bundled = new Set(readdirSync(vendor).flatMap((name) => [...readFileSync(path.join(vendor, name), 'utf8').matchAll(/from '([^']+)'/g)].map((match) => match[1]!)));
    expect(bundled.size).toBeGreaterThanOrEqual(6);
    const straight = sourcesUnder(src)
      .filter((file) => stageOf(file) !== 'vendor')
      .flatMap((file) => [...readFileSync(file, 'utf8').matchAll(IMPORTS)].map((match) => match[1] ?? match[2]!).filter((name) => bundled.has(name)).map((name) => `${path.relative(ROOT, file)} imports ${name}`));
    expect(straight).toEqual([]);
  });
});
