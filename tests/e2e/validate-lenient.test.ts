import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { copyFixture, FIXTURES, orkneyWithOneBadRow, qifReport, ROOT, tempDir } from '../helpers/cli.js';
import { flatText, pdfOutline, proseText } from '../helpers/pdf.js';

/** Data rows in a CSV, counted here with csv-parse directly rather than by the tool. */
function dataRows(file: string): number {
  return (parse(readFileSync(file, 'utf8'), { skip_empty_lines: true }) as string[][]).length - 1;
}

describe('qif-report validate', () => {
  it('summarises every file of a good workspace, with rows counted as the file holds them', () => {
    const result = qifReport(['validate', 'fixtures/orkney']);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    const row = (name: string) => result.stdout.split('\n').find((line) => line.trim().startsWith(`${name} `))!.trim().split(/\s{2,}/);
    for (const name of ['grades.csv', 'evidence.csv', 'dataset.csv']) {
      const rows = dataRows(path.join(FIXTURES, 'orkney', name));
      expect(row(name)).toEqual([name, String(rows), String(rows), '0', '0', 'UTF-8, comma']);
    }
    expect(result.stdout).toContain('no problems: ready to build.');
  });

  it('lists every problem, counts the rejected row, exits 2 and writes nothing', () => {
    const { workspace, grades, line } = orkneyWithOneBadRow();
    const result = qifReport(['validate', workspace]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`${grades}:${line}:3: grade "Goood" is not valid (did you mean Good?); expected a grade 1–6 or one of Excellent, Very good, Good, Adequate, Weak, Unsatisfactory\n`);
    const rows = dataRows(grades);
    expect(result.stdout).toMatch(new RegExp(`grades\\.csv +${rows} +${rows - 1} +1 +0 +UTF-8, comma`));
    expect(result.stdout).toContain('1 problem, 1 row rejected: fix the problems listed and run validate again.');
    expect(readdirSync(workspace).sort()).toEqual(readdirSync(path.join(FIXTURES, 'orkney')).sort());
  });

  it('with --lenient says a lenient build would go ahead', () => {
    const { workspace } = orkneyWithOneBadRow();
    const result = qifReport(['validate', '--lenient', workspace]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('a lenient build would leave the rejected rows out and list them in the paper');
  });
});

describe('qif-report build --lenient', () => {
  it('builds without the rejected row and lists it in the paper, flagged in the summary', () => {
    const { workspace, line } = orkneyWithOneBadRow();
    const out = tempDir();
    const strict = qifReport(['build', workspace, '--out', out]);
    expect(strict.status).toBe(2);
    expect(readdirSync(out)).toEqual([]);

    const result = qifReport(['build', workspace, '--lenient', '--out', out, '--format', 'pdf,json']);
    expect(result.status).toBe(0);
    const stderr = result.stderr.trimEnd().split('\n');
    expect(stderr[0]).toMatch(new RegExp(`grades\\.csv:${line}:3: grade "Goood" is not valid`));
    // The run ends with one line saying what the paper lacks, so it is not lost above the list of files.
    expect(stderr.slice(1)).toEqual(["qif-report: the paper was built from incomplete data: 1 rejected row is left out, listed above and in the paper's Data quality appendix"]);
    const files = readdirSync(out).sort();
    expect(files).toHaveLength(2);
    const model = JSON.parse(readFileSync(path.join(out, files.find((f) => f.endsWith('.json'))!), 'utf8'));
    expect(model.dataQuality.mode).toBe('lenient');
    expect(model.dataQuality.rejected).toEqual([expect.objectContaining({ file: 'grades.csv', line, column: 3, level: 'row' })]);
    // QI 5.1 falls back to its previous round's grade: the rejected row is in no figure.
    const qi51 = model.qis.find((qi: { id: string }) => qi.id === '5.1');
    expect(qi51.latest.period).toBe('2020/21 Q4');
    expect(qi51.latest.source.line).not.toBe(line);

    const pdf = path.join(out, files.find((f) => f.endsWith('.pdf'))!);
    const text = flatText(pdf);
    expect(text).toContain('This paper is built from incomplete data. 1 row of the partnership\'s input files failed the checks');
    expect(text).toContain('Appendix 6: Data quality');
    expect(text).toMatch(new RegExp(`grades\\.csv ${line} 3 grade "Goood" is not valid \\(did you mean Good\\?\\); expected a grade 1–6`));
    const rows = dataRows(path.join(workspace, 'grades.csv'));
    expect(text).toMatch(new RegExp(`grades\\.csv ${rows} ${rows - 1} 1 0 UTF-8, comma`));
    expect(pdfOutline(pdf).map((item) => item.title)).toContain('Appendix 6: Data quality');

    // The paper says QI 5.1's grade was rejected, never that 5.1 was not regraded: it was, unreadably.
    const prose = proseText(pdf);
    const question1 = prose.slice(prose.indexOf('4. Recognising'), prose.indexOf('5. Helping'));
    expect(question1).toContain(`A grade row was rejected as unreadable and left out of this paper (Appendix 6 says why): QI 5.1 for 2021/22 Q4, grades.csv line ${line}, so its 2020/21 Q4 grade is used.`);
    expect(question1).toMatch(new RegExp(`5\\.1 Initial response .*? 2021/22 Q4 grade rejected \\(line ${line}\\): see Appendix 6`));
    expect(question1).not.toMatch(/not regraded this round[^.]*5\.1|5\.1 \(graded/);
    expect(model.questions[0].readiness.reasons).toContainEqual(expect.objectContaining({ code: 'grade-rejected', qis: [expect.objectContaining({ qi: '5.1', period: '2021/22 Q4', latest: '2020/21 Q4' })] }));
  });

  it('lists a warning in a strict build, which still goes ahead', () => {
    const workspace = copyFixture('orkney');
    const evidence = path.join(workspace, 'evidence.csv');
    const lines = readFileSync(evidence, 'utf8').split('\n');
    writeFileSync(evidence, lines.map((text, index) => (index === 0 ? `${text},Notes` : index === 1 ? `${text},see the shared drive` : text)).join('\n'));
    const out = tempDir();
    const result = qifReport(['build', workspace, '--out', out]);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe(`${evidence}:1:6: warning: column "Notes" is not one the tool reads, so its values are not used; expected one of qi, item_number, item, status, reviewed_on, reference (see the README for other accepted names)\n`);
    const text = flatText(path.join(out, readdirSync(out)[0]!));
    expect(text).toContain('Appendix 6: Data quality');
    expect(text).toContain('evidence.csv 1 6 column "Notes" is not one the tool reads');
    expect(text).not.toContain('built in lenient mode');
  });

  it('a strict paper with no warnings has no data-quality appendix', () => {
    const out = tempDir();
    expect(qifReport(['build', 'fixtures/orkney', '--out', out]).status).toBe(0);
    expect(flatText(path.join(out, readdirSync(out)[0]!))).not.toContain('Data quality');
  });
});

describe('outputs', () => {
  it('refuses two workspaces that would write the same paper', () => {
    const copy = copyFixture('orkney');
    const out = tempDir();
    const result = qifReport(['build', 'fixtures/orkney', copy, '--out', out]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`${copy}: its paper would overwrite the one from fixtures/orkney (same partnership and period); expected one workspace per partnership and period in a run\n`);
    expect(readdirSync(out)).toEqual([]);
  });

  it('an interrupted build leaves the last good paper whole and no temporary file', async () => {
    const out = tempDir();
    expect(qifReport(['build', 'fixtures/renfrewshire', '--out', out]).status).toBe(0);
    const [paper] = readdirSync(out);
    const before = readFileSync(path.join(out, paper!));
    // A changed title makes a different paper, so a half-written or replaced file would show.
    const workspace = copyFixture('renfrewshire');
    const report = path.join(workspace, 'report.json');
    writeFileSync(report, readFileSync(report, 'utf8').replace('"title": "', '"title": "Revised: '));
    const child = spawn(path.join(ROOT, 'node_modules', '.bin', 'tsx'), [path.join(ROOT, 'src', 'cli', 'main.ts'), 'build', workspace, '--out', out], { cwd: ROOT });
    // Interrupt once the build is under way: reading and rendering take over a second in a fresh process.
    await new Promise((resolve) => setTimeout(resolve, 700));
    child.kill('SIGINT');
    const status = await new Promise<number>((resolve) => child.on('close', (code, signal) => resolve(code ?? (signal ? 130 : -1))));
    expect(readdirSync(out)).toEqual([paper]);
    const after = readFileSync(path.join(out, paper!));
    if (status === 0) expect(flatText(path.join(out, paper!))).toContain('Revised:');
    else expect(after.equals(before)).toBe(true);
  });
});
