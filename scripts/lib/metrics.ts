/**
 * Text metrics for the evaluation: error rates, paragraph-boundary F1, word multisets.
 * Pure functions over strings; nothing here reads files or knows a corpus.
 */
import { Interner, alignmentCounts, codePoints, editDistance, type AlignmentCounts } from './edit-distance.js';

/** An error count and the reference length it is measured against. Sum these for micro averages. */
export interface ErrorCount {
  errors: number;
  /** Characters or words in the reference. */
  total: number;
}

export const rate = (count: ErrorCount): number => (count.total === 0 ? 0 : count.errors / count.total);

export function addCounts(counts: Iterable<ErrorCount>): ErrorCount {
  let errors = 0;
  let total = 0;
  for (const c of counts) {
    errors += c.errors;
    total += c.total;
  }
  return { errors, total };
}

/** Runs of whitespace become one space; no space at either end. */
export const foldWhitespace = (text: string): string => text.replace(/\s+/gu, ' ').trim();

/**
 * The normalisation applied to both sides before CER/WER: NFKC (ligatures and other compatibility
 * characters), a soft line-end hyphen written `¬` (line break or end of text after it) removed, every
 * other line break a space, whitespace folded.
 */
export function normalizeForScoring(text: string): string {
  return foldWhitespace(removeSoftHyphenBreaks(text.normalize('NFKC')));
}

/** A soft line-end hyphen written `¬` (before a line break or the end of the text) removed with the break. */
export const removeSoftHyphenBreaks = (text: string): string => text.replace(/¬[ \t]*(?:\n|$)/gu, '');

/**
 * A line break after a hyphen between letters or digits closed up: `Oxford-⏎street` -> `Oxford-street`,
 * `1914-⏎1918` -> `1914-1918`. In GT that writes soft hyphens as `¬`, a plain hyphen at a line end is a
 * real one, and this is how it reads. A dash standing alone (` -⏎`) or after punctuation (`:-⏎`) is
 * left as it is.
 */
export const closeHyphenBreaks = (text: string): string =>
  text.replace(/([\p{L}\p{N}])-[ \t]*\n[ \t]*(?=[\p{L}\p{N}])/gu, '$1-');

/** Whitespace-separated tokens (punctuation stays attached, as in most WER tools). */
export const words = (text: string): string[] => {
  const folded = foldWhitespace(text);
  return folded === '' ? [] : folded.split(' ');
};

/** Character error count: edit distance in code points over the reference's code points. */
export function characterErrors(hypothesis: string, reference: string): ErrorCount {
  const ref = codePoints(reference);
  return { errors: editDistance(codePoints(hypothesis), ref), total: ref.length };
}

/** Word error count: edit distance in whitespace tokens over the reference's tokens. */
export function wordErrors(hypothesis: string, reference: string, interner = new Interner()): ErrorCount {
  const ref = interner.idsOf(words(reference));
  return { errors: editDistance(interner.idsOf(words(hypothesis)), ref), total: ref.length };
}

/** Paragraphs: blocks separated by one or more blank lines. */
export const paragraphsOf = (text: string): string[] =>
  text
    .split(/\n[ \t]*\n/u)
    .map((p) => p.trim())
    .filter((p) => p !== '');

/**
 * Where paragraphs 2..n start, as the index of their first word in the text's word sequence. The first
 * paragraph always starts at word 0, so it is left out: counting it would reward every output.
 */
export function paragraphStarts(text: string): number[] {
  const starts: number[] = [];
  let index = 0;
  for (const paragraph of paragraphsOf(text)) {
    if (index > 0) starts.push(index);
    index += words(paragraph).length;
  }
  return starts;
}

export interface BoundaryScore {
  /** Boundaries in both texts (same word index). */
  matched: number;
  /** Boundaries in the hypothesis. */
  found: number;
  /** Boundaries in the reference. */
  expected: number;
  precision: number;
  recall: number;
  f1: number;
}

/** Precision, recall and F1 from match counts; an empty side scores 1 when the other is empty too. */
export function f1Score(matched: number, found: number, expected: number): BoundaryScore {
  const precision = found === 0 ? (expected === 0 ? 1 : 0) : matched / found;
  const recall = expected === 0 ? (found === 0 ? 1 : 0) : matched / expected;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { matched, found, expected, precision, recall, f1 };
}

/**
 * Paragraph-boundary F1: a boundary is the word index at which a paragraph (after the first) starts,
 * and a boundary is matched when the reference has one at the same index. A word lost or added before
 * a boundary shifts it, so the measure is meant for outputs whose words are (nearly) right.
 */
export function paragraphBoundaryF1(hypothesis: string, reference: string): BoundaryScore {
  const found = paragraphStarts(hypothesis);
  const expected = new Set(paragraphStarts(reference));
  const matched = found.filter((i) => expected.has(i)).length;
  return f1Score(matched, found.length, expected.size);
}

/** Counts of each string. */
export function multiset(items: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return counts;
}

/** What `a` has more of than `b` (multiset difference a − b), without zero entries. */
export function multisetMinus(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): Map<string, number> {
  const out = new Map<string, number>();
  for (const [item, count] of a) {
    const left = count - (b.get(item) ?? 0);
    if (left > 0) out.set(item, left);
  }
  return out;
}

export const sumCounts = (counts: ReadonlyMap<string, number>): number => {
  let total = 0;
  for (const c of counts.values()) total += c;
  return total;
};

