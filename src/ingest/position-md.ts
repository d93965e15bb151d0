import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Heading, Nodes, Root, RootContent } from 'mdast';
import { fromMarkdown, toString } from '../vendor/markdown.js';
import { inspectionModels, positionStatement, type InspectionModel } from '../framework/index.js';
import { POSITION_FILE, type InputProblem, type PositionAnswer, type PositionBlock, type PositionSection, type PositionText } from '../model/index.js';
import { isToComplete } from './to-complete.js';
import { blockProblems } from './position-blocks.js';

type Place = { line: number; column: number };

/** What the tool calls the model's items in messages: "statement", "line of enquiry". */
const itemWord = (model: InspectionModel) => (model.itemKind === 'line-of-enquiry' ? 'line of enquiry' : model.itemKind);

/** A question heading as written, compared without case, spacing or its question mark. */
const questionKey = (text: string) => text.trim().replace(/\s+/g, ' ').replace(/\s*\?$/, '').toLowerCase();

const QUESTIONS = positionStatement.reflectiveQuestions;
const QUESTION_LIST = QUESTIONS.map((q) => `## ${q}`).join(', ');

/** A heading names its item by the first whole number in it: `# Statement 2`, `# Line of enquiry 1: …`, `# 3. …`. */
const numberIn = (heading: Heading) => /\d+/.exec(toString(heading))?.[0];

const startOf = (node: Nodes): Place => ({ line: node.position!.start.line, column: node.position!.start.column });

/** A `#` heading and what follows it up to the next. */
interface RawSection {
  heading: Heading;
  number?: number;
  body: RootContent[];
}

function splitSections(tree: Root): { before: RootContent[]; sections: RawSection[] } {
  const before: RootContent[] = [];
  const sections: RawSection[] = [];
  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth === 1) {
      const number = numberIn(node);
      sections.push({ heading: node, number: number === undefined ? undefined : Number(number), body: [] });
    } else (sections.at(-1)?.body ?? before).push(node);
  }
  return { before, sections };
}

/**
 * Reads the officer's position.md: one `#` section per item of the model, in order, each with the three reflective
 * questions as `##` headings, in order, each answered. Every problem of structure is found and positioned
 * (file:line:column), all together; the text is returned only when there is none.
 */
export async function readPositionStatement(directory: string, model: InspectionModel): Promise<{ text?: PositionText; problems: InputProblem[] }> {
  const file = path.join(directory, POSITION_FILE);
  let source: string;
  try {
    source = (await readFile(file, 'utf8')).replace(/^\uFEFF/, '');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    return { problems: [{ file, reason: missing ? 'there is no position statement in the workspace' : `the file cannot be read (${(error as NodeJS.ErrnoException).code})`, expected: `${POSITION_FILE}, written as README "Writing the position statement" says (qif-report init --model writes a skeleton)` }] };
  }
  return parsePositionStatement(file, source, model);
}

/** position.md's text read against the model: see readPositionStatement. */
export function parsePositionStatement(file: string, source: string, model: InspectionModel): { text?: PositionText; problems: InputProblem[] } {
  const tree = fromMarkdown(source);
  const problems: InputProblem[] = [];
  const at = (place: Place, reason: string, expected: string) => problems.push({ file, ...place, reason, expected });
  const word = itemWord(model);
  const first = `# ${word[0]!.toUpperCase()}${word.slice(1)} 1`;
  const { before, sections } = splitSections(tree);
  if (before.length > 0) at(startOf(before[0]!), `text before the first ${word}`, `the file to start with its first ${word}'s heading, ${first}`);

  const kept = orderedSections(sections, model, word, at);
  const end: Place = { line: tree.position!.end.line, column: tree.position!.end.column };
  for (const item of model.items) {
    if (kept.has(item.number)) continue;
    const next = sections.find((section) => section.number !== undefined && section.number > item.number);
    at(next ? startOf(next.heading) : end, `${word} ${item.number} is missing`, `a section "# ${word[0]!.toUpperCase()}${word.slice(1)} ${item.number}" with its three questions ${next ? 'before this heading' : 'here, at the end of the file'}`);
  }
  const read = [...kept.values()].map((section) => readSection(section, word, at));
  if (problems.length > 0) return { problems };
  return { text: { file, sections: read.sort((a, b) => a.number - b.number) }, problems };
}

