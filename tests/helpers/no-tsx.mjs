// Preloaded (`node --import`) into a run of the compiled command, and by Node into each of its worker threads:
// any import of tsx fails, so a run that needs it fails. Compiled, nothing should load it (tests/e2e/dist.test.ts).
import { register } from 'node:module';

const hook = `export async function resolve(specifier, context, next) {
  if (/^tsx(\\/|$)/.test(specifier)) throw new Error('tsx was loaded: ' + specifier);
  return next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hook)}`);
