/**
 * All file work for the CLI: reading and decoding inputs, writing outputs atomically.
 * Transforms, the pipeline and renderers never touch the file system.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { InputError } from '../core/errors.js';
import { BINARY_SNIFF_BYTES, decodeBytes, refuseNonText, type Decoded } from '../core/decode.js';

/** Inputs larger than this are refused unless `--max-size` says otherwise. */
export const DEFAULT_MAX_SIZE = 256 * 1024 * 1024;
/** Bytes read at a time from a source whose size is not known in advance (a device, a FIFO, stdin). */
const READ_CHUNK = 64 * 1024;

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
    case 'EDQUOT':
      return 'disk quota exceeded';
    case 'EFBIG':
      return 'file too large for the file system';
    case 'EROFS':
      return 'read-only file system';
    case 'EIO':
      return 'input/output error';
    case 'ELOOP':
      return 'too many levels of symbolic links (a link loop?)';
    case 'ENOTDIR':
      return 'a part of the path is not a folder';
    case 'ENAMETOOLONG':
      return 'file name too long';
    case 'ENXIO':
      return 'no such device, or a socket';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many open files';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

/** Why `file` could not be found, with a hint when its name as given was not valid UTF-8. */
export function notFound(file: string, error: unknown): string {
  const reason = describe(error);
  if ((error as NodeJS.ErrnoException).code === 'ENOENT' && file.includes('\ufffd')) {
    return `${reason} by this name: the name given is not valid UTF-8 (shown as U+FFFD), and clean-article opens files by UTF-8 names only; rename the file`;
  }
  return reason;
}

export interface ReadOptions {
  encoding?: string;
  maxSize?: number;
}

function overLimit(file: string, maxSize: number): InputError {
  return new InputError(file, `is over the size limit of ${maxSize} bytes (raise it with --max-size)`);
}

/**
 * Collects the bytes of a source, refusing it as soon as it passes `maxSize` or its first bytes are
 * not text: memory never holds more than the limit, whatever the source (a device such as /dev/zero
 * never ends).
 */
class BoundedBytes {
  private readonly chunks: Buffer[] = [];
  private size = 0;
  private sniffed = false;

  constructor(
    private readonly file: string,
    private readonly maxSize: number,
    private readonly encoding: string | undefined,
  ) {}

  add(chunk: Buffer): void {
    this.size += chunk.length;
    if (this.size > this.maxSize) throw overLimit(this.file, this.maxSize);
    this.chunks.push(chunk);
    if (!this.sniffed && this.size >= BINARY_SNIFF_BYTES) this.sniff();
  }

  private sniff(): void {
    this.sniffed = true;
    const head = Buffer.concat(this.chunks).subarray(0, BINARY_SNIFF_BYTES);
    refuseNonText(head, this.file, this.encoding);
  }

  bytes(): Buffer {
    return Buffer.concat(this.chunks);
  }
}

/**
 * Read and decode one input file. Every failure is an InputError naming the file. With `hash`, the
 * result also has the SHA-256 of the bytes read (`--provenance`).
 */
export function readInputFile(
  file: string,
  options: ReadOptions & { hash?: boolean } = {},
): Decoded & { sha256?: string } {
  const bytes = readBounded(file, options.maxSize ?? DEFAULT_MAX_SIZE, options.encoding, {
    directory: 'is a directory, not a file (give --out-dir to clean a folder)',
  });
  const decoded = decodeBytes(bytes, file, options.encoding);
  return options.hash ? { ...decoded, sha256: sha256(bytes) } : decoded;
}

/** SHA-256 of `bytes`, hex; `node:crypto` is loaded the first time (not on every start-up). */
export function sha256(bytes: Uint8Array): string {
  crypto ??= createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

/**
 * The bytes of `file` (a regular file, a FIFO or a character device), at most `maxSize` of them: the
 * limit is enforced while reading, since `stat` gives 0 for a device or a FIFO and a file may grow, and
 * bytes that are not text are refused from the first ones (see `refuseNonText`). Every failure is an
 * InputError naming the file. Also for the configuration and word lists: `--words /dev/zero` must end.
 */
export function readBounded(
  file: string,
  maxSize: number = DEFAULT_MAX_SIZE,
  encoding?: string,
  messages: { directory?: string } = {},
): Buffer {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    throw new InputError(file, notFound(file, error));
  }
  if (stat.isDirectory()) throw new InputError(file, messages.directory ?? 'is a directory, not a file');
  if (!stat.isFile() && !stat.isFIFO() && !stat.isCharacterDevice())
    throw new InputError(file, 'is not a regular file');
  if (stat.size > maxSize) {
    throw new InputError(
      file,
      `is ${stat.size} bytes, over the size limit of ${maxSize} bytes (raise it with --max-size)`,
    );
  }
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    throw new InputError(file, describe(error));
  }
  const collected = new BoundedBytes(file, maxSize, encoding);
  // A regular file is read in one piece of its size (and one byte more, to see it has not grown).
  let size = stat.isFile() ? Math.min(stat.size, maxSize) + 1 : READ_CHUNK;
  try {
    for (;;) {
      const chunk = Buffer.allocUnsafe(size);
      size = READ_CHUNK;
      let n: number;
      try {
        n = fs.readSync(fd, chunk, 0, chunk.length, null);
      } catch (error) {
        throw new InputError(file, describe(error));
      }
      if (n === 0) break;
      collected.add(n === chunk.length ? chunk : chunk.subarray(0, n));
    }
  } finally {
    fs.closeSync(fd);
  }
  return collected.bytes();
}

