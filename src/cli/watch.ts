/**
 * `build --watch`: the papers built again, in the same process, each time a workspace's file is saved. A fresh
 * process spends most of a build loading the tool and warming V8 up (issue 15); a process kept open builds the
 * next paper in a fraction of that, which is what an officer editing grades.csv wants to see.
 *
 * The folders are watched with chokidar: Node 20's own recursive `fs.watch` on Linux loses a file once an editor
 * saves it by replacing it (as `sed -i`, Vim and Excel do), and its `close()` leaves the process running.
 */
import path from 'node:path';
import { watch } from 'chokidar';

/** How long the folders must be quiet before a build starts: an editor's save is often a burst of renames. */
export const QUIET_MS = 200;

/**
 * Files that are not inputs, whose changes start no build: Excel's and LibreOffice's lock files (`~$grades.xlsx`,
 * `.~lock.grades.csv#`), hidden files and editors' swap and backup files.
 */
export const isIgnoredName = (name: string): boolean => {
  const base = path.basename(name);
  return base.startsWith('~$') || base.startsWith('.') || base.endsWith('~') || /\.(swp|swx|tmp)$/i.test(base);
};

/** Whether `file` is `folder` or inside it. */
export const isWithin = (file: string, folder: string): boolean => {
  const relative = path.relative(folder, file);
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
};

export interface WatchPlan {
  /** Folders watched with everything under them (the workspaces, and a templates folder given). */
  folders: readonly string[];
  /** Folders whose changes are the tool's own writing, never inputs (the output folder). */
  ignored: readonly string[];
}

/**
 * Whether a change to `file` (absolute) starts no build: a file that is not an input, or in a folder that holds
 * none (a hidden one, such as .git), or the tool's own output. A folder given to watch is watched whatever its
 * name (`build ./.drafts --watch`).
 */
export function isIgnored(plan: WatchPlan, file: string): boolean {
  if (plan.ignored.some((ignored) => isWithin(file, path.resolve(ignored)))) return true;
  const folder = plan.folders.map((given) => path.resolve(given)).find((given) => isWithin(file, given));
  const below = folder === undefined ? [path.basename(file)] : path.relative(folder, file).split(path.sep).filter(Boolean);
  return below.some(isIgnoredName);
}

/**
 * Calls `rebuild` once the folders are being watched (with no files: the first build), and then with the files
 * changed since the last call, once the folders have been quiet for QUIET_MS, never while a rebuild is still
 * running (changes made meanwhile make the next one). It runs until the process is interrupted (Ctrl+C:
 * files/write-file.ts takes away any file half-written and exits, as for any interrupted run), and rejects only if
 * watching fails.
 */
export function rebuildOnChange(plan: WatchPlan, rebuild: (changed: readonly string[]) => Promise<void>): Promise<never> {
  return new Promise((_resolve, reject) => {
    const changed = new Set<string>();
    let timer: NodeJS.Timeout | undefined;
    let running = false;

    const run = (files: readonly string[]) => {
      running = true;
      void rebuild(files).finally(() => {
        running = false;
        if (changed.size > 0) schedule();
      });
    };
    const start = () => {
      if (running || changed.size === 0) return;
      const files = [...changed];
      changed.clear();
      run(files);
    };
    const schedule = () => {
      clearTimeout(timer);
      timer = setTimeout(start, QUIET_MS);
    };
    const watcher = watch([...plan.folders], { ignoreInitial: true, ignored: (file) => isIgnored(plan, path.resolve(file)) });
    // Built only once watched: a file saved while the first build runs is not missed.
    watcher.once('ready', () => run([]));
    watcher.on('all', (_event, file) => {
      changed.add(path.resolve(file));
      schedule();
    });
    watcher.on('error', (error) => {
      clearTimeout(timer);
      void watcher.close().then(() => reject(error));
    });
  });
}