/**
 * The HIPE-OCRepair scorer's normalisation (`norm()` in `hipe_ocrepair_scorer/ocrepair_eval.py` of
 * hipe-eval/HIPE-OCRepair-scorer; the task's evaluation page, "Normalization"), step by step:
 *  1. lower case (Python `str.lower()`; JavaScript's `toLowerCase()` applies the same Unicode mapping);
 *  2. `ß` -> `ss`, `ꝛ` -> `r`, `œ` -> `oe`, `æ` -> `ae`, and `a`/`o`/`u` + combining small e (U+0364)
 *     -> `ä`/`ö`/`ü` (the scorer's "ligature and historical character replacements");
 *  3. `¬` + line break removed: the one hyphenation rule (a soft line-end hyphen joins its word);
 *     a plain `-` is punctuation and becomes a space like the rest;
 *  4. every character that is not a Python `\w` word character becomes a space: `\w` is a letter
 *     (categories L*), a number (N*) or `_`; combining marks (M*) are not word characters;
 *  5. `_` becomes a space, runs of whitespace one space, and both ends are trimmed.
 * There is no Unicode normalisation (no NFKC: `ﬁ` stays one letter). The scorer scores with this
 * normalisation on (`score_over_datasets(normalize=True)`, as its CLI runs it).
 */
export function hipeNormalize(text: string): string {
  return text
    .toLowerCase()
    .replace(/ß/gu, 'ss')
    .replace(/ꝛ/gu, 'r')
    .replace(/œ/gu, 'oe')
    .replace(/æ/gu, 'ae')
    .replace(/a\u0364/gu, 'ä')
    .replace(/o\u0364/gu, 'ö')
    .replace(/u\u0364/gu, 'ü')
    .replace(/¬\n/gu, '')
    .replace(/[^\p{L}\p{N}]/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** Hits, substitutions, deletions and insertions of one aligned document; sum these for micro averages. */
export type MatchCount = AlignmentCounts;

export function addMatchCounts(counts: Iterable<MatchCount>): MatchCount {
  const sum: MatchCount = { hits: 0, substitutions: 0, deletions: 0, insertions: 0 };
  for (const c of counts) {
    sum.hits += c.hits;
    sum.substitutions += c.substitutions;
    sum.deletions += c.deletions;
    sum.insertions += c.insertions;
  }
  return sum;
}

/**
 * Match error rate (S + D + I) / (H + S + D + I) = E / (N + I): `mer_from_counts` in the scorer (0 for
 * two empty texts). Bounded by 1, unlike CER, because insertions are in the denominator.
 */
export function matchErrorRate(count: MatchCount): number {
  const errors = count.substitutions + count.deletions + count.insertions;
  const total = count.hits + errors;
  return total === 0 ? 0 : errors / total;
}

/**
 * Character-level alignment counts of the normalised texts (jiwer's `process_characters`, which the
 * scorer calls, compares code points, spaces included). Micro cMER = `matchErrorRate` of the counts
 * summed over documents (the scorer's `cmer_micro`). The distance is exact; the insertions depend on
 * which of the equally short alignments is counted (see `align`): against a replica of rapidfuzz's
 * path recovery on the 236 overproof and impresso-en documents of up to 6,000 normalised characters
 * (OCR against GT), micro cMER is 0.06545 here and 0.06548 there.
 */
export function characterMatches(hypothesis: string, reference: string): MatchCount {
  return alignmentCounts(codePoints(hipeNormalize(reference)), codePoints(hipeNormalize(hypothesis)));
}

/** Word-level counts of the normalised texts (jiwer's `process_words`, split at spaces): for wMER. */
export function wordMatches(hypothesis: string, reference: string, interner = new Interner()): MatchCount {
  const split = (text: string) => {
    const normal = hipeNormalize(text);
    return normal === '' ? [] : normal.split(' ');
  };
  return alignmentCounts(interner.idsOf(split(reference)), interner.idsOf(split(hypothesis)));
}

/** A scoring token and where it lies in the text it was read from. */
export interface TokenSpan {
  /** The token as `words(normalizeForScoring(text))` gives it. */
  text: string;
  /** Its first and past-the-end UTF-16 offsets in the original text (a `¬` line break inside included). */
  start: number;
  end: number;
}

/** Whitespace, or a soft line-end hyphen written `¬` with its line break (which joins two runs). */
const SCORING_GAP = /\s+|¬[ \t]*(?:\n|$)/gu;

/**
 * The tokens `words(normalizeForScoring(text))` gives, each with its span in `text`, so that a token can
 * be followed through the edits of a pipeline run. A run between whitespace is a token; a `¬` + line
 * break joins the runs on either side, as `removeSoftHyphenBreaks` does; NFKC is applied per token.
 */
export function scoringTokens(text: string): TokenSpan[] {
  const tokens: TokenSpan[] = [];
  let start = -1;
  let end = -1;
  let cursor = 0;
  const flush = () => {
    if (start >= 0) {
      const normal = readToken(text.slice(start, end));
      for (const part of normal.split(/\s+/u)) if (part !== '') tokens.push({ text: part, start, end });
    }
    start = -1;
  };
  for (const match of text.matchAll(SCORING_GAP)) {
    if (match.index > cursor) {
      if (start < 0) start = cursor;
      end = match.index;
    }
    cursor = match.index + match[0].length;
    // A soft-hyphen break joins what is on either side of it; whitespace ends the token.
    if (!match[0].startsWith('¬')) flush();
  }
  if (cursor < text.length) {
    if (start < 0) start = cursor;
    end = text.length;
  }
  flush();
  return tokens;
}

/** A token's text as the scoring normalisation reads it (NFKC, soft-hyphen breaks removed). */
export const readToken = (span: string): string => removeSoftHyphenBreaks(span.normalize('NFKC'));
