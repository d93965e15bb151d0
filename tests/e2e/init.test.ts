// A new user's path through the command line, with CSV files: `init` → validate refuses the blank workspace →
// the officer fills it in (as a text editor or Excel would: the same cells, the same files) → validate → build,
// and the paper shows the grades and evidence entered. Then `init --from` starts the next round from Orkney's
// workspace, which keeps its three rounds and adds a fourth. Expected values come from what the test entered.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { FIXTURES, qifReport, tempDir } from '../helpers/cli.js';
import { flatText } from '../helpers/pdf.js';

const WORDS = ['Unsatisfactory', 'Weak', 'Adequate', 'Good', 'Very good', 'Excellent'];
const csvRows = (file: string) => parse(readFileSync(file), { bom: true, columns: true }) as Record<string, string>[];

/** Where each string value starting "TO COMPLETE:" sits in report.json's text: line and column (from 1) of its opening quote. */
function markerPositions(text: string): { line: number; column: number; value: string }[] {
  return text.split('\n').flatMap((line, index) => [...line.matchAll(/"(TO COMPLETE:(?:[^"\\]|\\.)*)"/g)].map((match) => ({ line: index + 1, column: match.index! + 1, value: JSON.parse(`"${match[1]}"`) as string })));
}

/** The officer's grade for a QI, by its place in the file: every word of the scale is used. */
const gradeFor = (index: number) => WORDS[(index + 2) % 6]!;
const STATUSES = ['held', 'partial', 'missing'] as const;

/**
 * Fills the empty round of grades.csv and the evidence without a status, as an officer would: a grade, a date
 * (day first, as a UK Excel writes it), strengths and areas for improvement on each empty row; a status on each
 * item. Rows keep their place; nothing else is touched.
 */
function fillIn(workspace: string, period: string): { grades: Map<string, { word: string; strengths: string }>; statuses: Map<string, string> } {
  const grades = new Map<string, { word: string; strengths: string }>();
  const gradesFile = path.join(workspace, 'grades.csv');
  let row = 0;
  const gradeLines = readFileSync(gradesFile, 'utf8').split('\n').map((line) => {
    if (!line.startsWith(`${period},`) || !line.endsWith(',,,,')) return line;
    const qi = line.split(',')[1]!;
    const entered = { word: gradeFor(row++), strengths: `Strengths entered for QI ${qi}` };
    grades.set(qi, entered);
    return `${line.slice(0, -4)},${entered.word},14/09/2022,${entered.strengths},Improvements planned for QI ${qi}`;
  });
  writeFileSync(gradesFile, gradeLines.join('\n'));
  const statuses = new Map<string, string>();
  const evidenceFile = path.join(workspace, 'evidence.csv');
  let item = 0;
  const evidenceLines = readFileSync(evidenceFile, 'utf8').split('\n').map((line) => {
    if (!line.endsWith(',,,') || line.startsWith('\uFEFF')) return line;
    const status = STATUSES[item++ % 3]!;
    const [qi, number] = line.split(',');
    statuses.set(`${qi} ${number}`, status);
    return `${line.slice(0, -3)},${status},31/08/2022,Teams: Children and Families/QIF/${qi}`;
  });
  writeFileSync(evidenceFile, evidenceLines.join('\n'));
  return { grades, statuses };
}

function fillInParticulars(workspace: string, particulars: Record<string, unknown>): void {
  const file = path.join(workspace, 'report.json');
  const report = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  writeFileSync(file, `${JSON.stringify({ ...report, ...particulars }, null, 2)}\n`);
}

const OFFICER = {
  committee: 'Orkney Children and Young People\'s Partnership',
  meetingDate: '17/11/2022',
  reportBy: { name: 'Sam Example', post: 'Chief Social Work Officer' },
  agendaItem: '6',
  recommendations: ['note the partnership’s first self-evaluation against the framework.'],
  author: { name: 'Robin Example', post: 'Service Manager', contact: 'robin.example@orkney.example' },
  implications: [{ heading: 'Financial', text: 'None.' }],
};

