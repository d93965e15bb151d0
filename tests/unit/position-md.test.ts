// position.md read against an inspection model (src/ingest/position-md.ts): every structural mistake positioned, all
// together; and the word count's rule (src/analyse/position-words.ts) on small, hand-counted texts.
import { describe, expect, it } from 'vitest';
import { countWords, positionWordCount } from '../../src/analyse/position-words.js';
import { inspectionModel } from '../../src/framework/index.js';
import { parsePositionStatement } from '../../src/ingest/position-md.js';
import { formatProblem, InvalidInputError } from '../../src/model/index.js';

const B = inspectionModel('at-risk-of-harm-2021');
const C = inspectionModel('cso-at-home-2025');

const answered = (heading: string) => `${heading}\n\n## How good are we now?\n\nWell.\n\n## How do we know?\n\nAudits.\n\n## What do we plan to do next?\n\nMore.\n`;
const statements = (...headings: string[]) => headings.map(answered).join('\n');
/** The problems as the command prints them: in the file's order. */
const problems = (markdown: string, model = B) => new InvalidInputError(parsePositionStatement('position.md', markdown, model).problems).problems.map(formatProblem);

/** Each answered section is 14 lines long: section k (from 1) starts at line 1 + 14 (k − 1), after any lines before. */
const sectionLine = (k: number, before = 0) => 1 + before + 14 * (k - 1);

describe('position.md', () => {
  it('reads a statement with every section in order, headings matched by number', () => {
    const read = parsePositionStatement('position.md', statements('# Statement 1: early', '# 2. Planning', '# Statement 3', '# Leadership, statement 4'), B);
    expect(read.problems).toEqual([]);
    expect(read.text!.sections.map((s) => [s.number, s.answers.map((a) => a.question)])).toEqual([1, 2, 3, 4].map((n) => [n, ['How good are we now?', 'How do we know?', 'What do we plan to do next?']]));
  });

  it('takes model C’s three lines of enquiry, and says "line of enquiry" of them', () => {
    expect(problems(statements('# Line of enquiry 1', '# Line of enquiry 3'), C)).toEqual([`position.md:${sectionLine(2)}:1: line of enquiry 2 is missing; expected a section "# Line of enquiry 2" with its three questions before this heading`]);
  });

  it('positions text before the first statement, a statement twice, out of order, unnumbered or unknown', () => {
    const markdown = `Intro.\n\n${statements('# Statement 1', '# Statement 3', '# Statement 2', '# Statement 3', '# Leadership', '# Statement 5', '# Statement 4')}`;
    // Intro and its blank line: two lines before the first section.
    const at = (k: number) => sectionLine(k, 2);
    expect(problems(markdown)).toEqual([
      `position.md:1:1: text before the first statement; expected the file to start with its first statement's heading, # Statement 1`,
      `position.md:${at(2)}:1: statement 2 is missing; expected a section "# Statement 2" with its three questions before this heading`,
      `position.md:${at(3)}:1: statement 2 comes after statement 3; expected the statements in order, 1 to 4`,
      `position.md:${at(4)}:1: statement 3 comes twice (first at line ${at(2)}); expected each statement once`,
      `position.md:${at(5)}:1: the heading "Leadership" names no statement by its number; expected "# Statement N", N from 1 to 4`,
      `position.md:${at(6)}:1: there is no statement 5 under at-risk-of-harm-2021; expected a statement from 1 to 4`,
    ]);
  });

  it('positions an unknown question, a question twice, an empty answer and text before the first question', () => {
    const one = '# Statement 1\n\nPreamble.\n\n## How good are we now?\n\n## How good are we now?\n\nAgain.\n\n## How well do we do?\n\nHm.\n\n## How do we know?\n\nAudits.\n\n## What do we plan to do next?\n\nMore.\n';
    expect(problems(`${one}\n${statements('# Statement 2', '# Statement 3', '# Statement 4')}`)).toEqual([
      'position.md:3:1: text before the first question of statement 1; expected "## How good are we now?" first',
      'position.md:5:1: "## How good are we now?" has no answer under it; expected a paragraph or more of your answer',
      'position.md:7:1: "## How good are we now?" comes twice in statement 1; expected each question once',
      'position.md:11:1: "## How well do we do?" is not one of the three reflective questions; expected ## How good are we now?, ## How do we know? or ## What do we plan to do next?',
    ]);
  });

  it('refuses what the document cannot lay out as written: links, headings below ##, HTML, tables', () => {
    const one = '# Statement 1\n\n## How good are we now?\n\nSee [the plan](https://example.org).\n\n### Detail\n\n<b>bold</b>\n\n| a | b |\n| - | - |\n\n## How do we know?\n\nAudits.\n\n## What do we plan to do next?\n\nMore.\n';
    expect(problems(`${one}\n${statements('# Statement 2', '# Statement 3', '# Statement 4')}`).map((p) => p.split(';')[0])).toEqual([
      'position.md:5:5: a link (write the address as text) is not part of a position statement',
      'position.md:7:1: a heading below ## is not part of a position statement',
      'position.md:9:1: HTML is not part of a position statement',
      'position.md:9:8: HTML is not part of a position statement',
      'position.md:11:1: a table is not part of a position statement (the facts the tool adds are its tables)',
    ]);
  });
});

describe('the word count', () => {
  it('counts runs holding a letter or digit, so dashes and bullets standing alone are not words', () => {
    expect(countWords('The 2021/22 audit – of QI 5.1 — found co-ordinated plans ; •')).toBe(9);
  });

  it('counts the prose under the questions, not the headings, and keeps paragraphs and list items apart', () => {
    const markdown = statements('# Statement 1 with many heading words', '# Statement 2', '# Statement 3', '# Statement 4').replace('Well.', 'Well **done**, *team*.\n\n- one\n- two\n\n> A quote\\\nover two lines');
    const read = parsePositionStatement('position.md', markdown, B);
    const count = positionWordCount(read.text!, { limit: 5000, warnAt: 4500 });
    // "Well done, team." 3 + "one" + "two" + "A quote over two lines" 5, then 1 + 1 for the other answers.
    expect(count.sections[0]).toEqual({ number: 1, words: 12, answers: [{ question: 'How good are we now?', words: 10 }, { question: 'How do we know?', words: 1 }, { question: 'What do we plan to do next?', words: 1 }] });
    expect(count.total).toBe(12 + 3 * 3);
  });
});
