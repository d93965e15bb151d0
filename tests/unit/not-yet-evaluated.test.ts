// A workspace made by `init` (issue 13): report.json fields marked "TO COMPLETE:", grades and evidence statuses
// left empty (not yet evaluated), grades.csv's title column and evidence.csv's item_number. Messages and
// positions are written out here in full, positions counted by hand from the text each test writes.
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { scratchWorkspaces } from '../helpers/scratch.js';
import { readEvidence, readGrades, readSettings, readWorkspace } from '../../src/ingest/index.js';
import { evidenceListFor } from '../../src/framework/index.js';
import { formatProblem, type InputProblem } from '../../src/model/index.js';

const csv = (...lines: string[]) => lines.join('\n') + '\n';
const json = (value: unknown) => JSON.stringify(value, null, 2);

/** 1-based line and column of the first occurrence of `needle` in `text`. */
function positionOf(text: string, needle: string): { line: number; column: number } {
  const offset = text.indexOf(needle);
  if (offset < 0) throw new Error(`${needle} not in text`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

const minimalSettings = {
  council: 'Fife Council',
  committee: 'Children’s Services Partnership Board',
  meetingDate: '2023-11-24',
  reportBy: { name: 'Dorothy Example', post: 'Head of Education and Children’s Services' },
  title: 'Inspection readiness',
  agendaItem: '7',
  partnership: 'Fife Children’s Services Partnership',
  area: 'Fife',
  period: '2023/24 Q2',
  recommendations: ['note the report'],
  author: { name: 'Alex Example', post: 'Planning Officer', contact: 'alex@example.org' },
};

function settings(text: string) {
  const problems: InputProblem[] = [];
  return { settings: readSettings('x/report.json', text, problems), problems };
}

describe('report.json: fields still to complete', () => {
  it('says each marked field once, at its value, by its path, and refuses the file', () => {
    const report = {
      ...minimalSettings,
      committee: 'TO COMPLETE: the committee the paper goes to',
      reportBy: { name: 'to complete: who the report is by', post: 'Head of Service' },
      recommendations: ['note the report', '  To Complete:   a second recommendation'],
      implications: [{ heading: 'Financial', text: 'TO COMPLETE: the financial implications' }],
    };
    const text = json(report);
    const { settings: read, problems } = settings(text);
    expect(read).toBeUndefined();
    expect(problems.map(formatProblem)).toEqual([
      `x/report.json:${positionOf(text, '"TO COMPLETE: the committee').line}:${positionOf(text, '"TO COMPLETE: the committee').column}: "committee" is still to complete (TO COMPLETE: the committee the paper goes to); expected the committee's name, e.g. "Improving Life Chances Group"`,
      `x/report.json:${positionOf(text, '"to complete:').line}:${positionOf(text, '"to complete:').column}: "reportBy.name" is still to complete (to complete: who the report is by); expected the name of the officer the report is by`,
      `x/report.json:${positionOf(text, '"  To Complete').line}:${positionOf(text, '"  To Complete').column}: "recommendations[1]" is still to complete (To Complete: a second recommendation); expected a phrase completing "Members are asked to …", e.g. "note the report"`,
      `x/report.json:${positionOf(text, '"TO COMPLETE: the financial').line}:${positionOf(text, '"TO COMPLETE: the financial').column}: "implications[0].text" is still to complete (TO COMPLETE: the financial implications); expected the implication's text, e.g. "None."`,
    ]);
    expect(problems.every((problem) => problem.level === undefined)).toBe(true); // fatal: lenient builds stop too
  });

  it('says nothing else of a marked value: not "not a date", "is a string", "not a council" or "not a period"', () => {
    const report = {
      ...minimalSettings,
      meetingDate: 'TO COMPLETE: the date of the meeting',
      period: 'TO COMPLETE: the round',
      draft: 'TO COMPLETE: true or false',
      peers: ['TO COMPLETE: councils to compare with'],
      mapping: { 1: ['TO COMPLETE: QIs'] },
      thresholds: { readyMinimumGrade: 'TO COMPLETE: a grade' },
    };
    const text = json(report);
    const { problems } = settings(text);
    expect(problems.map((p) => [p.line, p.column, p.reason])).toEqual([
      [positionOf(text, '"TO COMPLETE: the date').line, positionOf(text, '"TO COMPLETE: the date').column, '"meetingDate" is still to complete (TO COMPLETE: the date of the meeting)'],
      [positionOf(text, '"TO COMPLETE: the round').line, positionOf(text, '"TO COMPLETE: the round').column, '"period" is still to complete (TO COMPLETE: the round)'],
      [positionOf(text, '"TO COMPLETE: true').line, positionOf(text, '"TO COMPLETE: true').column, '"draft" is still to complete (TO COMPLETE: true or false)'],
      [positionOf(text, '"TO COMPLETE: councils').line, positionOf(text, '"TO COMPLETE: councils').column, '"peers[0]" is still to complete (TO COMPLETE: councils to compare with)'],
      [positionOf(text, '"TO COMPLETE: QIs').line, positionOf(text, '"TO COMPLETE: QIs').column, '"mapping.1[0]" is still to complete (TO COMPLETE: QIs)'],
      [positionOf(text, '"TO COMPLETE: a grade').line, positionOf(text, '"TO COMPLETE: a grade').column, '"thresholds.readyMinimumGrade" is still to complete (TO COMPLETE: a grade)'],
    ]);
  });

  it('cuts a long note short, and leaves text that only mentions completing alone', () => {
    const note = `TO COMPLETE: ${'the committee the paper goes to, '.repeat(5)}`;
    const { problems } = settings(json({ ...minimalSettings, committee: note, title: 'Work still TO COMPLETE: a heading that says so' }));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.reason).toBe(`"committee" is still to complete (${note.trim().slice(0, 78).trimEnd()} …)`);
  });
});

const GRADES_HEADER = 'period,qi,title,grade,evaluated_on,strengths,areas_for_improvement';

function grades(text: string) {
  const problems: InputProblem[] = [];
  const read = readGrades('x/grades.csv', text, problems);
  return { ...read, problems };
}

describe('grades.csv: an empty grade is not yet evaluated', () => {
  it('reads the row as not yet evaluated for its QI and round, with no problem, and reads the title column without a warning', () => {
    const { grades: graded, unevaluated, rejected, problems } = grades(csv(GRADES_HEADER, '2023/24 Q2,5.1,Initial response,,,,', '2023/24 Q2,5.2,Assessment and planning,Good,2023-09-14,,'));
    expect(problems).toEqual([]);
    expect(rejected).toEqual([]);
    expect(unevaluated).toEqual([{ period: { startYear: 2023, quarter: 2 }, qi: '5.1', source: { file: 'x/grades.csv', line: 2 } }]);
    expect(graded.map((g) => [g.qi, g.grade, g.source.line])).toEqual([['5.2', 4, 3]]);
  });

  it('warns, at the grade, of a date or findings written beside an empty grade, and still reads it as not yet evaluated', () => {
    const { unevaluated, problems } = grades(csv(GRADES_HEADER, '2023/24 Q2,5.1,,,14/09/2023,,', '2023/24 Q2,5.2,,,2023-09-14,Strong,Weak'));
    expect(unevaluated.map((u) => u.qi)).toEqual(['5.1', '5.2']);
    expect(problems.map(formatProblem)).toEqual([
      'x/grades.csv:2:4: warning: grade is empty, so QI 5.1 is read as not yet evaluated for 2023/24 Q2, but evaluated_on is filled in; expected a grade beside them, or the grade left empty until the QI is evaluated',
      'x/grades.csv:3:4: warning: grade is empty, so QI 5.2 is read as not yet evaluated for 2023/24 Q2, but evaluated_on, strengths and areas_for_improvement are filled in; expected a grade beside them, or the grade left empty until the QI is evaluated',
    ]);
  });

  it('still rejects a bad date, period or QI on a row whose grade is empty, one problem each', () => {
    const { unevaluated, rejected, problems } = grades(csv(GRADES_HEADER, '2023/24 Q2,5.1,,,31/02/2023,,', '2023/24 Q2,5.10,,,,,'));
    expect(unevaluated).toEqual([]);
    expect(rejected.map((r) => r.qi)).toEqual(['5.1']);
    expect(problems.map((p) => [p.line, p.column, p.level, p.reason])).toEqual([
      [2, 5, 'row', 'evaluated_on "31/02/2023" is not valid'],
      [3, 2, 'row', 'qi "5.10" is not valid (did you mean 5.1?)'],
    ]);
  });

  it('still finds a QI listed twice for a round, graded or not', () => {
    const { problems } = grades(csv(GRADES_HEADER, '2023/24 Q2,5.1,,Good,2023-09-14,,', '2023/24 Q2,5.1,,,,,'));
    expect(problems.map(formatProblem)).toEqual(['x/grades.csv:3:2: QI 5.1 is graded twice for 2023/24 Q2 (lines 2 and 3); expected one grade per QI per period']);
  });

  it('still refuses a row for a round after the report\'s', () => {
    const problems: InputProblem[] = [];
    readGrades('x/grades.csv', csv(GRADES_HEADER, '2024/25 Q1,5.1,,,,,'), problems, undefined, { period: { startYear: 2023, quarter: 2 }, meetingDate: '2023-11-24' });
    expect(problems.map((p) => [p.line, p.column, p.reason])).toEqual([[2, 1, "grade for 2024/25 Q1 is later than the report's period 2023/24 Q2"]]);
  });
});

const EVIDENCE_HEADER = 'qi,item_number,item,status,reviewed_on,reference';

function evidence(text: string) {
  const problems: InputProblem[] = [];
  return { records: readEvidence('x/evidence.csv', text, problems), problems };
}

describe('evidence.csv: an empty status, and item_number', () => {
  const items = evidenceListFor('5.1')!.items;

  it('reads an empty status as not yet evaluated', () => {
    const { records, problems } = evidence(csv(EVIDENCE_HEADER, `5.1,1,"${items[0]}",,,`, `5.1,2,"${items[1]}",held,2023-09-01,`));
    expect(problems).toEqual([]);
    expect(records.map((r) => [r.item, r.status, r.local, r.source.line])).toEqual([[items[0], 'not-evaluated', false, 2], [items[1], 'held', false, 3]]);
  });

  it('lets item_number decide the item, whatever the wording beside it, and reads item as before when it is empty', () => {
    const { records, problems } = evidence(csv(EVIDENCE_HEADER, '5.1,3,,held,,', '5.1,4,my own words for it,partial,,', `5.1,,"${items[4]}",missing,,`, '5.1,,Our local audit,held,,'));
    expect(problems).toEqual([]);
    expect(records.map((r) => [r.item, r.local])).toEqual([[items[2], false], [items[3], false], [items[4], false], ['Our local audit', true]]);
  });

  it('takes "Item no" and "Number" for item_number', () => {
    for (const header of ['QI,Item no,Item,Status', 'qi,Number,item,status']) {
      const { records, problems } = evidence(csv(header, '5.1,2,,held'));
      expect(problems, header).toEqual([]);
      expect(records.map((r) => r.item), header).toEqual([items[1]]);
    }
  });

  it('refuses an item_number out of range, or not a number, at the item_number cell', () => {
    const { records, problems } = evidence(csv(EVIDENCE_HEADER, `5.1,${items.length + 1},,held,,`, '5.1,two,,held,,', '6.3,1,,held,,'));
    expect(records).toEqual([]);
    expect(problems.map(formatProblem)).toEqual([
      `x/evidence.csv:2:2: QI 5.1 has no evidence item number ${items.length + 1}; expected a number from 1 to ${items.length}`,
      `x/evidence.csv:3:2: item_number "two" is not valid; expected a number from 1 to ${items.length}`,
      'x/evidence.csv:4:2: QI 6.3 has no evidence item number 1; expected item_number left empty and the item’s text in item (this QI has no list in the framework)',
    ]);
    expect(problems.every((p) => p.level === 'row')).toBe(true);
  });

  it('warns when the wording beside the number is plainly another of the QI\'s items, and reads the numbered one', () => {
    const { records, problems } = evidence(csv(EVIDENCE_HEADER, `5.1,1,"${items[2]}",held,,`));
    expect(records.map((r) => r.item)).toEqual([items[0]]);
    expect(problems.map(formatProblem)).toEqual([
      `x/evidence.csv:2:3: warning: item "${items[2]}" is item 3 of QI 5.1’s list, but item_number says 1, "${items[0]}", which is the one read; expected the number and the wording of the same item`,
    ]);
  });

  it('still finds an item listed twice, by number and by wording', () => {
    const { problems } = evidence(csv(EVIDENCE_HEADER, '5.1,2,,held,,', `5.1,,"${items[1]}",,,`));
    expect(problems.map(formatProblem)).toEqual([`x/evidence.csv:3:3: evidence item "${items[1]}" for QI 5.1 is listed twice (lines 2 and 3); expected one row per evidence item`]);
  });
});

describe('a workspace where nothing is evaluated yet', () => {
  const workspace = scratchWorkspaces('qif-report-nye-');

  const files = (gradeRows: string[]) => ({
    'report.json': json(minimalSettings),
    'grades.csv': csv(GRADES_HEADER, ...gradeRows),
    'evidence.csv': csv(EVIDENCE_HEADER, '5.1,1,,,,', '5.1,2,,,,'),
    'dataset.csv': csv('indicator,area,period,value,numerator,denominator,source', 'CHN09,Fife,2022/23,90,,,LGBF'),
  });

  it('is read, every row accepted, with no problem', async () => {
    const reading = await readWorkspace(await workspace('all', files(['2023/24 Q2,5.1,Initial response,,,,', '2023/24 Q2,10,Capacity for improvement,,,,'])));
    expect(reading.problems).toEqual([]);
    expect(reading.workspace!.grades).toEqual([]);
    expect(reading.workspace!.unevaluated.map((u) => [u.qi, u.source])).toEqual([['5.1', { file: 'grades.csv', line: 2 }], ['10', { file: 'grades.csv', line: 3 }]]);
    expect(reading.workspace!.evidence.map((e) => e.status)).toEqual(['not-evaluated', 'not-evaluated']);
    expect(reading.files.filter((f) => f.file.endsWith('.csv')).map((f) => [f.file, f.rows, f.accepted, f.rejected])).toEqual([['grades.csv', 2, 2, 0], ['evidence.csv', 2, 2, 0], ['dataset.csv', 1, 1, 0]]);
  });

  it('still refuses a grades file with a header and no rows', async () => {
    const reading = await readWorkspace(await workspace('header-only', files([])));
    expect(reading.workspace).toBeUndefined();
    expect(reading.problems.map((p) => [path.basename(p.file), p.line, p.reason])).toEqual([['grades.csv', 2, 'the file has a header but no grades']]);
  });

  it('is refused while report.json has a field to complete, however lenient the build', async () => {
    const report = json({ ...minimalSettings, agendaItem: 'TO COMPLETE: the item number' });
    const directory = await workspace('marked', { ...files(['2023/24 Q2,5.1,,,,,']), 'report.json': report });
    const reading = await readWorkspace(directory, { lenient: true });
    expect(reading.workspace).toBeUndefined();
    const at = positionOf(report, '"TO COMPLETE');
    expect(reading.problems.map(formatProblem)).toEqual([`${path.join(directory, 'report.json')}:${at.line}:${at.column}: "agendaItem" is still to complete (TO COMPLETE: the item number); expected the agenda item number, e.g. "7"`]);
  });
});
