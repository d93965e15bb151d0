import { copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { inspectionModel, qualityIndicators } from '../../src/framework/index.js';
import { copyFixture, FIXTURES, qifReport, tempDir } from '../helpers/cli.js';
import { flatText, pdfCatalogue, pdfInfo, pdfOutline, pdfPageTexts, pdfText } from '../helpers/pdf.js';
import { readReportJson } from '../helpers/workspace-csv.js';
import { LGBF_TABLE, SCOTPHO_EXTRACT } from '../reference/index.js';
import { expectedRating, latestGrades, longDate } from './expectations.js';

const WORKSPACES = ['renfrewshire', 'orkney'];
const out = tempDir();
const pdfOf = (name: string) => path.join(out, readdirPdf(name));
const readdirPdf = (name: string) => `${name}-childrens-services-partnership-${name === 'orkney' ? '2021-22-q4' : '2022-23-q2'}-inspection-readiness.pdf`;

beforeAll(() => {
  const result = qifReport(['build', ...WORKSPACES.map((w) => path.join(FIXTURES, w)), '--out', out, '--format', 'pdf,json']);
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
}, 60_000);

describe.each(WORKSPACES)('the %s paper', (name) => {
  const workspace = path.join(FIXTURES, name);
  const report = readReportJson(workspace);

  it('opens with the header block: item, council, To, On, Report by, Heading', () => {
    const firstPage = pdfPageTexts(pdfOf(name))[0]!.replace(/\s+/g, ' ');
    expect(firstPage).toContain(`Item ${report.agendaItem} ${report.council} To: ${report.committee} On: ${longDate(report.meetingDate)}`);
    expect(firstPage).toContain(`Report by: ${report.reportBy.name}: ${report.reportBy.post}`);
    expect(firstPage).toContain(`Heading: ${report.title.toUpperCase()}`);
  });

  it('numbers every page "Page N of M" with the true page count', () => {
    const pages = pdfPageTexts(pdfOf(name));
    const count = Number(pdfInfo(pdfOf(name)).Pages);
    expect(pages).toHaveLength(count);
    pages.forEach((text, index) => expect(text).toContain(`Page ${index + 1} of ${count}`));
  });

  it('runs a header with the committee and the meeting date on every page after the first', () => {
    const pages = pdfPageTexts(pdfOf(name));
    for (const text of pages.slice(1)) expect(text).toContain(`${report.committee} – ${longDate(report.meetingDate)}`);
  });

  it('names all 22 QIs and area 10 with their titles in Table 1', () => {
    const text = flatText(pdfOf(name));
    const table1 = text.slice(text.indexOf('Table 1:'), text.indexOf('Key to grades'));
    for (const qi of qualityIndicators.filter((q) => q.id !== '10')) expect(table1).toContain(`${qi.id} ${qi.title}`);
    expect(table1).toContain('10. What is our capacity for improvement?');
    // Paper §3.7: the QIs changed since 2014, highlighted as the paper's Table 1 highlights them.
    for (const id of ['1.1', '5.1', '5.2', '5.3', '6.5', '9.3']) expect(table1).toMatch(new RegExp(`${id.replace('.', '\\.')} [^†]{3,120} †`));
    expect(text).toContain('† Changed from the 2014 framework: 1.1 was 1.1 “Improvements in the wellbeing of children and young people”');
  });

  it('prints each QI’s latest grade word, with its period, as the grades file says', () => {
    const text = flatText(pdfOf(name));
    const table3 = text.slice(text.indexOf('Table 3:'));
    const grades = latestGrades(workspace);
    for (const qi of qualityIndicators) {
      const grade = grades.get(qi.id);
      const expected = grade ? `${grade.word} ${grade.period}` : 'Not graded';
      expect(table3, `QI ${qi.id}`).toContain(`${qi.id} ${qi.title} ${expected}`);
    }
  });

  it('asks the five inspection questions in the paper’s words, each with its readiness rating', () => {
    const text = flatText(pdfOf(name));
    for (const question of inspectionModel('care-and-protection-2018').items) {
      const rating = expectedRating(workspace, question.number);
      expect(text).toContain(`Inspection question ${question.number}: ${question.text}`);
      expect(text).toContain(`${question.number} ${question.shortTitle} ${rating}`);
      const section = text.slice(text.indexOf(`Inspection question ${question.number}:`));
      expect(section).toMatch(new RegExp(`^[^]*?Readiness: ${rating}\\.`));
    }
  });

  it('lists every QI graded weak or unsatisfactory as a progress-review risk', () => {
    const text = flatText(pdfOf(name));
    const weak = [...latestGrades(workspace)].filter(([qi, g]) => g.grade <= 2 && qi !== '10');
    if (weak.length === 0) expect(text).toContain('No QI is graded weak or unsatisfactory');
    for (const [qi, grade] of weak) {
      const title = qualityIndicators.find((q) => q.id === qi)!.title;
      expect(text).toContain(`QI ${qi} ${title}: ${grade.word} (${grade.period})`);
    }
  });

  it('carries a bookmark for every section and appendix, pointing at pages in order', () => {
    const outline = pdfOutline(pdfOf(name));
    const titles = outline.map((item) => item.title);
    expect(titles.slice(0, 3)).toEqual(['1. Summary', '2. Recommendations', '3. Background']);
    for (const question of inspectionModel('care-and-protection-2018').items) expect(titles).toContain(`${question.number + 3}. ${question.shortTitle}`);
    for (const n of [1, 2, 3, 4, 5]) expect(titles.some((title) => title.startsWith(`Appendix ${n}:`))).toBe(true);
    expect(titles).toContain('List of background papers');
    const pages = outline.map((item) => item.page);
    expect(pages).toEqual([...pages].sort((a, b) => a - b));
  });

  it('sets the title, author, subject and language of the document', () => {
    const info = pdfInfo(pdfOf(name));
    expect(info.Title).toBe(`${report.title} – ${report.partnership}, ${report.period}`);
    expect(info.Author).toBe(report.reportBy.name);
    expect(info.Subject).toContain(report.period);
    expect(pdfCatalogue(pdfOf(name))).toMatch(/\/Lang \(en-GB\)/);
  });

  it('marks a draft as a draft, and only a draft', () => {
    const pages = pdfPageTexts(pdfOf(name));
    const marked = pages.filter((text) => text.includes('DRAFT – not for publication')).length;
    expect(marked).toBe(report.draft ? pages.length : 0);
  });

  it('writes the report model beside the PDF, with the same grades', () => {
    const model = JSON.parse(readFileSync(pdfOf(name).replace(/\.pdf$/, '.json'), 'utf8'));
    expect(model.schema).toBe('qif-report/report-model@1');
    const grades = latestGrades(workspace);
    for (const qi of model.qis) expect(qi.latest?.grade).toBe(grades.get(qi.id)?.grade);
  });
});

describe('figures in the paper match the source rows', () => {
  const lgbf = parse(readFileSync(LGBF_TABLE, 'utf8'), { columns: true, bom: true }) as Record<string, string>[];
  const share = (council: string, code: string, year: string, column = 'IndicatorCash_LA') => Number(lgbf.find((r) => r.LocalAuthority === council && r.IndicatorCode === code && r.Year === year)![column]) * 100;

  it('shows Renfrewshire’s re-registrations from the LGBF table: value, change in points, Scotland, family group, rank', () => {
    const latest = share('Renfrewshire', 'CHN22', '2021-22');
    const previous = share('Renfrewshire', 'CHN22', '2020-21');
    const group = ['Clackmannanshire', 'Dumfries & Galloway', 'Falkirk', 'Fife', 'Renfrewshire', 'South Ayrshire', 'South Lanarkshire', 'West Lothian'].map((c) => share(c, 'CHN22', '2021-22'));
    const rankInGroup = 1 + group.filter((value) => value < latest).length;
    const row = new RegExp(
      ['Child protection re-registrations', '2021/22', `${latest.toFixed(1)}%`, `\\+${(latest - previous).toFixed(1)} pp`, `${share('Renfrewshire', 'CHN22', '2021-22', 'IndicatorCash_Scotland').toFixed(1)}%`, `${share('Renfrewshire', 'CHN22', '2021-22', 'IndicatorCash_FG').toFixed(1)}%`, `${rankInGroup} of 8`].join('\\s+'),
    );
    expect(pdfText(pdfOf('renfrewshire'), { layout: true })).toMatch(row);
  });

  it('names the sources of the figures and their licence', () => {
    const text = flatText(pdfOf('renfrewshire'));
    expect(text).toContain('LGBF data table (Improvement Service)');
    expect(text).toContain('ScotPHO children and young people profile (Public Health Scotland)');
    expect(text).toContain('Open Government Licence v3.0');
  });

  it('lists the figures the publisher withheld, instead of showing them as zero', () => {
    const workspace = copyFixture('orkney');
    rmSync(path.join(workspace, 'dataset.csv'));
    mkdirSync(path.join(workspace, 'data'));
    copyFileSync(SCOTPHO_EXTRACT, path.join(workspace, 'data', 'scotpho.csv'));
    const result = qifReport(['build', workspace, '--out', tempDir()]);
    expect(result.stderr).toBe('');
    const text = flatText(result.stdout.trim());
    const withheld = text.slice(text.indexOf('The publisher withheld'), text.indexOf('Figures were taken from'));
    // Filed under the paper's own periods, as the tables file the same releases: 31 July 2021 is 2020/21.
    expect(withheld).toContain('Children on the child protection register, 2020/21');
    expect(withheld).toContain('Looked-after school leavers in positive destinations, 2017/18');
    expect(withheld).toContain('Child protection with parental drug or alcohol misuse, 2020/21');
    expect(withheld).not.toContain('snapshot');
  });
});

describe('reproducibility', () => {
  it('gives byte-identical PDFs and models for the same inputs', () => {
    const again = tempDir();
    const result = qifReport(['build', ...WORKSPACES.map((w) => path.join(FIXTURES, w)), '--out', again, '--format', 'pdf,json']);
    expect(result.status).toBe(0);
    for (const file of result.stdout.trim().split('\n')) {
      expect(readFileSync(file).equals(readFileSync(path.join(out, path.basename(file)))), file).toBe(true);
    }
  }, 60_000);
});
