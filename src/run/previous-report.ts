/**
 * The records of earlier `--report` files, found by input name, for a resumed batch: with
 * `--skip-existing`, an input skipped because its output is up to date keeps the record of the run
 * that wrote that output, so that the report of a resumed run describes every output. The sources
 * are the report being replaced and the temporary reports killed runs left beside it (each line was
 * written as its file was done); a later source wins.
 *
 * Memory stays small however long the report: the index holds a 32-bit hash and a file position per
 * record, not the records, which are read back from the files (kept open) when asked for.
 */
import fs from 'node:fs';

/** Sources at most (the position packs the source's index in 4 bits). */
const MAX_SOURCES = 16;
const CHUNK = 1024 * 1024;
const LF = 0x0a;

/** FNV-1a over the UTF-16 code units of `s`. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function inputOf(line: string): { input: string; output: unknown } | undefined {
  try {
    const record = JSON.parse(line) as { input?: unknown; output?: unknown };
    return typeof record.input === 'string' ? { input: record.input, output: record.output } : undefined;
  } catch {
    return undefined; // a line cut short by a kill
  }
}

export class PreviousReport {
  private readonly fds: number[] = [];
  /** Hash of an input -> positions (offset * 16 + source) of its records, oldest first. */
  private readonly index = new Map<number, number[]>();

  /** Index the readable ones of `files`, in order (a later file's record wins). */
  constructor(files: readonly string[]) {
    for (const file of files.slice(-MAX_SOURCES)) {
      let fd: number;
      try {
        // Only a regular file holds an earlier report (`--report /dev/stderr` holds none, and reading
        // a terminal or a FIFO would wait).
        if (!fs.statSync(file).isFile()) continue;
        fd = fs.openSync(file, 'r');
      } catch {
        continue; // no earlier report
      }
      this.fds.push(fd);
      this.indexSource(this.fds.length - 1);
    }
  }

  private indexSource(source: number): void {
    const fd = this.fds[source]!;
    let pending: Buffer[] = [];
    let lineStart = 0;
    let position = 0;
    const buffer = Buffer.allocUnsafe(CHUNK);
    for (;;) {
      const n = fs.readSync(fd, buffer, 0, CHUNK, position);
      if (n === 0) break;
      const chunk = buffer.subarray(0, n);
      let start = 0;
      for (let end = chunk.indexOf(LF); end !== -1; end = chunk.indexOf(LF, start)) {
        pending.push(chunk.subarray(start, end));
        this.add(Buffer.concat(pending).toString('utf8'), lineStart, source);
        pending = [];
        lineStart = position + end + 1;
        start = end + 1;
      }
      pending.push(Buffer.from(chunk.subarray(start))); // copied: the buffer is reused
      position += n;
    }
  }

  private add(line: string, offset: number, source: number): void {
    const record = inputOf(line);
    if (record === undefined) return;
    const key = hash(record.input);
    const positions = this.index.get(key);
    const packed = offset * MAX_SOURCES + source;
    if (positions) positions.push(packed);
    else this.index.set(key, [packed]);
  }

  private lineAt(packed: number): string {
    const source = packed % MAX_SOURCES;
    let position = (packed - source) / MAX_SOURCES;
    const parts: Buffer[] = [];
    const buffer = Buffer.allocUnsafe(4096);
    for (;;) {
      const n = fs.readSync(this.fds[source]!, buffer, 0, buffer.length, position);
      if (n === 0) break;
      const end = buffer.subarray(0, n).indexOf(LF);
      parts.push(Buffer.from(buffer.subarray(0, end === -1 ? n : end)));
      if (end !== -1) break;
      position += n;
    }
    return Buffer.concat(parts).toString('utf8');
  }

  /** The latest record of `input` with this `output`, as its line (without the newline). */
  recordOf(input: string, output: string | null): string | undefined {
    const positions = this.index.get(hash(input));
    if (!positions) return undefined;
    for (let i = positions.length - 1; i >= 0; i--) {
      const line = this.lineAt(positions[i]!);
      const record = inputOf(line);
      if (record?.input === input && record.output === output) return line;
    }
    return undefined;
  }

  close(): void {
    for (const fd of this.fds.splice(0)) fs.closeSync(fd);
  }
}
