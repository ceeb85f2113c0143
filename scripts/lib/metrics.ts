/**
 * Text metrics for the evaluation: error rates, paragraph-boundary F1, word multisets.
 * Pure functions over strings; nothing here reads files or knows a corpus.
 */
import { Interner, codePoints, editDistance } from './edit-distance.js';

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
 * A line break after a hyphen between letters closed up: `Oxford-⏎street` -> `Oxford-street`. In GT that
 * writes soft hyphens as `¬`, a plain hyphen at a line end is a real one, and this is how it reads.
 */
export const closeHyphenBreaks = (text: string): string => text.replace(/(\p{L})-[ \t]*\n[ \t]*(?=\p{L})/gu, '$1-');

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
