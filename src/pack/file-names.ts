import path from 'node:path';

/** Accents dropped and "&" spelt out, so names survive any file system and still read as words. */
const plainWords = (text: string) => text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/&/g, ' and ');

/** A file-name part any file system accepts: ASCII letters, digits and hyphens, lower case. */
export function slug(text: string): string {
  return plainWords(text)
    .replace(/['’]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
}

/** Names say partnership and period: "renfrewshire-childrens-services-partnership-2022-23-q2". */
export function paperBaseName(partnership: string, period: string): string {
  return `${slug(partnership) || 'partnership'}-${slug(period)}`;
}

/** Agenda item numbers sort as text when padded: "7" → "07", "7.1" → "07.01". */
export function paddedItem(item: string): string {
  return item.split('.').map((part) => (/^\d$/.test(part) ? `0${part}` : part)).join('.');
}

/**
 * A file name for attaching to an agenda, as committee systems such as ModernGov list them:
 * "07 Inspection readiness Renfrewshire 2021-22.pdf". Words stay readable; only characters some file
 * systems refuse are dropped.
 */
export function agendaFileName(item: string, words: readonly string[]): string {
  const text = plainWords(words.join(' '))
    .replace(/\//g, '-')
    .replace(/[^A-Za-z0-9 ()'.,-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 120)
    .trim();
  return `${paddedItem(item)} ${text}.pdf`;
}

/**
 * A name built from pack or report text, checked to be a plain file name in the output folder: no separator, not
 * "." or "..", nothing that could land the file elsewhere. Thrown as a fault, since names are built to pass.
 */
export function plainFileName(name: string): string {
  if (name !== path.basename(name) || /[\\/]/.test(name) || /^\.+$/.test(name) || name.trim() === '') throw new Error(`"${name}" is not a plain file name`);
  return name;
}