describe('a new workspace, from init to the paper', () => {
  const workspace = path.join(tempDir('qif-init-'), 'orkney');

  it('init writes the blank workspace', () => {
    const result = qifReport(['init', workspace, '--area', 'Orkney', '--period', '2022/23 Q2']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout.trim().split('\n').sort()).toEqual(['data/README.txt', 'evidence.csv', 'grades.csv', 'report.json'].map((name) => path.join(workspace, name)));
  });

  it('validate refuses it, positioned at the fields left to complete, and builds nothing', () => {
    const out = tempDir('qif-init-out-');
    const validate = qifReport(['validate', workspace]);
    expect(validate.status).toBe(2);
    const lines = validate.stderr.trim().split('\n');
    expect(lines.filter((line) => !line.startsWith(`${workspace}/`))).toEqual([]);
    const report = path.join(workspace, 'report.json');
    const markers = markerPositions(readFileSync(report, 'utf8'));
    // Every field init could not know: the committee, the meeting, who the report is by and its author, the
    // agenda item, the recommendations and the five implications.
    expect(markers).toHaveLength(14);
    // One line per field left to complete, each at its value, and no other problem with report.json.
    expect(lines.filter((line) => line.startsWith(`${report}:`))).toEqual(markers.map((m) => expect.stringMatching(`^${report}:${m.line}:${m.column}: "[^"]+" is still to complete \\(TO COMPLETE: `)));
    // Empty grades and statuses are "not yet evaluated", never errors.
    expect(lines.filter((line) => /(grades|evidence)\.csv:/.test(line) && !line.includes(': warning: '))).toEqual([]);
    // Without figures, dataset.csv is missing: data/README.txt says what to put there.
    expect(lines).toContain(`${path.join(workspace, 'dataset.csv')}: the file is missing; expected every workspace file: report.json, grades.csv, evidence.csv, and dataset.csv unless data/ holds published files (or self-evaluation.xlsx in their place)`);
    expect(qifReport(['build', workspace, '--out', out]).status).toBe(2);
  });

  it('filled in, it validates and builds a paper with the grades and evidence entered', () => {
    fillInParticulars(workspace, OFFICER);
    const { grades, statuses } = fillIn(workspace, '2022/23 Q2');
    expect(grades.size).toBe(23);
    expect(statuses.size).toBe(162);
    copyFileSync(path.join(FIXTURES, 'orkney', 'dataset.csv'), path.join(workspace, 'dataset.csv'));

    const validate = qifReport(['validate', workspace]);
    expect(validate.stderr.split('\n').filter((line) => line !== '' && !line.includes(': warning: '))).toEqual([]);
    expect(validate.status).toBe(0);

    const out = tempDir('qif-init-out-');
    const build = qifReport(['build', workspace, '--out', out, '--format', 'pdf,json']);
    expect(build.status, build.stderr).toBe(0);
    const [pdf, json] = ['.pdf', '.json'].map((ext) => build.stdout.trim().split('\n').find((file) => file.endsWith(ext))!);
    const model = JSON.parse(readFileSync(json!, 'utf8'));
    expect(model.qis.map((qi: { id: string; latest: { word: string; period: string } }) => [qi.id, qi.latest.word, qi.latest.period])).toEqual([...grades].map(([qi, g]) => [qi, g.word, '2022/23 Q2']));
    const text = flatText(pdf!);
    expect(text).toContain('Orkney Islands Council');
    expect(text).not.toContain('TO COMPLETE');
    // Appendix 4 prints each QI's grade, its round, and the strengths and areas for improvement entered with it.
    for (const [qi, g] of grades) expect(text, qi).toContain(`${g.word} 2022/23 Q2 ${g.strengths} Improvements planned for QI ${qi}`);
    // Appendix 3 prints each item's status as entered: the counts of each status agree.
    const entered = (status: string) => [...statuses.values()].filter((s) => s === status).length;
    expect(model.qis.flatMap((qi: { evidence: { items: { status: string }[] } }) => qi.evidence.items).filter((item: { status: string }) => item.status === 'held')).toHaveLength(entered('held'));
  });
});

describe('the next round, from Orkney’s workspace', () => {
  it('keeps the three rounds, adds a fourth to fill in, and the paper is built from all four', () => {
    const orkney = path.join(FIXTURES, 'orkney');
    const next = path.join(tempDir('qif-init-next-'), 'orkney-2022-23-q2');
    const init = qifReport(['init', next, '--from', orkney, '--period', '2022/23 Q2']);
    expect(init.status, init.stderr).toBe(0);
    const old = csvRows(path.join(orkney, 'grades.csv'));
    const rows = csvRows(path.join(next, 'grades.csv'));
    expect(rows).toHaveLength(old.length + 23);
    expect(rows.slice(old.length).every((row) => row.period === '2022/23 Q2' && row.grade === '' && row.evaluated_on === '')).toBe(true);
    expect([...new Set(rows.map((row) => row.period))]).toEqual(['2019/20 Q4', '2020/21 Q4', '2021/22 Q4', '2022/23 Q2']);

    fillInParticulars(next, { meetingDate: '2022-11-17', recommendations: ['note the progress since 2021/22 Q4.'] });
    const { grades } = fillIn(next, '2022/23 Q2');
    const out = tempDir('qif-init-out-');
    const build = qifReport(['build', next, '--out', out, '--format', 'json']);
    expect(build.status, build.stderr).toBe(0);
    const model = JSON.parse(readFileSync(build.stdout.trim(), 'utf8'));
    expect(model.periods.graded).toEqual(['2019/20 Q4', '2020/21 Q4', '2021/22 Q4', '2022/23 Q2']);
    const oldLatest = (qi: string) => old.filter((row) => row.qi === qi && row.period === '2021/22 Q4')[0];
    for (const qi of model.qis as { id: string; latest: { word: string }; previous?: { period: string } }[]) {
      expect(qi.latest.word, qi.id).toBe(grades.get(qi.id)!.word);
      // The round before is the last one graded: 2021/22 Q4, or 2020/21 Q4 for the QIs Orkney did not regrade then.
      expect(qi.previous?.period, qi.id).toBe(oldLatest(qi.id) ? '2021/22 Q4' : '2020/21 Q4');
    }
  });
});
