/**
 * The lines of a JSON Lines stream, read as bytes with a limit per line: a line over the limit is
 * dropped as it is read (never held whole) and reported in its place, so memory stays under the limit
 * whatever the input (a record of gigabytes, a device). Lines end at LF (a CR before it is dropped);
 * a line must be UTF-8, as JSON text is.
 */
import { InputError } from '../core/errors.js';

/** The first bytes of a stream that decide whether it is text at all. */
const SNIFF_BYTES = 8192;
const LF = 0x0a;
const CR = 0x0d;

export interface NumberedLine {
  /** 1-based line number. */
  lineNo: number;
  /** The line without its end (nor the byte-order mark of the first), or `undefined` when it was refused. */
  text?: string;
  /** Why the line was refused. */
  error?: string;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The non-blank lines of `input`, numbered. A binary or UTF-16 stream is refused as a whole (an
 * InputError naming `name`), from its first bytes.
 */
export async function* boundedLines(
  input: AsyncIterable<Buffer | string>,
  maxBytes: number,
  name: string,
): AsyncGenerator<NumberedLine> {
  let parts: Buffer[] = [];
  let size = 0;
  let over = false;
  let lineNo = 0;
  let sniffed = 0;

  const finish = (): NumberedLine | undefined => {
    lineNo++;
    if (over) {
      over = false;
      return { lineNo, error: `is over the size limit of ${maxBytes} bytes (raise it with --max-size)` };
    }
    let bytes = parts.length === 1 ? parts[0]! : Buffer.concat(parts);
    parts = [];
    size = 0;
    if (bytes.length > 0 && bytes[bytes.length - 1] === CR) bytes = bytes.subarray(0, -1);
    if (lineNo === 1 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
    let text: string;
    try {
      text = strictUtf8.decode(bytes);
    } catch {
      return { lineNo, error: 'not valid UTF-8 (JSON text is UTF-8)' };
    }
    return text.trim() === '' ? undefined : { lineNo, text }; // a blank line holds no record
  };

  const take = (piece: Buffer) => {
    if (over || piece.length === 0) return;
    size += piece.length;
    if (size > maxBytes) {
      over = true; // the rest of the line is read and dropped
      parts = [];
      size = 0;
    } else parts.push(piece);
  };

  for await (const raw of input) {
    const chunk = typeof raw === 'string' ? Buffer.from(raw) : raw;
    if (sniffed < SNIFF_BYTES) {
      const head = chunk.subarray(0, SNIFF_BYTES - sniffed);
      if (sniffed === 0 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))) {
        throw new InputError(name, 'is UTF-16 (a byte-order mark says so); JSON Lines must be UTF-8');
      }
      if (head.includes(0)) throw new InputError(name, 'looks like a binary file (NUL bytes), not JSON Lines');
      sniffed += head.length;
    }
    let start = 0;
    for (let end = chunk.indexOf(LF, start); end !== -1; end = chunk.indexOf(LF, start)) {
      take(chunk.subarray(start, end));
      start = end + 1;
      const line = finish();
      if (line) yield line;
    }
    take(chunk.subarray(start));
  }
  if (size > 0 || over) {
    const line = finish();
    if (line) yield line;
  }
}
