import { framework } from '../framework/index.js';
import { editionsText } from './editions-text.js';
import { modelsText } from './models-text.js';
import { wrapText } from './text-wrap.js';

/** The domains, areas and QIs with their evidence lists, titled as the default edition titles them. */
function structureText(): string[] {
  const lines: string[] = [];
  for (const domain of framework.domains) {
    lines.push(domain.keyQuestion);
    for (const areaId of domain.areas) {
      const area = framework.areas.find((a) => a.id === areaId)!;
      lines.push(`  ${area.id}. ${area.title}`);
      for (const qi of framework.qualityIndicators.filter((q) => q.area === areaId)) {
        lines.push(...wrapText(qi.title, `    ${qi.id}  `, '         '));
        const evidence = framework.evidence.find((list) => list.qi === qi.id);
        if (!evidence) lines.push('          (the framework lists no evidence for this QI)');
        for (const item of evidence?.items ?? []) lines.push(...wrapText(item, '          - ', '            '));
        if (evidence?.note) lines.push(...wrapText(evidence.note, '          Note: ', '            '));
        for (const footnote of evidence?.footnotes ?? []) lines.push(...wrapText(footnote.text, `          Footnote to "${footnote.item}": `, '            '));
      }
    }
    lines.push('');
  }
  return lines;
}

/** The framework as readable text, for `qif-report framework`. */
export function frameworkText(): string {
  const [edition] = framework.editions;
  const lines: string[] = [...wrapText(`${edition!.name} — ${edition!.edition}`, '', ''), ...wrapText(edition!.note, '', ''), '', ...structureText()];
  lines.push('Six-point scale');
  for (const point of framework.scale) lines.push(`  ${point.grade}  ${point.word.padEnd(15)}${point.descriptor}`);
  lines.push('', ...editionsText(), ...modelsText());
  lines.push('Changes from the 2014 framework');
  for (const change of framework.changesFrom2014) {
    lines.push(...wrapText(`was ${change.previousId} "${change.previousTitle}"${change.note ? ` — ${change.note}` : ''}`, `  ${change.qi} `, '      '));
  }
  return `${lines.join('\n')}\n`;
}
