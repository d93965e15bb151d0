// Reads a workspace's raw inputs for the oracle: report.json, grades.csv, evidence.csv and the figures.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { qualityIndicators } from '../../src/framework/index.js';
import { MODELS, RETITLED_2019, type ModelFacts, type ModelId } from './models.js';
import { councilNamed } from './councils.js';
import { readCsv } from './csv.js';
import { checkNoDuplicates, kindOf, readDataset, readLgbf, readScotpho, type Figure, type Withheld } from './figures.js';
import { Fraction } from './fraction.js';
import { comparePeriods, figureIsAfter, parsePeriod, periodLabel, type Period } from './periods.js';

/** A question's, statement's or line of enquiry's number in the workspace's inspection model. */
export type QuestionNo = number;

export interface Thresholds {
  readyMinimumGrade: number;
  notReadyGradeAtOrBelow: number;
  readyMinimumEvidence: Fraction;
  notReadyEvidenceBelow: Fraction;
}

export const DEFAULT_THRESHOLDS: Thresholds = {
  readyMinimumGrade: 4,
  notReadyGradeAtOrBelow: 2,
  readyMinimumEvidence: Fraction.parse('0.8'),
  notReadyEvidenceBelow: Fraction.parse('0.5'),
};

/** A grade row; `strengths` and `areasForImprovement` are the free text Appendix 4 prints ('' when empty). */
export interface GradeRow { period: string; qi: string; grade: number; strengths: string; areasForImprovement: string }
export interface EvidenceRow { qi: string; item: string; status: 'held' | 'partial' | 'missing' }

export interface Overrides {
  /** Build the paper for another area (a pack's `areas`); the workspace's peers are then dropped unless `peers` is given. */
  area?: string;
  /** Build the paper as at another period (a pack's `periods`). */
  period?: string;
  peers?: string[];
  /** Leave out figures later than the report period (pack papers "as at" a period). Grades later than it are always left out. */
  asAt?: boolean;
  /** A pack item's `report.inspectionModel`: the workspace's mapping then applies only if its model is the same. */
  model?: string;
}

export interface WorkspaceRaw {
  area: string;
  period: string;
  peers: string[];
  thresholds: Thresholds;
  mapping: Record<QuestionNo, string[]>;
  mappingOrigin: 'default' | 'workspace';
  /** report.json `inspectionModel`, the 2018 model when absent. */
  model: ModelFacts;
  /** report.json `framework`, the 2018 draft when absent. */
  edition: '2018-draft' | '2019-revised';
  /** Each QI's title in that edition. */
  titles: Record<string, string>;
  grades: GradeRow[];
  evidence: EvidenceRow[];
  figures: Figure[];
  withheld: Withheld[];
}

const WORDS = ['unsatisfactory', 'weak', 'adequate', 'good', 'very good', 'excellent'];

/** A grade as a file gives it: 1–6, the word in any case/spacing, "5 - Very good" or "Very good (5)". */
export function parseGrade(text: string): number {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (/^[1-6]$/.test(t)) return Number(t);
  const dash = /^([1-6]) ?- ?(.+)$/.exec(t);
  const paren = /^(.+?) ?\(([1-6])\)$/.exec(t);
  const [n, w] = dash ? [dash[1], dash[2]] : paren ? [paren[2], paren[1]] : [undefined, t];
  const grade = WORDS.indexOf(w ?? '') + 1;
  if (grade === 0 || (n !== undefined && Number(n) !== grade)) throw new SyntaxError(`not a grade: "${text}"`);
  return grade;
}

/** "5.1", "QI 5.1", "5,1" (decimal comma), "10". */
export function parseQi(text: string): string {
  return text.trim().replace(/^qi\s*/i, '').replace(',', '.');
}

function readJson(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, '')) as Record<string, unknown>;
}

function thresholdsFrom(json: unknown): Thresholds {
  const t = (json ?? {}) as Partial<Record<keyof Thresholds, number>>;
  return {
    readyMinimumGrade: t.readyMinimumGrade ?? DEFAULT_THRESHOLDS.readyMinimumGrade,
    notReadyGradeAtOrBelow: t.notReadyGradeAtOrBelow ?? DEFAULT_THRESHOLDS.notReadyGradeAtOrBelow,
    readyMinimumEvidence: t.readyMinimumEvidence !== undefined ? Fraction.fromJsonNumber(t.readyMinimumEvidence) : DEFAULT_THRESHOLDS.readyMinimumEvidence,
    notReadyEvidenceBelow: t.notReadyEvidenceBelow !== undefined ? Fraction.fromJsonNumber(t.notReadyEvidenceBelow) : DEFAULT_THRESHOLDS.notReadyEvidenceBelow,
  };
}

/** The default mapping with any question report.json overrides replaced whole. */
function mappingFrom(json: unknown, model: ModelFacts): Record<QuestionNo, string[]> {
  const given = (json ?? {}) as Record<string, string[]>;
  const out = {} as Record<QuestionNo, string[]>;
  model.items.forEach((_, index) => {
    out[index + 1] = (given[String(index + 1)] ?? model.defaultMapping[index + 1]!).map(parseQi);
  });
  return out;
}

