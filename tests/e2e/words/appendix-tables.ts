// Appendices 1 to 4: implications, Table 1 and the key to grades, Table 2, Tables 3 and 4 (src/render/blocks/
// appendix-tables.ts lays them out; the words are labels.json's and the framework's).
import { areas, changesFrom2014, domains, qualityIndicators, scale } from '../../../src/framework/index.js';
import { comparePeriods, GRADE_WORDS, parsePeriod, percentText, type ExpectedPaper as Oracle } from '../../oracle/index.js';
import { CAPACITY } from './facts.js';
import type { PaperInputs } from './inputs.js';
import { STATUS, TABLES } from './labels.js';
import type { ExpectedPaper } from './pieces.js';
import { gradeCell } from './question-tables.js';

const changed = (qi: string) => changesFrom2014.some((c) => c.qi === qi);

/**
 * A Table 1 cell's grade. Table 1 is titled as the grades of the report's round ("…self-evaluated grades,
 * 2021/22 Q4"), so a QI not regraded this round must not show its older grade as if it were this round's:
 * FINDING — the paper prints the bare word (Orkney: 4.1 "Adequate", 8.2 "Weak", both from 2020/21 Q4). The
 * test expects the period after the word, as every other grade cell in the paper prints an older grade.
 */
function table1Grade(o: Oracle, qi: string): string {
  const g = o.qis.find((q) => q.qi === qi)!;
  if (!g.latest) return TABLES.notGraded;
  return g.gradedThisRound ? g.latest.word : `${g.latest.word} ${g.latest.period}`;
}

export function implications(doc: ExpectedPaper, { particulars }: PaperInputs): void {
  doc.heading('Appendix 1: Implications of the report');
  for (const i of particulars.implications) doc.para(`${i.heading} – ${i.text}`);
}

/** Table 1's columns: one a domain (area 10's aside), each its areas in turn with their QIs under them. */
function table1Columns(o: Oracle): string[][] {
  return domains.filter((d) => !d.areas.includes(10)).map((d) =>
    d.areas.flatMap((id) => [
      `${id}. ${areas.find((a) => a.id === id)!.title}`,
      ...qualityIndicators.filter((q) => q.area === id).map((q) => `${q.id} ${o.raw.titles[q.id]}${changed(q.id) ? ` ${TABLES.changedMarker}` : ''} ${table1Grade(o, q.id)}`),
    ]),
  );
}

/** pdfmake writes a table row by row, so the columns are read across: each row's cells left to right. */
function table1(doc: ExpectedPaper, o: Oracle): void {
  const columns = table1Columns(o);
  doc.text(TABLES.table1Title(o.raw.period));
  const depth = Math.max(...columns.map((c) => c.length));
  for (let row = 0; row < depth; row++) doc.row(columns.map((c) => c[row] ?? ''));
  doc.text(TABLES.capacityRow).text(`${TABLES.capacityNote} ${table1Grade(o, CAPACITY)}`);
  doc.text(TABLES.changedNote(changesFrom2014.map((c) => `${c.qi} was ${c.previousId} “${c.previousTitle}”`).join('; ')));
}

function gradeKey(doc: ExpectedPaper): void {
  doc.text(TABLES.key).row([...scale.map((p) => `${p.grade} ${p.word}`), TABLES.notGraded]);
  for (const p of scale) doc.row([p.word, p.descriptor]);
}

export function gradesAppendix(doc: ExpectedPaper, { oracle }: PaperInputs): void {
  doc.heading('Appendix 2: Quality indicators and grades');
  table1(doc, oracle);
  gradeKey(doc);
}

