/**
 * The progress line of a batch, as a pure function of counts, bytes and times (no clock, no stream):
 * `clean-article: 120/5000 files, 2.4 MB/s, 0:42 elapsed, ETA 13:05, 2 failed`.
 *
 * As rsync's `--info=progress2` and pv do, the estimate is made on bytes, not files: a batch mixes
 * articles of 3 KB with page dumps of 300 KB, and the time to clean a file follows its size. The
 * rate is the average since the start (pv's default, GNU parallel's `--eta`): steadier than a recent
 * window, at the price of counting the workers' start-up. Files that were not cleaned (skipped by
 * `--skip-existing`, failed) count as done but not in the rate. While the files are still being
 * counted the total is shown as `N+` (rsync's `ir-chk`) and there is no estimate: pv too shows none
 * without a total size.
 */

const NAME = 'clean-article';

export interface ProgressCounts {
  /** Files done (cleaned, skipped or failed). */
  done: number;
  failed: number;
  /** Files found so far by the counting walk; `counted` once it has finished. */
  found: number;
  counted: boolean;
  /** Bytes of the files cleaned: the rate is made of these. */
  bytes: number;
  /** Bytes of the files done without being cleaned (skipped, failed): done, but not in the rate. */
  settledBytes: number;
  /** The size of every file the counting walk found (meaningful once `counted`). */
  totalBytes: number;
  /** Milliseconds since the batch started. */
  elapsedMs: number;
}

/** `0:42`, `13:05`, `2:03:45`: minutes and seconds, with hours when there are any (as rsync and pv). */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}

/**
 * Seconds left, at the average rate since the start; undefined while the total is not known or
 * nothing has been cleaned yet (no rate to go by). When the sizes do not add up (a file grew, or one
 * could not be sized), by files instead, as GNU parallel's `--eta` does.
 */
export function secondsLeft(c: ProgressCounts): number | undefined {
  if (!c.counted) return undefined;
  if (c.done >= c.found) return 0;
  const seconds = c.elapsedMs / 1000;
  if (seconds <= 0) return undefined;
  const leftBytes = c.totalBytes - c.bytes - c.settledBytes;
  if (leftBytes > 0) return c.bytes > 0 ? leftBytes / (c.bytes / seconds) : undefined;
  if (c.done > 0) return (seconds * (c.found - c.done)) / c.done;
  return undefined;
}

/** MB/s (decimal megabytes, as the benchmarks report): one decimal, two below 1 MB/s. */
function rate(c: ProgressCounts): string {
  const perSecond = c.elapsedMs > 0 ? c.bytes / 1e6 / (c.elapsedMs / 1000) : 0;
  return `${perSecond.toFixed(perSecond < 1 ? 2 : 1)} MB/s`;
}

/** The progress line, without line ending or terminal control. */
export function progressLine(c: ProgressCounts): string {
  const total = c.counted ? `${c.found}` : `${c.found}+`;
  const left = secondsLeft(c);
  const parts = [
    `${c.done}/${total} files`,
    rate(c),
    `${formatDuration(c.elapsedMs / 1000)} elapsed`,
    ...(left === undefined ? [] : [`ETA ${formatDuration(left)}`]),
    ...(c.failed > 0 ? [`${c.failed} failed`] : []),
  ];
  return `${NAME}: ${parts.join(', ')}`;
}
