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

/** One step of an alignment of a reference with a hypothesis. */
export const EQUAL = 0;
export const SUBSTITUTE = 1;
/** A reference item the hypothesis lacks. */
export const DELETE = 2;
/** A hypothesis item the reference lacks. */
export const INSERT = 3;
export type AlignOp = typeof EQUAL | typeof SUBSTITUTE | typeof DELETE | typeof INSERT;

/** What an alignment adds up to, in the terms of jiwer's `process_words` / `process_characters`. */
export interface AlignmentCounts {
  hits: number;
  substitutions: number;
  deletions: number;
  insertions: number;
}

/**
 * A minimal (Levenshtein) alignment of `reference` with `hypothesis`: the steps in order, one per
 * aligned pair (EQUAL, SUBSTITUTE), reference item alone (DELETE) or hypothesis item alone (INSERT).
 *
 * The same diagonal algorithm as `editDistance`, keeping every round's furthest rows so that the path
 * can be traced back: memory is about D² numbers for sequences at distance D (a few megabytes for a
 * page of OCR), time about (n + m) + D².
 *
 * Among equally short alignments the choice matters for measures that count insertions (MER): "ab"
 * against "ba" is two substitutions or a deletion and an insertion. Tracing back from the end, this
 * takes a deletion, then an insertion, before a substitution, which is the order in which rapidfuzz's
 * `Levenshtein.editops` (what jiwer, and so the HIPE-OCRepair scorer, counts with) recovers its path
 * from its matrix. The two are not guaranteed to pick the same path (rapidfuzz also splits long
 * inputs in two, Hirschberg's way); the distance is the same either way.
 */
export function align(reference: ArrayLike<number>, hypothesis: ArrayLike<number>): AlignOp[] {
  const a = reference;
  const b = hypothesis;
  const n = a.length;
  const m = b.length;
  const target = m - n;
  // Round d keeps the furthest row i (in `a`) reached with cost d on each diagonal k = j - i in
  // [max(-n, -d), min(m, d)], in one flat buffer: round d starts at starts[d], diagonal k at
  // starts[d] + k - max(-n, -d).
  let buffer = new Int32Array(Math.max(1024, n + m + 3));
  const starts: number[] = [0];
  let i0 = 0;
  while (i0 < n && i0 < m && a[i0] === b[i0]) i0++;
  buffer[0] = i0;
  let used = 1;
  let d = 0;
  if (!(target === 0 && i0 === n)) {
    for (d = 1; ; d++) {
      const lo = Math.max(-n, -d);
      const hi = Math.min(m, d);
      const width = hi - lo + 1;
      if (used + width > buffer.length) {
        const grown = new Int32Array(Math.max(buffer.length * 2, used + width));
        grown.set(buffer.subarray(0, used));
        buffer = grown;
      }
      const prevStart = starts[d - 1]!;
      const prevLo = Math.max(-n, -(d - 1));
      const prevHi = Math.min(m, d - 1);
      starts.push(used);
      let done = false;
      for (let k = lo; k <= hi; k++) {
        // The furthest of: a deletion from diagonal k + 1, an insertion from k - 1, a substitution
        // on k, or what round d - 1 already reached on k.
        let i = -1;
        if (k + 1 <= prevHi) {
          const del = buffer[prevStart + k + 1 - prevLo]!;
          if (del + 1 <= n && del + 1 > i) i = del + 1;
        }
        if (k - 1 >= prevLo) {
          const ins = buffer[prevStart + k - 1 - prevLo]!;
          if (ins + k <= m && ins > i) i = ins;
        }
        if (k >= prevLo && k <= prevHi) {
          const sub = buffer[prevStart + k - prevLo]!;
          if (sub + 1 <= n && sub + 1 + k <= m && sub + 1 > i) i = sub + 1;
          else if (sub > i) i = sub;
        }
        while (i < n && i + k < m && a[i] === b[i + k]) i++;
        buffer[used + k - lo] = i;
        if (k === target && i === n) done = true;
      }
      used += width;
      if (done) break;
    }
  }

  const reversed: AlignOp[] = [];
  let k = target;
  let i = n;
  for (; d > 0; d--) {
    // Which step round d's path on diagonal k came by; on ties, tracing back: deletion, insertion,
    // substitution, then staying put.
    const prevStart = starts[d - 1]!;
    const prevLo = Math.max(-n, -(d - 1));
    const prevHi = Math.min(m, d - 1);
    let best = -1;
    let op: AlignOp | -1 = -1;
    if (k + 1 <= prevHi) {
      const del = buffer[prevStart + k + 1 - prevLo]!;
      if (del + 1 <= n && del + 1 > best) {
        best = del + 1;
        op = DELETE;
      }
    }
    if (k - 1 >= prevLo) {
      const ins = buffer[prevStart + k - 1 - prevLo]!;
      if (ins + k <= m && ins > best) {
        best = ins;
        op = INSERT;
      }
    }
    if (k >= prevLo && k <= prevHi) {
      const sub = buffer[prevStart + k - prevLo]!;
      if (sub + 1 <= n && sub + 1 + k <= m && sub + 1 > best) {
        best = sub + 1;
        op = SUBSTITUTE;
      } else if (sub > best) {
        best = sub;
        op = -1;
      }
    }
    for (; i > best; i--) reversed.push(EQUAL);
    if (op === DELETE) {
      reversed.push(DELETE);
      i = best - 1;
      k++;
    } else if (op === INSERT) {
      reversed.push(INSERT);
      k--;
    } else if (op === SUBSTITUTE) {
      reversed.push(SUBSTITUTE);
      i = best - 1;
    }
  }
  for (; i > 0; i--) reversed.push(EQUAL);
  return reversed.reverse();
}

