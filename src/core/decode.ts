/**
 * The decode stage: bytes to text. A byte-order mark decides, else valid UTF-8 is UTF-8, else the
 * bytes are read as Windows-1252; binary data and PDF files are refused. Pure (no file is read here):
 * the CLI reads the bytes, the library may be given them.
 */
import { createRequire } from 'node:module';
import { InputError, UsageError } from './errors.js';

/** A file is binary when this share of its first bytes are control characters (other than tab/CR/LF/FF). */
const BINARY_CONTROL_SHARE = 0.1;
/** How many leading bytes the binary check looks at. */
export const BINARY_SNIFF_BYTES = 8192;
/** A PDF file starts with this (after a byte-order mark at most); an uncompressed one can pass for text. */
const PDF_MAGIC = '%PDF-';
/**
 * Windows-1252 text in a Western language has a few accented letters among ASCII ones (French: about
 * 4%); when more than this share of the characters read as Windows-1252 are not ASCII, the bytes are
 * more likely a multi-byte encoding (Shift-JIS, GB18030) or another code page (Greek, Cyrillic).
 */
const FALLBACK_NON_ASCII_SHARE = 0.3;
/** ...counted only from this many non-ASCII characters, so that a short `Café` says nothing. */
const FALLBACK_MIN_NON_ASCII = 16;

export interface Decoded {
  text: string;
  /** The encoding used: `utf-8`, `utf-16le`, `utf-16be`, `windows-1252` or the one asked for. */
  encoding: string;
  /** How the encoding was chosen, for `--explain` and the batch report. */
  reason: string;
  /** Size of the input in bytes. */
  bytes: number;
  /** A doubt about the decoding that did not stop it (the Windows-1252 fallback looks wrong). */
  warning?: string;
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

function startsWithPdfMagic(bytes: Uint8Array): boolean {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  for (let i = 0; i < PDF_MAGIC.length; i++) if (bytes[start + i] !== PDF_MAGIC.charCodeAt(i)) return false;
  return true;
}

/**
 * Throw the InputError `decodeBytes` would for bytes that are not text (a PDF file; binary data, unless
 * an encoding is given or a UTF-16 byte-order mark says what the NUL bytes are). The first
 * `BINARY_SNIFF_BYTES` decide, so a reader can refuse a device or a pipe before reading all of it.
 */
export function refuseNonText(bytes: Uint8Array, file: string, encoding?: string): void {
  if (startsWithPdfMagic(bytes)) {
    throw new InputError(file, 'is a PDF file, not text: extract its text first (e.g. with pdftotext)');
  }
  if (encoding) return;
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return;
  if (looksBinary(bytes)) throw new InputError(file, 'looks like a binary file (NUL or control bytes), not text');
}

/**
 * Decode bytes: a byte-order mark decides (UTF-8, UTF-16 LE/BE); else valid UTF-8 is UTF-8; else
 * Windows-1252 (through iconv-lite: Node 20's TextDecoder maps its C1 bytes to control characters).
 * `encoding` forces one. Throws InputError for binary data and PDF files. A Windows-1252 reading that
 * looks wrong (bytes with no character, or mostly non-ASCII text) carries a `warning`.
 */
export function decodeBytes(bytes: Uint8Array, file: string, encoding?: string): Decoded {
  return { ...chooseEncoding(bytes, file, encoding), bytes: bytes.length };
}

function chooseEncoding(bytes: Uint8Array, file: string, encoding?: string): Omit<Decoded, 'bytes'> {
  refuseNonText(bytes, file, encoding);
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
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return {
      text: strictUtf8Decode(bytes.subarray(3)) ?? iconv().decode(Buffer.from(bytes.subarray(3)), 'utf-8'),
      encoding: 'utf-8',
      reason: 'UTF-8 byte-order mark',
    };
  }
  const utf8 = strictUtf8Decode(bytes);
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8', reason: 'valid UTF-8' };
  const text = iconv().decode(Buffer.from(bytes), 'windows-1252');
  const warning = fallbackWarning(text);
  return {
    text,
    encoding: 'windows-1252',
    reason: 'not valid UTF-8: read as Windows-1252',
    ...(warning !== undefined && { warning }),
  };
}

/**
 * Why a Windows-1252 reading of bytes that are not UTF-8 looks wrong, if it does: bytes Windows-1252
 * has no character for (U+FFFD; a C1 control, should a decoder give one), or a text mostly outside
 * ASCII. Both are what Shift-JIS, GB18030 or a Cyrillic code page read as Windows-1252 look like.
 */
function fallbackWarning(text: string): string | undefined {
  let lost = 0;
  let nonAscii = 0;
  let visible = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd || (c >= 0x80 && c <= 0x9f)) lost++;
    if (c > 0x20) visible++;
    if (c >= 0x80) nonAscii++;
  }
  const share = visible === 0 ? 0 : nonAscii / visible;
  const doubts: string[] = [];
  if (lost > 0) doubts.push(`${lost} ${lost === 1 ? 'byte has' : 'bytes have'} no Windows-1252 character (now U+FFFD)`);
  if (nonAscii >= FALLBACK_MIN_NON_ASCII && share > FALLBACK_NON_ASCII_SHARE) {
    doubts.push(`${Math.round(share * 100)}% of its characters are not ASCII`);
  }
  if (doubts.length === 0) return undefined;
  return `read as Windows-1252, but ${doubts.join(' and ')}: it may be in another encoding (Shift-JIS, GB18030, a Cyrillic or Greek code page); give it with --encoding`;
}

function strictUtf8Decode(bytes: Uint8Array): string | undefined {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return undefined;
  }
}
