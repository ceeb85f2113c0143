/**
 * hyphens: decide every hyphen that a line break or a stray space left inside a word.
 *
 * - `line-end`: `con-` at the end of a line + `cerns` on the next is joined (`concerns`), or the line
 *   break is closed with the hyphen kept for a real compound (`self-` + `declared` -> `self-declared`).
 *   The joined word moves down to the second line, so line lengths stay meaningful for `unwrap`.
 * - `soft-hyphen`: a soft hyphen (U+00AD) or not-sign (`¬`) at a line end is an explicit line-break
 *   hyphen: always joined.
 * - `lost-hyphen`: a line break inside a word whose hyphen the OCR dropped (`keep` / `ing`,
 *   `official` / `ly`, common in Chronicling America) is joined only when the join is a known word and
 *   one part is not a word.
 * - `inline`: `con- cerns` inside a line is joined when the join is a known word and a part is not.
 *
 * False positives avoided: compounds (`well-known`, `long-term`, `Baghdad-based`), suspended hyphens
 * (`pre- and post-war`, inside a line or at its end), numbers (`$48-` + `million`, `1914-` + `18`), dashes
 * (`word -`), hyphenated forms the document itself uses elsewhere, and a lowercase fragment before a
 * capitalised line (`illustra-` / `Sowerby`: the next line is from another column or region).
 * Example: `we have con- cerns` -> `we have concerns`.
 */
import type { EditRecorder } from '../core/edits.js';
import type { Evidence } from '../evidence/evidence.js';
import { defineTransform } from './define.js';
import { endsSentence } from '../core/lines.js';
import { noiseReason } from './noise-lines.js';
import { codeAt, continuesToken, isGlueCode, isLetterCode, isLowerCode, isUpperCode } from '../core/words.js';

export type HyphenDecision = { action: 'join' | 'keep'; reason: string } | { action: 'leave'; reason: string };

/** Prefixes that keep their hyphen even when the closed form would look like a word. */
const HYPHEN_PREFIXES = new Set(['ex', 'self', 'quasi', 'pseudo']);
/**
 * A line break between two words is a lost hyphen only if the joined word is this much more probable
 * than the pair (natural-log units of the word and word-pair counts, `LanguageModel.joinScore`):
 * `with` / `out` 5.3, `through` / `out` 4.7, `never` / `theless` 15.6 join; `every` / `one` 3.1 stays. On the
 * training splits, 100% of such joins at 5 are right (the unigram test it replaces: 97.6%), and a
 * third more are found.
 */
const LOST_PAIR_MIN_SCORE = 4.5;
/** Endings of English place and family names that are words too: `Mary-` + `borough` is one name. */
const NAME_ENDINGS = new Set(
  'son sons land borough burgh bury burn ford ton town ville field fields wood woods worth hurst ham ley ly well wells dale dales stone gate bridge mouth port shire wick mont more by thorpe stead side hill hills gill combe cliff church minster chester caster mead moor'.split(
    ' ',
  ),
);
/**
 * Words that start a phrase or a clause (determiners, pronouns, conjunctions) and so end no compound
 * (`up-to-date` and `sit-in` end in particles, which are not here): after a hyphen at a line end
 * between two words, the hyphen is a dash.
 */
const DASH_FOLLOWERS = new Set(
  'a an another the this that these those which who whom whose what when where while but yet so because although though if unless my his her its our their your he she it we they i you there'.split(
    ' ',
  ),
);
/**
 * Prefixes that are no words by themselves but make compounds with a capitalised word
 * (`un-` / `American`, `trans-` / `Atlantic`). Prefixes that are words (`anti`, `mid`, `pro`) need no entry.
 */
const COMPOUND_PREFIXES = new Set(['un', 'non', 'pre', 'trans', 'neo', 'ex', 'intra']);
/** Words after `x- ` that make it a suspended hyphen (`pre- and post-war`, `three- to five-year`). */
const SUSPENDED_HYPHEN_FOLLOWERS = new Set([
  'and',
  'or',
  'nor',
  'to',
  'through',
  'than',
  'as',
  'und',
  'en',
  'et',
  'of',
]);
/**
 * A capitalised join that is no dictionary word (a name cut at a line end, `Mel-` / `bourne`,
 * `Mediter` / `ranean`) needs this frequency rank in the frequency list.
 */
