import type { Content, TableCell } from 'pdfmake/interfaces.js';
import type { FileSummary, InputProblem } from '../../model/index.js';
import type { BlockContext } from './context.js';
import { dataTable } from './table-style.js';

const count = (value: number) => value.toLocaleString('en-GB');

/** Each input file with the rows read, accepted, rejected and not used, and how it was read. */
export function dataFiles({ model, labels }: BlockContext): Content {
  const t = labels.tables;
  const csv = (file: FileSummary) => file.delimiter !== undefined;
  const rows: TableCell[][] = model.dataQuality.files.map((file) => [
    file.file,
    ...(csv(file) ? [file.rows, file.accepted, file.rejected, file.notUsed].map((n) => ({ text: count(n), alignment: 'right' as const })) : [t.noValue!, t.noValue!, t.noValue!, t.noValue!]),
    [file.encoding, file.delimiter && labels.delimiter[file.delimiter]].filter(Boolean).join(', '),
  ]);
  return dataTable(['*', 40, 45, 45, 45, 110], [t.file!, t.rows!, t.accepted!, t.rejected!, t.notUsed!, t.readAs!], rows);
}

/** A problem as a table row: where it is, and what is wrong and was expected. */
function problemRows(problems: readonly InputProblem[], { labels, fill }: BlockContext): TableCell[][] {
  return problems.map((problem) => [
    problem.file,
    { text: problem.line === undefined ? labels.tables.noValue! : String(problem.line), alignment: 'right' },
    { text: problem.column === undefined ? labels.tables.noValue! : String(problem.column), alignment: 'right' },
    problem.expected ? fill(labels.tables.problemWithExpected!, problem) : problem.reason,
  ]);
}

/** Every row a lenient build left out, and why. */
export function rejectedRows(context: BlockContext): Content {
  const t = context.labels.tables;
  return dataTable([90, 30, 35, '*'], [t.file!, t.line!, t.column!, t.problem!], problemRows(context.model.dataQuality.rejected, context), 8);
}

/** Things read but not used, such as a column the tool does not know. */
export function inputWarnings(context: BlockContext): Content {
  const t = context.labels.tables;
  return dataTable([90, 30, 35, '*'], [t.file!, t.line!, t.column!, t.problem!], problemRows(context.model.dataQuality.warnings, context), 8);
}
