import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, FIXTURES, qifReport, ROOT, tempDir } from '../helpers/cli.js';
import { flatText, pdfOutline } from '../helpers/pdf.js';

function replaceInFile(file: string, from: string, to: string): void {
  const text = readFileSync(file, 'utf8');
  if (!text.includes(from)) throw new Error(`test setup: "${from}" is not in ${file}`);
  writeFileSync(file, text.replace(from, to));
}

function lineOf(file: string, needle: string): number {
  return readFileSync(file, 'utf8').split('\n').findIndex((line) => line.includes(needle)) + 1;
}

describe('qif-report --help', () => {
  it('describes build and framework, with their options', () => {
    const build = qifReport(['build', '--help']);
    expect(build.status).toBe(0);
    expect(build.stdout).toMatch(/--out <dir>/);
    expect(build.stdout).toMatch(/--format <formats>/);
    const framework = qifReport(['framework', '--help']);
    expect(framework.status).toBe(0);
    expect(framework.stdout).toMatch(/--json/);
  });
});

describe('qif-report framework', () => {
  it('prints the QIs with their evidence, the scale and the questions', () => {
    const result = qifReport(['framework']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('5.3  Care planning, managing risk and effective intervention');
    expect(result.stdout).toContain('- audit and review of medical examinations');
    expect(result.stdout).toContain('(the framework lists no evidence for this QI)');
    expect(result.stdout).toContain('2  Weak           Important weaknesses – priority action required');
    expect(result.stdout).toContain('5. How good is collaborative leadership?');
  });

  it('prints the same framework as JSON with --json', () => {
    const result = qifReport(['framework', '--json']);
    expect(result.status).toBe(0);
    const framework = JSON.parse(result.stdout);
    expect(framework.qualityIndicators).toHaveLength(23);
    expect(framework.evidence.some((list: { qi: string }) => list.qi === '6.3')).toBe(false);
    expect(framework.inspectionModels.map((model: { defaultMapping: { local: boolean } }) => model.defaultMapping.local)).toEqual([true, true, true]);
  });

  it('stops quietly when its reader has gone (`| head`): no stack trace, exit 0', () => {
    // `true` reads nothing and exits at once, long before the tool has started, so its listing meets a closed pipe.
    const result = spawnSync('bash', ['-c', `'${path.join(ROOT, 'node_modules', '.bin', 'tsx')}' '${path.join(ROOT, 'src', 'cli', 'main.ts')}' framework | true; exit "\${PIPESTATUS[0]}"`], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});

describe('invalid input', () => {
  it('exits 2 with one positioned line per problem, across every file, and writes nothing', () => {
    const workspace = copyFixture('renfrewshire');
    const grades = path.join(workspace, 'grades.csv');
    const evidence = path.join(workspace, 'evidence.csv');
    const report = path.join(workspace, 'report.json');
    const badGradeLine = lineOf(grades, '2022/23 Q2,5.1,');
    const gradeLineText = readFileSync(grades, 'utf8').split('\n')[badGradeLine - 1]!;
    writeFileSync(grades, readFileSync(grades, 'utf8').replace(gradeLineText, gradeLineText.replace(/^2022\/23 Q2,5\.1,[^,]+,/, '2022/23 Q2,5.10,Very goood,')));
    replaceInFile(evidence, ',held,', ',maybe,');
    const badStatusLine = lineOf(evidence, ',maybe,');
    replaceInFile(report, '"committee": "Improving Life Chances Group",\n', '');
    const out = tempDir();

    const result = qifReport(['build', workspace, '--out', out]);

    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toEqual([
      `${evidence}:${badStatusLine}:3: status "maybe" is not valid; expected held, partial or missing`,
      `${grades}:${badGradeLine}:2: qi "5.10" is not valid (did you mean 5.1?); expected a QI of the framework (1.1 to 9.4, or 10 for capacity for improvement)`,
      `${grades}:${badGradeLine}:3: grade "Very goood" is not valid (did you mean Very good?); expected a grade 1–6 or one of Excellent, Very good, Good, Adequate, Weak, Unsatisfactory`,
      `${report}:1:1: setting "committee" is missing; expected "committee" in report.json (see README, "The workspace")`,
    ]);
    expect(readdirSync(out)).toEqual([]);
  });

  it('names a missing workspace file', () => {
    const result = qifReport(['build', path.join(tempDir(), 'no-such-workspace'), '--out', tempDir()]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^\/.*no-such-workspace: there is no workspace folder here; expected a folder holding report.json/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('rejects an unknown output format', () => {
    const result = qifReport(['build', path.join(FIXTURES, 'renfrewshire'), '--format', 'docx', '--out', tempDir()]);
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toBe('--format: unknown format "docx"; expected pdf, html or json, or several joined by commas (pdf,html)');
  });

  it('writes the formats asked for, in any combination, each beside the others under one name', () => {
    const workspace = path.join(FIXTURES, 'orkney');
    const base = 'orkney-childrens-services-partnership-2021-22-q4-inspection-readiness';
    const all = tempDir();
    const result = qifReport(['build', workspace, '--format', 'html,JSON, pdf', '--out', all]);
    expect(result.status).toBe(0);
    expect(readdirSync(all).sort()).toEqual([`${base}.html`, `${base}.json`, `${base}.pdf`]);
    const html = readFileSync(path.join(all, `${base}.html`), 'utf8');
    expect(html.startsWith('<!doctype html><html lang="en-GB">')).toBe(true);
    expect(html).toContain('<title>Inspection readiness: self-evaluation against the Quality Improvement Framework – Orkney Children\'s Services Partnership, 2021/22 Q4</title>');
    const htmlOnly = tempDir();
    expect(qifReport(['build', workspace, '--format', 'html', '--out', htmlOnly]).status).toBe(0);
    expect(readdirSync(htmlOnly)).toEqual([`${base}.html`]);
    expect(readFileSync(path.join(htmlOnly, `${base}.html`), 'utf8')).toBe(html);
  }, 60_000);

  it('keeps the last good paper when a later build fails', () => {
    const workspace = copyFixture('renfrewshire');
    const out = tempDir();
    const first = qifReport(['build', workspace, '--out', out]);
    expect(first.status).toBe(0);
    const paper = first.stdout.trim();
    const before = readFileSync(paper);
    replaceInFile(path.join(workspace, 'grades.csv'), ',Good,', ',Goodish,');
    expect(qifReport(['build', workspace, '--out', out]).status).toBe(2);
    expect(readFileSync(paper).equals(before)).toBe(true);
    expect(readdirSync(out)).toEqual([path.basename(paper)]);
  });
});

describe('text from the inputs cannot change the paper’s structure', () => {
  it('prints Markdown, Handlebars and directives from a CSV as plain text', () => {
    const workspace = copyFixture('renfrewshire');
    const injected = '# Not a heading\n\n- not a list **not bold** [[table-1]] {{paper.council}} <b>x</b>';
    const grades = path.join(workspace, 'grades.csv');
    const text = readFileSync(grades, 'utf8');
    const line = text.split('\n').find((l) => l.startsWith('2022/23 Q2,6.3,'))!;
    const fields = line.split(',');
    writeFileSync(grades, text.replace(line, `${fields.slice(0, 4).join(',')},"${injected}",""`));
    const report = JSON.parse(readFileSync(path.join(workspace, 'report.json'), 'utf8'));
    report.background = ['[[appendices]]', '# Heading from report.json'];
    writeFileSync(path.join(workspace, 'report.json'), JSON.stringify(report));
    const out = tempDir();

    const result = qifReport(['build', workspace, '--out', out]);
    expect(result.stderr).toBe('');
    const paper = result.stdout.trim();
    const flat = flatText(paper);
    expect(flat).toContain('# Not a heading - not a list **not bold** [[table-1]] {{paper.council}} <b>x</b>');
    expect(flat).toContain('[[appendices]]');
    expect(flat).toContain('# Heading from report.json');
    const baseline = qifReport(['build', path.join(FIXTURES, 'renfrewshire'), '--out', tempDir()]);
    expect(pdfOutline(paper).map((item) => item.title)).toEqual(pdfOutline(baseline.stdout.trim()).map((item) => item.title));
    expect(flat.match(/Table 1: Quality indicators/g)).toHaveLength(1);
  });
});

describe('own wording with --templates', () => {
  it('builds the paper from a copy of the templates with changed wording', () => {
    const templates = path.join(tempDir(), 'templates');
    cpSync(path.join(ROOT, 'templates'), templates, { recursive: true });
    replaceInFile(path.join(templates, 'paper.md'), '# Next steps', '# What happens next');
    replaceInFile(path.join(templates, 'labels.json'), '"Page {{page}} of {{pages}}"', '"Folio {{page}} / {{pages}}"');
    const result = qifReport(['build', path.join(FIXTURES, 'renfrewshire'), '--out', tempDir(), '--templates', templates]);
    expect(result.status).toBe(0);
    const text = flatText(result.stdout.trim());
    expect(text).toMatch(/10\. What happens next/);
    expect(text).toContain('Folio 1 / ');
    expect(text).not.toContain('Next steps');
  });

  it('exits 2 with a one-line message at its place in paper.md when a template asks for a block that does not exist', () => {
    const templates = path.join(tempDir(), 'templates');
    cpSync(path.join(ROOT, 'templates'), templates, { recursive: true });
    replaceInFile(path.join(templates, 'paper.md'), '[[table-1]]', '[[table-9]]');
    const out = tempDir();
    const result = qifReport(['build', path.join(FIXTURES, 'renfrewshire'), '--out', out, '--templates', templates]);
    expect(result.status).toBe(2);
    const line = lineOf(path.join(templates, 'paper.md'), '[[table-9]]');
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(new RegExp(`^${templates}/paper\\.md:${line}:1: block \\[\\[table-9\\]\\] does not exist \\(did you mean table-1, table-2 or table-3\\?\\); expected one of `))]);
    expect(readdirSync(out)).toEqual([]);
  });
});