/** Open an input file as a stream (JSON Lines); failures to open are an InputError naming the file. */
export function openInputStream(file: string): fs.ReadStream {
  let fd: number;
  try {
    if (fs.statSync(file).isDirectory()) throw new InputError(file, 'is a directory, not a file');
    fd = fs.openSync(file, 'r');
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(file, notFound(file, error));
  }
  return fs.createReadStream(file, { fd });
}

/** Read all of a stream (stdin) into bytes, refusing it as soon as it passes `maxSize` or looks binary. */
export async function readStream(
  stream: NodeJS.ReadableStream,
  maxSize = DEFAULT_MAX_SIZE,
  name = '<stdin>',
  encoding?: string,
): Promise<Buffer> {
  const collected = new BoundedBytes(name, maxSize, encoding);
  for await (const chunk of stream) {
    collected.add(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk as Uint8Array));
  }
  return collected.bytes();
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
 * Where a write to `file` goes. A regular file (or a link to one, followed to the file itself, so that
 * the link is kept) is replaced atomically; a new file is created the same way, also at the end of a
 * dangling link. A FIFO, a device or a descriptor (`/dev/stdout`, a link under /proc) is written
 * directly: replacing it would put a regular file in its place.
 */
export type OutputTarget = { kind: 'replace'; path: string; mode?: number } | { kind: 'direct'; path: string };

/** Links followed before giving up, as the kernel does (its limit is 40). */
const MAX_LINKS = 40;

/** The real path of `p`'s folder joined with its name (the folder's links resolved, the name's not). */
function inRealFolder(p: string): string {
  const abs = path.resolve(p);
  const parent = path.dirname(abs);
  try {
    return path.join(fs.realpathSync.native(parent), path.basename(abs));
  } catch {
    return abs; // the folder does not exist yet: it has no links to resolve
  }
}

export function outputTarget(file: string): OutputTarget {
  let current = inRealFolder(file);
  for (let links = 0; ; links++) {
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(current);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'replace', path: current };
      throw new InputError(file, `cannot write: ${describe(error)}`);
    }
    if (stat.isSymbolicLink()) {
      // /dev/stdout -> /proc/self/fd/1 -> an open file, a pipe or a terminal: write through the descriptor.
      if (current.startsWith('/proc/')) return { kind: 'direct', path: file };
      if (links >= MAX_LINKS) throw new InputError(file, `cannot write: ${describe({ code: 'ELOOP' })}`);
      current = inRealFolder(path.resolve(path.dirname(current), fs.readlinkSync(current)));
      continue;
    }
    if (stat.isDirectory()) throw new InputError(file, 'cannot write: is a directory, not a file');
    if (stat.isFile()) return { kind: 'replace', path: current, mode: stat.mode & 0o7777 };
    return { kind: 'direct', path: file };
  }
}

/** Write all of `data` to `fd` (a write may take only part of it). */
function writeAll(fd: number, data: Buffer): void {
  let offset = 0;
  while (offset < data.length) offset += fs.writeSync(fd, data, offset, data.length - offset);
}

/** Write to a FIFO or a device as it is: open it, write, close. */
function writeDirect(file: string, target: string, content: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(target, 'w');
    writeAll(fd, Buffer.from(content));
  } catch (error) {
    throw new InputError(file, `cannot write: ${describe(error)}`);
  } finally {
    if (fd !== undefined) closeQuietly(fd);
  }
}

