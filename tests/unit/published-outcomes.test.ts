// The appendix of published evaluations: the report model's outcomes for the chosen model (none for the default),
// and the Markdown templates/partials/published-outcomes.md makes of them. Expected rows are written by hand from
// docs/sources/inspection-outcomes.csv.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { buildReportModel } from '../../src/analyse/index.js';
import { publishedOutcomes } from '../../src/analyse/published-outcomes.js';
import { loadWorkspace } from '../../src/ingest/index.js';
import type { ReportModel } from '../../src/model/index.js';
import { escapeStrings } from '../../src/render/escape-markdown.js';
import { outcomesView } from '../../src/render/view-outcomes.js';
import { FIXTURES, ROOT } from '../helpers/cli.js';

const partial = Handlebars.compile(readFileSync(path.join(ROOT, 'templates', 'partials', 'published-outcomes.md'), 'utf8'), { strict: true, noEscape: true });

/** The fixture's report model with the outcomes of its model, as buildReportModel gives them once it sets the field. */
async function modelOf(fixture: string): Promise<ReportModel> {
  const model = buildReportModel(await loadWorkspace(path.join(FIXTURES, fixture)));
  return { ...model, publishedOutcomes: publishedOutcomes(model.inspection.id) };
}

const markdown = (model: ReportModel) => partial(escapeStrings(outcomesView(model)));

/** Markdown's backslash escapes undone, to compare with plain text. */
const plain = (text: string) => text.replace(/\\(.)/g, '$1');

describe('publishedOutcomes', () => {
  it('gives model B QI 2.1 for six partnerships, with dates as far as known and two attributed by inference', () => {
    expect(publishedOutcomes('at-risk-of-harm-2021').map((o) => [o.partnership, o.reportDate, o.qi, o.grade, o.word, o.attribution])).toEqual([
      ['Dundee City', '2022-01-11', '2.1', 4, 'Good', 'inferred'],
      ['Aberdeenshire', '2023-01-24', '2.1', 5, 'Very good', 'inferred'],
      ['East Dunbartonshire', '2023-04-18', '2.1', 4, 'Good', 'named'],
      ['Moray', '2024-01-23', '2.1', 3, 'Adequate', 'named'],
      ['East Lothian', '2024-05-07', '2.1', 5, 'Very good', 'named'],
      ['North Lanarkshire', undefined, '2.1', 5, 'Very good', 'named'],
    ]);
    expect(publishedOutcomes('at-risk-of-harm-2021')[3]!.source).toBe('https://careinspectorate.com/index.php/news/7418-joint-inspection-of-services-for-children-and-young-people-at-risk-of-harm-in-moray');
  });

  it('gives none for the default model (its papers stay as they were) nor for model C (none published)', () => {
    expect(publishedOutcomes('care-and-protection-2018')).toEqual([]);
    expect(publishedOutcomes('cso-at-home-2025')).toEqual([]);
  });
});

describe('the published-outcomes appendix', () => {
  it('lists each evaluation with its partnership, QI, grade, date or "date not found", source and inference mark', async () => {
    const text = plain(markdown(await modelOf('at-risk-of-harm')));
    expect(text).toMatch(/^# Appendix 6: Published evaluations under this inspection model\n/);
    expect(text).toContain('they are not a rank of partnerships, and they do not predict the grade');
    expect(text).toContain('- **Dundee City**: QI 2.1 Impact on children and young people, **Good**; report of 11 January 2022; attributed by inference. Source: https://www.dundeeandanguschamber.co.uk/news/article/20543/joint-inspection-of-services-for-children-and-young-people-at-risk-of-harm\n');
    expect(text).toContain('- **East Dunbartonshire**: QI 2.1 Impact on children and young people, **Good**; report of 18 April 2023. Source: https://www.eastdunbarton.gov.uk/');
    expect(text).toContain('- **North Lanarkshire**: QI 2.1 Impact on children and young people, **Very good**; date not found. Source: http://www.careinspectorate.com/');
    expect(text.match(/^- /gm)).toHaveLength(6);
    expect(text.match(/attributed by inference\./g)).toHaveLength(2);
    expect(text).toContain('Attributed by inference: the source gives the grade without naming the quality indicator');
  });

  it('titles the QI as the workspace\'s edition does, and numbers itself after a data-quality appendix', async () => {
    const model = await modelOf('at-risk-of-harm');
    const retitled = { ...model, qis: model.qis.map((qi) => (qi.id === '2.1' ? { ...qi, title: 'A title of another edition' } : qi)) };
    expect(plain(markdown(retitled))).toContain('QI 2.1 A title of another edition, **Good**');
    const lenient = { ...model, dataQuality: { ...model.dataQuality, mode: 'lenient' as const } };
    expect(markdown(lenient)).toMatch(/^# Appendix 7: /);
  });

  it('is nothing at all where the model has none: the default model\'s papers are unchanged', async () => {
    expect(markdown(await modelOf('renfrewshire'))).toBe('');
    expect(markdown(await modelOf('cso-at-home'))).toBe('');
  });

  it('marks a grade whose heading may be an area or a QI, with its note', async () => {
    const model = await modelOf('at-risk-of-harm');
    const area = { ...model, publishedOutcomes: [{ partnership: 'Orkney', reportDate: '2020-02', area: 9, grade: 1 as const, word: 'Unsatisfactory', source: 'https://example.org/', attribution: 'uncertain' as const }] };
    const text = plain(markdown(area));
    expect(text).toContain('- **Orkney**: area 9 Leadership and direction (area or QI not stated), **Unsatisfactory**; report of February 2020. Source: https://example.org/');
    expect(text).toContain('Area or QI not stated: the source names the heading graded');
    expect(text).not.toContain('Attributed by inference:');
  });
});
