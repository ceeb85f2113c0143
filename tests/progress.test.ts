/**
 * The batch's progress line: the pure formatter (counts, bytes, times -> line), when progress is
 * shown, and the display on a fake clock (no timing assertions).
 */
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { formatDuration, progressLine, secondsLeft, type ProgressCounts } from '../src/report/progress.js';
import { Progress, progressMode } from '../src/run/progress.js';

const counts = (c: Partial<ProgressCounts>): ProgressCounts => ({
  done: 0,
  failed: 0,
  found: 0,
  counted: true,
  bytes: 0,
  settledBytes: 0,
  totalBytes: 0,
  elapsedMs: 0,
  ...c,
});

describe('formatDuration', () => {
  it.each([
    [0, '0:00'],
    [0.4, '0:00'],
    [59.6, '1:00'],
    [61, '1:01'],
    [785, '13:05'],
    [3599, '59:59'],
    [3600, '1:00:00'],
    [7425, '2:03:45'],
    [100 * 3600, '100:00:00'],
    [-5, '0:00'],
  ])('%s s is %s', (seconds, shown) => {
    expect(formatDuration(seconds)).toBe(shown);
  });
});

describe('secondsLeft', () => {
  it.each<[string, Partial<ProgressCounts>, number | undefined]>([
    [
      'by bytes: 1 MB of 4 in 10 s leaves 30 s',
      { done: 1, found: 4, bytes: 1e6, totalBytes: 4e6, elapsedMs: 10_000 },
      30,
    ],
    // Two small files done of two small and one big: the big one is what is left.
    ['by bytes, not files', { done: 2, found: 3, bytes: 2e3, totalBytes: 1.002e6, elapsedMs: 2000 }, 1000],
    [
      'skipped files are done, not in the rate',
      { done: 3, found: 4, bytes: 1e6, settledBytes: 2e6, totalBytes: 4e6, elapsedMs: 10_000 },
      10,
    ],
    [
      'while counting: none',
      { done: 1, found: 4, counted: false, bytes: 1e6, totalBytes: 4e6, elapsedMs: 10_000 },
      undefined,
    ],
    ['nothing cleaned yet: none', { done: 0, found: 4, totalBytes: 4e6, elapsedMs: 10_000 }, undefined],
    [
      'only skipped so far: none (no rate)',
      { done: 2, found: 4, settledBytes: 2e6, totalBytes: 4e6, elapsedMs: 1000 },
      undefined,
    ],
    ['all done: 0', { done: 4, found: 4, bytes: 4e6, totalBytes: 4e6, elapsedMs: 10_000 }, 0],
    // Sizes that do not add up (a file grew after it was counted): by files, as GNU parallel does.
    ['sizes off: by files', { done: 2, found: 4, bytes: 5e6, totalBytes: 4e6, elapsedMs: 10_000 }, 10],
    ['at the start: none', { done: 0, found: 4, totalBytes: 4e6, elapsedMs: 0 }, undefined],
  ])('%s', (_, c, left) => {
    expect(secondsLeft(counts(c))).toBe(left);
  });
});

describe('progressLine', () => {
  it.each<[Partial<ProgressCounts>, string]>([
    [
      { done: 120, found: 5000, bytes: 100.8e6, totalBytes: 4200e6, elapsedMs: 42_000 },
      'clean-article: 120/5000 files, 2.4 MB/s, 0:42 elapsed, ETA 28:28',
    ],
    [
      { done: 120, found: 300, counted: false, bytes: 100.8e6, elapsedMs: 42_000 },
      'clean-article: 120/300+ files, 2.4 MB/s, 0:42 elapsed',
    ],
    [
      { done: 3, failed: 2, found: 10, bytes: 0.5e6, settledBytes: 0, totalBytes: 1e6, elapsedMs: 2000 },
      'clean-article: 3/10 files, 0.25 MB/s, 0:02 elapsed, ETA 0:02, 2 failed',
    ],
    [{ done: 0, found: 0, counted: false }, 'clean-article: 0/0+ files, 0.00 MB/s, 0:00 elapsed'],
    [
      { done: 7, found: 7, bytes: 7e6, totalBytes: 7e6, elapsedMs: 3_725_000 },
      'clean-article: 7/7 files, 0.00 MB/s, 1:02:05 elapsed, ETA 0:00',
    ],
  ])('%j', (c, line) => {
    expect(progressLine(counts(c))).toBe(line);
  });
});

