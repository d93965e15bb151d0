import { columnLetters, hasRowCounts, sheetPlace, summaryName, type Direction, type GradeAt, type IndicatorSummary, type InputProblem, type Position, type QiAssessment, type ReadinessRating } from '../../model/index.js';
import { indicatorChange, indicatorFigure, percent } from '../format.js';
import { spcResult } from '../spc-words.js';
import type { BlockContext } from './context.js';

/**
 * The rows of the paper's tables as plain data: what each cell says, decided once from the model and the
 * labels. The PDF's blocks (pdfmake) and the HTML edition's blocks (hast) both lay out these rows, so the two
 * editions cannot say different things. Pure functions: no layout, no colour, no markup.
 */

export interface ReadinessRow {
  number: string;
  question: string;
  rating: ReadinessRating;
  ratingWord: string;
}

export function readinessRows({ model, labels }: BlockContext): ReadinessRow[] {
  return model.questions.map((q) => ({ number: String(q.number), question: q.shortTitle, rating: q.readiness.rating, ratingWord: labels.rating[q.readiness.rating] }));
}

export function questionOf(context: BlockContext, argument: string | undefined) {
  const found = context.model.questions.find((q) => String(q.number) === argument);
  if (!found) throw new Error(`template asks for inspection question "${argument}"; there are questions 1 to 5`);
  return found;
}

/** A grade as a cell shows it: the word, the period on a second line where asked, and the grade for its colour. */
export interface GradeText {
  lines: string[];
  grade?: number;
}

export function gradeText(grade: GradeAt | undefined, notGraded: string, withPeriod = false): GradeText {
  if (!grade) return { lines: [notGraded] };
  return { lines: withPeriod ? [grade.word, grade.period] : [grade.word], grade: grade.grade };
}

/**
 * A QI's latest grade as a cell shows it. A round not yet evaluated is said to be, with its period where
 * asked, and the earlier round's grade the paper uses in its place named beneath; it takes no grade's colour.
 */
export function latestGradeText(qi: QiAssessment, { labels, fill }: BlockContext, withPeriod = false): GradeText {
  const t = labels.tables;
  if (!qi.notEvaluated) return gradeText(qi.latest, t.notGraded!, withPeriod);
  const earlier = qi.latest ? [fill(t.earlierGrade!, { word: qi.latest.word, period: qi.latest.period })] : [];
  return { lines: [t.notEvaluated!, ...(withPeriod ? [qi.notEvaluated.period] : []), ...earlier] };
}

export interface QuestionGradeRow {
  qi: string;
  title: string;
  previous: GradeText;
  latest: GradeText;
  movement: string;
  evidence: string;
  notes: string[];
}

/** One note a line; a grade rejected by a lenient build is said as such, not as "not regraded". */
function qiNotes(qi: QiAssessment, { model, labels, fill }: BlockContext): string[] {
  const rejected = qi.rejectedGrade && fill(labels.tables.gradeRejected!, { period: qi.rejectedGrade.period, line: qi.rejectedGrade.source.line, sheet: qi.rejectedGrade.source.sheet });
  const notes = [
    qi.progressReviewRisk && labels.tables.progressReviewRisk,
    rejected || (qi.latest && !qi.gradedThisRound && !qi.notEvaluated && labels.tables.notRegraded),
    qi.inspectorGraded && labels.inspection[model.inspection.id].inspectorGraded,
  ];
  return notes.filter((note): note is string => Boolean(note));
}

function evidenceText(qi: QiAssessment, { labels, fill }: BlockContext): string {
  const { held, partial, notEvaluated, total, coverage } = qi.evidence;
  return total === 0 ? labels.tables.noValue! : fill(labels.tables.evidenceCount!, { held, partial, notEvaluated, total, coverage: percent(coverage ?? 0) });
}

export function questionGradeRows(context: BlockContext, argument?: string): QuestionGradeRow[] {
  const { model, labels } = context;
  const t = labels.tables;
  return questionOf(context, argument).qis.map((id) => {
    const qi = model.qis.find((q) => q.id === id)!;
    return {
      qi: qi.id,
      title: qi.title,
      // A round not yet evaluated is the latest: the grade before it, the paper's latest, is the previous.
      previous: gradeText(qi.notEvaluated ? qi.latest : qi.previous, t.noValue!, true),
      latest: qi.notEvaluated ? { lines: [t.notEvaluated!, qi.notEvaluated.period] } : gradeText(qi.latest, t.notGraded!, true),
      movement: labels.movement[qi.movement],
      evidence: evidenceText(qi, context),
      notes: qiNotes(qi, context),
    };
  });
}

