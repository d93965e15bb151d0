import { formatProblem } from '../model/index.js';
import type { PackResult } from '../pack/index.js';

/** The end of a pack run: what was built, reused and why not, and every failed item with its problems. */
export function packSummary(result: PackResult): string {
  const lines: string[] = [];
  for (const { item, why } of result.rebuilt) lines.push(`item ${item}: built (${why})`);
  for (const failure of result.failures) {
    lines.push(`item ${failure.item} FAILED (${failure.source}): ${failure.problems?.length ? `${failure.problems.length} problem(s) in the input` : failure.error}`);
    for (const problem of failure.problems ?? []) lines.push(`  ${formatProblem(problem)}`);
  }
  const papers = result.built + result.reused;
  const counts = `${papers} paper${papers === 1 ? '' : 's'} (${result.built} built, ${result.reused} reused unchanged)`;
  if (result.failures.length > 0) {
    lines.push(`${counts}; ${result.failures.length} item(s) failed: ${result.failures.map((f) => f.item).join(', ')}. The agenda pack and the meeting's web page (index.html) were not written: fix the items above and run again.`);
  } else {
    const made = [...(result.manifest.agendaPack ? ['agenda pack'] : []), ...(result.manifest.index ? ['web page (index.html)'] : []), 'manifest'];
    lines.push(`${counts}; ${made.slice(0, -1).join(', ')}${made.length > 1 ? ' and ' : ''}${made.at(-1)} written to ${result.folder}.`);
  }
  return `${lines.join('\n')}\n`;
}
