import { appendFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReportModel } from '../../src/analyse/index.js';
import { loadWorkspace } from '../../src/ingest/index.js';
import { InvalidInputError } from '../../src/model/index.js';
import { copyFixture, qifReport, tempDir } from '../helpers/cli.js';
import { flatText } from '../helpers/pdf.js';

describe('a workspace indicators.csv', () => {
  it('adds the partnership’s own measure and retitles a built-in one, and the paper shows both', async () => {
    const workspace = copyFixture('orkney');
    writeFileSync(
      path.join(workspace, 'indicators.csv'),
      'id,title,definition,unit,polarity,decimals,questions,qis,source,licence\n' +
        'kinship-share,Looked-after children in kinship care,Share of looked-after children placed with kinship carers at 31 July.,percent,higher-is-better,1,3,1.1; 5.3,Orkney Islands Council social work records,Local data\n' +
        'CHN22,Re-registrations on the child protection register within 18 months,,,,,,,,\n',
    );
    appendFileSync(path.join(workspace, 'dataset.csv'), 'kinship-share,Orkney Islands,2020/21,31.6,12,38,Illustrative test figure\nkinship-share,Orkney Islands,2021/22,34.2,13,38,Illustrative test figure\n');

    const model = buildReportModel(await loadWorkspace(workspace));
    const kinship = model.indicators.find((i) => i.id === 'kinship-share')!;
    expect(kinship).toMatchObject({ polarity: 'higher-is-better', questions: [3], qis: ['1.1', '5.3'], latest: { value: 34.2 }, direction: 'improving' });
    expect(kinship.change).toBeCloseTo(34.2 - 31.6, 10);
    expect(model.indicators.find((i) => i.id === 'CHN22')).toMatchObject({ title: 'Re-registrations on the child protection register within 18 months', polarity: 'lower-is-better' });

    const result = qifReport(['build', workspace, '--out', tempDir()]);
    expect(result.stderr).toBe('');
    const text = flatText(result.stdout.trim());
    expect(text).toContain('Looked-after children in kinship care');
    expect(text).toContain('Re-registrations on the child protection register within 18 months');
  });

  it('needs a unit, polarity and questions for a new measure, and names the line and column', async () => {
    const workspace = copyFixture('orkney');
    const file = path.join(workspace, 'indicators.csv');
    writeFileSync(file, 'id,title,unit,polarity,questions\nmy-measure,My measure,,sideways,7\n');
    const error = await loadWorkspace(workspace).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).problems.map((p) => [p.line, p.column, p.reason])).toEqual([
      [2, 3, 'unit is empty'],
      [2, 4, 'polarity "sideways" is not valid'],
      [2, 5, 'questions "7" is not valid'],
    ]);
  });
});
