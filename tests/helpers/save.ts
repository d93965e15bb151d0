import { renameSync, writeFileSync } from 'node:fs';

/** A file saved as editors save it: written beside, then renamed over the old one (what `build --watch` must see). */
export function saveAsEditorsDo(file: string, text: string): void {
  writeFileSync(`${file}.saving`, text);
  renameSync(`${file}.saving`, file);
}
