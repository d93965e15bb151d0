import type { Content } from 'pdfmake/interfaces.js';
import type { Directive } from '../markdown.js';
import { BLOCK_NAMES, blockFor, type BlockName } from '../paper-structure.js';
import { gradeKey, table1, table2, table3 } from './appendix-tables.js';
import { gradeHistory } from './grade-history.js';
import type { BlockContext } from './context.js';
import { dataFiles, inputWarnings, rejectedRows } from './data-quality.js';
import { headerBlock } from './header-block.js';
import { indicatorChartsBlock } from './indicator-charts.js';
import { questionGrades, questionIndicators, readinessTable } from './question-tables.js';

export type { BlockContext } from './context.js';

const BLOCKS: Record<BlockName, (context: BlockContext, argument?: string) => Content> = {
  'header-block': headerBlock,
  'readiness-table': readinessTable,
  'question-grades': questionGrades,
  'question-indicators': questionIndicators,
  'table-1': table1,
  'grade-key': gradeKey,
  'table-2': table2,
  'table-3': table3,
  'grade-history': gradeHistory,
  'indicator-charts': indicatorChartsBlock,
  'data-files': dataFiles,
  'rejected-rows': rejectedRows,
  'input-warnings': inputWarnings,
};

/** The names a template may ask for as `[[name argument]]`, checked when the templates are loaded. */
export { BLOCK_NAMES };

export function renderBlock(context: BlockContext, directive: Directive): Content {
  return blockFor(BLOCKS, directive.name)(context, directive.argument);
}