/** The change cell: the figure, and the XmR result in words, with an arrow only on a signal. */
export interface ChangeText {
  figure: string;
  words: string;
  arrow?: { direction: Direction; pointsUp: boolean };
}

export interface ComparatorText {
  figure: string;
  position: Position;
  positionWord: string;
}

export interface IndicatorRow {
  title: string;
  unit: string;
  period: string;
  value: string;
  change?: ChangeText;
  scotland?: ComparatorText;
  familyGroup?: ComparatorText;
  /** Family group, then Scotland; undefined when the indicator is not ranked. */
  ranks?: [string, string];
}

function changeText(i: IndicatorSummary, { labels, fill }: BlockContext): ChangeText | undefined {
  if (i.change === undefined) return undefined;
  const figure = indicatorChange(i.change, i.unit, i.decimals);
  const result = spcResult(i, labels, fill);
  if (!result.signal) return { figure, words: result.words };
  // The arrow is the XmR signal's, which may run against the year's change beside it: its word says so.
  return { figure, words: result.words, arrow: { direction: i.arrow!, pointsUp: i.spc.latestSignal!.direction === 'up' } };
}

function comparatorText(i: IndicatorSummary, role: 'scotland' | 'family-group', { labels }: BlockContext): ComparatorText | undefined {
  const comparator = i.comparators.find((c) => c.role === role);
  if (!comparator) return undefined;
  return { figure: indicatorFigure(comparator.value.value, i.unit, i.decimals), position: comparator.position, positionWord: labels.position[comparator.position] };
}

export function indicatorRows(context: BlockContext, argument?: string): IndicatorRow[] {
  const { model, labels, fill } = context;
  const t = labels.tables;
  const rank = (r?: { rank: number; of: number; tiedWith: number }) => (r ? fill(t.rankValue!, { ...r, tied: r.tiedWith > 0 }) : t.noValue!);
  return questionOf(context, argument).indicators.map((id) => {
    const i = model.indicators.find((indicator) => indicator.id === id)!;
    return {
      title: i.title,
      unit: labels.units[i.unit],
      period: i.latest?.period ?? t.noValue!,
      value: i.latest ? indicatorFigure(i.latest.value, i.unit, i.decimals) : t.noValue!,
      change: changeText(i, context),
      scotland: comparatorText(i, 'scotland', context),
      familyGroup: comparatorText(i, 'family-group', context),
      ranks: i.ranks ? [rank(i.ranks.familyGroup), rank(i.ranks.scotland)] : undefined,
    };
  });
}

/** Table 1: one column per domain key question, its areas and their QIs in turn, area 10 across the foot. */
export type Table1Cell = { kind: 'area'; text: string } | { kind: 'qi'; label: string; grade: Table1Grade };
export interface Table1Grade {
  word: string;
  /** The period of a grade from an earlier round than the report's. */
  period?: string;
  grade?: number;
}

export interface Table1Layout {
  title: string;
  keyQuestions: string[];
  columns: Table1Cell[][];
  depth: number;
  capacityRow: string;
  capacityNote: string;
  capacity: Table1Grade;
  changedNote: string;
}

function gradeInTable1(qi: QiAssessment, { labels, fill }: BlockContext): Table1Grade {
  const t = labels.tables;
  if (qi.notEvaluated) return { word: t.notEvaluated!, period: qi.latest && fill(t.earlierGrade!, { word: qi.latest.word, period: qi.latest.period }) };
  if (!qi.latest) return { word: t.notGraded! };
  return qi.gradedThisRound ? { word: qi.latest.word, grade: qi.latest.grade } : { word: qi.latest.word, period: qi.latest.period, grade: qi.latest.grade };
}

export function table1Layout(context: BlockContext): Table1Layout {
  const { model, labels, fill } = context;
  const t = labels.tables;
  const { domains, capacityQi, changesFrom2014 } = model.framework;
  const changed = (qi: string) => changesFrom2014.some((change) => change.qi === qi);
  const capacity = model.qis.find((qi) => qi.id === capacityQi)!;
  const columnDomains = domains.filter((domain) => !domain.areas.some((area) => area.id === capacity.area));
  const columns = columnDomains.map((domain) =>
    domain.areas.flatMap((area): Table1Cell[] => [
      { kind: 'area', text: `${area.id}. ${area.title}` },
      ...model.qis.filter((qi) => qi.area === area.id).map((qi): Table1Cell => ({ kind: 'qi', label: `${qi.id} ${qi.title}${changed(qi.id) ? ` ${t.changedMarker}` : ''}`, grade: gradeInTable1(qi, context) })),
    ]),
  );
  return {
    title: fill(t.table1Title!, { period: model.periods.report }),
    keyQuestions: columnDomains.map((domain) => domain.keyQuestion),
    columns,
    depth: Math.max(...columns.map((column) => column.length)),
    capacityRow: t.capacityRow!,
    capacityNote: t.capacityNote!,
    capacity: gradeInTable1(capacity, context),
    changedNote: fill(t.changedNote!, { changes: changesFrom2014.map((c) => `${c.qi} was ${c.previousId} “${c.previousTitle}”`).join('; ') }),
  };
}

