import { copyFileSync, cpSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument as SecuredDocument } from '@cantoo/pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPackFile } from '../../src/ingest/index.js';
import { formatProblem, InvalidInputError, type PackSpec } from '../../src/model/index.js';
import { FIXTURES, tempDir } from '../helpers/cli.js';

const MEETING = { council: 'Renfrewshire Council', committee: 'Improving Life Chances Group', date: '24/11/2022', time: '10:00', membership: ['Councillor Example'] };

/**
 * A folder holding what the pack files below name: `ws`, a copy of the Orkney workspace (report period 2021/22 Q4,
 * grades from 2019/20 Q4, area Orkney Islands); `papers/x.pdf`, a PDF; `papers/locked.pdf`, one that needs a password.
 */
let folder: string;
beforeAll(async () => {
  folder = tempDir();
  cpSync(path.join(FIXTURES, 'orkney'), path.join(folder, 'ws'), { recursive: true });
  mkdirSync(path.join(folder, 'papers'));
  copyFileSync(path.join(FIXTURES, 'packs', 'papers', 'children-services-plan-progress.pdf'), path.join(folder, 'papers', 'x.pdf'));
  const locked = await SecuredDocument.create();
  locked.addPage();
  locked.encrypt({ userPassword: 'secret', ownerPassword: 'owner' });
  writeFileSync(path.join(folder, 'papers', 'locked.pdf'), await locked.save());
  writeFileSync(path.join(folder, 'papers', 'text.pdf'), 'Not a PDF at all.');
});

async function pack(json: unknown): Promise<{ file: string; spec?: PackSpec; problems: string[] }> {
  const file = path.join(folder, `test-${Math.random().toString(16).slice(2)}.pack.json`);
  writeFileSync(file, typeof json === 'string' ? json : JSON.stringify(json, null, 2));
  try {
    return { file, spec: await readPackFile(file), problems: [] };
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    return { file, problems: error.problems.map(formatProblem) };
  }
}

/** 1-based line and column of `needle` in the file's text, as an editor shows them. */
function at(text: string, needle: string, from = 0): string {
  const offset = text.indexOf(needle, from);
  const before = text.slice(0, offset).split('\n');
  return `${before.length}:${before.at(-1)!.length + 1}`;
}

