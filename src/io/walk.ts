/**
 * Walking input folders for a batch: a streaming, ordered, depth-first walk.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, isStaleTemp } from './files.js';

export interface WalkOptions {
  /** A folder never to enter (absolute). */
  skip?: string;
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
}

/**
 * The files under a folder, depth first in name order (so that every run sees the same order). Hidden
 * entries are skipped (and, when `sweep` is set, temporary files of killed runs removed); linked
 * folders are not followed (no loops); `skip` (an output folder inside an input folder) is never entered.
 */
export async function* walkFolder(
  abs: string,
  display: string,
  rel: string,
  depth: number,
  walk: WalkOptions,
): AsyncGenerator<Found | { error: string; display: string }> {
  let entries: fs.Dirent[];
  try {
    entries = await fs.promises.readdir(abs, { withFileTypes: true });
  } catch (error) {
    yield { display, error: describe(error) };
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const childAbs = path.join(abs, entry.name);
    const childDisplay = path.join(display, entry.name);
    const childRel = rel === '' ? entry.name : `${rel}/${entry.name}`;
    if (entry.name.startsWith('.')) {
      if (walk.sweep && entry.isFile() && isStaleTemp(entry.name)) fs.rmSync(childAbs, { force: true });
      continue;
    }
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      isFile = (await fs.promises.stat(childAbs).catch(() => undefined))?.isFile() ?? false;
    }
    if (entry.isDirectory()) {
      if (childAbs !== walk.skip && depth < walk.maxDepth) {
        yield* walkFolder(childAbs, childDisplay, childRel, depth + 1, walk);
      }
    } else if (isFile && walk.accept(childRel, entry.name)) {
      yield { abs: childAbs, display: childDisplay };
    }
  }
}
