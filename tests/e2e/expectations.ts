// Expected values computed in the test from the fixture files and the domain notes, independently of src/analyse.
import { evidenceLists } from '../../src/framework/index.js';
import { readCsvRows, readReportJson } from '../helpers/workspace-csv.js';

export const SCALE_WORDS: Record<string, number> = { excellent: 6, 'very good': 5, good: 4, adequate: 3, weak: 2, unsatisfactory: 1 };
export const WORD_OF: Record<number, string> = { 6: 'Excellent', 5: 'Very good', 4: 'Good', 3: 'Adequate', 2: 'Weak', 1: 'Unsatisfactory' };

/** domain.md §4, the default (local) mapping. */
export const MAPPING: Record<number, string[]> = {
  1: ['5.1', '5.2', '6.1', '2.1'],
  2: ['5.3', '5.4', '2.1', '2.2', '1.1'],
  3: ['1.1', '2.1', '5.3', '5.4', '8.2'],
  4: ['1.1', '2.1', '5.3', '5.4'],
  5: ['9.1', '9.2', '9.3', '9.4', '6.2', '6.3', '6.4', '6.5', '7.1', '7.2', '8.1', '8.2', '3.1', '4.1'],
};

const periodOrder = (period: string) => {
  const match = /^(\d{4})\/\d{2}(?: Q(\d))?$/.exec(period.trim())!;
  return Number(match[1]) * 10 + Number(match[2] ?? 5);
};

export const gradeNumber = (text: string) => SCALE_WORDS[text.trim().toLowerCase().replace(/\s+/g, ' ')] ?? Number(text);

export interface LatestGrade {
  period: string;
  grade: number;
  word: string;
  thisRound: boolean;
}

export function latestGrades(workspace: string): Map<string, LatestGrade> {
  const report = readReportJson(workspace);
  const latest = new Map<string, LatestGrade>();
  for (const row of readCsvRows(workspace, 'grades.csv')) {
    const current = latest.get(row.qi!);
    if (current && periodOrder(current.period) > periodOrder(row.period!)) continue;
    const grade = gradeNumber(row.grade!);
    latest.set(row.qi!, { period: row.period!, grade, word: WORD_OF[grade]!, thisRound: row.period === report.period });
  }
  return latest;
}

export function evidenceCoverage(workspace: string, qis: string[]): number {
  const rows = readCsvRows(workspace, 'evidence.csv');
  let weight = 0;
  let count = 0;
  for (const qi of qis) {
    const listed = evidenceLists.find((list) => list.qi === qi)?.items ?? [];
    const forQi = rows.filter((row) => row.qi === qi);
    const local = forQi.filter((row) => !listed.some((item) => item.toLowerCase() === row.item!.toLowerCase()));
    count += listed.length + local.length;
    for (const row of forQi) weight += row.status === 'held' ? 1 : row.status === 'partial' ? 0.5 : 0;
  }
  return count === 0 ? 0 : weight / count;
}

/** The rules stated in the paper's background section (§3.6), with the default thresholds. */
export function expectedRating(workspace: string, question: number): 'Ready' | 'Nearly ready' | 'Not ready' {
  const grades = latestGrades(workspace);
  const qis = MAPPING[question]!;
  const coverage = evidenceCoverage(workspace, qis);
  const mapped = qis.map((qi) => grades.get(qi));
  if (mapped.some((g) => !g || g.grade <= 2) || coverage < 0.5) return 'Not ready';
  if (mapped.some((g) => g!.grade < 4 || !g!.thisRound) || coverage < 0.8) return 'Nearly ready';
  return 'Ready';
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
export function longDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return `${day} ${MONTHS[month! - 1]} ${year}`;
}
