import type { InputProblem } from '../model/index.js';

/** A place in a file, as an editor shows it: line and column both counted from 1. */
export interface Place {
  line: number;
  column: number;
}

/**
 * A piece of template text and the file it is written in. Most are whole files (paper.md, a partial, a chart
 * spec); a label is a string inside labels.json, so `place` turns a place in its text into one in the file.
 */
export interface TemplateSource {
  file: string;
  text: string;
  place?: (at: Place) => Place;
}

/** A problem at a place in a template's text, positioned in the file it is written in. */
export function problemIn(source: TemplateSource, at: Place | undefined, reason: string, expected?: string): InputProblem {
  const place = at && (source.place ? source.place(at) : at);
  return { file: source.file, ...(place ?? {}), reason, ...(expected ? { expected } : {}) };
}

/** Handlebars counts columns from 0; editors, and these messages, from 1. */
export const fromHandlebars = (position: { line: number; column: number }): Place => ({ line: position.line, column: position.column + 1 });
