import { DEFAULT_FRAMEWORK_EDITION, framework, qualityIndicators, type FrameworkEdition, type TitleCheck } from '../framework/index.js';
import { wrapText } from './text-wrap.js';

const STATUSES: readonly TitleCheck['status'][] = ['verified', 'probable', 'unchecked'];

/** The edition's titles grouped by how far each is known, with the source each group was checked against. */
function checkLines(edition: FrameworkEdition): string[] {
  return STATUSES.flatMap((status) => {
    const checks = edition.titleChecks.filter((check) => check.status === status);
    const sources = [...new Set(checks.map((check) => check.source))];
    return sources.flatMap((source) => {
      const qis = checks.filter((check) => check.source === source).map((check) => check.qi);
      return wrapText(`${status} (${qis.join(', ')}): ${source}`, '    ', '      ');
    });
  });
}

function retitledLines(edition: FrameworkEdition): string[] {
  const changed = Object.entries(edition.retitled);
  if (changed.length === 0) return [];
  return [
    `  Titles that differ from ${DEFAULT_FRAMEWORK_EDITION}:`,
    ...changed.flatMap(([qi, title]) => wrapText(`${qi} "${title}" (was "${qualityIndicators.find((known) => known.id === qi)?.title}")`, '    ', '      ')),
  ];
}

/** The framework's editions, for `qif-report framework`: the titles that differ and what each title was checked against. */
export function editionsText(): string[] {
  return [
    'Framework editions (report.json "framework"): the same 22 QIs in 10 areas and the same scale',
    '',
    ...framework.editions.flatMap((edition) => [
      ...wrapText(`${edition.id}${edition.id === DEFAULT_FRAMEWORK_EDITION ? ' (the default)' : ''}: ${edition.name} — ${edition.edition}`, '', '  '),
      ...retitledLines(edition),
      '  Titles checked:',
      ...checkLines(edition),
      '',
    ]),
  ];
}
