/**
 * Walking input folders for a batch: a streaming, ordered, depth-first walk.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, isStaleTemp } from './files.js';

export interface WalkOptions {
  /** How deep below the starting folder to go. */
  maxDepth: number;
  /** Whether to take the file at `rel` (slash-separated, from the start) named `name`. */
  accept: (rel: string, name: string) => boolean;
  /** Remove the temporary files killed runs left (hidden, named by `isStaleTemp`). */
  sweep: boolean;
}

export interface Found {
  abs: string;
  display: string;
  /** Reached through a symbolic link. */
  link?: boolean;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** A name that is not valid UTF-8, shown with its other bytes escaped (`caf\xE9.txt`). */
export function escapedName(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    // The longest valid UTF-8 sequence at i (1 to 4 bytes), else one escaped byte.
    let taken = 0;
    for (let n = 1; n <= 4 && i + n <= bytes.length && taken === 0; n++) {
      try {
        out += strictUtf8.decode(bytes.subarray(i, i + n));
        taken = n;
      } catch {
        // Not a whole character yet.
      }
    }
    if (taken === 0) {
      out += `\\x${bytes[i]!.toString(16).toUpperCase().padStart(2, '0')}`;
      taken = 1;
    }
    i += taken;
  }
  return out;
}

function kindOf(stat: fs.Stats): string {
  if (stat.isFIFO()) return 'a FIFO';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  return 'an unknown kind of file';
}

/**
 * The files under a folder, depth first in name order (so that every run sees the same order). Hidden
 * entries are skipped (and, when `sweep` is set, temporary files of killed runs removed); linked
 * folders are not followed (no loops). Entries a walk would take by their name but cannot read are
 * reported, never skipped without a word: a broken or looping link, a link to a device, a FIFO, a name
 * that is not valid UTF-8 (Node opens files by UTF-8 names only).
 */
export async function* walkFolder(
  abs: string,
  display: string,
  rel: string,
  depth: number,
  walk: WalkOptions,
): AsyncGenerator<Found | { error: string; display: string }> {
  let raw: fs.Dirent<Buffer>[];
  try {
    raw = await fs.promises.readdir(abs, { withFileTypes: true, encoding: 'buffer' });
  } catch (error) {
    yield { display, error: describe(error) };
    return;
  }
  const entries = raw.map((entry) => {
    let name: string | undefined;
    try {
      name = strictUtf8.decode(entry.name);
    } catch {
      name = undefined;
    }
    return { entry, name, shown: name ?? escapedName(entry.name) };
  });
  entries.sort((a, b) => (a.shown < b.shown ? -1 : a.shown > b.shown ? 1 : 0));
  for (const { entry, name, shown } of entries) {
    if (shown.startsWith('.')) {
      if (walk.sweep && name !== undefined && entry.isFile() && isStaleTemp(name)) {
        fs.rmSync(path.join(abs, name), { force: true });
      }
      continue;
    }
    const childDisplay = path.join(display, shown);
    const childRel = rel === '' ? shown : `${rel}/${shown}`;
    if (name === undefined) {
      if (entry.isDirectory() || walk.accept(childRel, shown)) {
        yield {
          display: childDisplay,
          error: `${entry.isDirectory() ? 'folder' : 'file'} name is not valid UTF-8: clean-article opens files by UTF-8 names only; rename it`,
        };
      }
      continue;
    }
    const childAbs = path.join(abs, name);
    if (entry.isDirectory()) {
      if (depth < walk.maxDepth) yield* walkFolder(childAbs, childDisplay, childRel, depth + 1, walk);
      continue;
    }
    if (!walk.accept(childRel, name)) continue;
    if (entry.isFile()) {
      yield { abs: childAbs, display: childDisplay };
      continue;
    }
    if (!entry.isSymbolicLink()) {
      yield { display: childDisplay, error: `is ${kindOf(await fs.promises.lstat(childAbs))}, not a regular file` };
      continue;
    }
    let stat: fs.Stats;
    try {
      stat = await fs.promises.stat(childAbs);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      yield {
        display: childDisplay,
        error:
          code === 'ENOENT'
            ? 'is a broken symbolic link (what it points to does not exist)'
            : code === 'ELOOP'
              ? 'is a symbolic link in a loop'
              : `is a symbolic link that cannot be followed: ${describe(error)}`,
      };
      continue;
    }
    if (stat.isFile()) yield { abs: childAbs, display: childDisplay, link: true };
    else if (!stat.isDirectory()) {
      yield { display: childDisplay, error: `is a symbolic link to ${kindOf(stat)}, not a regular file` };
    }
    // A link to a folder is not followed (it could make a loop).
  }
}