const NAME_MAX_RANK = 40000;

const isUpper = (s: string): boolean => s === s.toUpperCase() && s !== s.toLowerCase();
const startsUpper = (s: string): boolean => isUpper(s.charAt(0));

/**
 * Decide a hyphen that ended a line: `left-` / `right`. `left` and `right` are the letters on each
 * side. Also used by the evaluation script to score decisions.
 */
export function decideLineEndHyphen(left: string, right: string, evidence: Evidence): HyphenDecision {
  const joined = left + right;
  const lowerJoined = joined.toLowerCase();
  const hyphenated = `${left}-${right}`.toLowerCase();
  const seenJoined = evidence.seen(lowerJoined);
  const seenHyphenated = evidence.seen(hyphenated);
  if (seenHyphenated > seenJoined)
    return { action: 'keep', reason: `"${hyphenated}" is used elsewhere in the document` };
  if (seenJoined > 0) return { action: 'join', reason: `"${lowerJoined}" is used elsewhere in the document` };
  const collected = collectionSpelling(lowerJoined, hyphenated, evidence);
  if (collected !== undefined) return collected;
  if (startsUpper(right) && !(isUpper(left) && isUpper(right))) {
    // `Anglo-` / `Japanese`, `anti-` / `American`; a lowercase fragment before a capital (`illustra-` /
    // `Sowerby`) is no compound: the next line is not this one's continuation (a column or region jump).
    if (startsUpper(left) || evidence.isStandalone(left) || COMPOUND_PREFIXES.has(left)) {
      return { action: 'keep', reason: 'the second part is capitalised' };
    }
    return { action: 'leave', reason: `"${left}" is no word before a capitalised "${right}"` };
  }
  if (evidence.supports(joined))
    return { action: 'join', reason: `"${lowerJoined}" ${evidence.collectionNote(joined) ?? 'is a word'}` };
  if (HYPHEN_PREFIXES.has(left.toLowerCase())) {
    return { action: 'keep', reason: `"${left.toLowerCase()}-" keeps its hyphen` };
  }
  // A name cut at a line end (`Mel-` / `bourne`, `Satur-` / `day`): the joined name is frequent, or
  // the second part is a usual ending of English place and family names (`Mary-` / `borough`).
  const rank = evidence.rank(joined);
  if (startsUpper(left) && !isUpper(right) && rank > 0 && rank <= NAME_MAX_RANK) {
    return { action: 'join', reason: `"${joined}" is a frequent name` };
  }
  if (startsUpper(left) && !startsUpper(right) && NAME_ENDINGS.has(right.toLowerCase())) {
    return { action: 'join', reason: `"-${right.toLowerCase()}" ends English place and family names` };
  }
  if (SUSPENDED_HYPHEN_FOLLOWERS.has(right.toLowerCase())) {
    return { action: 'leave', reason: 'suspended hyphen' }; // `pre-` / `and post-war`
  }
  // A word that starts a phrase or a clause ends no compound: the hyphen before it is a dash that
  // the page or its extraction printed as `-` (`enforced-` / `another law`), and is left as a dash.
  if (DASH_FOLLOWERS.has(right.toLowerCase()) && evidence.isStandalone(left)) {
    return { action: 'leave', reason: `a dash: no compound ends in "${right.toLowerCase()}"` };
  }
  const leftWord = evidence.isStandalone(left);
  const rightWord = evidence.isStandalone(right);
  if (leftWord && rightWord && left.length > 1) {
    return {
      action: 'keep',
      reason: `"${left.toLowerCase()}" and "${right.toLowerCase()}" are words and "${lowerJoined}" is not`,
    };
  }
  if (rightWord && right.length > 2 && startsUpper(left) && !evidence.isWord(left)) {
    return { action: 'keep', reason: `"${left}" is a name and "${right.toLowerCase()}" a word` };
  }
  return { action: 'join', reason: 'a line-break hyphen inside an unknown word' };
}

