/**
 * All file work for the CLI: reading and decoding inputs, writing outputs atomically.
 * Transforms, the pipeline and renderers never touch the file system.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { InputError } from '../core/errors.js';
import { decodeBytes, type Decoded } from '../core/decode.js';

/** Inputs larger than this are refused unless `--max-size` says otherwise. */
export const DEFAULT_MAX_SIZE = 256 * 1024 * 1024;
export function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory, not a file';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EROFS':
      return 'read-only file system';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many open files';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

export interface ReadOptions {
  encoding?: string;
  maxSize?: number;
}

/** Read and decode one input file. Every failure is an InputError naming the file. */
export function readInputFile(file: string, options: ReadOptions = {}): Decoded {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    throw new InputError(file, describe(error));
  }
  if (stat.isDirectory()) throw new InputError(file, 'is a directory, not a file (give --out-dir to clean a folder)');
  if (!stat.isFile() && !stat.isFIFO() && !stat.isCharacterDevice())
    throw new InputError(file, 'is not a regular file');
  const maxSize = options.maxSize ?? DEFAULT_MAX_SIZE;
  if (stat.size > maxSize) {
    throw new InputError(
      file,
      `is ${stat.size} bytes, over the size limit of ${maxSize} bytes (raise it with --max-size)`,
    );
  }
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    throw new InputError(file, describe(error));
  }
  return decodeBytes(bytes, file, options.encoding);
}

/** Open an input file as a stream (JSON Lines); failures to open are an InputError naming the file. */
export function openInputStream(file: string): fs.ReadStream {
  let fd: number;
  try {
    if (fs.statSync(file).isDirectory()) throw new InputError(file, 'is a directory, not a file');
    fd = fs.openSync(file, 'r');
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(file, describe(error));
  }
  return fs.createReadStream(file, { fd });
}