/** The sections that name an item once and in order, by number; the others are positioned problems. */
function orderedSections(sections: readonly RawSection[], model: InspectionModel, word: string, at: (place: Place, reason: string, expected: string) => void): Map<number, RawSection> {
  const kept = new Map<number, RawSection>();
  const range = `1 to ${model.items.length}`;
  let last = 0;
  for (const section of sections) {
    const place = startOf(section.heading);
    const { number } = section;
    if (number === undefined) at(place, `the heading "${toString(section.heading)}" names no ${word} by its number`, `"# ${word[0]!.toUpperCase()}${word.slice(1)} N", N from ${range}`);
    else if (!model.items.some((item) => item.number === number)) at(place, `there is no ${word} ${number} under ${model.id}`, `a ${word} from ${range}`);
    else if (kept.has(number)) at(place, `${word} ${number} comes twice (first at line ${kept.get(number)!.heading.position!.start.line})`, `each ${word} once`);
    else if (number < last) at(place, `${word} ${number} comes after ${word} ${last}`, `the ${word}s in order, ${range}`);
    else {
      kept.set(number, section);
      last = number;
    }
  }
  return kept;
}

/** A section's three answers, each under its `##` question; what is out of place is a positioned problem. */
function readSection(section: RawSection, word: string, at: (place: Place, reason: string, expected: string) => void): PositionSection {
  const answers: { index: number; heading: Heading; blocks: RootContent[] }[] = [];
  const loose: RootContent[] = [];
  for (const node of section.body) {
    if (node.type === 'heading' && node.depth === 2) {
      const index = QUESTIONS.findIndex((question) => questionKey(question) === questionKey(toString(node)));
      const last = answers.at(-1);
      if (index < 0) at(startOf(node), `"## ${toString(node)}" is not one of the three reflective questions`, QUESTION_LIST.replace(/, (?=[^,]*$)/, ' or '));
      else if (answers.some((answer) => answer.index === index)) at(startOf(node), `"## ${QUESTIONS[index]}" comes twice in ${word} ${section.number}`, 'each question once');
      else if (last && index < last.index) at(startOf(node), `"## ${QUESTIONS[index]}" comes after "## ${QUESTIONS[last.index]}"`, `the questions in order: ${QUESTION_LIST}`);
      else {
        answers.push({ index, heading: node, blocks: [] });
        continue;
      }
      answers.push({ index: -1, heading: node, blocks: [] });
    } else (answers.at(-1)?.blocks ?? loose).push(node);
  }
  if (loose.length > 0) at(startOf(loose[0]!), `text before the first question of ${word} ${section.number}`, `"## ${QUESTIONS[0]}" first`);
  QUESTIONS.forEach((question, index) => {
    if (answers.some((answer) => answer.index === index)) return;
    const next = answers.find((answer) => answer.index > index) ?? undefined;
    at(next ? startOf(next.heading) : sectionEnd(section), `"## ${question}" is missing from ${word} ${section.number}`, `the heading and your answer ${next ? 'before this heading' : 'at the end of the section'}`);
  });
  return { number: section.number!, answers: answers.filter((answer) => answer.index >= 0).map((answer) => readAnswer(answer.heading, answer.blocks, at)) };
}

/** Where a section ends: after its last node, or its heading's. */
const sectionEnd = (section: RawSection): Place => {
  const last = section.body.at(-1) ?? section.heading;
  return { line: last.position!.end.line, column: last.position!.end.column };
};

function readAnswer(heading: Heading, blocks: RootContent[], at: (place: Place, reason: string, expected: string) => void): PositionAnswer {
  const question = toString(heading);
  if (blocks.length === 0) at(startOf(heading), `"## ${question}" has no answer under it`, 'a paragraph or more of your answer');
  for (const problem of blockProblems(blocks)) at(problem.place, problem.reason, problem.expected);
  for (const block of blocks) {
    if (block.type === 'paragraph' && isToComplete(toString(block))) at(startOf(block), `the answer to "${question}" is still to complete (it starts "TO COMPLETE:")`, 'your answer in place of the prompt');
  }
  const index = QUESTIONS.findIndex((q) => questionKey(q) === questionKey(question));
  return { question: QUESTIONS[index]!, blocks: blocks as PositionBlock[] };
}

/**
 * The position statement is the document of models B and C; a workspace preparing for model A (whose document is
 * a self-evaluation) is refused in one line that says how to choose another model.
 */
export function positionModelProblem(model: InspectionModel, reportFile: string): InputProblem | undefined {
  if (model.document.kind !== 'self-evaluation') return undefined;
  const others = inspectionModels.filter((other) => other.document.kind !== 'self-evaluation').map((other) => `"inspectionModel": "${other.id}"`);
  return {
    file: reportFile,
    reason: `the position statement belongs to inspection models B and C; this workspace prepares for ${model.id}, whose document is a self-evaluation of at most ${model.document.maxPages} pages`,
    expected: `${others.join(' or ')} in report.json (qif-report framework lists the models)`,
  };
}
