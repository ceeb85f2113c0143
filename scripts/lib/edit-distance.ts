/**
 * Levenshtein distance (unit-cost insertions, deletions, substitutions) for long, similar sequences.
 *
 * A plain dynamic programme is quadratic: two 60,000-character documents would cost 3.6e9 cells. This is
 * the diagonal ("furthest reaching") algorithm of Ukkonen (1985) and Landau & Vishkin (1989), the
 * Levenshtein form of Myers' O(ND) diff: for d = 0, 1, 2, ... it keeps, for each diagonal k = j - i,
 * the furthest row i that a script of cost d reaches, and slides along runs of equal items for free.
 * It stops at the first d that reaches the end of both sequences, so the work is about
 * (n + m) + D² for sequences at distance D, instead of n · m. Exact, not an approximation: the tests
 * check it against the plain dynamic programme.
 */

/** Distance between two sequences of item ids (character codes or interned word ids). */
export function editDistance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  // A common prefix and suffix cost nothing and are cheap to skip.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const n = endA - start;
  const m = endB - start;
  if (n === 0) return m;
  if (m === 0) return n;

  // Diagonal k (j - i) in [-n, m] is stored at index k + n + 1; -1 marks a diagonal not reached yet.
  const shift = n + 1;
  let previous = new Int32Array(n + m + 3).fill(-1);
  let current = new Int32Array(n + m + 3).fill(-1);
  const target = m - n;
  previous[shift] = 0; // cost 0 reaches row 0 on diagonal 0 (the common prefix is already skipped)
  for (let d = 1; ; d++) {
    const kMin = Math.max(-n, -d);
    const kMax = Math.min(m, d);
    for (let k = kMin; k <= kMax; k++) {
      const at = k + shift;
      const same = previous[at]!; // substitution: one row down on the same diagonal
      const fromAbove = previous[at + 1]!; // deletion from a: from diagonal k + 1, one row down
      const fromLeft = previous[at - 1]!; // insertion from b: from diagonal k - 1, same row
      let i = Math.max(same >= 0 ? same + 1 : -1, fromAbove >= 0 ? fromAbove + 1 : -1, fromLeft);
      if (i < 0) continue;
      i = Math.min(i, n, m - k);
      while (i < n && i + k < m && a[start + i] === b[start + i + k]) i++;
      current[at] = i;
      if (k === target && i === n) return d;
    }
    [previous, current] = [current, previous];
  }
}

/** Code points of `text`, for a character-level distance that counts an astral character once. */
export function codePoints(text: string): Int32Array {
  const out = new Int32Array(text.length);
  let n = 0;
  for (const ch of text) out[n++] = ch.codePointAt(0)!;
  return out.subarray(0, n);
}

/** Gives each distinct string a number, so that word sequences can be compared as number sequences. */
export class Interner {
  private readonly ids = new Map<string, number>();

  idsOf(tokens: readonly string[]): Int32Array {
    const out = new Int32Array(tokens.length);
    tokens.forEach((token, i) => {
      let id = this.ids.get(token);
      if (id === undefined) {
        id = this.ids.size;
        this.ids.set(token, id);
      }
      out[i] = id;
    });
    return out;
  }
}
