/**
 * Showing a batch's progress on stderr, never on stdout. On a terminal the line is redrawn in place
 * (a carriage return, then erase to the end of the line) and cut to the terminal's width; elsewhere
 * nothing is shown unless asked for with `--progress`, and then as plain lines, at most one a
 * second and only when a file was done since the last, so that a log stays readable (as GNU
 * parallel's `--progress` and pv's `--force`, which otherwise stay quiet off a terminal). Any other
 * line on stderr goes through `print()`, which clears the progress line first, so error lines stay
 * whole; when stdout is the same terminal, `beforeStdout()` clears it before a write there.
 */
import { performance } from 'node:perf_hooks';
import { progressLine, type ProgressCounts } from '../report/progress.js';

/** `redraw`: one line redrawn in place (a terminal); `lines`: plain lines (a log); `off`. */
export type ProgressMode = 'off' | 'redraw' | 'lines';

/** Redraws on a terminal at most this often (ms): often enough to look alive, rarely enough to cost nothing. */
const REDRAW_INTERVAL_MS = 100;
/** Plain lines at most this often (ms): a log of a long batch stays a few lines a second at most. */
const LINE_INTERVAL_MS = 1000;
/** Even while no file is done (one big file), the elapsed time and the estimate are redrawn this often. */
const TICK_MS = 1000;

/**
 * When to show progress: `--progress` / `--no-progress` (`option`) win; else on a terminal only,
 * not with `--quiet`. A terminal that cannot erase a line (`TERM=dumb`) gets plain lines.
 */
export function progressMode(given: {
  option: boolean | undefined;
  quiet: boolean;
  stderrTTY: boolean;
  term: string | undefined;
}): ProgressMode {
  if (given.option === false || (given.quiet && given.option !== true)) return 'off';
  const terminal = given.stderrTTY && given.term !== 'dumb';
  if (terminal) return 'redraw';
  return given.option === true ? 'lines' : 'off';
}

export class Progress {
  done = 0;
  failed = 0;
  bytes = 0;
  settledBytes = 0;
  /** Files (and their bytes) found so far by the counting walk, and whether it has finished. */
  found = 0;
  totalBytes = 0;
  counted = false;
  private readonly start: number;
  private last = -Infinity;
  private lastDone = -1;
  private shown = false;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly stream: NodeJS.WritableStream & { columns?: number },
    readonly mode: ProgressMode,
    private readonly options: { stdoutTTY?: boolean; now?: () => number } = {},
  ) {
    this.start = this.now();
  }

  get enabled(): boolean {
    return this.mode !== 'off';
  }

  private now(): number {
    return this.options.now ? this.options.now() : performance.now();
  }

  counts(): ProgressCounts {
    const { done, failed, found, counted, bytes, settledBytes, totalBytes } = this;
    return { done, failed, found, counted, bytes, settledBytes, totalBytes, elapsedMs: this.now() - this.start };
  }

  /** Show the line, if it is time to. The first call starts the clock's redraws, which `stop()` ends. */
  draw(): void {
    if (this.mode === 'off' || this.stopped) return;
    if (this.timer === undefined) {
      this.timer = setInterval(() => this.draw(), TICK_MS);
      this.timer.unref();
    }
    const now = this.now();
    if (this.mode === 'lines') {
      if (now - this.last < LINE_INTERVAL_MS || this.done === this.lastDone) return;
      this.last = now;
      this.lastDone = this.done;
      this.stream.write(`${progressLine(this.counts())}\n`);
      return;
    }
    if (now - this.last < REDRAW_INTERVAL_MS) return;
    this.last = now;
    const line = progressLine(this.counts());
    // Cut to the terminal's width (less one column: writing the last one wraps on some terminals), or
    // every redraw would start a new line.
    const width = this.stream.columns;
    const fitted = width !== undefined && width > 1 && line.length > width - 1 ? line.slice(0, width - 1) : line;
    this.stream.write(`\r${fitted}\x1b[K`);
    this.shown = true;
  }

  /** Write a line of its own on stderr (an error, a warning, a report), then let the progress line be redrawn below it. */
  print(line: string): void {
    this.clear();
    this.stream.write(line);
    if (this.mode === 'redraw') this.last = -Infinity;
  }

  /** Before a write to stdout: on a terminal shared with stderr, the line is cleared, to be redrawn after. */
  beforeStdout(): void {
    if (this.options.stdoutTTY === true && this.shown) {
      this.clear();
      this.last = -Infinity;
    }
  }

  clear(): void {
    if (this.shown) this.stream.write('\r\x1b[K');
    this.shown = false;
  }

  /** Clear the line and stop the clock's redraws: before the summary, or an error that ends the run. */
  stop(): void {
    this.stopped = true;
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    this.clear();
  }
}
