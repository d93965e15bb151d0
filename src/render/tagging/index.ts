/**
 * Tagged PDF (PDF/UA-1), in one place: the structure is read from the content before layout (structure.ts),
 * marked as pdfmake draws (draw.ts) and written when the pages are drawn (write-tree.ts).
 */
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { structured } from './structure.js';

export { applyTagging } from './draw.js';
export { STRUCTURE, type Role, type Tag } from './structure.js';

/** The document as a tagged PDF/UA-1 document: its content carrying its structure, the catalogue what PDF/UA asks. */
export function taggedDocument(definition: TDocumentDefinitions): TDocumentDefinitions {
  const content = Array.isArray(definition.content) ? definition.content : [definition.content];
  return {
    ...definition,
    content: structured(content).content,
    tagged: true,
    subset: 'PDF/UA',
    version: '1.7',
    displayTitle: true,
    language: definition.language ?? 'en-GB',
  } as TDocumentDefinitions;
}
