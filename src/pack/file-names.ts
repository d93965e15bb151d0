/** A file-name part any file system accepts: ASCII letters, digits and hyphens, lower case. */
export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/&/g, ' and ')
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
