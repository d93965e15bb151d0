// Hints on bad input that help rather than mislead: a wrong area said at report.json, councils suggested from
// part of their names, no suggestion of a word's opposite, did-you-mean for keys in the wrong case and mapping
// QIs, one hint a file for LGBF years Excel turned into dates, and Excel's lock files skipped with a note.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { indicatorCatalogue } from '../../src/framework/index.js';
import { parseGrade, readSettings, readWorkspace } from '../../src/ingest/index.js';
import { councilsLike } from '../../src/ingest/council-names.js';
import { yearExcelMangled } from '../../src/ingest/excel-years.js';
import { readLgbfTable } from '../../src/ingest/lgbf.js';
import { isOpposite, nearMisses } from '../../src/ingest/near-miss.js';
import { formatProblem, type InputProblem } from '../../src/model/index.js';
import { FIXTURES, tempDir } from '../helpers/cli.js';

const BASE = path.join(FIXTURES, 'bad-inputs', 'base');
const baseReport = readFileSync(path.join(BASE, 'report.json'), 'utf8');

/** A copy of the bad-inputs base workspace, with report.json's text changed. */
function workspaceWith(report: (text: string) => string = (text) => text): string {
  const folder = path.join(tempDir(), 'ws');
  cpSync(BASE, folder, { recursive: true });
  writeFileSync(path.join(folder, 'report.json'), report(baseReport));
  return folder;
}

function settingsProblems(text: string): string[] {
  const problems: InputProblem[] = [];
  readSettings('report.json', text, problems);
  return problems.map(formatProblem);
}

describe('suggestions close in meaning as well as spelling', () => {
  it('never suggests a word’s opposite', () => {
    expect(isOpposite('Satisfactory', 'Unsatisfactory')).toBe(true);
    expect(isOpposite('inadequate', 'Adequate')).toBe(true);
    expect(isOpposite('Adequte', 'Adequate')).toBe(false);
    expect(nearMisses('Satisfactory', ['Excellent', 'Very good', 'Good', 'Adequate', 'Weak', 'Unsatisfactory'])).toEqual([]);
    expect(parseGrade('Satisfactory')).toEqual({ ok: false, expected: 'a grade 1–6 or one of Excellent, Very good, Good, Adequate, Weak, Unsatisfactory' });
    expect(parseGrade('Inadequate')).not.toHaveProperty('hint');
    expect(parseGrade('Unsatisfactry')).toMatchObject({ hint: 'did you mean Unsatisfactory?' });
  });

  it('suggests a name that differs only in case', () => {
    expect(nearMisses('meetingdate', ['council', 'meetingDate'])).toEqual(['meetingDate']);
    expect(nearMisses('meetingDate', ['meetingDate'])).toEqual([]);
  });

  it('suggests the councils a name is part of, or a slip for', () => {
    expect(councilsLike('Dundee')).toEqual(['Dundee City']);
    expect(councilsLike('Fyfe')).toEqual(['Fife']);
    expect(councilsLike('Ayrshire')).toEqual(['East Ayrshire', 'North Ayrshire', 'South Ayrshire']);
    expect(councilsLike('Renfrew')).toEqual(['East Renfrewshire', 'Renfrewshire']);
    expect(councilsLike('Fife')).toEqual([]);
    expect(councilsLike('Atlantis')).toEqual([]);
  });
});

