import type { Element, ElementContent, Root, RootContent } from 'hast';

/** Reading a hast tree in tests: elements found by a test, their text, their classes. */
export type Node = Root | RootContent | ElementContent;
export const isElement = (node: Node): node is Element => node.type === 'element';

export function all(node: Node, test: (element: Element) => boolean): Element[] {
  const found: Element[] = [];
  const walk = (n: Node) => {
    if (isElement(n) && test(n)) found.push(n);
    if ('children' in n) for (const child of n.children) walk(child as Node);
  };
  walk(node);
  return found;
}

export const tag = (name: string) => (element: Element) => element.tagName === name;
export const textOf = (node: Node): string => (node.type === 'text' ? node.value : 'children' in node ? node.children.map((child) => textOf(child as Node)).join('') : '');
export const classes = (element: Element) => (element.properties.className as string[] | undefined) ?? [];
