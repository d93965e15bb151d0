import { comparePeriods, formatPeriod, longDate, parsePeriod, periodDates, type GradeRecord, type InputProblem, type Period, type RejectedGrade, type ReportSettings, type UnevaluatedGrade } from '../model/index.js';
import { addMonths } from 'date-fns/addMonths';
import { format as formatIso } from 'date-fns/format';
import { parseISO } from 'date-fns/parseISO';
import { readTable, type FileTally, type TableInput } from './csv-table.js';
import { DuplicateFinder, RowReader } from './row-reader.js';
import { parseDate, parseGrade, parseQi, type Parsed } from './values.js';

export const gradeColumns = [
  { name: 'period', required: true },
  { name: 'qi', required: true, aliases: ['quality indicator', 'qi number'] },
  // The QI's title, which init writes for the officer's eye: known, so not warned about, and not read.
  { name: 'title', required: false },
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

/**
 * What the grades are checked against when report.json has been read: no grade after the report (unless the
 * paper is as at its period, when later grades are simply not shown) or the meeting.
 */
export type GradeBounds = Pick<ReportSettings, 'period' | 'meetingDate' | 'asAtPeriod'>;

export interface GradesRead {
  grades: GradeRecord[];
  rejected: RejectedGrade[];
  /** Rows with the grade left empty: not yet evaluated. */
  unevaluated: UnevaluatedGrade[];
}

/** The cells that belong to a grade given: filled in beside an empty grade, they are worth a look. */
const WITH_A_GRADE = ['evaluated_on', 'strengths', 'areas_for_improvement'] as const;

export function readGrades(file: string, text: TableInput, problems: InputProblem[], tally?: FileTally, bounds?: GradeBounds): GradesRead {
  const table = readTable(file, text, gradeColumns, problems, { tally, warnUnknownColumns: true });
  const duplicates = new DuplicateFinder();
  const grades: GradeRecord[] = [];
  const rejected: RejectedGrade[] = [];
  const unevaluated: UnevaluatedGrade[] = [];
  for (const row of table.rows) {
    const read = new RowReader(file, table, row, problems);
    const period = read.required('period', parsePeriodField);
    const qi = read.required('qi', parseQi);
    // An empty grade is a QI not yet evaluated for the round, not a mistake; its date may wait too.
    const notYet = !table.missing.has('grade') && read.text('grade') === '';
    const grade = notYet ? undefined : read.required('grade', parseGrade);
    const evaluatedOn = notYet ? read.optional('evaluated_on', parseDate) : read.required('evaluated_on', parseDate);
    if (period && bounds && !bounds.asAtPeriod && comparePeriods(period, bounds.period) > 0) {
      read.report('period', `grade for ${formatPeriod(period)} is later than the report's period ${formatPeriod(bounds.period)}`, `periods up to ${formatPeriod(bounds.period)}, or a later "period" in report.json`);
    }
    if (period && qi) {
      const first = duplicates.firstLineOf(`${formatPeriod(period)}|${qi}`, row.line);
      if (first !== undefined) read.report('qi', `QI ${qi} is graded twice for ${formatPeriod(period)} (${read.bothLines(first)})`, 'one grade per QI per period');
    }
    if (!read.ok || !period || !qi || (!notYet && (!grade || !evaluatedOn))) {
      if (period && qi) rejected.push({ period, qi, source: read.source });
      continue;
    }
    if (notYet || !grade || !evaluatedOn) {
      warnFilledWithoutGrade(read, qi, period);
      unevaluated.push({ period, qi, source: read.source });
      continue;
    }
    if (bounds && !bounds.asAtPeriod && evaluatedOn > bounds.meetingDate) {
      read.warn('evaluated_on', `evaluated_on ${evaluatedOn} is after the meeting date ${bounds.meetingDate}`, 'the date the QI was evaluated, before the meeting');
    }
    const swapped = betterDayMonthReading(read.text('evaluated_on'), evaluatedOn, period);
    if (swapped) {
      read.warn('evaluated_on', `evaluated_on "${read.text('evaluated_on')}" is read day first, as ${swapped.read}, well outside ${formatPeriod(period)}; month first it would be ${swapped.other}`, `the day before the month, e.g. ${swapped.otherWritten} if ${swapped.other} is meant`);
    }
    grades.push({ period, qi, grade, evaluatedOn, strengths: read.text('strengths'), areasForImprovement: read.text('areas_for_improvement'), source: read.source });
  }
  return { grades, rejected, unevaluated };
}

/**
 * A date or findings written beside an empty grade: the grade may have been forgotten. The row still reads
 * as not yet evaluated, and the officer is told, once, at the grade.
 */
function warnFilledWithoutGrade(read: RowReader, qi: string, period: Period): void {
  const filled = WITH_A_GRADE.filter((column) => read.text(column) !== '');
  if (filled.length === 0) return;
  const cells = filled.length === 1 ? `${filled[0]} is` : `${filled.slice(0, -1).join(', ')} and ${filled.at(-1)} are`;
  read.warn('grade', `grade is empty, so QI ${qi} is read as not yet evaluated for ${formatPeriod(period)}, but ${cells} filled in`, `a grade beside them, or the grade left empty until the QI is evaluated`);
}

/** How long after its period an evaluation is usually dated: self-evaluation follows soon after the quarter it covers. */
const EVALUATION_LAG_MONTHS = 3;

/**
 * A date like 03/09/2021 reads two ways. When the UK reading falls well outside the grade's period and the
 * American one inside it, the officer should look: the two readings, for a warning.
 */
function betterDayMonthReading(text: string, read: string, period: Period): { read: string; other: string; otherWritten: string } | undefined {
  const parts = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{2}|\d{4})$/.exec(text.trim());
  if (!parts || parts[1] === parts[3] || Number(parts[1]) > 12 || Number(parts[3]) > 12) return undefined;
  const other = parseDate(`${parts[3]}/${parts[1]}/${parts[4]}`);
  if (!other.ok) return undefined;
  const { start, end } = periodDates(period);
  const latest = addMonthsIso(end, EVALUATION_LAG_MONTHS);
  const plausible = (iso: string) => iso >= start && iso <= latest;
  if (plausible(read) || !plausible(other.value)) return undefined;
  return { read: longDate(read), other: longDate(other.value), otherWritten: `${parts[3]!.padStart(2, '0')}/${parts[1]!.padStart(2, '0')}/${parts[4]}` };
}

const addMonthsIso = (iso: string, months: number) => formatIso(addMonths(parseISO(iso), months), 'yyyy-MM-dd');
