// Model B's paper carries the evaluations published under it in an appendix, read back from the PDF and the
// HTML; the default model's paper has no such appendix. Rows written by hand from docs/sources/inspection-outcomes.csv.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, qifReportAsync, tempDir } from '../helpers/cli.js';
import { flatText } from '../helpers/pdf.js';

async function papers(fixture: string): Promise<{ pdf: string; html: string }> {
  const out = tempDir();
  const result = await qifReportAsync(['build', path.join(FIXTURES, fixture), '--out', out, '--format', 'pdf,html']);
  expect(result.status, result.stderr).toBe(0);
  const file = (extension: string) => path.join(out, readdirSync(out).find((name) => name.endsWith(extension))!);
  return { pdf: flatText(file('.pdf')), html: readFileSync(file('.html'), 'utf8').replace(/<[^>]+>/g, '').replace(/\s+/g, ' ') };
}

const HEADING = 'Published evaluations under this inspection model';

describe('the appendix of published evaluations', () => {
  it('lists model B\'s six evaluations of QI 2.1 with their dates, marking the two attributed by inference', async () => {
    const { pdf, html } = await papers('at-risk-of-harm');
    for (const text of [pdf, html]) {
      expect(text).toContain(`Appendix 6: ${HEADING}`);
      expect(text).toContain('Dundee City: QI 2.1 Impact on children and young people, Good; report of 11 January 2022; attributed by inference.');
      expect(text).toContain('Aberdeenshire: QI 2.1 Impact on children and young people, Very good; report of 24 January 2023; attributed by inference.');
      expect(text).toContain('Moray: QI 2.1 Impact on children and young people, Adequate; report of 23 January 2024. Source:');
      expect(text).toContain('North Lanarkshire: QI 2.1 Impact on children and young people, Very good; date not found.');
      expect(text).toContain('they do not predict the grade this partnership would be given');
    }
  }, 120_000);

  it('is left out of the default model\'s paper', async () => {
    const { pdf, html } = await papers('renfrewshire');
    expect(pdf).not.toContain(HEADING);
    expect(html).not.toContain(HEADING);
  }, 120_000);
});