/** The QIs' titles: the 2018 draft's (src/framework, checked against the 2018 paper), retitled for 2019 where known. */
function titlesIn(revised: boolean): Record<string, string> {
  return Object.fromEntries(qualityIndicators.map((qi) => [qi.id, (revised ? RETITLED_2019[qi.id] : undefined) ?? qi.title]));
}

/** The README's other accepted header names for grades.csv (header keys, see csv.ts). */
const GRADE_ALIASES = { qualityindicator: 'qi', qinumber: 'qi', evaluation: 'grade', areasfordevelopment: 'areasforimprovement', improvements: 'areasforimprovement' };

function readGrades(dir: string, report: Period): GradeRow[] {
  return readCsv(join(dir, 'grades.csv'), GRADE_ALIASES)
    .map((r) => ({ p: parsePeriod(r['period'] ?? ''), qi: parseQi(r['qi'] ?? ''), grade: parseGrade(r['grade'] ?? ''), strengths: r['strengths'] ?? '', areasForImprovement: r['areasforimprovement'] ?? '' }))
    .filter((g) => comparePeriods(g.p, report) <= 0)
    .map(({ p, ...g }) => ({ period: periodLabel(p), ...g }));
}

function readEvidence(dir: string): EvidenceRow[] {
  return readCsv(join(dir, 'evidence.csv'), { qualityindicator: 'qi', evidence: 'item', evidenceitem: 'item', evidencestatus: 'status' })
    .map((r) => ({ qi: parseQi(r['qi'] ?? ''), item: r['item'] ?? '', status: parseStatus(r['status'] ?? '') }));
}

function parseStatus(text: string): EvidenceRow['status'] {
  const s = text.trim().toLowerCase();
  if (s === 'held' || s === 'partial' || s === 'missing') return s;
  throw new SyntaxError(`not an evidence status: "${text}"`);
}

/** The published files: report.json `data`, else every CSV in `data/`; and `dataset.csv` if present. */
export function figureFiles(dir: string, data: unknown): string[] {
  const listed = Array.isArray(data) ? (data as string[]).map((p) => join(dir, p)) : undefined;
  const dataDir = join(dir, 'data');
  const found = existsSync(dataDir) ? readdirSync(dataDir).filter((f) => /\.csv$/i.test(f)).sort().map((f) => join(dataDir, f)) : [];
  const dataset = join(dir, 'dataset.csv');
  return [...(listed ?? found), ...(existsSync(dataset) ? [dataset] : [])];
}

function readFigures(files: string[], area: string): { figures: Figure[]; withheld: Withheld[] } {
  const group = councilNamed(area)?.childrenFamilyGroup;
  const figures: Figure[] = [];
  const withheld: Withheld[] = [];
  for (const file of files) {
    const kind = kindOf(file);
    if (kind === 'lgbf') figures.push(...readLgbf(file));
    else if (kind === 'scotpho') { const s = readScotpho(file); figures.push(...s.figures); withheld.push(...s.withheld); }
    else if (kind === 'dataset') figures.push(...readDataset(file, area, group));
  }
  checkNoDuplicates(figures);
  return { figures, withheld };
}

/**
 * Everything the oracle needs from a workspace, exactly as the files give it. The area is kept as
 * report.json spells it unless it names a council (then its LGBF spelling, the oracle's area key).
 */
export function readWorkspaceRaw(dir: string, overrides: Overrides = {}): WorkspaceRaw {
  const json = readJson(join(dir, 'report.json'));
  const givenArea = overrides.area ?? String(json['area']);
  const area = councilNamed(givenArea)?.name ?? givenArea;
  const period = parsePeriod(overrides.period ?? String(json['period']));
  const peerNames = overrides.peers ?? (overrides.area !== undefined ? [] : ((json['peers'] as string[] | undefined) ?? []));
  const all = readFigures(figureFiles(dir, json['data']), area);
  const keep = (p: string) => !overrides.asAt || !figureIsAfter(parsePeriod(p), period);
  const model = MODELS[(overrides.model ?? json['inspectionModel'] ?? 'care-and-protection-2018') as ModelId];
  return {
    model,
    edition: json['framework'] === '2019-revised' ? '2019-revised' : '2018-draft',
    titles: titlesIn(json['framework'] === '2019-revised'),
    area,
    period: periodLabel(period),
    peers: peerNames.map((p) => councilNamed(p)?.name ?? p),
    thresholds: thresholdsFrom(json['thresholds']),
    mapping: mappingFrom(overrides.model && overrides.model !== json['inspectionModel'] ? undefined : json['mapping'], model),
    mappingOrigin: json['mapping'] && !(overrides.model && overrides.model !== json['inspectionModel']) ? 'workspace' : 'default',
    grades: readGrades(dir, period),
    evidence: readEvidence(dir),
    figures: all.figures.filter((f) => keep(f.period)),
    withheld: all.withheld.filter((w) => keep(w.period)),
  };
}
