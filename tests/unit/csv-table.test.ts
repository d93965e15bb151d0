import { describe, expect, it } from 'vitest';
import { newTally, readCsvTable, type ColumnSpec } from '../../src/ingest/csv-table.js';
import type { InputProblem } from '../../src/model/index.js';

const COLUMNS: ColumnSpec[] = [
  { name: 'qi', required: true },
  { name: 'grade', required: true, aliases: ['evaluation'] },
  { name: 'notes', required: false },
];

function read(text: string, warnUnknownColumns = true) {
  const problems: InputProblem[] = [];
  const tally = newTally();
  const table = readCsvTable('f.csv', text, COLUMNS, problems, { tally, warnUnknownColumns });
  return { table, problems, tally, values: table.rows.map((row) => ({ ...row.values })) };
}

describe('readCsvTable', () => {
  it('reads semicolon and tab files as it reads commas', () => {
    for (const text of ['qi,grade\n5.1,4\n', 'qi;grade\n5.1;4\n', 'qi\tgrade\n5.1\t4\n']) {
      const { values, tally } = read(text);
      expect(values).toEqual([{ qi: '5.1', grade: '4' }]);
      expect(tally.rows).toBe(1);
    }
    expect(read('qi;grade\n5.1;4\n').tally.delimiter).toBe('semicolon');
  });

  it('does not count blank lines or rows of empty cells as rows', () => {
    const { values, tally, problems } = read('qi,grade,notes\n5.1,4,\n,,\n\n  , ,\n5.2,3,x\n,,\n\n');
    expect(values.map((v) => v.qi)).toEqual(['5.1', '5.2']);
    expect(tally.rows).toBe(2);
    expect(problems).toEqual([]);
  });

  it('names the true line of a row after a quoted field with line breaks', () => {
    const { table } = read('qi,grade,notes\n5.1,4,"two\r\nlines"\n5.2,3,"three\nlines\nhere"\n5.3,2,\n');
    expect(table.rows.map((row) => row.line)).toEqual([2, 4, 7]);
  });

  it('keeps a stray quote inside an unquoted field as text', () => {
    expect(read('qi,grade,notes\n5.1,4,the "Getting it right" approach\n').values[0]!.notes).toBe('the "Getting it right" approach');
  });

  it('refuses a second column for the same thing, naming both', () => {
    const { problems } = read('qi,grade,Evaluation\n5.1,4,5\n');
    expect(problems).toEqual([{ file: 'f.csv', line: 1, column: 3, reason: 'column "Evaluation" is a second "grade" column (column 2 is "grade")', expected: 'one "grade" column' }]);
  });

  it('warns about a column it does not read only when the column holds something', () => {
    const withData = read('qi,grade,Notse,Empty\n5.1,4,x,\n').problems;
    expect(withData).toHaveLength(1);
    expect(withData[0]).toMatchObject({ line: 1, column: 3, level: 'warning' });
    expect(withData[0]!.reason).toContain('"Notse"');
    expect(read('qi,grade,Notse\n5.1,4,x\n', false).problems).toEqual([]);
  });

  it('reports a missing required column once, on the header, and keeps counting rows', () => {
    const { problems, tally } = read('qi,notes\n5.1,x\n5.2,y\n');
    expect(problems).toEqual([expect.objectContaining({ line: 1, column: 3, reason: 'column "grade" is missing' })]);
    expect(tally.rows).toBe(2);
  });

  it('treats header names like __proto__ and constructor as plain columns', () => {
    const { values, problems } = read('qi,grade,__proto__,constructor\n5.1,4,{"polluted":true},x\n');
    expect(values).toEqual([{ qi: '5.1', grade: '4' }]);
    expect(problems.map((p) => p.column)).toEqual([3, 4]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
