import type { Content } from 'pdfmake/interfaces.js';
import type { Direction } from '../../model/index.js';

const COLOUR: Record<Direction, string> = { improving: '#2e7d32', worsening: '#c62828', up: '#455a64', down: '#455a64', 'no-change': '#455a64' };

/**
 * A small drawn arrow beside its word: the paper's font has no arrow glyphs, and the word keeps the
 * meaning for anyone who cannot see the colour or the shape.
 */
export function arrowWithWord(direction: Direction, pointsUp: boolean, word: string): Content {
  const points = pointsUp ? '4,0 8,8 0,8' : '0,0 8,0 4,8';
  return {
    columns: [
      { width: 7, svg: `<svg xmlns="http://www.w3.org/2000/svg" width="7" height="7" viewBox="0 0 8 8"><polygon points="${points}" fill="${COLOUR[direction]}"/></svg>`, margin: [0, 2, 0, 0] },
      { width: '*', text: word, color: COLOUR[direction], bold: direction === 'worsening' || direction === 'improving' },
    ],
    columnGap: 3,
  };
}
