import type { Content } from 'pdfmake/interfaces.js';
import type { Direction } from '../../model/index.js';

const COLOUR: Record<Direction, string> = { improving: '#2e7d32', worsening: '#c62828', up: '#455a64', down: '#455a64', 'no-change': '#455a64' };

/**
 * A small drawn arrow beside its word: the paper's font has no arrow glyphs, and the word keeps the
 * meaning for anyone who cannot see the colour or the shape.
 */
export function arrowWithWord(direction: Direction, pointsUp: boolean, word: string): Content {
  const tip = pointsUp ? 0 : 8;
  const base = pointsUp ? 8 : 0;
  return {
    columns: [
      { width: 8, canvas: [{ type: 'polyline', closePath: true, color: COLOUR[direction], lineColor: COLOUR[direction], points: [{ x: 4, y: tip }, { x: 8, y: base }, { x: 0, y: base }] }], margin: [0, 2, 0, 0] },
      { width: '*', text: word, color: COLOUR[direction], bold: direction === 'worsening' || direction === 'improving' },
    ],
    columnGap: 3,
  };
}
