import { describe, expect, it } from 'vitest';
import { parseDate, parseGrade, parseNumber, parseQi } from '../../src/ingest/values.js';
import { periodDates } from '../../src/model/index.js';

describe('values as spreadsheets write them', () => {
  it('reads grades in the drop-down styles only when number and word agree', () => {
    expect(parseGrade('5 - Very good')).toEqual({ ok: true, value: 5 });
    expect(parseGrade('Very Good (5)')).toEqual({ ok: true, value: 5 });
    expect(parseGrade('Very Good ')).toEqual({ ok: true, value: 5 });
    expect(parseGrade('4 - Very good')).toMatchObject({ ok: false, hint: '4 and Very good disagree' });
  });

  it('suggests the nearest grade word for a misspelling', () => {
    expect(parseGrade('Excelent')).toMatchObject({ ok: false, hint: 'did you mean Excellent?' });
    expect(parseGrade('Adequte')).toMatchObject({ ok: false, hint: 'did you mean Adequate?' });
    expect(parseGrade('Outstanding')).not.toHaveProperty('hint');
  });

  it('reads Excel date numbers: 43278 is 27 June 2018 and 43101 is 1 January 2018', () => {
    expect(parseDate('43278')).toEqual({ ok: true, value: '2018-06-27' });
    expect(parseDate('43101')).toEqual({ ok: true, value: '2018-01-01' });
    expect(parseDate('43278.75')).toEqual({ ok: true, value: '2018-06-27' });
  });

  it('reads two-digit years, dotted dates, month names and a time of day Excel appends', () => {
    expect(parseDate('27/6/18')).toEqual({ ok: true, value: '2018-06-27' });
    expect(parseDate('27.06.2018')).toEqual({ ok: true, value: '2018-06-27' });
    expect(parseDate('27 June 2018')).toEqual({ ok: true, value: '2018-06-27' });
    expect(parseDate('27/06/2018 00:00')).toEqual({ ok: true, value: '2018-06-27' });
    expect(parseDate('2018-06-27T00:00:00')).toEqual({ ok: true, value: '2018-06-27' });
  });

  it('says when a date looks American', () => {
    expect(parseDate('06/27/2018')).toMatchObject({ ok: false, hint: 'it looks like month before day' });
    expect(parseDate('05/06/2018')).toEqual({ ok: true, value: '2018-06-05' });
  });

  it('reads QI codes with a "QI" prefix or a decimal comma, and suggests the nearest on a typo', () => {
    expect(parseQi('QI 5.1')).toEqual({ ok: true, value: '5.1' });
    expect(parseQi('5,1')).toEqual({ ok: true, value: '5.1' });
    expect(parseQi('5.10')).toMatchObject({ ok: false, hint: 'did you mean 5.1?' });
    expect(parseQi('9.5')).toMatchObject({ ok: false, hint: 'did you mean 9.1, 9.2, 9.3 or 9.4?' });
    expect(parseQi('nonsense')).not.toHaveProperty('hint');
  });

  it('reads numbers with thousands separators but not decimal commas', () => {
    expect(parseNumber('14,738')).toEqual({ ok: true, value: 14738 });
    expect(parseNumber('1,234,567.5')).toEqual({ ok: true, value: 1234567.5 });
    expect(parseNumber('12,5').ok).toBe(false);
  });
});

describe('numbers where a comma may be a decimal comma', () => {
  it('refuses a number with a comma in a semicolon-separated file, and reads one without', () => {
    expect(parseNumber('22,845', true)).toMatchObject({ ok: false, hint: expect.stringContaining('decimal comma') });
    expect(parseNumber('22.845', true)).toEqual({ ok: true, value: 22.845 });
  });

  it('hints at a percent sign or a decimal comma in an ordinary file', () => {
    expect(parseNumber('70.59%')).toMatchObject({ ok: false, hint: 'write it without the % sign' });
    expect(parseNumber('12,5')).toMatchObject({ ok: false, hint: 'a decimal comma? write it with a decimal point' });
  });
});

describe('periodDates', () => {
  it('gives the first and last days of financial years and their quarters', () => {
    expect(periodDates({ startYear: 2020 })).toEqual({ start: '2020-04-01', end: '2021-03-31' });
    expect(periodDates({ startYear: 2020, quarter: 1 })).toEqual({ start: '2020-04-01', end: '2020-06-30' });
    expect(periodDates({ startYear: 2020, quarter: 2 })).toEqual({ start: '2020-07-01', end: '2020-09-30' });
    expect(periodDates({ startYear: 2020, quarter: 3 })).toEqual({ start: '2020-10-01', end: '2020-12-31' });
    expect(periodDates({ startYear: 2020, quarter: 4 })).toEqual({ start: '2021-01-01', end: '2021-03-31' });
  });
});