/** Decide `left` / `right` split across a line break with no hyphen at all. */
export function decideLostHyphen(left: string, right: string, evidence: Evidence): HyphenDecision {
  const joined = left + right;
  // A word in capitals cut at the end of a line of capitals (`IM` / `PRESSED`) is joined as a fragment
  // in lower case would be.
  const capitals = left.length >= 2 && right.length >= 2 && isUpper(left) && isUpper(right);
  if (!/^\p{Ll}/u.test(right) && !capitals) return { action: 'leave', reason: 'the next line starts with a capital' };
  if (evidence.isStandalone(left) && evidence.isStandalone(right)) {
    // In capitals (a headline) only a part that is no word is joined: `IN` / `TENT` stays.
    if (capitals) return { action: 'leave', reason: 'both parts are words, in capitals' };
    // Both parts are words (`with` / `out`, `per` / `sons`): join only a word far more probable than
    // the pair, and only if the document does not write the pair elsewhere.
    if (evidence.isWord(joined)) {
      const [a, b, ab] = [left.toLowerCase(), right.toLowerCase(), joined.toLowerCase()];
      const model = evidence.source.model;
      const score = model.joinScore(a, b, ab);
      if (score >= LOST_PAIR_MIN_SCORE && evidence.seen(a, b) <= 1) {
        return {
          action: 'join',
          reason: `"${ab}" is far more frequent than "${a} ${b}" (ln counts ${model.logCount(ab).toFixed(1)} vs ${model.logPairCount(a, b).toFixed(1)})`,
        };
      }
    }
    return { action: 'leave', reason: 'both parts are words' };
  }
  // A lone letter at a line end is a speck, not the start of a word (`embargo j` / `on munitions`).
  if (left.length === 1 || right.length === 1)
    return { action: 'leave', reason: 'a single letter is no part of a word' };
  if (evidence.isWord(joined) || evidence.seen(joined.toLowerCase()) > 0 || evidence.collectionWrites(joined)) {
    return {
      action: 'join',
      reason: `"${joined.toLowerCase()}" ${evidence.collectionNote(joined) ?? 'is a word'} and "${evidence.isStandalone(left) ? right : left}" is not`,
    };
  }
  const rank = evidence.rank(joined);
  // In capitals every word starts with one: a name only when neither part is a word (`PENNSYL` / `VANIA`).
  const nameParts = capitals
    ? !evidence.isStandalone(left) && !evidence.isStandalone(right)
    : !evidence.isStandalone(right);
  if (startsUpper(left) && rank > 0 && rank <= NAME_MAX_RANK && nameParts) {
    return { action: 'join', reason: `"${joined}" is a frequent name and "${right}" is not a word` };
  }
  return { action: 'leave', reason: 'no evidence for a join' };
}

/** Decide `left- right` inside a line. */
export function decideInlineHyphen(left: string, right: string, evidence: Evidence): HyphenDecision {
  if (SUSPENDED_HYPHEN_FOLLOWERS.has(right.toLowerCase())) return { action: 'leave', reason: 'suspended hyphen' };
  const joined = left + right;
  if (!evidence.supports(joined)) return { action: 'leave', reason: `"${joined.toLowerCase()}" is not a word` };
  if (evidence.isStandalone(left) && evidence.isStandalone(right) && evidence.seen(joined.toLowerCase()) === 0) {
    return { action: 'leave', reason: 'both parts are words' };
  }
  return { action: 'join', reason: `"${joined.toLowerCase()}" ${evidence.collectionNote(joined) ?? 'is a word'}` };
}

/**
 * The document writes neither `joined` nor `hyphenated`: the collection's other documents may, and
 * their spelling decides when enough of them write one form and more of them write it than the
 * other (`to-day` in a batch of 1900 pages; a name cut at a line end, `Glen-` / `gyle`).
 */
