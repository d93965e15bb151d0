// `qif-report build --watch`, through the real command line: the paper built again in the same process when a
// workspace file is saved, byte for byte what a build of its own makes from the saved files; a bad save says
// where and writes nothing; lock files and the tool's own output start no build; Ctrl+C stops it cleanly.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFixture, FIXTURES, qifReport, ROOT, tempDir } from '../helpers/cli.js';
import { flatText } from '../helpers/pdf.js';
import { saveAsEditorsDo as save } from '../helpers/save.js';

const MAIN = path.join(ROOT, 'src', 'cli', 'main.ts');

/** Every file of a folder, by name. */
const filesOf = (folder: string) => new Map(readdirSync(folder).map((name) => [name, readFileSync(path.join(folder, name))]));

/** `qif-report build … --watch` under way: what it has printed so far, and a wait for what it prints next. */
interface Watch {
  child: ChildProcess;
  stderr: () => string;
  stdout: () => string;
  /** Resolves once stderr holds `count` matches of `pattern`; rejects after a minute. */
  waitFor: (pattern: RegExp, count: number) => Promise<void>;
  /** The builds it has finished. */
  builds: () => number;
}

async function startWatch(args: string[]): Promise<Watch> {
  // tsx as a loader of this one process, not its CLI (which runs a second): a signal reaches the watch itself.
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, 'build', ...args, '--watch'], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
  let [stderr, stdout] = ['', ''];
  child.stderr!.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  child.stdout!.setEncoding('utf8').on('data', (text: string) => (stdout += text));
  const waitFor = (pattern: RegExp, count: number) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if ((stderr.match(new RegExp(pattern, 'g')) ?? []).length < count) return false;
        child.stderr!.off('data', check);
        clearTimeout(timer);
        resolve();
        return true;
      };
      const timer = setTimeout(() => reject(new Error(`waited a minute for ${count} × ${pattern}; stderr was:\n${stderr}`)), 60_000);
      if (!check()) child.stderr!.on('data', check);
    });
  const watch = { child, stderr: () => stderr, stdout: () => stdout, waitFor, builds: () => (stderr.match(/built in \d/g) ?? []).length };
  await watch.waitFor(/built in \d/, 1);
  return watch;
}

const quietFor = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

describe('build --watch', () => {
  let workspace: string;
  let out: string;
  let watch: Watch;

  beforeAll(async () => {
    workspace = copyFixture('orkney');
    // The papers go inside the workspace: the watch must not take its own writing for a change.
    out = path.join(workspace, 'out');
    watch = await startWatch([workspace, '--out', out, '--format', 'pdf,html']);
  }, 90_000);

  afterAll(() => {
    if (watch.child.exitCode === null) watch.child.kill('SIGKILL');
  });

  it('builds once at the start, lists the papers and says it is watching', () => {
    expect(watch.stderr()).toMatch(/^qif-report: built in \d+\.\d\d s; watching for changes \(Ctrl\+C to stop\)$/m);
    expect(watch.stdout().trim().split('\n').map((file) => path.basename(file)).sort()).toEqual([...filesOf(out).keys()].sort());
  });

  it('builds again when grades.csv is saved, byte for byte what a build of the saved workspace makes', async () => {
    const before = filesOf(out);
    const grades = path.join(workspace, 'grades.csv');
    const text = readFileSync(grades, 'utf8');
    const lastWeak = text.lastIndexOf(',Weak,');
    expect(lastWeak).toBeGreaterThan(0);
    save(grades, `${text.slice(0, lastWeak)},Good,${text.slice(lastWeak + ',Weak,'.length)}`);
    await watch.waitFor(/built in \d/, 2);
    expect(watch.stderr()).toMatch(/grades\.csv changed: building again/);
    // The papers it wrote into the workspace start no build of their own.
    await quietFor(1500);
    expect(watch.builds()).toBe(2);

    const fresh = tempDir();
    const built = qifReport(['build', workspace, '--out', fresh, '--format', 'pdf,html']);
    expect(built.status, built.stderr).toBe(0);
    const [watched, expected] = [filesOf(out), filesOf(fresh)];
    expect([...watched.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [name, bytes] of watched) {
      expect(bytes.equals(expected.get(name)!), name).toBe(true);
      expect(bytes.equals(before.get(name)!), `${name} changed`).toBe(false);
    }
  }, 90_000);

  it('says where a bad save is wrong, writes nothing, and builds again once it is mended', async () => {
    const grades = path.join(workspace, 'grades.csv');
    const good = readFileSync(grades, 'utf8');
    const lines = good.trimEnd().split('\n').length;
    const before = filesOf(out);
    save(grades, `${good.trimEnd()}\nnot a period,1.1,Good,2022-03-01,,\n`);
    await watch.waitFor(/nothing written/, 1);
    expect(watch.stderr()).toContain(`${grades}:${lines + 1}:1: period "not a period" is not valid`);
    expect(watch.stderr()).toMatch(new RegExp(`nothing written, so ${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} holds the papers of the last build that worked`));
    const after = filesOf(out);
    for (const [name, bytes] of before) expect(after.get(name)!.equals(bytes), name).toBe(true);

    const built = watch.builds();
    save(grades, good);
    await watch.waitFor(/built in \d/, built + 1);
  }, 90_000);

  it('starts no build for a lock file an editor leaves beside a workspace file', async () => {
    const built = watch.builds();
    writeFileSync(path.join(workspace, '~$grades.xlsx'), 'lock');
    writeFileSync(path.join(workspace, '.~lock.grades.csv#'), 'lock');
    await quietFor(1500);
    expect(watch.builds()).toBe(built);
  });

  it('stops on Ctrl+C, leaving no temporary file', async () => {
    const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => watch.child.on('close', (code, signal) => resolve({ code, signal })));
    watch.child.kill('SIGINT');
    const { code, signal } = await closed;
    expect(code === 130 || signal === 'SIGINT', `exit ${code} ${signal}`).toBe(true);
    expect(readdirSync(out).filter((name) => name.startsWith('.'))).toEqual([]);
  });
});

describe('build --watch --templates', () => {
  it('loads the templates again when one of them is saved, and builds with them', async () => {
    const templates = path.join(tempDir(), 'templates');
    cpSync(path.join(ROOT, 'templates'), templates, { recursive: true });
    const out = tempDir();
    const watch = await startWatch([path.join(FIXTURES, 'orkney'), '--out', out, '--templates', templates]);
    try {
      const paper = path.join(out, readdirSync(out)[0]!);
      expect(flatText(paper)).toMatch(/\d+\. Next steps/);
      const file = path.join(templates, 'paper.md');
      save(file, readFileSync(file, 'utf8').replace('# Next steps', '# What happens next'));
      await watch.waitFor(/built in \d/, 2);
      expect(watch.stderr()).toMatch(/paper\.md changed: building again/);
      expect(flatText(paper)).toMatch(/\d+\. What happens next/);
      expect(flatText(paper)).not.toContain('Next steps');
    } finally {
      watch.child.kill('SIGKILL');
    }
  }, 90_000);
});

describe('build --watch of a path that is not a folder', () => {
  it('fails at once, naming it', () => {
    const missing = path.join(tempDir(), 'no-such-workspace');
    const result = qifReport(['build', missing, '--watch']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`${missing}: is not a folder, so it cannot be watched; expected a workspace folder`);
  });
});
