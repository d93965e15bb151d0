// The workspace `init` starts: report.json's names from the council table, every other required field marked to
// complete; a round of grades for every QI; every item of Table 2. Expected values are typed here or read from
// the reference copy of the 2018 paper's Table 2 (tests/reference), never taken from the code under test.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { findCouncil } from '../../src/framework/index.js';
import { parsePeriod } from '../../src/model/index.js';
import { readInitTemplates } from '../../src/init/init-templates.js';
import { newWorkspaceSeed } from '../../src/init/seed.js';
import { COMMITTEE_PAPER_2018, COUNCILS } from '../reference/index.js';

const templates = await readInitTemplates();
const period = parsePeriod('2023/24 Q2')!;
const seedFor = (area: string) => newWorkspaceSeed(findCouncil(area)!, period, templates);

/**
 * Each council's own name ("The Council" and its area's name, Local Government etc. (Scotland) Act 1994 s. 2 and
 * Schedule 1; the Western Isles' Gaelic name from 1997) and the partnership's, by the LGBF's spelling.
 */
const EXPECTED_NAMES: Record<string, [council: string, partnership: string]> = {
  'Aberdeen City': ['Aberdeen City Council', "Aberdeen City Children's Services Partnership"],
  Aberdeenshire: ['Aberdeenshire Council', "Aberdeenshire Children's Services Partnership"],
  Angus: ['Angus Council', "Angus Children's Services Partnership"],
  'Argyll & Bute': ['Argyll and Bute Council', "Argyll and Bute Children's Services Partnership"],
  Clackmannanshire: ['Clackmannanshire Council', "Clackmannanshire Children's Services Partnership"],
  'Dumfries & Galloway': ['Dumfries and Galloway Council', "Dumfries and Galloway Children's Services Partnership"],
  'Dundee City': ['Dundee City Council', "Dundee City Children's Services Partnership"],
  'East Ayrshire': ['East Ayrshire Council', "East Ayrshire Children's Services Partnership"],
  'East Dunbartonshire': ['East Dunbartonshire Council', "East Dunbartonshire Children's Services Partnership"],
  'East Lothian': ['East Lothian Council', "East Lothian Children's Services Partnership"],
  'East Renfrewshire': ['East Renfrewshire Council', "East Renfrewshire Children's Services Partnership"],
  'Edinburgh City': ['City of Edinburgh Council', "City of Edinburgh Children's Services Partnership"],
  'Eilean Siar': ['Comhairle nan Eilean Siar', "Na h-Eileanan Siar Children's Services Partnership"],
  Falkirk: ['Falkirk Council', "Falkirk Children's Services Partnership"],
  Fife: ['Fife Council', "Fife Children's Services Partnership"],
  'Glasgow City': ['Glasgow City Council', "Glasgow City Children's Services Partnership"],
  Highland: ['Highland Council', "Highland Children's Services Partnership"],
  Inverclyde: ['Inverclyde Council', "Inverclyde Children's Services Partnership"],
  Midlothian: ['Midlothian Council', "Midlothian Children's Services Partnership"],
  Moray: ['Moray Council', "Moray Children's Services Partnership"],
  'North Ayrshire': ['North Ayrshire Council', "North Ayrshire Children's Services Partnership"],
  'North Lanarkshire': ['North Lanarkshire Council', "North Lanarkshire Children's Services Partnership"],
  'Orkney Islands': ['Orkney Islands Council', "Orkney Islands Children's Services Partnership"],
  'Perth & Kinross': ['Perth and Kinross Council', "Perth and Kinross Children's Services Partnership"],
  Renfrewshire: ['Renfrewshire Council', "Renfrewshire Children's Services Partnership"],
  'Scottish Borders': ['Scottish Borders Council', "Scottish Borders Children's Services Partnership"],
  'Shetland Islands': ['Shetland Islands Council', "Shetland Islands Children's Services Partnership"],
  'South Ayrshire': ['South Ayrshire Council', "South Ayrshire Children's Services Partnership"],
  'South Lanarkshire': ['South Lanarkshire Council', "South Lanarkshire Children's Services Partnership"],
  Stirling: ['Stirling Council', "Stirling Children's Services Partnership"],
  'West Dunbartonshire': ['West Dunbartonshire Council', "West Dunbartonshire Children's Services Partnership"],
  'West Lothian': ['West Lothian Council', "West Lothian Children's Services Partnership"],
};

/** The LGBF's list of the 32 councils, read from the published file. */
const lgbfNames = (parse(readFileSync(COUNCILS, 'utf8'), { bom: true, columns: true }) as Record<string, string>[]).map((row) => row.local_authority_lgbf_name!);