/** Read all of a stream (stdin) into bytes. */
export async function readStream(stream: NodeJS.ReadableStream, maxSize = DEFAULT_MAX_SIZE): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk as Uint8Array);
    size += buffer.length;
    if (size > maxSize)
      throw new InputError('<stdin>', `is over the size limit of ${maxSize} bytes (raise it with --max-size)`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/** Same file on disk (follows links), or both paths name one file that does not exist yet. */
export function sameFile(a: string, b: string): boolean {
  try {
    const sa = fs.statSync(a);
    const sb = fs.statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return path.resolve(a) === path.resolve(b);
  }
}

/**
 * Temporary files are hidden and named after their target and the writing process:
 * `.NAME.PID.RANDOM.tmp`. Such a file is never an output (outputs are never hidden and never end in
 * `.tmp`), and a killed run's leftovers can be recognised and removed (`removeStaleTemps`).
 */
const TEMP_FILE = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/;

/** node:crypto, loaded on the first temporary file: loading it costs every run of the bin a few ms. */
let crypto: typeof import('node:crypto') | undefined;
const randomBytes = (n: number): Buffer =>
  (crypto ??= createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto')).randomBytes(n);

function tempPathFor(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

function unlinkQuietly(file: string): void {
  try {
    fs.unlinkSync(file);
  } catch {
    // Already gone, or never created.
  }
}

/** Create `file`'s temporary file and write `content` to it; the descriptor stays open to be synced. */
function writeTemp(file: string, content: string, mode: number | undefined): { tmp: string; fd: number } {
  const tmp = tempPathFor(file);
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const fd = fs.openSync(tmp, 'wx', mode);
    try {
      if (mode !== undefined) fs.fchmodSync(fd, mode);
      fs.writeFileSync(fd, content);
    } catch (error) {
      fs.closeSync(fd);
      throw error;
    }
    return { tmp, fd };
  } catch (error) {
    unlinkQuietly(tmp);
    throw new InputError(file, `cannot write: ${describe(error)}`);
  }
}

/**
 * Write `content` to `file` atomically: to a temporary file in the same folder, synced to disk, then
 * renamed over the target. A crash or a full disk leaves the old file (or none), never a partial one.
 * `mode` sets the new file's permissions (to keep those of a file replaced in place).
 */
export function writeFileAtomic(file: string, content: string, mode?: number): void {
  const { tmp, fd } = writeTemp(file, content, mode);
  try {
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, file);
  } catch (error) {
    unlinkQuietly(tmp);
    throw new InputError(file, `cannot write: ${describe(error)}`);
  }
}

/**
 * `writeFileAtomic` whose wait for the disk does not block the thread: the content is written at once,
 * and the sync, close and rename run on libuv's thread pool. A batch worker cleans its next file while
 * the disk syncs the last one; with two workers on two cores, blocking syncs left a core idle.
 */
export async function writeFileAtomicAsync(file: string, content: string, mode?: number): Promise<void> {
  const { tmp, fd } = writeTemp(file, content, mode);
  try {
    try {
      await new Promise<void>((resolve, reject) => fs.fsync(fd, (error) => (error ? reject(error) : resolve())));
    } finally {
      await new Promise<void>((resolve) => fs.close(fd, () => resolve()));
    }
    await fs.promises.rename(tmp, file);
  } catch (error) {
    unlinkQuietly(tmp);
    throw new InputError(file, `cannot write: ${describe(error)}`);
  }
}

export interface AtomicWriteStream {
  /** Write a piece; resolves when the stream can take more (back-pressure). */
  write(text: string): Promise<void>;
  /** Flush, then rename the temporary file over the target. */
  commit(): Promise<void>;
  /** Give up: remove the temporary file; the target is left as it was. */
  abort(): void;
}

/**
 * A writer with the guarantee of `writeFileAtomic`, for output written piece by piece (JSON Lines, the
 * batch report): nothing appears at `file` until `commit()`.
 */
export function openAtomicWriteStream(file: string): AtomicWriteStream {
  const tmp = tempPathFor(file);
  const fail = (error: unknown) => new InputError(file, `cannot write: ${describe(error)}`);
  let fd: number;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fd = fs.openSync(tmp, 'wx');
  } catch (error) {
    throw fail(error);
  }
  // The stream owns the descriptor; it is left open at the end to be synced before it is closed.
  const stream = fs.createWriteStream(tmp, { fd, autoClose: false });
  let failure: Error | undefined;
  stream.on('error', (error) => (failure ??= error));
  const closed = () =>
    new Promise<void>((resolve) => {
      if (stream.closed) resolve();
      else stream.destroy().once('close', () => resolve());
    });
  return {
    async write(text) {
      if (failure) throw fail(failure);
      if (!stream.write(text)) {
        await new Promise<void>((resolve) => {
          const done = () => {
            stream.off('drain', done).off('error', done);
            resolve();
          };
          stream.on('drain', done).on('error', done);
        });
      }
      if (failure) throw fail(failure);
    },
    async commit() {
      try {
        if (failure) throw failure;
        await new Promise<void>((resolve, reject) => {
          stream.once('error', reject);
          stream.end(() => resolve());
        });
        fs.fsyncSync(fd);
        await closed();
        fs.renameSync(tmp, file);
      } catch (error) {
        await closed();
        unlinkQuietly(tmp);
        throw fail(error);
      }
    },
    abort() {
      stream.destroy();
      unlinkQuietly(tmp);
    },
  };
}

function processIsGone(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** Is `name` a temporary file left by a process that no longer runs (a killed run)? */
export function isStaleTemp(name: string): boolean {
  const m = TEMP_FILE.exec(name);
  return m !== null && processIsGone(Number(m[1]));
}

/**
 * Remove the temporary files that killed runs left in `dir` and below; returns how many. Files of
 * running processes (another run writing there now) are left alone. A missing `dir` has none.
 */
export function removeStaleTemps(dir: string): number {
  let removed = 0;
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) removed += removeStaleTemps(full);
    else if (entry.isFile() && isStaleTemp(entry.name)) {
      unlinkQuietly(full);
      removed++;
    }
  }
  return removed;
}

/** Does `output` exist and was it modified after `input`? (For `--skip-existing`.) */
export function isUpToDate(input: string, output: string): boolean {
  try {
    return fs.statSync(output).mtimeMs > fs.statSync(input).mtimeMs;
  } catch {
    return false;
  }
}

/** Permission bits of an existing file, to keep them when it is replaced. */
export function fileMode(file: string): number | undefined {
  try {
    return fs.statSync(file).mode & 0o7777;
  } catch {
    return undefined;
  }
}

/**
 * Keep the original of a file about to be replaced in place as `backup`: a hard link (instant, no
 * copy), or a copy where links are not supported. An existing backup is never overwritten: it may be
 * the only original left.
 */
export function backupFile(file: string, backup: string): void {
  try {
    fs.linkSync(file, backup);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new InputError(file, `backup ${backup} exists already; refusing to overwrite it`);
    try {
      fs.copyFileSync(file, backup, fs.constants.COPYFILE_EXCL);
    } catch (copyError) {
      throw new InputError(file, `cannot write backup ${backup}: ${describe(copyError)}`);
    }
  }
}
