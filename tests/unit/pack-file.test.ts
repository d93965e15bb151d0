import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPackFile } from '../../src/ingest/index.js';
import { formatProblem, InvalidInputError, type PackSpec } from '../../src/model/index.js';
import { tempDir } from '../helpers/cli.js';

const MEETING = { council: 'Renfrewshire Council', committee: 'Improving Life Chances Group', date: '24/11/2022', time: '10:00', membership: ['Councillor Example'] };

async function pack(json: unknown): Promise<{ file: string; spec?: PackSpec; problems: string[] }> {
  const file = path.join(tempDir(), 'test.pack.json');
  writeFileSync(file, typeof json === 'string' ? json : JSON.stringify(json, null, 2));
  try {
    return { file, spec: await readPackFile(file), problems: [] };
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    return { file, problems: error.problems.map(formatProblem) };
  }
}

describe('readPackFile', () => {
  it('reads the meeting and the items in order, with paths relative to the pack file', async () => {
    const { file, spec } = await pack({ meeting: MEETING, items: [{ item: '1', title: 'Apologies' }, { item: '2', workspace: '../ws' }, { item: '3', pdf: 'papers/x.pdf', title: 'Budget', reportBy: 'Director of Finance' }] });
    expect(spec!.meeting).toEqual({ ...MEETING, date: '2022-11-24', venue: undefined });
    expect(spec!.agendaPack).toBe(true);
    expect(spec!.entries).toEqual([
      { kind: 'heading', item: '1', title: 'Apologies' },
      { kind: 'paper', item: '2', workspace: path.join(path.dirname(file), '../ws'), overrides: { committee: MEETING.committee, meetingDate: '2022-11-24', council: MEETING.council, agendaItem: '2' }, asOf: false },
      { kind: 'pdf', item: '3', pdf: path.join(path.dirname(file), 'papers/x.pdf'), title: 'Budget', reportBy: 'Director of Finance' },
    ]);
  });

  it('expands an item over areas and periods into numbered papers, filling in {{area}} and {{period}}', async () => {
    const { spec } = await pack({
      meeting: MEETING,
      items: [{ item: '7', workspace: 'ws', areas: ['Inverclyde', 'city of edinburgh'], periods: ['2021/22 Q1', 'Q2 2021/22'], report: { partnership: '{{area}} CSP', recommendations: ['note {{period}}'], peers: ['Inverclyde', 'Fife'] } }],
    });
    const papers = spec!.entries.filter((entry) => entry.kind === 'paper');
    expect(papers.map((p) => p.item)).toEqual(['7.1', '7.2', '7.3', '7.4']);
    expect(papers.map((p) => [p.overrides.area, p.overrides.partnership, p.overrides.recommendations![0]])).toEqual([
      ['Inverclyde', 'Inverclyde CSP', 'note 2021/22 Q1'],
      ['Inverclyde', 'Inverclyde CSP', 'note 2021/22 Q2'],
      ['Edinburgh City', 'Edinburgh City CSP', 'note 2021/22 Q1'],
      ['Edinburgh City', 'Edinburgh City CSP', 'note 2021/22 Q2'],
    ]);
    expect(papers[0]!.overrides.peers).toEqual(['Fife']);
    expect(papers.every((p) => p.asOf && p.overrides.agendaItem === p.item)).toBe(true);
  });

  it('makes "all" every one of the 32 councils', async () => {
    const { spec } = await pack({ meeting: MEETING, items: [{ item: '1', workspace: 'ws', areas: 'all' }] });
    expect(spec!.entries).toHaveLength(32);
  });

  it('lists every problem, positioned, with suggestions', async () => {
    const { file, problems } = await pack({ meeting: { ...MEETING, date: '31/02/2022', venu: 'x' }, items: [{ item: '1', workspace: 'a', pdf: 'b.pdf' }, { item: '2', workspace: 'w', areas: ['Atlantis'], periods: ['2021/23'] }, { title: 'No number' }] });
    expect(problems).toEqual([
      `${file}:5:13: meeting.date "31/02/2022" is not a date; expected a date such as 27/06/2018 or 2018-06-27 (day before month), or an Excel date number`,
      `${file}:10:5: unknown setting "meeting.venu" (did you mean venue?); expected one of council, committee, date, time, venue, membership`,
      `${file}:13:5: items[0] has both a workspace and a pdf; expected one paper an item: "workspace" to build, or "pdf" to include`,
      `${file}:22:9: items[1].areas names "Atlantis", which is not a Scottish council; expected council names such as "Renfrewshire", or "all"`,
      `${file}:25:9: items[1].periods names "2021/23", which is not a reporting period; expected periods such as "2021/22" or "2021/22 Q1"`,
      `${file}:28:5: items[2].item is missing; expected the agenda item number, e.g. "7"`,
    ]);
  });

  it('refuses an item number used twice', async () => {
    const { problems } = await pack({ meeting: MEETING, items: [{ item: '1', title: 'A' }, { item: '1', title: 'B' }] });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('item 1 appears twice (items[0] and items[1])');
  });
});
