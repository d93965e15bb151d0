// The framework as data, checked against domain.md §2–5 and, for Table 2, against the 2018 committee
// paper itself: the table is parsed again here from the paper's text, independently of src/framework.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  areas,
  CAPACITY_QI,
  changesFrom2014,
  inspectionModel,
  domains,
  evidenceListFor,
  evidenceLists,
  findArea,
  findQualityIndicator,
  framework,
  gradedQualityIndicators,
  gradeWord,
  isGrade,
  qualityIndicators,
  scale,
  scalePoint,
  type Grade,
  type QuestionNumber,
} from '../../src/framework/index.js';
import { COMMITTEE_PAPER_2018 } from '../reference/index.js';

const paperText = readFileSync(COMMITTEE_PAPER_2018, 'utf8');

/** domain.md §2: the 22 QIs and area 10, with the areas they sit in. */
const EXPECTED_QIS: [string, number, string][] = [
  ['1.1', 1, 'Improvements in the safety, wellbeing and life chances of vulnerable children and young people'],
  ['2.1', 2, 'Impact on children and young people'],
  ['2.2', 2, 'Impact on families'],
  ['3.1', 3, 'Impact on staff'],
  ['4.1', 4, 'Impact on the community'],
  ['5.1', 5, 'Initial response'],
  ['5.2', 5, 'Assessing risk and need'],
  ['5.3', 5, 'Care planning, managing risk and effective intervention'],
  ['5.4', 5, 'Involving children, young people and families'],
  ['6.1', 6, 'Policy, procedures and legal measures'],
  ['6.2', 6, 'Planning and improving services'],
  ['6.3', 6, 'Participation of children, young people, families and other stakeholders'],
  ['6.4', 6, 'Performance management and quality assurance'],
  ['6.5', 6, 'Self-evaluation'],
  ['7.1', 7, 'Recruitment, deployment and joint working'],
  ['7.2', 7, 'Workforce development and support'],
  ['8.1', 8, 'Management of resources'],
  ['8.2', 8, 'Commissioning arrangements'],
  ['9.1', 9, 'Vision, values and aims'],
  ['9.2', 9, 'Leadership of strategy and direction'],
  ['9.3', 9, 'Leadership of people and partnerships'],
  ['9.4', 9, 'Leadership of improvement and change'],
];

// ---------------------------------------------------------------------------------------------------
// An independent reading of the paper's Table 2.
// ---------------------------------------------------------------------------------------------------

interface PaperRow {
  qi: string;
  title: string;
  items: string[];
  /** The text of the footnote attached to an item, keyed by the item (marker removed). */
  footnotes: Map<string, number>;
}

const FOOTNOTE_MARKS: Record<string, number> = { '¹': 1, '²': 2, '³': 3 };

