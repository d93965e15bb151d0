import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { InitTemplates } from './init-templates.js';

/** The files of an earlier round copied byte for byte into the next: published files are never rewritten. */
export interface CarriedFiles {
  /** The earlier workspace's folder. */
  directory: string;
  /** Its dataset.csv, when it has one: copied where the figures stay CSV, read into the seed's figures otherwise. */
  dataset?: string;
  /** Paths inside it copied whatever the format: indicators.csv and the published files it imports (data/…). */
  files: string[];
}

export const DATA_README = path.join('data', 'README.txt');

/** Writes a file at a path inside the folder, making the folders on the way. */
export async function writeInside(folder: string, name: string, data: string | Uint8Array): Promise<void> {
  const file = path.join(folder, name);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, data);
}

/**
 * What every new workspace has beside its own files, whatever their format: data/README.txt, then the earlier
 * round's files as they are (a README.txt it had in data/ wins). Returns the paths written inside the folder.
 */
export async function writeDataFolder(folder: string, templates: InitTemplates, carried: CarriedFiles | undefined, names: readonly string[]): Promise<string[]> {
  await writeInside(folder, DATA_README, templates.dataReadme);
  for (const name of names) {
    await mkdir(path.dirname(path.join(folder, name)), { recursive: true });
    await copyFile(path.join(carried!.directory, name), path.join(folder, name));
  }
  return [DATA_README, ...names.filter((name) => name !== DATA_README)];
}
