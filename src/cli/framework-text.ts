import { framework } from '../framework/index.js';

/** The framework as readable text, for `qif-report framework`. */
export function frameworkText(): string {
  const lines: string[] = [`${framework.version.name} — ${framework.version.edition}`, framework.version.note, ''];
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
  lines.push('', 'Inspection questions, with the default (local) mapping to QIs');
  for (const question of framework.inspectionQuestions) {
    lines.push(`  ${question.number}. ${question.text}`, `     QIs: ${framework.defaultQuestionMapping.questions[question.number].join(', ')}`);
  }
  lines.push('', `Graded by inspectors in 2018–20: QIs ${framework.inspectorGraded.qis.join(', ')} and area ${framework.inspectorGraded.areas.join(', ')}`);
  lines.push('', 'Changes from the 2014 framework');
  for (const change of framework.changesFrom2014) {
    lines.push(`  ${change.qi} was ${change.previousId} "${change.previousTitle}"${change.note ? ` — ${change.note}` : ''}`);
  }
  return `${lines.join('\n')}\n`;
}
