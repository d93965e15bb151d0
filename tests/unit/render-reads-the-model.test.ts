// Issue 12: render/ reads only the report model. What the paper shows of the framework (Table 1's domains and
// areas, the scale's words and descriptors, the 2014 changes, withheld figures' titles) is in the model, so an
// HTML edition or any other reader of report.json shows the same; render/ may take types from framework/, no values.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

function sourcesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return sourcesUnder(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Every import or re-export statement of a file, whole (they may run over several lines). */
const importsOf = (source: string) => [...source.matchAll(/^(?:import|export)\s[^;]*?from\s+'([^']+)';/gms)].map((match) => ({ statement: match[0], from: match[1]! }));

describe('render/', () => {
  const files = sourcesUnder(path.join(ROOT, 'src', 'render'));

  it('is read as whole statements (the reader finds the imports that are there)', () => {
    const view = importsOf(readFileSync(path.join(ROOT, 'src', 'render', 'view.ts'), 'utf8'));
    expect(view.map((i) => i.from)).toContain('../model/index.js');
  });

  it('imports nothing but types from framework/', () => {
    const valueImports = files.flatMap((file) =>
      importsOf(readFileSync(file, 'utf8'))
        .filter(({ from }) => /(^|\/)framework\//.test(from))
        .filter(({ statement }) => !/^(import|export) type\s/.test(statement))
        .map(({ statement }) => `${path.relative(ROOT, file)}: ${statement.replace(/\s+/g, ' ')}`),
    );
    expect(valueImports).toEqual([]);
  });
});
