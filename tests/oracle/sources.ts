// The publishers a paper lists under "Figures were taken from:" (Appendix 5), from the workspace's files.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCsv } from './csv.js';
import { catalogueIndicator, kindOf } from './figures.js';
import { figureFiles } from './workspace.js';

/**
 * How the tool names each published file as a source. These names are not in templates/: the importer
 * (src/ingest) gives them, as a dataset.csv row gives its own `source`.
 */
export const PUBLISHED_SOURCES = {
  lgbf: 'LGBF data table (Improvement Service)',
  scotpho: 'ScotPHO children and young people profile (Public Health Scotland)',
} as const;

/** `source` of each dataset.csv row with a figure for a catalogued indicator. */
function datasetSources(file: string): string[] {
  return readCsv(file, { measure: 'indicator', indicatorcode: 'indicator' })
    .filter((r) => catalogueIndicator(r['indicator'] ?? '') && (r['value'] ?? '') !== '' && (r['source'] ?? '') !== '')
    .map((r) => r['source']!);
}

/** Every source the workspace's figures come from, each once, in code-unit order (as the list is sorted). */
export function dataSources(dir: string): string[] {
  const json = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8').replace(/^\uFEFF/, '')) as Record<string, unknown>;
  const names = figureFiles(dir, json['data']).flatMap((file) => {
    const kind = kindOf(file);
    if (kind === 'lgbf' || kind === 'scotpho') return [PUBLISHED_SOURCES[kind]];
    return kind === 'dataset' ? datasetSources(file) : [];
  });
  return [...new Set(names)].sort();
}