describe('progressMode', () => {
  it.each<[string, Parameters<typeof progressMode>[0], ReturnType<typeof progressMode>]>([
    ['a terminal: redrawn', { option: undefined, quiet: false, stderrTTY: true, term: 'xterm' }, 'redraw'],
    ['no terminal: off', { option: undefined, quiet: false, stderrTTY: false, term: 'xterm' }, 'off'],
    ['no terminal, --progress: lines', { option: true, quiet: false, stderrTTY: false, term: undefined }, 'lines'],
    ['a terminal, --progress: redrawn', { option: true, quiet: false, stderrTTY: true, term: 'xterm' }, 'redraw'],
    ['a terminal, --no-progress: off', { option: false, quiet: false, stderrTTY: true, term: 'xterm' }, 'off'],
    ['a terminal, --quiet: off', { option: undefined, quiet: true, stderrTTY: true, term: 'xterm' }, 'off'],
    ['TERM=dumb: off', { option: undefined, quiet: false, stderrTTY: true, term: 'dumb' }, 'off'],
    ['TERM=dumb, --progress: lines', { option: true, quiet: false, stderrTTY: true, term: 'dumb' }, 'lines'],
  ])('%s', (_, given, mode) => {
    expect(progressMode(given)).toBe(mode);
  });
});

/** A display on a clock the test moves, writing into a string. */
function display(mode: 'redraw' | 'lines', options: { stdoutTTY?: boolean } = {}) {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (c: Buffer) => (text += c.toString('utf8')));
  let now = 0;
  const progress = new Progress(stream, mode, { ...options, now: () => now });
  progress.found = 10;
  progress.counted = true;
  return {
    progress,
    at: (ms: number) => (now = ms),
    text: () => text,
  };
}

describe('Progress', () => {
  it('in a log: whole lines, at most one a second, and only when a file was done since the last', () => {
    const { progress, at, text } = display('lines');
    try {
      progress.done = 1;
      progress.draw();
      at(500);
      progress.done = 2;
      progress.draw(); // within the second: no line
      at(1500);
      progress.draw(); // a second later: the line
      at(3000);
      progress.draw(); // nothing done since: no line
      progress.print('clean-article: a.txt: no such file\n');
    } finally {
      progress.stop();
    }
    expect(text()).toBe(
      'clean-article: 1/10 files, 0.00 MB/s, 0:00 elapsed\n' +
        'clean-article: 2/10 files, 0.00 MB/s, 0:02 elapsed, ETA 0:06\n' +
        'clean-article: a.txt: no such file\n',
    );
    expect(text()).not.toMatch(/[\r\x1b]/);
  });

  it('on a terminal: redrawn in place, cleared before an error line so that it stays whole, and at the end', () => {
    const { progress, at, text } = display('redraw');
    try {
      progress.done = 1;
      progress.draw();
      at(200);
      progress.print('clean-article: b.txt: looks like a binary file\n');
      progress.draw();
    } finally {
      progress.stop();
    }
    const parts = text().split('\r');
    expect(parts[1]).toMatch(/^clean-article: 1\/10 files, .*\x1b\[K$/);
    expect(parts[2]).toBe('\x1b[Kclean-article: b.txt: looks like a binary file\n');
    expect(parts[3]).toMatch(/^clean-article: 1\/10 files, .*\x1b\[K$/);
    expect(parts[4]).toBe('\x1b[K');
  });

  it('clears the line before stdout is written only when stdout is that terminal too', () => {
    const cleared = (stdoutTTY: boolean) => {
      const { progress, text } = display('redraw', { stdoutTTY });
      progress.draw();
      const before = text();
      progress.beforeStdout();
      const written = text().slice(before.length);
      progress.stop();
      return written;
    };
    expect(cleared(true)).toBe('\r\x1b[K');
    expect(cleared(false)).toBe('');
  });

  it('shows nothing when off', () => {
    const stream = new PassThrough();
    let text = '';
    stream.on('data', (c: Buffer) => (text += c.toString('utf8')));
    const progress = new Progress(stream, 'off');
    progress.done = 3;
    progress.draw();
    progress.stop();
    expect(text).toBe('');
  });
});