function parseTable2(text: string): { rows: PaperRow[]; footnoteTexts: Map<number, string>; area10: { title: string; note: string } | undefined } {
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((line) => line.startsWith('Table 2'));
  if (start < 0) throw new Error('Table 2 not found in the paper');
  const header = lines[start + 1] ?? '';
  if (!/^QI\t\tEvidence to consider/.test(header)) throw new Error(`unexpected Table 2 header: ${header}`);

  const raw: { qi: string; title: string; evidence: string }[] = [];
  const footnoteTexts = new Map<number, string>();
  let area10: { title: string; note: string } | undefined;
  for (const line of lines.slice(start + 2)) {
    if (line.trim() === '') continue;
    const cells = line.split('\t');
    const first = cells[0]!.trim();
    const mark = FOOTNOTE_MARKS[first.charAt(0)];
    if (mark !== undefined && cells.length === 1) {
      // A footnote printed at the foot of the page, in the middle of the table.
      footnoteTexts.set(mark, first.slice(1).trim());
    } else if (first === '10') {
      // Area 10 is a global judgement: the paper gives a note in place of a list.
      area10 = { title: (cells[1] ?? '').trim(), note: cells.slice(2).join('\t').trim() };
    } else if (/^\d+\.\d+$/.test(first)) {
      raw.push({ qi: first, title: (cells[1] ?? '').trim(), evidence: cells.slice(2).join('\t') });
    } else if (first === '' && cells.length >= 3) {
      // The rest of a row the paper broke across a page: same cell, so the text runs on.
      const previous = raw.at(-1);
      if (!previous) throw new Error(`continuation line before any row: ${line}`);
      previous.evidence = `${previous.evidence.trimEnd()} ${cells.slice(2).join(' ').trim()}`;
    } else {
      throw new Error(`unexpected line in Table 2: ${line}`);
    }
  }

  const rows = raw.map(({ qi, title, evidence }): PaperRow => {
    const footnotes = new Map<string, number>();
    const items = evidence
      .split(';')
      .map((item) => item.replace(/\s+/g, ' ').trim())
      .filter((item) => item !== '')
      .map((item, index, all) => (index === all.length - 1 ? item.replace(/\.$/, '') : item))
      .map((item) => {
        const found = [...item].find((ch) => FOOTNOTE_MARKS[ch] !== undefined);
        if (!found) return item;
        const cleaned = item.replace(found, '').replace(/\s+/g, ' ').trim();
        footnotes.set(cleaned, FOOTNOTE_MARKS[found]!);
        return cleaned;
      });
    return { qi, title, items, footnotes };
  });
  return { rows, footnoteTexts, area10 };
}

const table2 = parseTable2(paperText);
const paperRow = (qi: string) => table2.rows.find((row) => row.qi === qi);

