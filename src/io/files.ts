/**
 * All file work for the CLI: reading and decoding inputs, writing outputs atomically.
 * Transforms, the pipeline and renderers never touch the file system.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { InputError, UsageError } from '../core/errors.js';

/** Inputs larger than this are refused unless `--max-size` says otherwise. */
export const DEFAULT_MAX_SIZE = 256 * 1024 * 1024;
/** A file is binary when this share of its first bytes are control characters (other than tab/CR/LF/FF). */
const BINARY_CONTROL_SHARE = 0.1;
/** How many leading bytes the binary check looks at. */
const BINARY_SNIFF_BYTES = 8192;

export interface Decoded {
  text: string;
  /** The encoding used: `utf-8`, `utf-16le`, `utf-16be`, `windows-1252` or the one asked for. */
  encoding: string;
  /** How the encoding was chosen, for `--explain` and the batch report. */
  reason: string;
  /** Size of the input in bytes. */
  bytes: number;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

type Iconv = typeof import('iconv-lite');
let iconvModule: Iconv | undefined;
/** iconv-lite, loaded on first use: most inputs are UTF-8 and should not pay for it at start-up. */
function iconv(): Iconv {
  iconvModule ??= createRequire(import.meta.url)('iconv-lite') as Iconv;
  return iconvModule;
}

/** Check an encoding name given by the user. */
export function checkEncoding(name: string): string {
  if (!iconv().encodingExists(name)) {
    throw new UsageError(`--encoding: unknown encoding "${name}"; try utf-8, utf-16le, windows-1252 or latin1`);
  }
  return name;
}

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, BINARY_SNIFF_BYTES);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 0x20 && b !== 9 && b !== 10 && b !== 13 && b !== 12) controls++;
  }
  return n > 0 && controls / n > BINARY_CONTROL_SHARE;
}

/**
 * Decode bytes: a byte-order mark decides (UTF-8, UTF-16 LE/BE); else valid UTF-8 is UTF-8; else
 * Windows-1252 (through iconv-lite: Node 20's TextDecoder maps its C1 bytes to control characters).
 * `encoding` forces one. Throws InputError for binary data.
 */
export function decodeBytes(bytes: Uint8Array, file: string, encoding?: string): Decoded {
  return { ...chooseEncoding(bytes, file, encoding), bytes: bytes.length };
}

function chooseEncoding(bytes: Uint8Array, file: string, encoding?: string): Omit<Decoded, 'bytes'> {
  if (encoding) {
    return {
      text: iconv().decode(Buffer.from(bytes), encoding, { stripBOM: true }),
      encoding,
      reason: 'given with --encoding',
    };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return {
      text: iconv().decode(Buffer.from(bytes), 'utf-16le'),
      encoding: 'utf-16le',
      reason: 'UTF-16 LE byte-order mark',
    };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return {
      text: iconv().decode(Buffer.from(bytes), 'utf-16be'),
      encoding: 'utf-16be',
      reason: 'UTF-16 BE byte-order mark',
    };
  }
  if (looksBinary(bytes)) throw new InputError(file, 'looks like a binary file (NUL or control bytes), not text');
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return {
      text: strictUtf8Decode(bytes.subarray(3)) ?? iconv().decode(Buffer.from(bytes.subarray(3)), 'utf-8'),
      encoding: 'utf-8',
      reason: 'UTF-8 byte-order mark',
    };
  }
  const utf8 = strictUtf8Decode(bytes);
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8', reason: 'valid UTF-8' };
  return {
    text: iconv().decode(Buffer.from(bytes), 'windows-1252'),
    encoding: 'windows-1252',
    reason: 'not valid UTF-8: read as Windows-1252',
  };
}

function strictUtf8Decode(bytes: Uint8Array): string | undefined {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return undefined;
  }
}

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

/** Read a word list: one word per line; blank lines and `#` comments are ignored. */
export function readWordList(file: string): string[] {
  let text: string;
  try {
    text = decodeBytes(fs.readFileSync(file), file).text;
  } catch (error) {
    if (error instanceof InputError) throw new UsageError(`--words: ${file}: ${error.message}`);
    throw new UsageError(`--words: ${file}: ${describe(error)}`);
  }
  return text
    .split(/\r?\n/)
    .map((l) => l.replace(/#.*/, '').trim())
    .filter((l) => l !== '');
}