export interface EvidenceItemText {
  text: string;
  local: boolean;
  status: string;
  held: boolean;
}

export interface Table2Row {
  qi: string;
  title: string;
  /** Undefined when the framework lists no evidence for the QI. */
  items?: EvidenceItemText[];
  coverage: string;
}

export function table2Rows({ model, labels }: BlockContext): Table2Row[] {
  const t = labels.tables;
  return model.qis.map((qi) => ({
    qi: qi.id,
    title: qi.title,
    items: qi.evidence.items.length ? qi.evidence.items.map((item) => ({ text: item.text, local: item.local, status: labels.evidenceStatus[item.status], held: item.status === 'held' })) : undefined,
    coverage: qi.evidence.coverage === null ? t.noValue! : percent(qi.evidence.coverage),
  }));
}

export interface Table3Row {
  qi: string;
  title: string;
  grade: GradeText;
  strengths: string;
  areasForImprovement: string;
}

export function table3Rows(context: BlockContext): Table3Row[] {
  const t = context.labels.tables;
  return context.model.qis.map((qi) => ({ qi: qi.id, title: qi.title, grade: latestGradeText(qi, context, true), strengths: qi.strengths || t.noValue!, areasForImprovement: qi.areasForImprovement || t.noValue! }));
}

export interface DataFileRow {
  file: string;
  /** Rows, accepted, rejected, not used; numbers only for a CSV file. */
  counts: { text: string; numeric: boolean }[];
  readAs: string;
}

const count = (value: number) => value.toLocaleString('en-GB');

export function dataFileRows({ model, labels }: BlockContext): DataFileRow[] {
  const t = labels.tables;
  return model.dataQuality.files.map((file) => ({
    file: summaryName(file),
    counts: hasRowCounts(file) ? [file.rows, file.accepted, file.rejected, file.notUsed].map((n) => ({ text: count(n), numeric: true })) : [0, 1, 2, 3].map(() => ({ text: t.noValue!, numeric: false })),
    readAs: file.sheet !== undefined ? t.excelWorkbook! : [file.encoding, file.delimiter && labels.delimiter[file.delimiter]].filter(Boolean).join(', '),
  }));
}

export interface ProblemRow {
  file: string;
  line: string;
  column: string;
  problem: string;
}

/** A problem as a table row: where it is, and what is wrong and was expected. */
export function problemRows(problems: readonly InputProblem[], { labels, fill }: BlockContext): ProblemRow[] {
  return problems.map((problem) => ({
    file: problem.sheet === undefined ? problem.file : sheetPlace(problem.file, problem.sheet),
    line: problem.line === undefined ? labels.tables.noValue! : String(problem.line),
    // A sheet's column by its letter, as the officer finds it in Excel.
    column: problem.column === undefined ? labels.tables.noValue! : problem.sheet === undefined ? String(problem.column) : columnLetters(problem.column),
    problem: problem.expected ? fill(labels.tables.problemWithExpected!, problem) : problem.reason,
  }));
}

/** The headers of each table, in the order of its columns. */
export function headers({ model, labels }: BlockContext) {
  const t = labels.tables;
  return {
    readiness: [t.number!, labels.inspection[model.inspection.id].itemColumn, t.rating!],
    questionGrades: [t.qi!, t.qualityIndicator!, t.previousGrade!, t.latestGrade!, t.movement!, t.evidence!, t.flags!],
    indicators: [t.indicator!, t.period!, t.value!, t.change!, t.vsScotland!, t.vsFamilyGroup!, t.rank!],
    table2: [t.qi!, t.qualityIndicator!, t.evidenceToConsider!, t.coverage!],
    table3: [t.qi!, t.qualityIndicator!, t.grade!, t.strengths!, t.areasForImprovement!],
    dataFiles: [t.file!, t.rows!, t.accepted!, t.rejected!, t.notUsed!, t.readAs!],
    problems: [t.file!, t.line!, t.column!, t.problem!],
  };
}