function collectionSpelling(joined: string, hyphenated: string, evidence: Evidence): HyphenDecision | undefined {
  if (evidence.collection === undefined) return undefined;
  const apart = evidence.collected(hyphenated);
  const together = evidence.collected(joined);
  const counts = `${together} other documents of the collection write "${joined}", ${apart} "${hyphenated}"`;
  if (evidence.collectionWrites(hyphenated) && apart > together) return { action: 'keep', reason: counts };
  if (evidence.collectionWrites(joined) && together > apart) return { action: 'join', reason: counts };
  return undefined;
}

const HYPHEN_RULES = ['line-end', 'line-end-compound', 'soft-hyphen', 'lost-hyphen', 'inline'] as const;
type HyphenRule = (typeof HYPHEN_RULES)[number];

/** A hyphen, soft hyphen or not-sign at the end of a line (found without Unicode classes: cheap). */
const LINE_END_MARK = /[-\u00AD¬][ \t]*\n/g;
/** `x- y` inside a line, found cheaply; letters around it are checked after. */
const HYPHEN_SPACE = /- /g;

/** The letters ending at `end` (exclusive) and starting at `start`. */
function lettersBefore(text: string, end: number): number {
  let i = end;
  while (i > 0 && isLetterCode(text.charCodeAt(i - 1))) i--;
  return i;
}
function lettersAfter(text: string, start: number): number {
  let i = start;
  while (i < text.length && isLetterCode(text.charCodeAt(i))) i++;
  return i;
}
function skipSpaces(text: string, i: number): number {
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}

/** A space or a tab (character code). */
const isSpace = (code: number): boolean => code === 32 || code === 9;
const isWhite = (c: string | undefined): boolean => c !== undefined && /\s/.test(c);

/** The line would be noise alone (`NA`), and is no word either (`a`: noise-lines's scan looks for words of two letters). */
function leavesNoise(line: string, evidence: Evidence): boolean {
  if (noiseReason(line, evidence) === undefined) return false;
  const word = line.trim();
  return !(/^\p{L}+$/u.test(word) && evidence.isWord(word));
}

/**
 * Replace a word split across a line break, `text[start, end)` (left letters to right letters), by
 * `joined` (the letters as they should read). The whole word moves down to the second line: the first
 * line cannot end a paragraph anyway, and the second keeps at least its printed length, so `unwrap`
 * still sees how full it was. A word that starts its line, or whose line would then look like the end of
 * a sentence or be a line of noise, moves up instead.
 */
function joinAcrossBreak(
  text: string,
  recorder: EditRecorder<HyphenRule>,
  start: number,
  end: number,
  joined: string,
  rule: HyphenRule,
  reason: string,
  evidence: Evidence,
): void {
  let tokenStart = start;
  while (tokenStart > 0 && !isWhite(text[tokenStart - 1])) tokenStart--;
  let spaceStart = tokenStart;
  while (spaceStart > 0 && isSpace(text.charCodeAt(spaceStart - 1))) spaceStart--;
  const word = text.slice(tokenStart, start) + joined;
  const lineStart = text.lastIndexOf('\n', spaceStart - 1) + 1;
  const firstLineRest = text.slice(lineStart, spaceStart);
  // Moving down would leave the first line ending a sentence (`July 1.` + `Commission-`), or a line of
  // noise a second cleaning removes (`NA` + `LIMA\u00AD`): move up.
  if (
    spaceStart < tokenStart &&
    firstLineRest.trim() !== '' &&
    !endsSentence(firstLineRest) &&
    !leavesNoise(firstLineRest, evidence)
  ) {
    if (!recorder.overlaps(spaceStart, end))
      recorder.replace(spaceStart, text.slice(spaceStart, end), `\n${word}`, rule, reason);
    return;
  }
  let restEnd = end;
  while (restEnd < text.length && !isWhite(text[restEnd])) restEnd++;
  let spaceEnd = restEnd;
  while (spaceEnd < text.length && isSpace(text.charCodeAt(spaceEnd))) spaceEnd++;
  const lineEnds = spaceEnd >= text.length || text[spaceEnd] === '\n';
  if (recorder.overlaps(tokenStart, spaceEnd)) return;
  recorder.replace(
    tokenStart,
    text.slice(tokenStart, spaceEnd),
    word + text.slice(end, restEnd) + (lineEnds ? '' : '\n'),
    rule,
    reason,
  );
}

