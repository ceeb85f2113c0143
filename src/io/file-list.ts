/**
 * `--files-from FILE`: the inputs of a batch, listed one a line (or NUL-separated with `-0`, as
 * `find -print0` writes them), from a file or stdin (`-`). Each entry is a path taken as it is: no
 * pattern is expanded. Blank entries are ignored; with lines, a CR before the LF is dropped.
 */
import fs from 'node:fs';
import { InputError } from '../core/errors.js';
import { DEFAULT_MAX_SIZE, describe, notFound } from './files.js';

/** The entries of a list's text. */
export function parseFileList(text: string, nul: boolean): string[] {
  const entries = nul ? text.split('\0') : text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  return entries.filter((e) => e !== '');
}

/** Read a list from `file`, or from `stdin` for `-`; at most `maxSize` bytes. */
export async function readFileList(
  file: string,
  nul: boolean,
  stdin: NodeJS.ReadableStream,
  maxSize = DEFAULT_MAX_SIZE,
): Promise<string[]> {
  const name = file === '-' ? '<stdin>' : file;
  const chunks: Buffer[] = [];
  let size = 0;
  const add = (chunk: Buffer) => {
    size += chunk.length;
    if (size > maxSize) throw new InputError(name, `--files-from: the list is over ${maxSize} bytes`);
    chunks.push(chunk);
  };
  if (file === '-') {
    for await (const chunk of stdin)
      add(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk as Uint8Array));
  } else {
    let stream: fs.ReadStream;
    try {
      if (fs.statSync(file).isDirectory())
        throw new InputError(file, '--files-from: is a directory, not a list of files');
      stream = fs.createReadStream(file, { fd: fs.openSync(file, 'r') });
    } catch (error) {
      if (error instanceof InputError) throw error;
      throw new InputError(file, `--files-from: ${notFound(file, error)}`);
    }
    try {
      for await (const chunk of stream) add(chunk as Buffer);
    } catch (error) {
      stream.destroy();
      if (error instanceof InputError) throw error;
      throw new InputError(file, `--files-from: ${describe(error)}`);
    }
  }
  return parseFileList(Buffer.concat(chunks).toString('utf8'), nul);
}
