// The header block (src/render/blocks/header-block.ts lays it out; labels.json "headerBlock" words it).
import type { Particulars } from './inputs.js';
import type { ExpectedPaper } from './pieces.js';

export function headerBlock(doc: ExpectedPaper, p: Particulars): void {
  doc
    .text(`Item ${p.agendaItem}`)
    .text(p.council)
    .row(['To:', p.committee])
    .row(['On:', p.meetingDate])
    .row(['Report by:', `${p.reportBy.name}: ${p.reportBy.post}`])
    // The heading is printed in capitals.
    .row(['Heading:', p.title.toUpperCase()]);
}
