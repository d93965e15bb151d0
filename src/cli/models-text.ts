import { DEFAULT_INSPECTION_MODEL, findArea, findQualityIndicator, framework, type PublishedOutcome, type SubmittedDocument } from '../framework/index.js';
import { wrapText } from './text-wrap.js';

type ModelShown = (typeof framework.inspectionModels)[number];

/** What each kind of model asks about, counted: "five questions". */
const ITEMS: Record<ModelShown['itemKind'], [one: string, many: string]> = {
  question: ['question', 'questions'],
  statement: ['inspection statement', 'inspection statements'],
  'line-of-enquiry': ['key line of enquiry', 'key lines of enquiry'],
};
const NUMBERS = ['no', 'one', 'two', 'three', 'four', 'five', 'six'];

const DOCUMENT: { [Kind in SubmittedDocument['kind']]: (document: Extract<SubmittedDocument, { kind: Kind }>) => string } = {
  'self-evaluation': (document) => `a joint self-evaluation of at most ${document.maxPages} pages, built on the questions`,
  'position-statement': (document) =>
    `a position statement of at most ${document.maxWords.toLocaleString('en-GB')} words, answering for each statement: ${framework.positionStatement.reflectiveQuestions.join(' ')}`,
  'not-published': () => 'not published in the sources read',
};

const documentText = (document: SubmittedDocument) => (DOCUMENT[document.kind] as (d: SubmittedDocument) => string)(document);

/** A full stop, unless the text ends with a question's own mark. */
const sentence = (text: string) => (text.endsWith('?') ? text : `${text}.`);

const years = (model: ModelShown) => (model.years.to === undefined ? `from ${model.years.from}` : `${model.years.from}–${model.years.to}`);

const qiName = (id: string) => `${id} ${findQualityIndicator(id)?.title ?? ''}`.trim();

function gradedText(model: ModelShown): string {
  const qis = model.graded.qis.map(qiName);
  const areas = model.graded.areas.map((id) => `area ${id} ${findArea(id)?.title ?? ''} as a whole`);
  return [...qis, ...areas].join('; ');
}

const MARKS: Record<PublishedOutcome['attribution'], string> = { named: '', inferred: ' [by inference]', uncertain: ' [area or QI unsure]' };

function outcomeLines(outcome: PublishedOutcome): string[] {
  const graded = 'qi' in outcome.evaluated ? `QI ${outcome.evaluated.qi}` : `area ${outcome.evaluated.area}`;
  const date = outcome.reportDate ?? 'date not found';
  return [...wrapText(`${outcome.partnership} (${date}): ${graded} ${outcome.word} (${outcome.grade})${MARKS[outcome.attribution]}`, '    - ', '      '), `      ${outcome.source}`];
}

/** Why an outcome is marked: what the sources say and do not. */
const MARK_NOTES: Record<Exclude<PublishedOutcome['attribution'], 'named'>, string> = {
  inferred: '[by inference]: the source gives the grade without naming the QI; attributed to the QI because the model grades only that one.',
  uncertain: '[area or QI unsure]: the source’s heading could be the area as a whole or one of its QIs.',
};

function outcomesText(outcomes: readonly PublishedOutcome[]): string[] {
  if (outcomes.length === 0) return ['  Published evaluations: none seen in the sources.'];
  const marks = [...new Set(outcomes.map((outcome) => outcome.attribution))].flatMap((mark) => (mark === 'named' ? [] : [MARK_NOTES[mark]]));
  return [
    '  Published evaluations (context from reports and notices, never a rank or a prediction):',
    ...outcomes.flatMap(outcomeLines),
    ...marks.flatMap((note) => wrapText(note, '    ', '    ')),
  ];
}

function modelText(model: ModelShown): string[] {
  const [one, many] = ITEMS[model.itemKind];
  const count = model.items.length;
  return [
    `${model.id}${model.id === DEFAULT_INSPECTION_MODEL ? ' (the default)' : ''}`,
    ...wrapText(`${model.name}, in use ${years(model)}.`, '  ', '  '),
    ...wrapText(`It asks about ${NUMBERS[count] ?? count} ${count === 1 ? one : many}, in their published wording, each with the QIs it maps to by default:`, '  ', '  '),
    ...model.items.flatMap((item) => [
      ...wrapText(item.text, `    ${item.number}. `, '       '),
      `       QIs: ${model.defaultMapping.items[item.number]!.join(', ')}`,
    ]),
    '  The mapping is a local choice (none was published): report.json "mapping" overrides it.',
    ...wrapText(`Graded by inspectors on the six-point scale: ${gradedText(model)}.`, '  ', '  '),
    ...wrapText(sentence(`The partnership submits: ${documentText(model.document)}`), '  ', '  '),
    ...outcomesText(model.publishedOutcomes),
  ];
}

/** Every inspection model, for `qif-report framework`: what it asks, grades and expects, and what it has published. */
export function modelsText(): string[] {
  return [
    'Inspection models (report.json "inspectionModel")',
    '',
    ...framework.inspectionModels.flatMap((model) => [...modelText(model), '']),
  ];
}