function closeQuietly(fd: number): void {
  try {
    fs.closeSync(fd);
  } catch {
    // Nothing more can be done about it; the write's own error, if any, has been reported.
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

/** Create the temporary file of `target` and write `content` to it; the descriptor stays open to be synced. */
function writeTemp(
  file: string,
  target: string,
  content: string,
  mode: number | undefined,
): { tmp: string; fd: number } {
  const tmp = tempPathFor(target);
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const fd = fs.openSync(tmp, 'wx', mode);
    try {
      if (mode !== undefined) fs.fchmodSync(fd, mode);
      writeAll(fd, Buffer.from(content));
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
 * A link is followed and the file it points to replaced (the link stays); an existing file keeps its
 * permissions unless `mode` sets them; a FIFO or a device is written directly (see `outputTarget`).
 */
export function writeFileAtomic(file: string, content: string, mode?: number): void {
  const target = outputTarget(file);
  if (target.kind === 'direct') return writeDirect(file, target.path, content);
  const { tmp, fd } = writeTemp(file, target.path, content, mode ?? target.mode);
  try {
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, target.path);
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
  const target = outputTarget(file);
  if (target.kind === 'direct') return writeDirect(file, target.path, content);
  const { tmp, fd } = writeTemp(file, target.path, content, mode ?? target.mode);
  try {
    try {
      await new Promise<void>((resolve, reject) => fs.fsync(fd, (error) => (error ? reject(error) : resolve())));
    } finally {
      await new Promise<void>((resolve) => fs.close(fd, () => resolve()));
    }
    await fs.promises.rename(tmp, target.path);
  } catch (error) {
    unlinkQuietly(tmp);
    throw new InputError(file, `cannot write: ${describe(error)}`);
  }
}

export interface OutputStream {
  /** Write a piece, at once (a killed process leaves what was written). Throws an InputError naming the file. */
  write(text: string): void;
  /** Sync, then rename the temporary file over the target (a FIFO or a device: close it). */
  commit(): void;
  /** Give up: remove the temporary file; the target is left as it was. */
  abort(): void;
}

/**
 * A writer with the guarantee of `writeFileAtomic`, for output written piece by piece (JSON Lines, the
 * batch report): nothing appears at `file` until `commit()`, and a failed write (a full disk) leaves the
 * old file as it was. Each piece is written to the temporary file as it comes, with a plain blocking
 * write, so that a write error is known at once, never after the file was renamed into place.
 */
export function openOutputStream(file: string): OutputStream {
  const fail = (error: unknown) =>
    error instanceof InputError ? error : new InputError(file, `cannot write: ${describe(error)}`);
  const target = outputTarget(file);
  const tmp = target.kind === 'replace' ? tempPathFor(target.path) : undefined;
  let fd: number | undefined;
  try {
    if (tmp === undefined) fd = fs.openSync(target.path, 'w');
    else {
      fs.mkdirSync(path.dirname(tmp), { recursive: true });
      fd = fs.openSync(tmp, 'wx', target.kind === 'replace' ? target.mode : undefined);
    }
  } catch (error) {
    throw fail(error);
  }
  let open: number | undefined = fd;
  const close = () => {
    if (open !== undefined) closeQuietly(open);
    open = undefined;
  };
  const discard = () => {
    close();
    if (tmp !== undefined) unlinkQuietly(tmp);
  };
  return {
    write(text) {
      if (open === undefined) throw fail(new Error('written after it was closed'));
      try {
        writeAll(open, Buffer.from(text));
      } catch (error) {
        discard();
        throw fail(error);
      }
    },
    commit() {
      if (open === undefined) throw fail(new Error('committed after it was closed'));
      try {
        if (tmp !== undefined) fs.fsyncSync(open);
        fs.closeSync(open);
        open = undefined;
        if (tmp !== undefined) fs.renameSync(tmp, (target as { path: string }).path);
      } catch (error) {
        discard();
        throw fail(error);
      }
    },
    abort: discard,
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
  let real = file;
  try {
    real = fs.realpathSync(file); // a link's own hard link would show the file's new content
  } catch {
    // Missing: the link below says so.
  }
  try {
    fs.linkSync(real, backup);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new InputError(file, `backup ${backup} exists already; refusing to overwrite it`);
    try {
      fs.copyFileSync(real, backup, fs.constants.COPYFILE_EXCL);
    } catch (copyError) {
      throw new InputError(file, `cannot write backup ${backup}: ${describe(copyError)}`);
    }
  }
}

/**
 * The temporary files of `file` (hidden, named after it, see `tempPathFor`) that processes which no
 * longer run left beside it: a killed run's report. Oldest first.
 */
export function staleTempsOf(file: string): string[] {
  const target = inRealFolder(file);
  const folder = path.dirname(target);
  const prefix = `.${path.basename(target)}.`;
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return [];
  }
  const found: { file: string; mtime: number }[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix) || !isStaleTemp(name)) continue;
    const full = path.join(folder, name);
    try {
      const stat = fs.statSync(full);
      // The prefix could be another file's: `.a.txt.` begins `.a.txt.1.tmp.<pid>...` too.
      if (stat.isFile() && /^\d+\.[0-9a-f]{8}\.tmp$/.test(name.slice(prefix.length))) {
        found.push({ file: full, mtime: stat.mtimeMs });
      }
    } catch {
      // Gone meanwhile.
    }
  }
  return found.sort((a, b) => a.mtime - b.mtime).map((f) => f.file);
}

/** Remove a file if it is there. */
export function removeFile(file: string): void {
  unlinkQuietly(file);
}