describe('readPackFile', () => {
  it('reads the meeting and the items in order, with paths relative to the pack file', async () => {
    const { spec } = await pack({ meeting: MEETING, items: [{ item: '1', title: 'Apologies' }, { item: '2', workspace: 'ws' }, { item: '3', pdf: 'papers/x.pdf', title: 'Budget', reportBy: 'Director of Finance' }] });
    expect(spec!.meeting).toEqual({ ...MEETING, date: '2022-11-24', venue: undefined });
    expect(spec!.agendaPack).toBe(true);
    expect(spec!.entries).toEqual([
      { kind: 'heading', item: '1', title: 'Apologies' },
      { kind: 'paper', item: '2', workspace: path.join(folder, 'ws'), overrides: { committee: MEETING.committee, meetingDate: '2022-11-24', council: MEETING.council, agendaItem: '2' }, asOf: false },
      { kind: 'pdf', item: '3', pdf: path.join(folder, 'papers/x.pdf'), title: 'Budget', reportBy: 'Director of Finance' },
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

  it('fills {{area}} and {{period}} with the workspace’s own where the pack names none', async () => {
    const { spec } = await pack({ meeting: MEETING, items: [{ item: '5', workspace: 'ws', periods: ['2020/21 Q4', '2021/22 Q4'], report: { recommendations: ['note the evidence for {{area}} as it stood at {{period}}.'] } }, { item: '6', workspace: 'ws', report: { title: 'Readiness, {{area}}, {{period}}' } }] });
    const papers = spec!.entries.filter((entry) => entry.kind === 'paper');
    expect(papers.map((p) => p.overrides.recommendations?.[0] ?? p.overrides.title)).toEqual([
      'note the evidence for Orkney Islands as it stood at 2020/21 Q4.',
      'note the evidence for Orkney Islands as it stood at 2021/22 Q4.',
      'Readiness, Orkney Islands, 2021/22 Q4',
    ]);
  });

  it('makes "all" every one of the 32 councils', async () => {
    const { spec } = await pack({ meeting: MEETING, items: [{ item: '1', workspace: 'ws', areas: 'all' }] });
    expect(spec!.entries).toHaveLength(32);
  });

  it('lists every problem in the file, positioned, naming items by their numbers, with suggestions', async () => {
    const { file, problems } = await pack({ meeting: { ...MEETING, date: '31/02/2022', venu: 'x' }, items: [{ item: '1', workspace: 'a', pdf: 'b.pdf' }, { item: '2', workspace: 'ws', areas: ['Atlantis'], periods: ['2021/23'] }, { title: 'No number' }] });
    expect(problems).toEqual([
      `${file}:5:13: meeting.date "31/02/2022" is not a date; expected a date such as 27/06/2018 or 2018-06-27 (day before month), or an Excel date number`,
      `${file}:10:5: unknown setting "meeting.venu" (did you mean venue?); expected one of council, committee, date, time, venue, membership`,
      `${file}:13:5: item 1 has both a workspace and a pdf; expected one paper an item: "workspace" to build, or "pdf" to include`,
      `${file}:22:9: item 2: areas names "Atlantis", which is not a Scottish council; expected council names such as "Renfrewshire", or "all"`,
      `${file}:25:9: item 2: periods names "2021/23", which is not a reporting period; expected periods such as "2021/22" or "2021/22 Q1"`,
      `${file}:28:5: items[2]: item is missing; expected the agenda item number, e.g. "7"`,
    ]);
  });

  it('refuses an item number used twice', async () => {
    const { problems } = await pack({ meeting: MEETING, items: [{ item: '1', title: 'A' }, { item: '1', title: 'B' }] });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('item 1 appears twice on the agenda');
  });

  it('refuses item numbers that are not agenda numbers, so no file name can leave its folder', async () => {
    const numbers = ['../../1', '/etc/1', '..\\1', '...', '4B', '5.1', '10.2a'];
    const { file, problems } = await pack({ meeting: MEETING, items: numbers.map((item) => ({ item, title: 'A title' })) });
    const text = JSON.stringify({ meeting: MEETING, items: numbers.map((item) => ({ item, title: 'A title' })) }, null, 2);
    expect(problems).toEqual(
      ['../../1', '/etc/1', '..\\\\1', '...'].map(
        (number) => `${file}:${at(text, `"${number}"`)}: items[${['../../1', '/etc/1', '..\\\\1', '...'].indexOf(number)}]: item "${number.replace('\\\\', '\\')}" is not an agenda number; expected a number as an agenda writes it, such as "4", "4B" or "5.1"`,
      ),
    );
  });

  it('reports a missing workspace, a missing PDF, a PDF that needs a password and a file that is not a PDF, all at once, before anything is built', async () => {
    const json = { meeting: MEETING, items: [{ item: '4B', workspace: 'nowhere' }, { item: '5', pdf: 'papers/gone.pdf', title: 'Gone' }, { item: '6', pdf: 'papers/locked.pdf', title: 'Locked' }, { item: '7', pdf: 'papers/text.pdf', title: 'Text' }] };
    const { file, problems } = await pack(json);
    const text = JSON.stringify(json, null, 2);
    expect(problems).toEqual([
      `${file}:${at(text, '"nowhere"')}: item 4B: there is no workspace folder at "nowhere"; expected a workspace folder, its path relative to the pack file`,
      `${file}:${at(text, '"papers/gone.pdf"')}: item 5: there is no file at "papers/gone.pdf"; expected the PDF to include, its path relative to the pack file`,
      `${file}:${at(text, '"papers/locked.pdf"')}: item 6: "papers/locked.pdf" is protected by a password to open it, so it cannot be included; expected a copy that opens without a password: ask its author for one, or open it and save it again without the password`,
      `${file}:${at(text, '"papers/text.pdf"')}: item 7: "papers/text.pdf" is not a PDF (a PDF file starts with "%PDF"); expected a PDF file, as another service sent it`,
    ]);
  });

  it('refuses a period the workspace cannot report on: later than its report period, or before its first grades', async () => {
    const json = { meeting: MEETING, items: [{ item: '5', workspace: 'ws', periods: ['2024/25 Q1', '2018/19', '2020/21'] }] };
    const { file, problems } = await pack(json);
    const text = JSON.stringify(json, null, 2);
    expect(problems).toEqual([
      `${file}:${at(text, '"2024/25 Q1"')}: item 5: period 2024/25 Q1 is later than the workspace's report period, 2021/22 Q4, so it is a round that has not happened; expected a period up to 2021/22 Q4, or a later "period" in the workspace's report.json`,
      `${file}:${at(text, '"2018/19"')}: item 5: period 2018/19 is before the workspace's first graded round, 2019/20 Q4, so its paper would have no grades; expected a period from 2019/20 Q4 to 2021/22 Q4`,
    ]);
  });

  it('refuses a placeholder the pack does not fill, where it is written, instead of printing it or leaving a blank', async () => {
    const json = { meeting: MEETING, items: [{ item: '5', workspace: 'ws', report: { title: 'Readiness for {{perod}}', recommendations: ['note {{#if area}}x{{/if}}', 'note {{council}}'] } }] };
    const { file, problems } = await pack(json);
    const text = JSON.stringify(json, null, 2);
    expect(problems).toEqual([
      `${file}:${at(text, '{{perod}}')}: item 5: report.title has the placeholder "{{perod}}", which the pack does not fill (did you mean period?); expected {{area}}, {{council}} or {{period}}`,
      `${file}:${at(text, '{{#if area}}')}: item 5: report.recommendations[0] has the placeholder "{{#if area}}x{{/if}}", which the pack does not fill; expected {{area}}, {{council}} or {{period}}`,
    ]);
  });
});