describe('report.json for a council', () => {
  it('names each of the 32 councils and its partnership, with the area as the figures spell it', () => {
    expect(Object.keys(EXPECTED_NAMES).sort()).toEqual([...lgbfNames].sort());
    for (const area of lgbfNames) {
      const { report } = seedFor(area);
      expect([report.council, report.partnership, report.area], area).toEqual([...EXPECTED_NAMES[area]!, area]);
    }
  });

  it('finds the council however it is written', () => {
    for (const [typed, area] of [['fife', 'Fife'], ['City of Edinburgh', 'Edinburgh City'], ['Western Isles', 'Eilean Siar'], ['Na h-Eileanan Siar', 'Eilean Siar'], ['Comhairle nan Eilean Siar', 'Eilean Siar'], ['Argyll and Bute Council', 'Argyll & Bute'], ['Orkney', 'Orkney Islands']]) {
      expect(seedFor(typed!).report.area, typed).toBe(area);
    }
  });

  it('holds every field the README lists, the ones init cannot know marked TO COMPLETE, in the README order', () => {
    const { report } = seedFor('Fife');
    expect(Object.keys(report)).toEqual(['council', 'committee', 'meetingDate', 'reportBy', 'title', 'agendaItem', 'partnership', 'area', 'period', 'draft', 'background', 'recommendations', 'author', 'implications', 'backgroundPapers']);
    const marked = (value: unknown) => typeof value === 'string' && value.startsWith('TO COMPLETE: ') && value.length > 'TO COMPLETE: '.length + 10;
    for (const field of ['committee', 'meetingDate', 'agendaItem']) expect(marked(report[field]), field).toBe(true);
    const person = (value: unknown) => value as Record<string, unknown>;
    expect(Object.keys(person(report.reportBy))).toEqual(['name', 'post']);
    expect(Object.values(person(report.reportBy)).every(marked)).toBe(true);
    expect(Object.keys(person(report.author))).toEqual(['name', 'post', 'contact']);
    expect(Object.values(person(report.author)).every(marked)).toBe(true);
    expect(report.recommendations).toHaveLength(1);
    expect((report.recommendations as unknown[]).every(marked)).toBe(true);
    // The example recommendation names the round: the period is filled in inside the marker's text too.
    expect(report.recommendations).toEqual([expect.stringContaining('2023/24 Q2')]);
    const implications = report.implications as { heading: string; text: string }[];
    expect(implications.map((i) => i.heading)).toEqual(['Financial', 'Human Resources', 'Legal', 'Equalities', 'Risk']);
    expect(implications.every((i) => marked(i.text) && !marked(i.heading))).toBe(true);
    // What init can know or sensibly suggest is written as it will be printed.
    expect(report).toMatchObject({ period: '2023/24 Q2', title: 'Inspection readiness: self-evaluation against the Quality Improvement Framework', draft: true, background: [], backgroundPapers: [] });
    for (const field of ['council', 'partnership', 'area', 'period', 'title']) expect(String(report[field]), field).not.toMatch(/TO COMPLETE|\{\{/);
    expect(JSON.stringify(report)).not.toContain('{{');
  });
});

/** The reference paper's Table 2 as one line of text, whitespace collapsed (rows a page broke run on). */
const table2 = (() => {
  const paper = readFileSync(COMMITTEE_PAPER_2018, 'utf8');
  return paper.slice(paper.indexOf('Table 2:')).replace(/\s+/g, ' ');
})();

/** The 22 QIs and area 10, in the framework's order, as Table 1 of the paper lists them. */
const QIS = ['1.1', '2.1', '2.2', '3.1', '4.1', '5.1', '5.2', '5.3', '5.4', '6.1', '6.2', '6.3', '6.4', '6.5', '7.1', '7.2', '8.1', '8.2', '9.1', '9.2', '9.3', '9.4', '10'];

/** Items of each QI's list in Table 2, counted in the paper (its semicolons): 6.3 has no row, area 10 a note. */
const ITEMS_IN_TABLE_2: Record<string, number> = {
  '1.1': 1, '2.1': 4, '2.2': 4, '3.1': 11, '4.1': 8, '5.1': 9, '5.2': 10, '5.3': 10, '5.4': 9, '6.1': 10, '6.2': 15, '6.3': 0,
  '6.4': 10, '6.5': 6, '7.1': 6, '7.2': 10, '8.1': 7, '8.2': 4, '9.1': 6, '9.2': 9, '9.3': 6, '9.4': 7, '10': 0,
};

describe('grades.csv for a period', () => {
  it('has one row per QI and area 10 for the period, titled, with nothing else filled in', () => {
    const { grades } = seedFor('Fife');
    expect(grades.map((g) => g.qi)).toEqual(QIS);
    for (const g of grades) {
      expect(g).toMatchObject({ period: '2023/24 Q2', grade: '', evaluatedOn: '', strengths: '', areasForImprovement: '' });
      // The title as the paper prints it beside the QI: in Table 2, or for 6.3 (no row there) in Table 1.
      expect(table2.includes(` ${g.qi} ${g.title} `) || (g.qi === '6.3' && readFileSync(COMMITTEE_PAPER_2018, 'utf8').includes(`6.3 ${g.title}`)), g.qi).toBe(true);
    }
  });
});

describe('evidence.csv', () => {
  const { evidence } = seedFor('Fife');

  it('lists every item of Table 2 for each QI, and nothing else, with no status yet', () => {
    expect(evidence).toHaveLength(162);
    for (const qi of QIS) expect(evidence.filter((e) => e.qi === qi).length, qi).toBe(ITEMS_IN_TABLE_2[qi]);
    expect([...new Set(evidence.map((e) => e.qi))]).toEqual(QIS.filter((qi) => ITEMS_IN_TABLE_2[qi]! > 0));
    expect(evidence.every((e) => e.status === '' && e.reviewedOn === '' && e.reference === '')).toBe(true);
  });

  it('gives each item its number in the QI’s list and its wording, in the paper’s order within the QI’s row', () => {
    const rows = QIS.filter((qi) => ITEMS_IN_TABLE_2[qi]! > 0);
    for (const [index, qi] of rows.entries()) {
      const title = seedFor('Fife').grades.find((g) => g.qi === qi)!.title;
      const start = table2.indexOf(` ${qi} ${title} `);
      const next = rows[index + 1];
      const end = next ? table2.indexOf(` ${next} `, start + 1) : table2.indexOf(' 10 What is our capacity');
      const items = evidence.filter((e) => e.qi === qi);
      expect(items.map((e) => e.itemNumber), qi).toEqual(items.map((_, i) => i + 1));
      let at = start;
      for (const e of items) {
        const found = table2.indexOf(e.item, at);
        expect(found > at && found < end, `${qi} item ${e.itemNumber} "${e.item}"`).toBe(true);
        at = found;
      }
    }
  });
});
