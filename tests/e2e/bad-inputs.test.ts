// The corpus of bad inputs in fixtures/bad-inputs: for each case, the exact lines `qif-report validate`
// prints on stderr and its exit code, and that `build` writes nothing when validate refuses.
// Each case is base/ with the case's own files laid over it, in a folder named after the case, and the
// command runs from that folder's parent so every message starts "<case-name>/", as in expected.txt.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { qifReport, ROOT, tempDir } from '../helpers/cli.js';

const CORPUS = path.join(ROOT, 'fixtures', 'bad-inputs');
const BASE = path.join(CORPUS, 'base');
const CASES = path.join(CORPUS, 'cases');
/** Files in a case folder that describe the case rather than belong to the workspace. */
const CASE_FILES = new Set(['case.json', 'expected.txt']);

interface CaseSpec {
  /** Run validate (and build) with --lenient. */
  lenient?: boolean;
  /** The exit code of validate; 2 (invalid input) unless given. */
  exit?: number;
  /** Base files the case takes away. */
  remove?: string[];
  why?: string;
  /** What is wrong with today's behaviour, which expected.txt records as it is. */
  knownIssue?: string;
}

interface BadInput {
  name: string;
  spec: CaseSpec;
  expected: string[];
}

const lines = (text: string) => (text === '' ? [] : text.replace(/\n$/, '').split('\n'));

const corpus: BadInput[] = readdirSync(CASES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort()
  .map((name) => {
    const specFile = path.join(CASES, name, 'case.json');
    const spec = (existsSync(specFile) ? JSON.parse(readFileSync(specFile, 'utf8')) : {}) as CaseSpec;
    return { name, spec, expected: lines(readFileSync(path.join(CASES, name, 'expected.txt'), 'utf8')) };
  });

interface Result {
  status: number;
  stdout: string;
  stderr: string;
}

/** Spawning the CLI takes about a second, more on a busy machine; in-process a case takes milliseconds. */
const TIMEOUT = 30_000;

/** Where the case workspaces are laid out, side by side; the command runs from here. */
let root: string;
let startedIn: string;
/**
 * In-process when this worker may change directory (vitest's default forks pool), which is fast; worker
 * threads may not, and then each command is the real CLI spawned in `root` (about a second each).
 */
let inProcess = false;

async function qif(args: string[]): Promise<Result> {
  if (!inProcess) return qifReport(args, root);
  let stdout = '';
  let stderr = '';
  const status = await run(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { status, stdout, stderr };
}

beforeAll(() => {
  root = tempDir('qif-bad-inputs-');
  for (const { name, spec } of corpus) {
    const workspace = path.join(root, name);
    cpSync(BASE, workspace, { recursive: true });
    for (const file of readdirSync(path.join(CASES, name))) {
      if (!CASE_FILES.has(file)) cpSync(path.join(CASES, name, file), path.join(workspace, file), { recursive: true });
    }
    for (const file of spec.remove ?? []) rmSync(path.join(workspace, file));
  }
  startedIn = process.cwd();
  try {
    process.chdir(root);
    inProcess = true;
  } catch {
    inProcess = false;
  }
});

afterAll(() => {
  if (inProcess) process.chdir(startedIn);
  rmSync(root, { recursive: true, force: true });
});

describe('the bad-inputs corpus', () => {
  it('has a base workspace that validates with no problems', async () => {
    expect(corpus.length).toBeGreaterThanOrEqual(30);
    const base = path.join(root, 'base');
    cpSync(BASE, base, { recursive: true });
    const result = await qif(['validate', 'base']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/no problems: ready to build\.\n$/);
    expect(result.status).toBe(0);
  }, TIMEOUT);
});

describe.each(corpus)('bad input $name', ({ name, spec, expected }) => {
  const lenient = spec.lenient ? ['--lenient'] : [];
  const exit = spec.exit ?? 2;
  const title = spec.knownIssue ? `(known issue, see case.json) ${spec.why ?? ''}` : (spec.why ?? '');

  it(`validate prints exactly expected.txt and exits ${exit}: ${title}`, async () => {
    const prototype = Object.getOwnPropertyNames(Object.prototype).sort();
    const result = await qif(['validate', name, ...lenient]);
    expect(lines(result.stderr)).toEqual(expected);
    expect(result.status).toBe(exit);
    expect(result.stdout.startsWith(`${name}\n`)).toBe(true);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototype);
  }, TIMEOUT);

  if (exit === 2) {
    it('build refuses with the same lines and writes nothing', async () => {
      const out = path.join(root, `${name}.out`);
      mkdirSync(out);
      const result = await qif(['build', name, '--out', out, '--format', 'pdf,json', ...lenient]);
      expect(result.status).toBe(2);
      expect(lines(result.stderr)).toEqual(expected);
      expect(result.stdout).toBe('');
      expect(readdirSync(out)).toEqual([]);
    }, TIMEOUT);
  } else {
    it('build writes the report model, printing the same lines', async () => {
      const out = path.join(root, `${name}.out`);
      const result = await qif(['build', name, '--out', out, '--format', 'json', ...lenient]);
      expect(result.status).toBe(0);
      // A lenient build that left rows out ends by saying so, after the lines validate prints.
      const rejected = new Set(expected.filter((line) => !/: warning: /.test(line)).map((line) => line.split(':').slice(0, 2).join(':'))).size;
      const summary = rejected === 0 ? [] : [`qif-report: the paper was built from incomplete data: ${rejected} rejected row${rejected === 1 ? ' is' : 's are'} left out, listed above and in the paper's Data quality appendix`];
      expect(lines(result.stderr)).toEqual([...expected, ...summary]);
      const written = readdirSync(out);
      expect(written).toEqual(['orkney-childrens-services-partnership-2021-22-q4-inspection-readiness.json']);
      expect(result.stdout).toBe(`${path.join(out, written[0]!)}\n`);
    }, TIMEOUT);
  }
});
