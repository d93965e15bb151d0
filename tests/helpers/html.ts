import { readFileSync } from 'node:fs';
import path from 'node:path';

/** An attribute's value as a browser reads it: numeric character references decoded. */
const attribute = (value: string) => value.replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16))).replace(/&#(\d+);/g, (_, decimal: string) => String.fromCodePoint(Number(decimal)));

/** The links of a page in a folder, in document order: each one's href and the file name it resolves to. */
export function pageLinks(folder: string, page = 'index.html'): { href: string; file: string }[] {
  const html = readFileSync(path.join(folder, page), 'utf8');
  return [...html.matchAll(/<a href="([^"]*)"/g)].map(([, raw]) => {
    const href = attribute(raw!);
    return { href, file: decodeURIComponent(new URL(href, 'file:///folder/').pathname.replace(/^\/folder\//, '')) };
  });
}
