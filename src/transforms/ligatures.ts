/**
 * ligatures: repair the damage PDF and e-reader exports do to ligature glyphs.
 *
 * - `repeated-group`: a ligature letter group run on or repeated (`efffffffffffforts`, `offifficials`,
 *   `fifinally`, `conflflict`, `stafffffffffffff`) is collapsed. Every way of collapsing each damaged
 *   site is tried; the candidates backed by evidence (dictionary, the user's words, or the document
 *   itself) win, the one seen in the document first, then the most frequent.
 * - `dropped-ligature`: a ligature that vanished and left a space (`signi cant`, `e ciency`, `of ce`)
 *   is restored when inserting one ligature group makes a known word and a part is not a word.
 *
 * False positives avoided: a token that is already a word is never touched (`staff`, `Jeff`,
 * `affluent`, `Affleck`, `offline`), and with no supported candidate the text is left alone
 * (`Fifi` stays, `offiffi` at a line break stays for `split-words`).
 * Example: `U.S. efffffffffffforts` -> `U.S. efforts`.
 */
import { continuesToken, glueBefore, isLetterCode, isLowerCode, matchCase, word } from '../core/words.js';
import type { Evidence } from '../evidence/evidence.js';
import { isAscii, lowerPrefixHash, lowerSuffixHash, PREFIX_START, type Affixes } from '../evidence/prefixes.js';
import { defineTransform } from './define.js';

/** A run of three or more f, or a ligature group repeated: the two shapes ligature garbage takes. */
const DAMAGED_SITE = /f{3,}|(ffi|ffl|fi|fl|ft|st)\1+/gi;
const HAS_DAMAGE = /f{3,}|(ffi|ffl|fi|fl|ft|st)\1/i;
/** Groups a vanished ligature glyph may have stood for. */
const DROPPED_GROUPS = ['fi', 'fl', 'ff', 'ffi', 'ffl'] as const;
/** A repaired word shorter than this is too likely a coincidence (`Fifi` -> `Fi`). */
const MIN_REPAIRED_LENGTH = 3;
/** Dropped-ligature repairs are only made for words at least this long (`a re` must not become `afire`). */
const MIN_DROPPED_LENGTH = 6;
/** Upper bound on candidates per token (each damaged site doubles them at most). */
const MAX_CANDIDATES = 64;

function siteOptions(site: string): string[] {
  const lower = site.toLowerCase();
  if (/^f+$/.test(lower)) return [site.slice(0, 2), site.slice(0, 1)];
  const group = /^(ffi|ffl|fi|fl|ft|st)/i.exec(site)![1]!;
  return [group];
}