describe('quality indicators', () => {
  it('has the 22 QIs of the 2018 draft, in order, with their areas and titles', () => {
    expect(gradedQualityIndicators.map((qi) => [qi.id, qi.area, qi.title])).toEqual(EXPECTED_QIS);
  });

  it('ends with area 10, the global judgement on capacity for improvement', () => {
    expect(qualityIndicators).toHaveLength(23);
    expect(qualityIndicators.at(-1)).toEqual({ id: '10', area: 10, title: 'What is our capacity for improvement?' });
    expect(CAPACITY_QI).toBe('10');
    expect(gradedQualityIndicators.some((qi) => qi.id === '10')).toBe(false);
  });

  it('has no QI id twice', () => {
    const ids = qualityIndicators.map((qi) => qi.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('uses the paper’s titles for 5.3, 6.3 and 9.3', () => {
    for (const qi of ['5.3', '6.3', '9.3']) {
      const title = findQualityIndicator(qi)!.title;
      expect(paperText).toContain(`${qi} ${title}`);
    }
    expect(findQualityIndicator('5.3')!.title).toBe('Care planning, managing risk and effective intervention');
    expect(findQualityIndicator('6.3')!.title).toBe('Participation of children, young people, families and other stakeholders');
    expect(findQualityIndicator('9.3')!.title).toBe('Leadership of people and partnerships');
  });

  it('gives every QI in Table 2 the title the paper prints beside it', () => {
    for (const row of table2.rows) expect([row.qi, findQualityIndicator(row.qi)?.title]).toEqual([row.qi, row.title]);
  });

  it('finds QIs and areas by id, and nothing for ids the framework lacks', () => {
    expect(findQualityIndicator('6.5')?.title).toBe('Self-evaluation');
    expect(findQualityIndicator('5.10')).toBeUndefined();
    expect(findQualityIndicator('8.3')).toBeUndefined();
    expect(findArea(7)?.title).toBe('Management and support of staff');
    expect(findArea(11)).toBeUndefined();
  });
});

describe('areas and domains', () => {
  it('has the ten areas with their titles and domains', () => {
    expect(areas.map((area) => [area.id, area.title, area.domain])).toEqual([
      [1, 'Key performance outcomes', 1],
      [2, 'Impact on children, young people and families', 2],
      [3, 'Impact on staff', 2],
      [4, 'Impact on the community', 2],
      [5, 'Delivery of key processes', 3],
      [6, 'Policy, service development and planning', 4],
      [7, 'Management and support of staff', 4],
      [8, 'Partnership and resources', 4],
      [9, 'Leadership and direction', 5],
      [10, 'Capacity for improvement', 6],
    ]);
  });

  it('has six domains, each with its key question and its areas', () => {
    expect(domains.map((domain) => [domain.id, domain.keyQuestion, [...domain.areas]])).toEqual([
      [1, 'What key outcomes have we achieved?', [1]],
      [2, 'How well do we meet the needs of our stakeholders?', [2, 3, 4]],
      [3, 'How good is our delivery of services for children, young people and families?', [5]],
      [4, 'How good is our operational management?', [6, 7, 8]],
      [5, 'How good is our leadership?', [9]],
      [6, 'What is our capacity for improvement?', [10]],
    ]);
  });

  it('keeps domains and areas consistent: each area lists the domain that lists it', () => {
    for (const domain of domains) {
      for (const areaId of domain.areas) expect(findArea(areaId)?.domain).toBe(domain.id);
    }
    expect(domains.flatMap((domain) => domain.areas).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('puts every QI in an area that exists, with its number before the dot', () => {
    for (const qi of qualityIndicators) {
      expect(findArea(qi.area), qi.id).toBeDefined();
      expect(Number(qi.id.split('.')[0]), qi.id).toBe(qi.area);
    }
  });
});

describe('the six-point scale', () => {
  it('runs from 6 Excellent to 1 Unsatisfactory with the Care Inspectorate’s descriptors', () => {
    expect(scale.map((point) => [point.grade, point.word, point.descriptor])).toEqual([
      [6, 'Excellent', 'Outstanding or sector leading'],
      [5, 'Very good', 'Major strengths'],
      [4, 'Good', 'Important strengths, with some areas for improvement'],
      [3, 'Adequate', 'Strengths just outweigh weaknesses'],
      [2, 'Weak', 'Important weaknesses – priority action required'],
      [1, 'Unsatisfactory', 'Major weaknesses – urgent remedial action required'],
    ]);
  });

  it('gives the word for a grade', () => {
    expect(gradeWord(5)).toBe('Very good');
    expect(gradeWord(1)).toBe('Unsatisfactory');
    expect(scalePoint(3).descriptor).toBe('Strengths just outweigh weaknesses');
  });

  it('refuses a grade that is not on the scale', () => {
    expect(() => scalePoint(7 as Grade)).toThrow(RangeError);
    expect(() => scalePoint(0 as Grade)).toThrow(RangeError);
  });

  it('accepts only whole numbers from 1 to 6 as grades', () => {
    expect([1, 2, 3, 4, 5, 6].every(isGrade)).toBe(true);
    expect(isGrade(0)).toBe(false);
    expect(isGrade(7)).toBe(false);
    expect(isGrade(4.5)).toBe(false);
    expect(isGrade(Number.NaN)).toBe(false);
  });
});

describe('the five inspection questions', () => {
  const paperQuestions = paperText
    .split(/\r?\n/)
    .map((line) => line.replace(/^- /, '').trim())
    .filter((line) => /^How good is (the partnership|collaborative leadership)/.test(line));

  it('numbers the five questions 1 to 5 in the paper’s order and wording', () => {
    expect(paperQuestions).toHaveLength(5);
    expect(inspectionModel('care-and-protection-2018').items.map((question) => question.number)).toEqual([1, 2, 3, 4, 5]);
    expect(inspectionModel('care-and-protection-2018').items.map((question) => question.text)).toEqual(paperQuestions);
  });

  it('gives each question a short title for headings', () => {
    for (const question of inspectionModel('care-and-protection-2018').items) {
      expect(question.shortTitle.length).toBeGreaterThan(0);
      expect(question.shortTitle.length).toBeLessThan(question.text.length);
    }
  });
});

describe('the default mapping from questions to QIs', () => {
  it('is the local default of domain.md §4', () => {
    expect(inspectionModel('care-and-protection-2018').defaultMapping).toEqual({
      1: ['5.1', '5.2', '6.1', '2.1'],
      2: ['5.3', '5.4', '2.1', '2.2', '1.1'],
      3: ['1.1', '2.1', '5.3', '5.4', '8.2'],
      4: ['1.1', '2.1', '5.3', '5.4'],
      5: ['9.1', '9.2', '9.3', '9.4', '6.2', '6.3', '6.4', '6.5', '7.1', '7.2', '8.1', '8.2', '3.1', '4.1'],
    });
  });

  it('maps every question and names only QIs the framework has (never area 10)', () => {
    for (const question of inspectionModel('care-and-protection-2018').items) {
      const qis = inspectionModel('care-and-protection-2018').defaultMapping[question.number as QuestionNumber]!;
      expect(qis.length, `question ${question.number}`).toBeGreaterThan(0);
      for (const qi of qis) expect(gradedQualityIndicators.map((known) => known.id), `question ${question.number}`).toContain(qi);
      expect(new Set(qis).size).toBe(qis.length);
    }
  });

  it('is marked as the partnership’s local choice, not an official mapping', () => {
    for (const model of framework.inspectionModels) {
      expect(model.defaultMapping.local, model.id).toBe(true);
      expect(model.defaultMapping.items, model.id).toBe(inspectionModel(model.id).defaultMapping);
    }
  });
});

describe('what inspectors graded', () => {
  it('is QIs 1.1, 2.1, 2.2 and area 9 as a whole', () => {
    expect([...inspectionModel('care-and-protection-2018').graded.qis]).toEqual(['1.1', '2.1', '2.2']);
    expect([...inspectionModel('care-and-protection-2018').graded.areas]).toEqual([9]);
  });
});

describe('evidence lists (Table 2)', () => {
  it('reads the expected rows out of the paper (a check on this test’s own parser)', () => {
    expect(table2.rows.map((row) => row.qi)).toEqual([
      '1.1', '2.1', '2.2', '3.1', '4.1', '5.1', '5.2', '5.3', '5.4', '6.1', '6.2', '6.4', '6.5',
      '7.1', '7.2', '8.1', '8.2', '9.1', '9.2', '9.3', '9.4',
    ]);
    expect(paperRow('3.1')!.items).toHaveLength(11);
  });

  it('has a list for each QI that the paper lists, in the paper’s words and order', () => {
    for (const row of table2.rows) {
      expect([row.qi, [...(evidenceListFor(row.qi)?.items ?? [])]]).toEqual([row.qi, row.items]);
    }
  });

  it('has no list of its own for any QI the paper does not list, except area 10’s note', () => {
    const inPaper = table2.rows.map((row) => row.qi);
    const inCode = evidenceLists.map((list) => list.qi).filter((qi) => qi !== '10');
    expect(inCode).toEqual(inPaper);
  });

  it('has no list for 6.3, which has no row in the paper', () => {
    expect(paperRow('6.3')).toBeUndefined();
    expect(evidenceListFor('6.3')).toBeUndefined();
  });

  it('gives 5.2 and 5.3 the same list, as the paper does', () => {
    expect(paperRow('5.2')!.items).toEqual(paperRow('5.3')!.items);
    expect(evidenceListFor('5.2')!.items).toEqual(evidenceListFor('5.3')!.items);
    expect(evidenceListFor('5.2')!.items).toHaveLength(10);
  });

  it('keeps "audit and review of medical examinations" as one item although the paper breaks it across a page', () => {
    const items = evidenceListFor('5.1')!.items;
    expect(items).toContain('audit and review of medical examinations');
    expect(items).not.toContain('audit and');
    expect(items.at(-1)).toBe('observed practice');
  });

  it('splits "risk registers" and "performance reports" in 6.2, which the page break falls between', () => {
    const items = evidenceListFor('6.2')!.items;
    expect(items.indexOf('performance reports')).toBe(items.indexOf('risk registers') + 1);
  });

  it('continues 8.1 after the footnote that interrupts it in the paper', () => {
    expect(evidenceListFor('8.1')!.items.slice(-2)).toEqual(['public communication', 'staff communication']);
  });

  it('attaches footnote 1 to the CPC minutes item of 7.2, with the paper’s text', () => {
    expect(paperRow('7.2')!.footnotes.get('minutes of workforce planning and development sub group of CPC')).toBe(1);
    const list = evidenceListFor('7.2')!;
    expect(list.footnotes).toEqual([
      { item: 'minutes of workforce planning and development sub group of CPC', text: table2.footnoteTexts.get(1) },
    ]);
    expect(list.footnotes![0]!.text).toBe('Policy Planning and Procedures Group of RCPC possibly closest description.');
    expect(list.items).toContain(list.footnotes![0]!.item);
    expect(list.items.some((item) => /[¹²³]/.test(item))).toBe(false);
  });

  it('has footnotes only on 7.2', () => {
    expect(evidenceLists.filter((list) => list.footnotes?.length).map((list) => list.qi)).toEqual(['7.2']);
  });

  it('gives area 10 the paper’s note and no items', () => {
    const list = evidenceListFor('10')!;
    expect(table2.area10).toBeDefined();
    expect(list.items).toEqual([]);
    expect(list.note).toBe(table2.area10!.note);
    expect(table2.area10!.title).toBe(findQualityIndicator('10')!.title);
  });

  it('has no empty or untrimmed items and no item twice within one QI', () => {
    for (const list of evidenceLists) {
      for (const item of list.items) {
        expect(item, list.qi).toBe(item.trim());
        expect(item, list.qi).not.toBe('');
        expect(item, list.qi).not.toMatch(/;/);
      }
      expect(new Set(list.items).size, list.qi).toBe(list.items.length);
    }
  });
});

describe('changes from the 2014 framework', () => {
  it('records the six changes of paper §3.7', () => {
    expect(changesFrom2014.map((change) => [change.qi, change.previousId, change.previousTitle])).toEqual([
      ['1.1', '1.1', 'Improvements in the wellbeing of children and young people'],
      ['5.1', '5.1', 'Provide help and support at an early stage'],
      ['5.2', '5.2', 'Assessing and responding to risk and need'],
      ['5.3', '5.3', 'Planning for individual children'],
      ['6.5', '8.3', 'Securing improvement through self-evaluation'],
      ['9.3', '9.3', 'Leadership of People'],
    ]);
  });

  it('says that 6.5 Self-evaluation was 8.3 in area 8 and moved to area 6', () => {
    const change = changesFrom2014.find((c) => c.qi === '6.5')!;
    expect(change.previousId).toBe('8.3');
    expect(change.note).toMatch(/area 8/);
    expect(change.note).toMatch(/area 6/);
    expect(findQualityIndicator('6.5')!.area).toBe(6);
  });

  it('quotes each previous title as the paper does', () => {
    for (const change of changesFrom2014) expect(paperText).toContain(change.previousTitle);
  });

  it('names only 2018 QIs as the new ids', () => {
    for (const change of changesFrom2014) expect(findQualityIndicator(change.qi), change.qi).toBeDefined();
  });
});

describe('the framework object', () => {
  it('gathers the parts and states the version', () => {
    expect(framework.qualityIndicators).toBe(qualityIndicators);
    expect(framework.evidence).toBe(evidenceLists);
    expect(framework.scale).toBe(scale);
    expect(framework.editions[0]!.edition).toMatch(/2018/);
    expect(framework.inspectionModels.map((model) => model.id)).toEqual(['care-and-protection-2018', 'at-risk-of-harm-2021', 'cso-at-home-2025']);
  });

  it('can be written as JSON and read back unchanged', () => {
    expect(JSON.parse(JSON.stringify(framework))).toEqual(framework);
  });
});
