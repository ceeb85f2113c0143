/**
 * The decode stage: bytes to text. A byte-order mark decides, else valid UTF-8 is UTF-8, else the
 * bytes are read as Windows-1252; binary data is refused. Pure (no file is read here): the CLI reads
 * the bytes, the library may be given them.
 */
import { createRequire } from 'node:module';
import { InputError, UsageError } from './errors.js';

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
