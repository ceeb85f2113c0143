/**
 * The single-byte codecs, as encoders: which byte a character came from when UTF-8 bytes were read
 * with that codec. Built on first use from the 128-character tables (`tables.ts`); nothing is done at
 * import time, so text without a suspicious character never pays for them.
 *
 * Conventions every codec shares:
 * - ASCII is itself.
 * - A byte the codec leaves undefined is the C1 control of the same number (the tables are "sloppy":
 *   a program that passed the byte through wrote it that way). Windows-1252 also takes every C1
 *   control as its own byte: that is the Latin-1 reading, the commonest confusion of all.
 * - U+FFFD is a byte that was lost: a strict decoder replaced it (see `LOST`).
 */
import { CODEC_SOURCES } from './codec-list.js';
import { TABLES } from './tables.js';

/** The token for a byte a decoder replaced by U+FFFD: we know a byte was there, not which. */
export const LOST = -2;
/** The token for a character the codec cannot produce. */
export const UNENCODABLE = -1;

export interface Codec {
  readonly id: string;
  readonly name: string;
  /** Bit of this codec in the masks of `scanMasks()`. */
  readonly bit: number;
  /** The byte `code` (a UTF-16 code unit or code point) came from, `LOST` or `UNENCODABLE`. */
  byteOf(code: number): number;
  /** The character byte `byte` (0x80–0xFF) decodes to. */
  charOf(byte: number): string;
}

let codecs: Codec[] | undefined;

/** Every codec, in the order ties are broken. */
export function getCodecs(): readonly Codec[] {
  codecs ??= CODEC_SOURCES.map((source, index) => {
    const table = TABLES[source.id];
    if (table === undefined || table.length !== 128) throw new Error(`encoding: no table for ${source.id}`);
    const bytes = new Map<number, number>();
    for (let i = 0; i < 128; i++) bytes.set(table.charCodeAt(i), 0x80 + i);
    const latin1 = source.id === 'cp1252';
    return {
      id: source.id,
      name: source.name,
      bit: 1 << index,
      byteOf: (code: number): number => {
        if (code < 0x80 || (latin1 && code <= 0x9f)) return code;
        if (code === 0xfffd) return LOST;
        return bytes.get(code) ?? UNENCODABLE;
      },
      charOf: (byte: number): string => table[byte - 0x80]!,
    };
  });
  return codecs;
}

export interface ScanMasks {
  /** Per code unit: the codecs in which it is the image of a UTF-8 lead byte (0xC2–0xF4). */
  lead: Uint8Array;
  /** Per code unit: the codecs in which it is the image of a continuation byte (0x80–0xBF). */
  continuation: Uint8Array;
  /**
   * Per code unit: 1 if it is the image of a lead byte a space may directly follow in a sequence (a
   * lost 0xA0: 0xC2, 0xC3, 0xC5, 0xCE, 0xD0, 0xE2, 0xE3, 0xF0, outside MacRoman), 2 if one a `?` may
   * follow (a lost byte: 0xC2, 0xC3, 0xE0–0xF4), 3 if both (see `utf8.ts`).
   */
  takesSpace: Uint8Array;
  /**
   * Matches, natively, every place the scan must look at: a lead character of some codec followed by
   * a continuation character of some codec, by a space or by `?` where the lead takes one, and any C1
   * control or U+FFFD. The scan then checks that lead and continuation belong to the same codec.
   */
  candidates: RegExp;
}

/** Lead bytes a space may directly follow inside a sequence, and those a `?` may. */
const SPACE_LEADS = new Set([0xc2, 0xc3, 0xc5, 0xce, 0xd0, 0xe2, 0xe3, 0xf0]);
const QUESTION_LEADS = new Set([0xc2, 0xc3, ...Array.from({ length: 0x15 }, (_, i) => 0xe0 + i)]);

let masks: ScanMasks | undefined;

/** Lookup tables for the one-pass scan that decides whether a text needs a closer look at all. */
export function scanMasks(): ScanMasks {
  if (masks) return masks;
  const lead = new Uint8Array(65536);
  const continuation = new Uint8Array(65536);
  const takesSpace = new Uint8Array(65536);
  const all = getCodecs().reduce((m, c) => m | c.bit, 0);
  for (const codec of getCodecs()) {
    for (let byte = 0x80; byte <= 0xff; byte++) {
      const code = codec.charOf(byte).charCodeAt(0);
      if (byte <= 0xbf) continuation[code]! |= codec.bit;
      else if (byte >= 0xc2 && byte <= 0xf4) lead[code]! |= codec.bit;
      if (SPACE_LEADS.has(byte) && codec.id !== 'macroman') takesSpace[code]! |= 1;
      if (QUESTION_LEADS.has(byte)) takesSpace[code]! |= 2;
    }
  }
  // C1 controls are bytes read as Latin-1; U+FFFD stands for a lost continuation byte.
  for (let code = 0x80; code <= 0x9f; code++) continuation[code]! |= getCodecs()[0]!.bit;
  continuation[0xfffd] = all;
  // The characters marked, for the character classes of `candidates`: only the tables' characters
  // and those set above can be (a few hundred), so they are looked at, not all 65,536 code units.
  const marked = new Set<number>([0xfffd]);
  for (const codec of getCodecs())
    for (let byte = 0x80; byte <= 0xff; byte++) marked.add(codec.charOf(byte).charCodeAt(0));
  for (let code = 0x80; code <= 0x9f; code++) marked.add(code);
  const codes = [...marked].filter((code) => code >= 0x80).sort((a, b) => a - b);
  const set = (test: (code: number) => boolean): string => {
    let out = '';
    for (const code of codes) if (test(code)) out += `\\u${code.toString(16).padStart(4, '0')}`;
    return out;
  };
  const candidates = new RegExp(
    `[${set((c) => lead[c] !== 0)}][${set((c) => continuation[c] !== 0)}]` +
      `|[${set((c) => (takesSpace[c]! & 1) !== 0)}] |[${set((c) => (takesSpace[c]! & 2) !== 0)}]\\?` +
      '|[\\u0080-\\u009f\\ufffd]',
    'g',
  );
  masks = { lead, continuation, takesSpace, candidates };
  return masks;
}
