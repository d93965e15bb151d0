import Handlebars from 'handlebars';

/**
 * Fills one of init's templates strictly: a placeholder the context lacks is an error (the tool's own, as the
 * templates ship with it), never an empty gap in the text. Nothing is escaped: the text goes into a file or a
 * cell, not into HTML.
 */
export function fill(template: string, context: object): string {
  return Handlebars.compile(template, { strict: true, noEscape: true })(context);
}
