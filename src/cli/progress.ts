/** Progress through a batch of papers, written to stderr so that stdout stays for results. */
export interface Progress {
  start(total: number): void;
  /** A paper is done: built now, reused unchanged from the last run, or failed. */
  done(label: string, outcome: Outcome): void;
  finish(): void;
}

export type Outcome = 'built' | 'reused' | 'failed';

type ProgressStream = { isTTY?: boolean; write(text: string): boolean; columns?: number };

const BAR_WIDTH = 16;

/**
 * On a terminal (stream.isTTY): one line redrawn in place: `[#######.........] 7/32  Renfrewshire`, with a
 * failure also left above it as a line of its own; otherwise plain lines: `built 7/32: Renfrewshire` /
 * `reused 8/32: …` / `FAILED 9/32: …`. Writes to the given stream (stderr).
 */
export function progressReporter(stream: NodeJS.WriteStream | ProgressStream): Progress {
  return stream.isTTY ? terminalProgress(stream) : lineProgress(stream);
}

function lineProgress(stream: ProgressStream): Progress {
  let total = 0;
  let count = 0;
  return {
    start(jobs) {
      total = jobs;
      count = 0;
    },
    done(label, outcome) {
      count += 1;
      stream.write(`${outcome === 'failed' ? 'FAILED' : outcome} ${count}/${total}: ${oneLine(label)}\n`);
    },
    finish() {},
  };
}

function terminalProgress(stream: ProgressStream): Progress {
  let total = 0;
  let count = 0;
  let drawn = false;
  /** Keeps the line one short of the terminal's width: a line that wraps cannot be redrawn with \r. */
  const fit = (text: string) => {
    const width = Math.max(10, (stream.columns || 80) - 1);
    return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
  };
  const bar = () => {
    const filled = total > 0 ? Math.round((count / total) * BAR_WIDTH) : 0;
    return `[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${count}/${total}`;
  };
  const draw = (label = '') => {
    stream.write(`\r${fit(label ? `${bar()}  ${label}` : bar())}\x1b[K`);
    drawn = true;
  };
  return {
    start(jobs) {
      total = jobs;
      count = 0;
      draw();
    },
    done(label, outcome) {
      count += 1;
      const shown = oneLine(label);
      if (outcome === 'failed') stream.write(`\r${fit(`FAILED ${count}/${total}: ${shown}`)}\x1b[K\n`);
      draw(shown);
    },
    finish() {
      if (!drawn) return;
      draw();
      stream.write('\n');
      drawn = false;
    },
  };
}

/** A label on one line, whatever it holds: line breaks as ↵, other control characters (escapes too) as �. */
const oneLine = (text: string) => text.replace(/\r\n|\r|\n/g, '↵').replace(/[\u0000-\u001f\u007f-\u009f]/g, '�');
