import { formatPeriod, parsePeriod, type GradeRecord, type InputProblem } from '../model/index.js';
import { readCsvTable, type FileTally } from './csv-table.js';
import { DuplicateFinder, RowReader } from './row-reader.js';
import { parseDate, parseGrade, parseQi, type Parsed } from './values.js';

export const gradeColumns = [
  { name: 'period', required: true },
  { name: 'qi', required: true, aliases: ['quality indicator', 'qi number'] },
  { name: 'grade', required: true, aliases: ['evaluation'] },
  { name: 'evaluated_on', required: true, aliases: ['date', 'evaluated', 'date evaluated'] },
  { name: 'strengths', required: false },
  { name: 'areas_for_improvement', required: false, aliases: ['areas for development', 'improvements'] },
] as const;

export const periodExpectation = 'a financial year such as 2018/19, optionally with a quarter: 2018/19 Q1';

export function parsePeriodField(text: string): Parsed<NonNullable<ReturnType<typeof parsePeriod>>> {
  const period = parsePeriod(text);
  return period ? { ok: true, value: period } : { ok: false, expected: periodExpectation };
}

export function readGrades(file: string, text: string, problems: InputProblem[], tally?: FileTally): GradeRecord[] {
  const table = readCsvTable(file, text, gradeColumns, problems, { tally, warnUnknownColumns: true });
  const duplicates = new DuplicateFinder();
  const grades: GradeRecord[] = [];
  for (const row of table.rows) {
    const read = new RowReader(file, table, row, problems);
    const period = read.required('period', parsePeriodField);
    const qi = read.required('qi', parseQi);
    const grade = read.required('grade', parseGrade);
    const evaluatedOn = read.required('evaluated_on', parseDate);
    if (period && qi) {
      const first = duplicates.firstLineOf(`${formatPeriod(period)}|${qi}`, row.line);
      if (first !== undefined) read.report('qi', `QI ${qi} is graded twice for ${formatPeriod(period)} (lines ${first} and ${row.line})`, 'one grade per QI per period');
    }
    if (!read.ok || !period || !qi || !grade || !evaluatedOn) continue;
    grades.push({ period, qi, grade, evaluatedOn, strengths: read.text('strengths'), areasForImprovement: read.text('areas_for_improvement'), source: read.source });
  }
  return grades;
}
