// `qif-report framework`, run in-process: the text names every inspection model with what it asks, grades and
// expects, and the editions; --json is the whole framework object, with each title's check against its source.
// Expected facts are written here by hand from docs/sources/inspection-models.md, not read from src.
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { framework } from '../../src/framework/index.js';

async function frameworkCommand(...args: string[]): Promise<{ status: number; stdout: string }> {
  let stdout = '';
  const status = await run(['framework', ...args], { stdout: (text) => (stdout += text), stderr: () => undefined });
  return { status, stdout };
}

/** Words as a terminal shows them: the text wraps long lines, so a phrase is looked for with its spaces joined. */
const words = (text: string) => text.replace(/\s+/g, ' ');

const QIS = ['1.1', '2.1', '2.2', '3.1', '4.1', '5.1', '5.2', '5.3', '5.4', '6.1', '6.2', '6.3', '6.4', '6.5', '7.1', '7.2', '8.1', '8.2', '9.1', '9.2', '9.3', '9.4'];
const VERIFIED_SINCE_2019 = ['1.1', '2.1', '2.2', '5.3', '9.2'];

describe('qif-report framework --json', () => {
  it('prints the whole framework object, which parses back to it', async () => {
    const result = await frameworkCommand('--json');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(JSON.parse(JSON.stringify(framework)));
  });

  it('says which 2019-revised titles are verified against which source: five verified, 5.4 probable, the other 16 unchecked', async () => {
    const { editions } = JSON.parse((await frameworkCommand('--json')).stdout) as { editions: { id: string; titleChecks: { qi: string; status: string; source: string }[]; retitled: Record<string, string> }[] };
    const revised = editions.find((edition) => edition.id === '2019-revised')!;
    const status = (qi: string) => revised.titleChecks.find((check) => check.qi === qi)?.status;
    for (const qi of VERIFIED_SINCE_2019) expect(status(qi), qi).toBe('verified');
    expect(status('5.4')).toBe('probable');
    const others = QIS.filter((qi) => !VERIFIED_SINCE_2019.includes(qi) && qi !== '5.4');
    expect(others).toHaveLength(16);
    for (const qi of others) expect(status(qi), qi).toBe('unchecked');
    expect(revised.titleChecks.every((check) => check.source.length > 0)).toBe(true);
    expect(revised.retitled).toEqual({ '5.4': 'Involving individual children, young people and families' });
    expect(editions.map((edition) => edition.id)).toEqual(['2018-draft', '2019-revised']);
  });

  it('gives each model its published outcomes: model B QI 2.1 for six partnerships, two attributed by inference', async () => {
    const { inspectionModels } = JSON.parse((await frameworkCommand('--json')).stdout) as { inspectionModels: { id: string; publishedOutcomes: { partnership: string; attribution: string }[] }[] };
    const outcomes = Object.fromEntries(inspectionModels.map((model) => [model.id, model.publishedOutcomes]));
    expect(outcomes['at-risk-of-harm-2021']!.map((outcome) => outcome.partnership)).toEqual(['Dundee City', 'Aberdeenshire', 'East Dunbartonshire', 'Moray', 'East Lothian', 'North Lanarkshire']);
    expect(outcomes['at-risk-of-harm-2021']!.filter((outcome) => outcome.attribution === 'inferred').map((outcome) => outcome.partnership)).toEqual(['Dundee City', 'Aberdeenshire']);
    expect(outcomes['care-and-protection-2018']).toHaveLength(4);
    expect(outcomes['cso-at-home-2025']).toEqual([]);
  });
});

describe('qif-report framework', () => {
  it('prints every model: id, name, years, what it asks in its published wording, what inspectors grade, the document', async () => {
    const result = await frameworkCommand();
    expect(result.status).toBe(0);
    const text = words(result.stdout);
    for (const id of ['care-and-protection-2018 (the default)', 'at-risk-of-harm-2021', 'cso-at-home-2025']) expect(text).toContain(id);
    expect(text).toContain('Joint inspections of services for children and young people at risk of harm, in use 2021–2025.');
    expect(text).toContain('in use from 2025.');
    expect(text).toContain('four inspection statements');
    expect(text).toContain('three key lines of enquiry');
    expect(text).toContain('1. Children and young people are safer because risks have been identified early and responded to effectively.');
    expect(text).toContain('3. Leaders and managers work well together to create and maintain a joined-up system of care which delivers the right services to each child at the right time.');
    expect(text).toContain('Graded by inspectors on the six-point scale: 2.1 Impact on children and young people.');
    expect(text).toContain('area 9 Leadership and direction as a whole');
    expect(text).toContain('a joint self-evaluation of at most 30 pages');
    expect(text).toContain('a position statement of at most 5,000 words, answering for each statement: How good are we now? How do we know? What do we plan to do next?');
    expect(text).toContain('The partnership submits: not published in the sources read.');
    expect(text).toContain('The mapping is a local choice (none was published)');
  });

  it('lists the published outcomes under each model, marking those attributed by inference', async () => {
    const text = words((await frameworkCommand()).stdout);
    expect(text).toContain('Dundee City (2022-01-11): QI 2.1 Good (4) [by inference]');
    expect(text).toContain('North Lanarkshire (date not found): QI 2.1 Very good (5) http://www.careinspectorate.com/');
    expect(text).toContain('Orkney (2020-02): area 9 Unsatisfactory (1) [area or QI unsure]');
    expect(text).toContain('never a rank or a prediction');
  });

  it('names the editions, the title that differs, and the source each group of titles is checked against', async () => {
    const text = words((await frameworkCommand()).stdout);
    expect(text).toContain('5.4 "Involving individual children, young people and families" (was "Involving children, young people and families")');
    expect(text).toContain('verified (1.1, 2.1, 2.2, 5.3, 9.2): Care Inspectorate text after 2019');
    expect(text).toContain('probable (5.4):');
  });

  it('keeps its lines to a terminal\'s width, URLs aside', async () => {
    const long = (await frameworkCommand()).stdout.split('\n').filter((line) => line.length > 100 && !line.includes('http'));
    expect(long).toEqual([]);
  });
});
