import { framework } from '../framework/index.js';

/** The framework as readable text, for `qif-report framework`. */
export function frameworkText(): string {
  const [edition] = framework.editions;
  const lines: string[] = [`${edition!.name} — ${edition!.edition}`, edition!.note, ''];
  for (const domain of framework.domains) {
    lines.push(domain.keyQuestion);
    for (const areaId of domain.areas) {
      const area = framework.areas.find((a) => a.id === areaId)!;
      lines.push(`  ${area.id}. ${area.title}`);
      for (const qi of framework.qualityIndicators.filter((q) => q.area === areaId)) {
        lines.push(`    ${qi.id}  ${qi.title}`);
        const evidence = framework.evidence.find((list) => list.qi === qi.id);
        if (!evidence) lines.push('          (the framework lists no evidence for this QI)');
        for (const item of evidence?.items ?? []) lines.push(`          - ${item}`);
        if (evidence?.note) lines.push(`          Note: ${evidence.note}`);
        for (const footnote of evidence?.footnotes ?? []) lines.push(`          Footnote to "${footnote.item}": ${footnote.text}`);
      }
    }
    lines.push('');
  }
  lines.push('Six-point scale');
  for (const point of framework.scale) lines.push(`  ${point.grade}  ${point.word.padEnd(15)}${point.descriptor}`);
  for (const model of framework.inspectionModels) {
    lines.push('', `Inspection model ${model.id}: ${model.name}, with the default (local) mapping to QIs`);
    for (const item of model.items) lines.push(`  ${item.number}. ${item.text}`, `     QIs: ${model.defaultMapping.items[item.number]!.join(', ')}`);
    lines.push(`  Graded by inspectors: QIs ${model.graded.qis.join(', ')}${model.graded.areas.length ? ` and area ${model.graded.areas.join(', ')}` : ''}`);
  }
  lines.push('', 'Changes from the 2014 framework');
  for (const change of framework.changesFrom2014) {
    lines.push(`  ${change.qi} was ${change.previousId} "${change.previousTitle}"${change.note ? ` — ${change.note}` : ''}`);
  }
  return `${lines.join('\n')}\n`;
}
