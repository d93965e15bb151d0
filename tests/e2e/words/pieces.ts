// The expected paper as an ordered list of pieces, and a builder that numbers it as the paper does: `#`
// sections "4.", their paragraphs "4.1", "4.2" …, nothing numbered after the appendices begin.

/** Text the PDF must have next, or a gap: anything (a chart's drawing) up to the next piece. */
export type Piece =
  | { kind: 'text'; text: string; section: string }
  | { kind: 'gap'; section: string; why: string };

export class ExpectedPaper {
  readonly pieces: Piece[] = [];
  private section = 0;
  private paragraph = 0;
  private numbered = true;
  private where = 'header block';

  /** A `#` heading: "N. title" while numbered, the title alone (an appendix) after `appendices()`. */
  heading(title: string): this {
    this.paragraph = 0;
    if (!this.numbered) return this.setWhere(title).text(title);
    this.section += 1;
    return this.setWhere(`${this.section}. ${title}`).text(`${this.section}. ${title}`);
  }

  /** A `##` subheading: never numbered. */
  subheading(title: string): this {
    return this.setWhere(`${this.where.split(' › ')[0]} › ${title}`).text(title);
  }

  /** A paragraph: numbered "N.M" inside a numbered section. */
  para(text: string): this {
    if (!this.numbered || this.section === 0) return this.text(text);
    this.paragraph += 1;
    return this.text(`${this.section}.${this.paragraph} ${text}`);
  }

  /** Text placed as it is: a list item, a table cell, a block's line. Empty text places nothing. */
  text(text: string): this {
    if (text.trim() !== '') this.pieces.push({ kind: 'text', text, section: this.where });
    return this;
  }

  /** Each cell of a table row, in order (pdfmake writes a table row by row, each cell whole). */
  row(cells: readonly string[]): this {
    for (const cell of cells) this.text(cell);
    return this;
  }

  gap(why: string): this {
    this.pieces.push({ kind: 'gap', section: this.where, why });
    return this;
  }

  /** `[[appendices]]`: numbering ends. */
  appendices(): this {
    this.numbered = false;
    return this;
  }

  private setWhere(where: string): this {
    this.where = where;
    return this;
  }
}
