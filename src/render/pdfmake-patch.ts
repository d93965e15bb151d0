/** Reaching into pdfmake 0.3.11's classes (pinned in package.json, so their methods are known), once a process. */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
export type Prototype = Record<PropertyKey, unknown>;
export const classOf = (module: string) => (require(`pdfmake/js/${module}.js`) as { default: { prototype: Prototype } }).default;
export const prototypeOf = (module: string) => classOf(module).prototype;

/** Wraps `prototype[name]` once, however often it is asked to; each wrapper is known by its own `purpose`. */
export function wrapOnce<F extends (...args: never[]) => unknown>(prototype: Prototype, name: string, wrap: (original: F) => F, purpose = name): void {
  const marker = Symbol.for(`qif-report.${purpose}`);
  if (prototype[marker]) return;
  prototype[name] = wrap(prototype[name] as F);
  prototype[marker] = true;
}