export function evidenceAppendix(doc: ExpectedPaper, { oracle }: PaperInputs): void {
  doc.heading('Appendix 3: Supporting evidence');
  doc.para('The evidence the framework suggests for each QI (Table 2 of the framework), with the status the partnership has recorded. Items marked local were added by the partnership.');
  doc.text(TABLES.table2Title);
  for (const g of oracle.qis) {
    const e = g.evidence;
    const items = e.items.length ? e.items.map((i) => `${i.text}${i.local ? ` ${TABLES.localItem}` : ''} – ${STATUS[i.status]}`) : [TABLES.noList];
    doc.row([g.qi, oracle.raw.titles[g.qi]!, ...items, e.coverage ? percentText(e.coverage) : TABLES.noValue]);
  }
}

/** Each QI's latest grade with the strengths and areas for improvement recorded with it in grades.csv. */
export function summaryAppendix(doc: ExpectedPaper, { oracle }: PaperInputs): void {
  doc.heading('Appendix 4: Self-evaluation summary');
  doc.text(TABLES.table3Title);
  for (const g of oracle.qis) {
    const title = oracle.raw.titles[g.qi]!;
    doc.row([g.qi, title, gradeCell(g.latest, TABLES.notGraded), g.latest?.strengths || TABLES.noValue, g.latest?.areasForImprovement || TABLES.noValue]);
  }
  gradesOverTime(doc, oracle);
}

/** Rounds across one A4 page (README, grades.csv): more are set out in parts of near-equal size, oldest first. */
const ROUNDS_ACROSS = 5;

/** `rounds` cut into the fewest parts of at most ROUNDS_ACROSS, the first ones a round longer where they cannot be equal. */
function partsOf(rounds: readonly string[]): string[][] {
  const parts = Math.ceil(rounds.length / ROUNDS_ACROSS);
  const out: string[][] = [];
  let at = 0;
  for (let p = 0; p < parts; p++) {
    const size = Math.floor(rounds.length / parts) + (p < rounds.length % parts ? 1 : 0);
    out.push(rounds.slice(at, at + size));
    at += size;
  }
  return out;
}

/**
 * Table 4: each QI's grade in every round held (grades.csv's periods up to the report's), oldest first; a round
 * with no row for a QI graded before is "Not regraded", with none before "Not graded".
 */
function gradesOverTime(doc: ExpectedPaper, o: Oracle): void {
  const rounds = [...new Set(o.raw.grades.map((g) => g.period))].sort((a, b) => comparePeriods(parsePeriod(a), parsePeriod(b)));
  if (rounds.length === 0) {
    doc.para('No round of self-evaluation has been graded, so there are no grades over time to show.');
    return;
  }
  const cell = (qi: string, round: string) => {
    const row = o.raw.grades.find((g) => g.qi === qi && g.period === round);
    if (row) return GRADE_WORDS[row.grade]!;
    return o.raw.grades.some((g) => g.qi === qi && comparePeriods(parsePeriod(g.period), parsePeriod(round)) < 0) ? TABLES.notRegradedInRound : TABLES.notGraded;
  };
  const notRegraded = qualityIndicators.some((q) => rounds.some((round) => cell(q.id, round) === TABLES.notRegradedInRound));
  const parts = partsOf(rounds);
  doc.para(
    (rounds.length === 1
      ? `Table 4 sets out each QI's grade in the one round of self-evaluation held, ${rounds[0]}.`
      : `Table 4 sets out each QI's grade in each of the ${rounds.length} rounds of self-evaluation held, oldest first, from ${rounds[0]} to ${rounds.at(-1)}.`) +
      (notRegraded ? ' Not regraded marks a round in which a QI graded before was not evaluated again.' : '') +
      (parts.length > 1 ? ` There are too many rounds to fit across a page, so the table is set out in ${parts.length} parts, oldest rounds first.` : ''),
  );
  parts.forEach((part, p) => {
    doc.text(TABLES.table4Title(part[0]!, part.length > 1 ? part.at(-1) : undefined, p > 0));
    // The header row (QI, Quality indicator, the rounds) is left out, as every table's is (actual.ts).
    for (const q of qualityIndicators) doc.row([q.id, o.raw.titles[q.id]!, ...part.map((round) => cell(q.id, round))]);
  });
}
