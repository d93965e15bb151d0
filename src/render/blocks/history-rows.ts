import type { GradeInRound } from '../../model/index.js';
import { splitRounds } from '../grade-history.js';
import type { BlockContext } from './context.js';

/** A cell of the grades-over-time table: the grade's word, or what became of the QI that round; `grade` colours it. */
export interface HistoryCell {
  text: string;
  grade?: number;
}

export interface HistoryRow {
  qi: string;
  title: string;
  cells: HistoryCell[];
}

/** One part of the table: its title, the rounds across its head, a row per QI. */
export interface HistoryPart {
  title: string;
  rounds: string[];
  rows: HistoryRow[];
}

function historyCell(entry: GradeInRound, { labels, fill }: BlockContext): HistoryCell {
  const t = labels.tables;
  switch (entry.status) {
    case 'graded':
      return { text: entry.word!, grade: entry.grade };
    case 'rejected':
      return { text: fill(t.historyRejected!, { line: entry.source!.line }) };
    case 'not-evaluated':
      return { text: t.notEvaluated! };
    case 'not-regraded':
      return { text: t.historyNotRegraded! };
    case 'not-graded':
      return { text: t.notGraded! };
  }
}

/** The table in parts (one unless the rounds are too many to fit across a page), the same for both editions. */
export function historyParts(context: BlockContext): HistoryPart[] {
  const { model, labels, fill } = context;
  // Each QI's history has one entry for each of periods.rounds (docs/report-model.md).
  const entry = (history: readonly GradeInRound[], round: string) => history.find((each) => each.period === round)!;
  return splitRounds(model.periods.rounds).map((rounds, number) => ({
    title: fill(labels.tables.table4Title!, { continued: number > 0, first: rounds[0], last: rounds.length > 1 ? rounds.at(-1) : '' }),
    rounds,
    rows: model.qis.map((qi) => ({ qi: qi.id, title: qi.title, cells: rounds.map((round) => historyCell(entry(qi.history, round), context)) })),
  }));
}
