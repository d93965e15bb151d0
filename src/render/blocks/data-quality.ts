import type { Content, TableCell } from 'pdfmake/interfaces.js';
import type { InputProblem } from '../../model/index.js';
import type { BlockContext } from './context.js';
import { dataFileRows, headers, problemRows } from './rows.js';
import { dataTable } from './table-style.js';

/** Each input file with the rows read, accepted, rejected and not used, and how it was read. */
export function dataFiles(context: BlockContext): Content {
  const rows: TableCell[][] = dataFileRows(context).map((file) => [
    file.file,
    ...file.counts.map((n): TableCell => (n.numeric ? { text: n.text, alignment: 'right' as const } : n.text)),
    file.readAs,
  ]);
  return dataTable(['*', 40, 45, 45, 45, 110], headers(context).dataFiles, rows);
}

function problemTable(problems: readonly InputProblem[], context: BlockContext): Content {
  const rows: TableCell[][] = problemRows(problems, context).map((p) => [p.file, { text: p.line, alignment: 'right' }, { text: p.column, alignment: 'right' }, p.problem]);
  return dataTable([90, 30, 35, '*'], headers(context).problems, rows, 8);
}

/** Every row a lenient build left out, and why. */
export function rejectedRows(context: BlockContext): Content {
  return problemTable(context.model.dataQuality.rejected, context);
}

/** Things read but not used, such as a column the tool does not know. */
export function inputWarnings(context: BlockContext): Content {
  return problemTable(context.model.dataQuality.warnings, context);
}