/** Choose the best-supported candidate, or undefined. */
export function bestCandidate(candidates: Iterable<string>, evidence: Evidence): string | undefined {
  let best: string | undefined;
  let bestScore: [number, number] = [-1, Infinity];
  for (const candidate of candidates) {
    if (candidate.length < MIN_REPAIRED_LENGTH || !evidence.supports(candidate)) continue;
    const lower = candidate.toLowerCase();
    const score: [number, number] = [evidence.seen(lower), evidence.rank(lower) || Infinity];
    if (score[0] > bestScore[0] || (score[0] === bestScore[0] && score[1] < bestScore[1])) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

/**
 * The repaired spelling of a word damaged by ligature garbage, or undefined when the word is not
 * damaged, is already a word, or no repair is backed by evidence. Used by `split-words` too.
 */
export function repairLigatureGarbage(word: string, evidence: Evidence): string | undefined {
  if (!HAS_DAMAGE.test(word) || evidence.isWord(word)) return undefined;
  let candidates = [''];
  let cursor = 0;
  for (const m of word.matchAll(DAMAGED_SITE)) {
    const prefix = word.slice(cursor, m.index);
    const options = siteOptions(m[0]);
    const next: string[] = [];
    for (const c of candidates) for (const o of options) next.push(c + prefix + o);
    candidates = next.slice(0, MAX_CANDIDATES);
    cursor = m.index + m[0].length;
  }
  const tail = word.slice(cursor);
  const best = bestCandidate(
    candidates.map((c) => c + tail),
    evidence,
  );
  return best === undefined ? undefined : matchCase(word, best);
}

/** Where ligature garbage may be, found without Unicode classes (cheap); the word around it is then read. */
const DAMAGE_SITE = /f{3,}|(ffi|ffl|fi|fl|ft|st)\1/gi;

export const ligatures = defineTransform({
  id: 'ligatures',
  description:
    'Collapse repeated ligature letters (efffforts, offifficials) and restore vanished ligatures (signi cant)',
  example: { before: 'U.S. efffffffffffforts and signi cant costs', after: 'U.S. efforts and significant costs' },
  defaults: {},
  stage: 'words',
  rules: ['repeated-group', 'dropped-ligature'],
  damageRules: ['repeated-group', 'dropped-ligature'],
  run({ text, recorder, evidence, context }) {
    let lastWordEnd = -1;
    for (const m of text.matchAll(DAMAGE_SITE)) {
      if (m.index < lastWordEnd) continue;
      let start = m.index;
      while (start > 0 && isLetterCode(text.charCodeAt(start - 1))) start--;
      let end = m.index + m[0].length;
      while (end < text.length && isLetterCode(text.charCodeAt(end))) end++;
      lastWordEnd = end;
      const damaged = text.slice(start, end);
      const repaired = repairLigatureGarbage(damaged, evidence);
      if (repaired === undefined) continue;
      const lower = repaired.toLowerCase();
      const seen = evidence.seen(lower) > 0 ? ' seen in the document' : '';
      recorder.replace(start, damaged, repaired, 'repeated-group', `"${lower}" is a word${seen}`);
    }
    const words = context.words(text);
    // Whether word `known` is a word in its own right: the right word of one pair is the left of the next.
    let known = -1;
    let knownStandalone = false;
    for (let i = 0; i + 1 < words.count; i++) {
      const rightStart = words.starts[i + 1]!;
      if (rightStart !== words.ends[i]! + 1 || text.charCodeAt(words.ends[i]!) !== 32) continue; // one space
      if (!isLowerCode(text.charCodeAt(rightStart))) continue;
      if (words.ends[i + 1]! - words.starts[i]! - 1 < MIN_DROPPED_LENGTH - 2) continue; // too short even with `ffi`
      if (glueBefore(words, i) || continuesToken(text, words.ends[i + 1]!)) continue;
      const leftStandalone =
        known === i ? knownStandalone : evidence.isStandalone(text, words.starts[i]!, words.ends[i]!);
      if (leftStandalone) {
        known = i + 1;
        knownStandalone = evidence.isStandalone(text, rightStart, words.ends[i + 1]!);
        if (knownStandalone) continue;
      }
      const start = words.starts[i]!;
      const leftEnd = words.ends[i]!;
      const rightEnd = words.ends[i + 1]!;
      if (recorder.overlaps(start, rightEnd)) continue;
      // No word begins as the left part or ends as the right one: neither the two nor any group between
      // them makes one (the word filters, when loaded, answer that from two hashes; else the lookups do).
      const affixes = evidence.source.loadedWordAffixes;
      if (affixes && !mayMakeWord(affixes, text, start, leftEnd, rightStart, rightEnd)) continue;
      // A plain split word: `split-words` decides.
      if (evidence.isWord(text, start, leftEnd, '', rightStart, rightEnd)) continue;
      // Only dictionary words: a vanished glyph is too weak a signal to trust the document alone.
      const lettersLength = leftEnd - start + rightEnd - rightStart;
      const groups = DROPPED_GROUPS.filter(
        (g) =>
          lettersLength + g.length >= MIN_DROPPED_LENGTH &&
          evidence.isWord(text, start, leftEnd, g, rightStart, rightEnd),
      );
      if (groups.length === 0) continue;
      const left = word(words, i);
      const right = word(words, i + 1);
      const whole = `${left} ${right}`;
      const best = bestCandidate(
        groups.map((g) => left + g + right),
        evidence,
      );
      if (best !== undefined) {
        const fragment = evidence.isStandalone(left) ? right : left;
        recorder.replace(
          start,
          whole,
          matchCase(left, best),
          'dropped-ligature',
          `"${best.toLowerCase()}" is a word and "${fragment}" is not`,
        );
      }
    }
  },
});

/**
 * Some word (as `Evidence.isWord` accepts) may begin with `text[start, leftEnd)` and end with
 * `text[rightStart, rightEnd)`, A-Z lowered, as the word filters say (no false "no"). Letters outside
 * ASCII are not lowered as the lexicon lowers them: then the answer is yes.
 */
function mayMakeWord(
  affixes: Affixes,
  text: string,
  start: number,
  leftEnd: number,
  rightStart: number,
  rightEnd: number,
): boolean {
  if (!isAscii(text, start, leftEnd) || !isAscii(text, rightStart, rightEnd)) return true;
  return (
    affixes.prefixes.has(lowerPrefixHash(text, start, leftEnd, PREFIX_START)) &&
    affixes.suffixes.has(lowerSuffixHash(text, rightStart, rightEnd, PREFIX_START))
  );
}
