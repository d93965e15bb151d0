import type { Content } from 'pdfmake/interfaces.js';
import { longDate } from '../format.js';
import type { BlockContext } from './context.js';
import { ROW_HEADER } from './table-style.js';

/** The header block of a Renfrewshire-style paper: item number, council, To, On, Report by, Heading. */
export function headerBlock({ model, labels, fill }: BlockContext): Content {
  const { paper } = model;
  // Each label heads its row: a screen reader says "To:" with the committee's name.
  const row = (label: string, value: Content) => [{ text: label, bold: true, tag: ROW_HEADER }, value];
  return {
    stack: [
      { text: fill(labels.headerBlock.item, { agendaItem: paper.agendaItem }), alignment: 'right', bold: true, fontSize: 12 },
      { text: paper.council, style: 'councilName' },
      {
        table: {
          widths: [80, '*'],
          body: [
            row(labels.headerBlock.to, paper.committee),
            row(labels.headerBlock.on, longDate(paper.meetingDate)),
            row(labels.headerBlock.reportBy, { text: [{ text: paper.reportBy.name, bold: true }, `: ${paper.reportBy.post}`] }),
            row(labels.headerBlock.heading, { text: paper.title.toUpperCase(), bold: true }),
          ],
        },
        layout: 'noBorders',
        margin: [0, 6, 0, 0],
      },
      { canvas: [{ type: 'line', x1: 0, y1: 4, x2: 481, y2: 4, lineWidth: 0.75 }], margin: [0, 4, 0, 10] },
    ],
  };
}
