import { readFile } from 'node:fs/promises';
import path from 'node:path';
import Handlebars from 'handlebars';
import type { InspectionItemKind } from '../../framework/index.js';
import { DEFAULT_TEMPLATES_DIR, loadTemplates, type PaperTemplates } from '../templates.js';

/** The position statement's own words (templates/position/labels.json); the rest are the paper's. */
export interface PositionLabels {
  document: { title: string; subject: string; heading: string };
  items: Record<InspectionItemKind, { one: string; many: string; title: string }>;
  wordCount: { caption: string; item: string; row: string; words: string; total: string; limit: string };
  facts: {
    heading: string; qiCaption: string; qi: string; title: string; grade: string; held: string; partial: string; notHeld: string; inspectorGraded: string;
    gapsLeadIn: string; gap: string; noGaps: string; figuresCaption: string; noFigures: string;
  };
}

export interface PositionTemplates {
  /** The paper's templates: the header block's and the page's labels, the tables' words, and `fill`. */
  paper: PaperTemplates;
  labels: PositionLabels;
  /** Renders the document's Markdown frame (templates/position/position.md) from the view. */
  document: (view: object) => string;
}

export const POSITION_TEMPLATES_DIR = path.join(DEFAULT_TEMPLATES_DIR, 'position');

/**
 * The shipped templates of the position statement, with the paper's it shares. They ship with the tool, so a
 * mistake in them is the tool's own (exit 1); strict Handlebars makes a misspelt placeholder an error, never a blank.
 */
export async function loadPositionTemplates(): Promise<PositionTemplates> {
  const paper = await loadTemplates();
  const labels = JSON.parse(await readFile(path.join(POSITION_TEMPLATES_DIR, 'labels.json'), 'utf8')) as PositionLabels;
  const source = await readFile(path.join(POSITION_TEMPLATES_DIR, 'position.md'), 'utf8');
  const render = Handlebars.create().compile(source, { strict: true, noEscape: true });
  return { paper, labels, document: (view) => render(view) };
}
