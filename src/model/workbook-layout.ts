/**
 * The self-evaluation workbook's layout, shared by the writer (`init --xlsx`) and the reader: sheet names and
 * the header row each data sheet starts with. Headers are matched as CSV headers are (case, spaces, hyphens and
 * underscores ignored), so the CSV files' column specs read the sheets too.
 */
export const WORKBOOK_FILE = 'self-evaluation.xlsx';

export const SHEETS = {
  readMe: 'Read me',
  grades: 'Grades',
  evidence: 'Evidence',
  figures: 'Figures',
  particulars: 'Particulars',
} as const;

export type SheetKey = keyof typeof SHEETS;

/** Each data sheet's header row, in order, as the officer sees it. */
export const SHEET_HEADERS = {
  grades: ['Period', 'QI', 'Title', 'Grade', 'Evaluated on', 'Strengths', 'Areas for improvement'],
  evidence: ['QI', 'Item number', 'Item', 'Status', 'Reviewed on', 'Reference'],
  figures: ['Indicator', 'Area', 'Period', 'Value', 'Numerator', 'Denominator', 'Source'],
  particulars: ['Field', 'Value', 'What it is'],
} as const satisfies Partial<Record<SheetKey, readonly string[]>>;

/** Fields of report.json that hold lists: one Particulars row an entry, the field's name repeated. */
export const LIST_PARTICULARS = ['background', 'recommendations', 'backgroundPapers', 'peers', 'data'] as const;