describe('report.json', () => {
  it('a key in the wrong case, a peer by part of its name, a mapping QI as a spreadsheet writes it: each with did-you-mean', () => {
    const text = baseReport
      .replace('"meetingDate"', '"meetingdate"')
      .replace('"period": "2021/22 Q4",', '"period": "2021/22 Q4", "peers": ["Dundee"], "mapping": { "1": ["5.10"] }, "thresholds": { "readyMinimumGrde": 4 },');
    const problems = settingsProblems(text);
    expect(problems).toContain('report.json:4:3: unknown setting "meetingdate" (did you mean meetingDate?); expected one of council, committee, meetingDate, reportBy, title, agendaItem, partnership, area, period, draft, background, recommendations, author, implications, backgroundPapers, mapping, thresholds, data, peers, inspectionModel, framework');
    expect(problems).toContainEqual(expect.stringMatching(/^report\.json:10:\d+: peers names "Dundee", which is not a Scottish council \(did you mean Dundee City\?\)/));
    expect(problems).toContainEqual(expect.stringMatching(/^report\.json:10:\d+: mapping\.1 names QI "5\.10" \(did you mean 5\.1\?\)/));
    expect(problems).toContainEqual(expect.stringMatching(/^report\.json:10:\d+: unknown threshold "readyMinimumGrde" \(did you mean readyMinimumGrade\?\)/));
  });

  it('a wrong area is said at its value in report.json, with the council meant, not as figures missing from dataset.csv', async () => {
    const folder = workspaceWith((text) => text.replace('"area": "Orkney Islands"', '"area": "Fyfe"'));
    const { problems } = await readWorkspace(folder);
    expect(problems.map(formatProblem)).toEqual([
      `${folder}/report.json:9:11: area "Fyfe" is not a Scottish council, and no figures carry that name (did you mean Fife?); expected the council the partnership serves, as the figures name it (e.g. "Renfrewshire"), or an area named in dataset.csv`,
    ]);
  });

  it('a council with no figures is still a gap in the figures, said at dataset.csv', async () => {
    const folder = workspaceWith((text) => text.replace('"area": "Orkney Islands"', '"area": "Shetland Islands"'));
    const { problems } = await readWorkspace(folder);
    expect(problems.map(formatProblem)).toEqual([`${folder}/dataset.csv: no figures for the partnership's area "Shetland Islands"; expected rows whose area matches "area" in report.json`]);
  });
});

describe('LGBF years Excel turned into dates', () => {
  it('are recognised: 2010-11 saved as "Nov-10", 2011-12 as "Dec-11"', () => {
    expect(yearExcelMangled('Nov-10')).toBe('2010-11');
    expect(yearExcelMangled('Dec-11')).toBe('2011-12');
    expect(yearExcelMangled('Oct-09')).toBe('2009-10');
    expect(yearExcelMangled('Nov-11')).toBeUndefined();
    expect(yearExcelMangled('2010-11')).toBeUndefined();
  });

  it('each such row is refused where it is, and the hint is given once a file', () => {
    const header = ',LocalAuthority,IndicatorCode,Year,IndicatorCash_LA,NumeratorCash_LA,DenominatorCash_LA,IndicatorCash_Scotland,NumeratorCash_Scotland,DenominatorCash_Scotland,IndicatorCash_FG,NumeratorCash_FG,DenominatorCash_FG,FamilyGroup';
    const row = (year: string) => `1,Fife,CHN09,${year},0.9,,,0.91,,,0.88,,,Urban`;
    const problems: InputProblem[] = [];
    const records = readLgbfTable('lgbf.csv', [header, row('Nov-10'), row('Dec-11'), row('2012-13'), row('Nov-10')].join('\n'), indicatorCatalogue, problems);
    expect(records.filter((record) => record.area === 'Fife')).toHaveLength(1);
    expect(problems.map((problem) => `${problem.line}:${problem.column} ${problem.reason}`)).toEqual([
      '2:4 year "Nov-10" is not valid (Excel saved the year 2010-11 as the date "Nov-10", here and in every row like it below: download the file afresh and build without opening it in Excel, or import it into Excel with this column as Text)',
      '3:4 year "Dec-11" is not valid',
      '5:4 year "Nov-10" is not valid',
    ]);
  });
});

describe('Excel’s lock files', () => {
  it('are skipped with a note, in the workspace and in data/, and are not listed in the paper', async () => {
    const folder = workspaceWith();
    writeFileSync(path.join(folder, '~$grades.csv'), '\u000dRobin Example');
    mkdirSync(path.join(folder, 'data'));
    writeFileSync(path.join(folder, 'data', '~$lgbf_data_table_cash.csv'), '\u000dRobin Example\u0000\u0000');
    const { problems, workspace, files } = await readWorkspace(folder);
    expect(problems.map(formatProblem)).toEqual([
      `${folder}/~$grades.csv: warning: grades.csv is open in Excel? its lock file was skipped; expected grades.csv saved and closed in Excel before building: changes not saved are not read`,
      `${folder}/data/~$lgbf_data_table_cash.csv: warning: lgbf_data_table_cash.csv is open in Excel? its lock file was skipped; expected lgbf_data_table_cash.csv saved and closed in Excel before building: changes not saved are not read`,
    ]);
    expect(files.map((file) => file.file)).toEqual(['report.json', 'grades.csv', 'evidence.csv', 'dataset.csv']);
    expect(workspace?.intake.warnings).toEqual([]);
  });

  it('beside a file the workspace does not read are left alone', async () => {
    const folder = workspaceWith();
    writeFileSync(path.join(folder, '~$minutes.docx'), 'Word');
    expect((await readWorkspace(folder)).problems).toEqual([]);
  });
});
