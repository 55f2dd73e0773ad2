/**
 * The progress line of a long run on a terminal: `contractgen: 412/1000 spec files`. A cold run
 * over a thousand specs takes seconds, and seconds of silence look like a hang; a fast run shows
 * nothing, since the line appears only once the work has taken about a second. It is redrawn at
 * most ten times a second, in place, and erased before the run's report. Only on a terminal and
 * only with the human reporter: a log file, a pipe or a JSON reader never gets it.
 */
import type { Progress } from '../options.js';
import { probes } from '../probes.js';

const SHOW_AFTER_MS = 1_000;
const REDRAW_EVERY_MS = 100;
/** Carriage return, then erase the whole line (ECMA-48 EL 2): the cursor stays on the line. */
const ERASE_LINE = '\r\u001b[2K';

export interface ProgressLine {
  /** The run's progress (0 done: the work starts now); drawn when due. */
  readonly update: (progress: Progress) => void;
  /** Erases the line if it is shown, before anything else is printed. */
  clear(): void;
}

const NO_LINE: ProgressLine = { update: () => {}, clear: () => {} };

export function progressLine(stream: NodeJS.WriteStream, wanted: boolean): ProgressLine {
  if (!wanted || stream.isTTY !== true) return NO_LINE;
  const showAfter = probes.progressAfterMs ?? SHOW_AFTER_MS;
  let started = performance.now();
  let drawn = Number.NEGATIVE_INFINITY;
  let shown = false;
  return {
    // Drawn from the callback itself, not from a timer: a run without worker threads keeps the
    // event loop busy until it ends, so a timer would fire only when there is nothing left to show.
    update({ done, total }) {
      const now = performance.now();
      if (done === 0) started = now;
      if (now - started < showAfter || (now - drawn < REDRAW_EVERY_MS && done < total)) return;
      drawn = now;
      shown = true;
      stream.write(`${ERASE_LINE}contractgen: ${done}/${total} spec files`);
    },
    clear() {
      if (shown) stream.write(ERASE_LINE);
      shown = false;
    },
  };
}