/**
 * `countAlignment(align(reference, hypothesis))` without keeping the rounds: the forward pass carries,
 * for each diagonal, the deletions on the path that reached it, choosing predecessors exactly as
 * `align` traces them back (so the counts are those of the same path). Memory O(n + m), and a good deal
 * faster on long documents.
 */
export function alignmentCounts(reference: ArrayLike<number>, hypothesis: ArrayLike<number>): AlignmentCounts {
  const a = reference;
  const b = hypothesis;
  const n = a.length;
  const m = b.length;
  const target = m - n;
  // Diagonal k lives at k + n + 1; -1 = not reached. `dels` is the deletions on the path to it.
  const size = n + m + 3;
  const shift = n + 1;
  let rows = new Int32Array(size).fill(-1);
  let next = new Int32Array(size).fill(-1);
  let dels = new Int32Array(size);
  let nextDels = new Int32Array(size);
  let i0 = 0;
  while (i0 < n && i0 < m && a[i0] === b[i0]) i0++;
  rows[shift] = i0;
  let d = 0;
  if (!(target === 0 && i0 === n)) {
    for (d = 1; ; d++) {
      const lo = Math.max(-n, -d);
      const hi = Math.min(m, d);
      let done = false;
      for (let k = lo; k <= hi; k++) {
        const at = k + shift;
        let i = -1;
        let del = 0;
        const fromDel = rows[at + 1]!;
        if (fromDel >= 0 && fromDel + 1 <= n && k + 1 <= d - 1) {
          i = fromDel + 1;
          del = dels[at + 1]! + 1;
        }
        const fromIns = rows[at - 1]!;
        if (fromIns >= 0 && fromIns + k <= m && fromIns > i && k - 1 >= -(d - 1)) {
          i = fromIns;
          del = dels[at - 1]!;
        }
        const fromSub = rows[at]!;
        if (fromSub >= 0) {
          if (fromSub + 1 <= n && fromSub + 1 + k <= m && fromSub + 1 > i) {
            i = fromSub + 1;
            del = dels[at]!;
          } else if (fromSub > i) {
            i = fromSub;
            del = dels[at]!;
          }
        }
        while (i < n && i + k < m && a[i] === b[i + k]) i++;
        next[at] = i;
        nextDels[at] = del;
        if (k === target && i === n) done = true;
      }
      [rows, next] = [next, rows];
      [dels, nextDels] = [nextDels, dels];
      if (done) break;
    }
  }
  const deletions = d === 0 ? 0 : dels[target + shift]!;
  const insertions = deletions + target;
  const substitutions = d - deletions - insertions;
  return { hits: n - substitutions - deletions, substitutions, deletions, insertions };
}

/** Hits, substitutions, deletions and insertions of an alignment. */
export function countAlignment(ops: readonly AlignOp[]): AlignmentCounts {
  const counts: AlignmentCounts = { hits: 0, substitutions: 0, deletions: 0, insertions: 0 };
  for (const op of ops) {
    if (op === EQUAL) counts.hits++;
    else if (op === SUBSTITUTE) counts.substitutions++;
    else if (op === DELETE) counts.deletions++;
    else counts.insertions++;
  }
  return counts;
}

/**
 * For each reference item, the hypothesis item aligned with it (-1 when deleted), and for each
 * hypothesis item the reference item (-1 when inserted).
 */
export function alignedIndices(
  ops: readonly AlignOp[],
  n: number,
  m: number,
): { refToHyp: Int32Array; hypToRef: Int32Array } {
  const refToHyp = new Int32Array(n).fill(-1);
  const hypToRef = new Int32Array(m).fill(-1);
  let i = 0;
  let j = 0;
  for (const op of ops) {
    if (op === EQUAL || op === SUBSTITUTE) {
      refToHyp[i] = j;
      hypToRef[j] = i;
      i++;
      j++;
    } else if (op === DELETE) i++;
    else j++;
  }
  return { refToHyp, hypToRef };
}