export const hyphens = defineTransform({
  id: 'hyphens',
  description: 'Join words split by a line-end hyphen, a lost hyphen or a hyphen-space; keep real compounds',
  example: {
    before: 'we have con- cerns about the self-\ndeclared caliphate',
    after: 'we have concerns about the\nself-declared caliphate',
  },
  defaults: {},
  stage: 'words',
  lineEnds: true,
  rules: HYPHEN_RULES,
  damageRules: ['inline'],
  run({ text, recorder, evidence }) {
    for (const m of text.matchAll(LINE_END_MARK)) {
      const hyphen = m[0].charAt(0);
      const leftStart = lettersBefore(text, m.index);
      const rightStart = skipSpaces(text, m.index + m[0].length);
      const rightEnd = lettersAfter(text, rightStart);
      if (leftStart === m.index || rightEnd === rightStart) continue;
      const left = text.slice(leftStart, m.index);
      const right = text.slice(rightStart, rightEnd);
      const soft = hyphen !== '-';
      const decision: HyphenDecision = soft
        ? { action: 'join', reason: `a ${hyphen === '¬' ? 'not-sign' : 'soft hyphen'} marks a line-break hyphen` }
        : decideLineEndHyphen(left, right, evidence);
      if (decision.action === 'leave') continue;
      const joined = decision.action === 'join' ? left + right : `${left}-${right}`;
      const rule = soft ? 'soft-hyphen' : decision.action === 'join' ? 'line-end' : 'line-end-compound';
      joinAcrossBreak(text, recorder, leftStart, rightEnd, joined, rule, decision.reason, evidence);
    }
    // Lost hyphens: a line that ends in a word, the next starting with a lowercase word.
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', nl + 1)) {
      let leftEnd = nl;
      while (leftEnd > 0 && isSpace(text.charCodeAt(leftEnd - 1))) leftEnd--;
      const leftStart = lettersBefore(text, leftEnd);
      if (leftStart === leftEnd || isGlueCode(codeAt(text, leftStart - 1))) continue;
      const rightStart = skipSpaces(text, nl + 1);
      // A lowercase next line, or a capital one after a line in capitals (a headline: `IM` / `PRESSED`).
      if (!isLowerCode(codeAt(text, rightStart)) && !isUpperCode(codeAt(text, leftEnd - 1))) continue;
      const rightEnd = lettersAfter(text, rightStart);
      if (continuesToken(text, rightEnd)) continue;

      const left = text.slice(leftStart, leftEnd);
      const right = text.slice(rightStart, rightEnd);
      const decision = decideLostHyphen(left, right, evidence);
      if (decision.action !== 'join') continue;
      joinAcrossBreak(text, recorder, leftStart, rightEnd, left + right, 'lost-hyphen', decision.reason, evidence);
    }
    for (const m of text.matchAll(HYPHEN_SPACE)) {
      const leftStart = lettersBefore(text, m.index);
      const rightStart = m.index + 2;
      const rightEnd = lettersAfter(text, rightStart);
      if (leftStart === m.index || rightEnd === rightStart || !isLowerCode(codeAt(text, rightStart))) continue;
      if (isGlueCode(codeAt(text, leftStart - 1)) || continuesToken(text, rightEnd)) continue;
      if (recorder.overlaps(leftStart, rightEnd)) continue;
      const left = text.slice(leftStart, m.index);
      const right = text.slice(rightStart, rightEnd);
      const decision = decideInlineHyphen(left, right, evidence);
      if (decision.action !== 'join') continue;
      recorder.replace(leftStart, text.slice(leftStart, rightEnd), left + right, 'inline', decision.reason);
    }
  },
});
