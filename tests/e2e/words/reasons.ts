// A question's readiness reasons (templates/partials/reason-*.md), most severe first: what makes it Not ready,
// then what keeps it from Ready, then what a Ready rating rests on; grades before evidence within each.
import { scale } from '../../../src/framework/index.js';
import { Fraction, percentBeside, percentText, type QuestionExpectation as Question, type Thresholds } from '../../oracle/index.js';
import { listed, plural } from './phrases.js';

const word = (grade: number) => scale.find((p) => p.grade === grade)!.word;

function notReadyReasons(q: Question, t: Thresholds, coverage: string): string[] {
  const r = q.readiness;
  const flag = (qi: string) => `${qi} (${q.grades.find((g) => g.qi === qi)!.latest!.word})`;
  return [
    r.weakQis.length ? `${plural(r.weakQis.length, 'A QI is', 'QIs are')} graded weak or unsatisfactory: ${listed(r.weakQis.map(flag))}.` : '',
    r.ungradedQis.length ? `${plural(r.ungradedQis.length, 'A mapped QI has', 'Mapped QIs have')} no grade: ${listed(r.ungradedQis)}.` : '',
    r.evidenceTooThin ? `Only ${coverage} of the evidence for these QIs is held, below the ${percentText(t.notReadyEvidenceBelow)} needed to avoid a Not ready rating.` : '',
  ];
}

function nearlyReadyReasons(q: Question, t: Thresholds, coverage: string): string[] {
  const r = q.readiness;
  const latest = (qi: string) => q.grades.find((g) => g.qi === qi)!.latest!;
  // A QI already listed as weak is not listed again as below the ready grade.
  const below = r.belowReadyQis.filter((qi) => !r.weakQis.includes(qi));
  return [
    below.length ? `${plural(below.length, 'A QI is', 'QIs are')} graded below ${word(t.readyMinimumGrade)}: ${listed(below.map((qi) => `${qi} (${latest(qi).word})`))}.` : '',
    r.notRegradedQis.length
      ? `${plural(r.notRegradedQis.length, 'A QI was', 'QIs were')} not regraded this round, so ${plural(r.notRegradedQis.length, 'its latest grade is', 'their latest grades are')} older: ${listed(r.notRegradedQis.map((qi) => `${qi} (graded ${latest(qi).period})`))}.`
      : '',
    !r.evidenceTooThin && r.evidenceBelowReady ? `${coverage} of the evidence for these QIs is held, short of the ${percentText(t.readyMinimumEvidence)} needed for a Ready rating.` : '',
  ];
}

function readyReasons(q: Question, t: Thresholds, coverage: string): string[] {
  const r = q.readiness;
  const lowest = Math.min(...q.grades.flatMap((g) => (g.latest ? [g.latest.grade] : [])));
  return [
    r.belowReadyQis.length === 0 && r.ungradedQis.length === 0 ? `Every mapped QI is graded ${word(t.readyMinimumGrade)} or better; the lowest grade is ${word(lowest)}.` : '',
    !r.evidenceBelowReady ? `${coverage} of the evidence for these QIs is held, meeting the ${percentText(t.readyMinimumEvidence)} needed for a Ready rating.` : '',
  ];
}

/** Each reason printed under the question, in order. */
export function readinessReasons(q: Question, t: Thresholds): string[] {
  const coverage = percentBeside(q.evidence.coverage ?? Fraction.ZERO, [t.readyMinimumEvidence, t.notReadyEvidenceBelow]);
  return [...notReadyReasons(q, t, coverage), ...nearlyReadyReasons(q, t, coverage), ...readyReasons(q, t, coverage)].filter((s) => s !== '');
}
