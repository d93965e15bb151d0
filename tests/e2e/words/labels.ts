// The short words of templates/labels.json that the paper prints, written out by hand: they are part of what
// is being tested, so they are not read from the file.
import type { ItemStatus, Movement, Position, Rating } from '../../oracle/index.js';
import type { IndicatorUnit } from '../../../src/framework/index.js';

export const RATING: Record<Rating, string> = { ready: 'Ready', 'nearly-ready': 'Nearly ready', 'not-ready': 'Not ready' };

export const MOVEMENT: Record<Movement, string> = { up: 'Up', down: 'Down', same: 'No change', 'first-grade': 'First grade', 'not-graded': 'Not graded' };

export const DIRECTION = { improving: 'improving', worsening: 'worsening', up: 'up', down: 'down' } as const;

export const STATUS: Record<ItemStatus, string> = { held: 'held', partial: 'partly held', missing: 'missing', 'not-recorded': 'not recorded' };

/** A comparator's position in a table cell … */
export const POSITION: Record<Position, string> = { better: 'better', worse: 'worse', same: 'same', higher: 'higher', lower: 'lower' };
/** … and in a sentence ("the partnership's figure is the same"). */
export const POSITION_PHRASE: Record<Position, string> = { ...POSITION, same: 'the same' };

export const UNIT: Record<IndicatorUnit, string> = {
  percent: 'per cent',
  'rate-per-1000-0-15': 'rate per 1,000 children aged 0–15',
  'rate-per-1000-0-17': 'rate per 1,000 children aged 0–17',
  'rate-per-10000': 'rate per 10,000 children',
  'gbp-per-week': '£ per child per week',
  count: 'number',
  days: 'days',
};

export const TABLES = {
  noValue: '–',
  notGraded: 'Not graded',
  inspectorGraded: 'Graded by inspectors 2018–20',
  progressReviewRisk: 'Progress-review risk',
  notRegraded: 'Not regraded this round',
  noSignal: 'no signal',
  signal: (direction: string) => `signal: ${direction}`,
  tooShort: 'too few points',
  localItem: '(local)',
  noList: 'The framework lists no evidence for this QI.',
  changedMarker: '†',
  key: 'Key to grades',
  capacityRow: '10. What is our capacity for improvement?',
  capacityNote: 'Global judgement based on an evaluation of the framework of quality indicators',
  table1Title: (period: string) => `Table 1: Quality indicators and self-evaluated grades, ${period}`,
  table2Title: 'Table 2: Supporting evidence and its coverage',
  table3Title: 'Table 3: Self-evaluation summary by quality indicator',
  table4Title: (first: string, last: string | undefined, continued = false) => `Table 4${continued ? ' (continued)' : ''}: Self-evaluated grades in each round, ${first}${last === undefined ? '' : ` to ${last}`}`,
  notRegradedInRound: 'Not regraded',
  rejectedInRound: (line: number) => `Rejected (line ${line})`,
  changedNote: (changes: string) => `† Changed from the 2014 framework: ${changes}.`,
  evidenceCount: (held: number, total: number, partial: number, coverage: string) => `${held} of ${total}${partial ? `, ${partial} in part` : ''} (${coverage})`,
  rankValue: (rank: number, of: number, tied: boolean) => `${tied ? '=' : ''}${rank} of ${of}`,
} as const;
