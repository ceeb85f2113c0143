/**
 * ocr-confusions: correct the letter confusions OCR makes most often, inside words that are not words.
 *
 * `tbe` -> `the`, `tirne` -> `time`, `wliich` -> `which`, `ancl` -> `and`, `c0rn` -> `corn`,
 * `wi1l` -> `will`, `fuch` -> `such` (a long s read as f). One confusion from the table below is
 * undone at one place; the result must be a frequent dictionary word, the original must not be a word,
 * and the original must not recur in the document (a recurring odd spelling is a name or a usage).
 * When two repairs are possible, the more frequent must be far more frequent, or nothing is done.
 *
 * Off by default until measured (`--only`/config can enable it); see the README's Quality section.
 *
 * False positives avoided: capitalised words (names: `Tlat` may be a place) are left unless the whole
 * word is in capitals; dictionary words are never touched (`tum`, `cleat`, `modem`); numbers stay.
 * Example: `tbe rnan said` -> `the man said`.
 */
import { matchCase } from '../core/words.js';
import type { Evidence } from '../evidence/evidence.js';
import { defineTransform, optionsOf } from './define.js';

export interface OcrConfusionOptions {
  /** Also read `f` as a long s (`fuch` -> `such`): right for 18th- and early 19th-century print. */
  longS: boolean;
}

/** What OCR read -> what was printed. Order does not matter: every one is tried. */
const CONFUSIONS: readonly (readonly [string, string])[] = [
  ['rn', 'm'],
  ['m', 'rn'],
  ['cl', 'd'],
  ['li', 'h'],
  ['b', 'h'],
  ['h', 'b'],
  ['c', 'e'],
  ['e', 'c'],
  ['ii', 'u'],
  ['ii', 'n'],
  ['vv', 'w'],
  ['i', 'r'],
  ['l', 'i'],
  ['i', 'l'],
  ['u', 'n'],
  ['n', 'u'],
  ['0', 'o'],
  ['1', 'l'],
  ['1', 'i'],
  ['5', 's'],
];
const LONG_S: readonly [string, string] = ['f', 's'];
/** A repair must be at least this frequent (rank in the frequency list). */
const MAX_REPAIR_RANK = 30000;
/** With two possible repairs, the better must be this many times more frequent. */
const MIN_RANK_RATIO = 10;
/** A three-letter token is repaired only into a very common word (`tbe` -> `the`, not `lon` -> `ion`). */
const SHORT_TOKEN = 3;
const MAX_SHORT_REPAIR_RANK = 1000;
const MIN_LENGTH = 3;
/** Letters and the digits OCR confuses with letters, inside one token. */
const TOKEN = /(?<![\p{L}\p{N}'’-])[\p{L}015]+(?![\p{L}\p{N}'’-])/gu;

function candidates(lower: string, longS: boolean): Set<string> {
  const out = new Set<string>();
  for (const [read, printed] of longS ? [...CONFUSIONS, LONG_S] : CONFUSIONS) {
    for (let at = lower.indexOf(read); at !== -1; at = lower.indexOf(read, at + 1)) {
      out.add(lower.slice(0, at) + printed + lower.slice(at + read.length));
    }
  }
  return out;
}

/** The repaired spelling of `token`, with the reason, or undefined. */
export function repairConfusion(
  token: string,
  evidence: Evidence,
  longS: boolean,
): { word: string; reason: string } | undefined {
  if (token.length < MIN_LENGTH || /^\d+$/.test(token)) return undefined;
  const lower = token.toLowerCase();
  const caps = token === token.toUpperCase();
  if (!caps && token !== lower) return undefined; // a capitalised word may be a name
  if (evidence.isWord(lower) || evidence.seen(lower) > 1) return undefined;
  // One loop into an array literal: the arrays a filter/map chain builds change elements kind with
  // their contents (empty or not), which deoptimises this function.
  const maxRank = lower.length <= SHORT_TOKEN ? MAX_SHORT_REPAIR_RANK : MAX_REPAIR_RANK;
  const ranked: { c: string; rank: number }[] = [];
  for (const c of candidates(lower, longS)) {
    if (/\d/.test(c) || !evidence.isWord(c)) continue;
    const rank = evidence.rank(c);
    if (rank > 0 && rank <= maxRank) ranked.push({ c, rank });
  }
  ranked.sort((a, b) => a.rank - b.rank);
  const [best, second] = ranked;
  if (!best || (second && second.rank < best.rank * MIN_RANK_RATIO)) return undefined;
  return {
    word: matchCase(token, best.c),
    reason: `"${lower}" is not a word; "${best.c}" is, one common OCR confusion away`,
  };
}

export const ocrConfusions = defineTransform({
  id: 'ocr-confusions',
  description: 'Undo common OCR letter confusions inside non-words (tbe -> the, rnan -> man); off by default',
  example: { before: 'tbe rnan said', after: 'the man said' },
  defaults: optionsOf<OcrConfusionOptions>({ longS: false }),
  enabledByDefault: false,
  stage: 'words',
  rules: ['confusion'],
  run({ text, recorder, evidence }, options) {
    for (const m of text.matchAll(TOKEN)) {
      // Most tokens are words, which `repairConfusion` leaves: asked here without building strings.
      if (evidence.isWord(text, m.index, m.index + m[0].length)) continue;
      const repair = repairConfusion(m[0], evidence, options.longS);
      if (repair) recorder.replace(m.index, m[0], repair.word, 'confusion', repair.reason);
    }
  },
});
