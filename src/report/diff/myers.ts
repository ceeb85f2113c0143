/**
 * The differ: Myers' O(ND) algorithm in its linear-space form ("An O(ND) Difference Algorithm and
 * Its Variations", 1986, section 4b): the middle snake splits the problem in two until one side is
 * empty; common prefixes and suffixes are stripped first. Time O((N+M)·D), memory O(N+M). With
 * `anchored`, lines unique to both sides are matched first (as `git diff --patience` does). A search
 * that runs over its budget reports the block as replaced whole: coarse, still correct.
 */
/** A run of the edit script: `n` tokens equal, deleted from `a` or inserted from `b`. */
export interface DiffOp {
  type: 'equal' | 'delete' | 'insert';
  /** Index of the run's first token in `a` (for `insert`: where it goes). */
  a: number;
  /** Index of the run's first token in `b` (for `delete`: where it was). */
  b: number;
  n: number;
}

/** The shortest edit script turning `a` into `b` (tokens compared with `===`). */
export interface SequenceDiffOptions {
  /** Match tokens unique to both sides first (patience-style anchors), then diff the gaps. */
  anchor?: boolean;
  /**
   * Give up on a shortest script after this many steps of the search, and report the whole of `a`
   * deleted and the whole of `b` inserted instead (still correct, only coarse). Default: no limit.
   */
  budget?: number;
}

/** Thrown inside `diffSequences` when the budget is spent. */
class OverBudget extends Error {}

export function diffSequences<T>(a: readonly T[], b: readonly T[], options: SequenceDiffOptions = {}): DiffOp[] {
  // Intern tokens as integers: comparisons in the inner loops are then cheap.
  const ids = new Map<T, number>();
  const intern = (xs: readonly T[]) =>
    Int32Array.from(xs, (x) => {
      let id = ids.get(x);
      if (id === undefined) ids.set(x, (id = ids.size));
      return id;
    });
  const A = intern(a);
  const B = intern(b);
  const ops: DiffOp[] = [];
  const push = (type: DiffOp['type'], ai: number, bi: number, n: number) => {
    if (n === 0) return;
    const last = ops[ops.length - 1];
    if (
      last?.type === type &&
      last.a + (type === 'insert' ? 0 : last.n) === ai &&
      last.b + (type === 'delete' ? 0 : last.n) === bi
    ) {
      last.n += n;
      return;
    }
    ops.push({ type, a: ai, b: bi, n });
  };
  const size = 2 * (A.length + B.length) + 4;
  const budget = options.budget ?? Infinity;
  let work = 0;
  const forward = new Int32Array(2 * size + 1);
  const backward = new Int32Array(2 * size + 1);

  /** Diff A[aLo, aHi) against B[bLo, bHi), appending to `ops` in order. */
  const compare = (aLo: number, aHi: number, bLo: number, bHi: number): void => {
    let prefix = 0;
    while (aLo + prefix < aHi && bLo + prefix < bHi && A[aLo + prefix] === B[bLo + prefix]) prefix++;
    push('equal', aLo, bLo, prefix);
    aLo += prefix;
    bLo += prefix;
    let suffix = 0;
    while (aHi - suffix > aLo && bHi - suffix > bLo && A[aHi - 1 - suffix] === B[bHi - 1 - suffix]) suffix++;
    aHi -= suffix;
    bHi -= suffix;
    if (aLo === aHi) push('insert', aLo, bLo, bHi - bLo);
    else if (bLo === bHi) push('delete', aLo, bLo, aHi - aLo);
    else {
      const [x, y, u, v] = middleSnake(aLo, aHi, bLo, bHi);
      compare(aLo, x, bLo, y);
      push('equal', x, y, u - x);
      compare(u, aHi, v, bHi);
    }
    push('equal', aHi, bHi, suffix);
  };

  /**
   * The middle snake of an optimal path from (aLo, bLo) to (aHi, bHi): found where the forward and
   * the backward searches meet. Both sides are non-empty and differ at both ends, so D >= 2 and each
   * half has fewer differences than the whole.
   */
  const middleSnake = (aLo: number, aHi: number, bLo: number, bHi: number): [number, number, number, number] => {
    const n = aHi - aLo;
    const m = bHi - bLo;
    const delta = n - m;
    const odd = (delta & 1) !== 0;
    const max = Math.ceil((n + m) / 2);
    // forward[size + k]: furthest x on diagonal k (x - y) going forward, relative to (aLo, bLo);
    // backward[size + k]: smallest x on diagonal k going backward from (n, m).
    forward[size + 1] = 0;
    backward[size + delta - 1] = n;
    for (let d = 0; d <= max; d++) {
      work += 2 * d + 1;
      if (work > budget) throw new OverBudget();
      for (let k = -d; k <= d; k += 2) {
        let x =
          k === -d || (k !== d && forward[size + k - 1]! < forward[size + k + 1]!)
            ? forward[size + k + 1]!
            : forward[size + k - 1]! + 1;
        let y = x - k;
        const x0 = x;
        const y0 = y;
        while (x < n && y < m && A[aLo + x] === B[bLo + y]) {
          x++;
          y++;
        }
        forward[size + k] = x;
        if (odd && k >= delta - (d - 1) && k <= delta + (d - 1) && x >= backward[size + k]!) {
          return [aLo + x0, bLo + y0, aLo + x, bLo + y];
        }
      }
      for (let k = delta - d; k <= delta + d; k += 2) {
        let x =
          k === delta + d || (k !== delta - d && backward[size + k + 1]! - 1 >= backward[size + k - 1]!)
            ? backward[size + k - 1]!
            : backward[size + k + 1]! - 1;
        let y = x - k;
        const x0 = x;
        const y0 = y;
        while (x > 0 && y > 0 && A[aLo + x - 1] === B[bLo + y - 1]) {
          x--;
          y--;
        }
        backward[size + k] = x;
        if (!odd && k >= -d && k <= d && x <= forward[size + k]!) {
          return [aLo + x, bLo + y, aLo + x0, bLo + y0];
        }
      }
    }
    throw new Error('diff: no middle snake'); // unreachable: the searches always meet by d = ceil((n+m)/2)
  };

  /**
   * Patience-style anchoring: tokens that occur once in each side, in the same order (the longest
   * increasing run of their positions), are matched first and Myers diffs the gaps between them. For
   * lines this keeps a diff from pairing a removed heading with an unrelated line around blank ones.
   */
  const anchored = (aLo: number, aHi: number, bLo: number, bHi: number): void => {
    const count = new Map<number, number>();
    for (let i = aLo; i < aHi; i++) count.set(A[i]!, (count.get(A[i]!) ?? 0) + 1);
    const inB = new Map<number, number>();
    for (let j = bLo; j < bHi; j++) {
      const c = count.get(B[j]!);
      if (c === 1) inB.set(B[j]!, inB.has(B[j]!) ? -1 : j);
    }
    const pairs: [number, number][] = [];
    for (let i = aLo; i < aHi; i++) {
      const j = inB.get(A[i]!);
      if (j !== undefined && j >= 0 && count.get(A[i]!) === 1) pairs.push([i, j]);
    }
    const anchors = longestIncreasing(pairs);
    if (anchors.length === 0) return compare(aLo, aHi, bLo, bHi);
    let ai = aLo;
    let bi = bLo;
    for (const [i, j] of anchors) {
      compare(ai, i, bi, j);
      push('equal', i, j, 1);
      ai = i + 1;
      bi = j + 1;
    }
    compare(ai, aHi, bi, bHi);
  };

  try {
    if (options.anchor) anchored(0, A.length, 0, B.length);
    else compare(0, A.length, 0, B.length);
  } catch (error) {
    if (!(error instanceof OverBudget)) throw error;
    return [
      ...(A.length > 0 ? [{ type: 'delete' as const, a: 0, b: 0, n: A.length }] : []),
      ...(B.length > 0 ? [{ type: 'insert' as const, a: A.length, b: 0, n: B.length }] : []),
    ];
  }
  return ops;
}

/** The longest subsequence of `pairs` (sorted by their first number) whose second numbers increase. */
function longestIncreasing(pairs: readonly [number, number][]): [number, number][] {
  const tails: number[] = []; // tails[k]: index in pairs of the smallest end of an increasing run of length k + 1
  const previous = new Int32Array(pairs.length).fill(-1);
  for (let p = 0; p < pairs.length; p++) {
    const value = pairs[p]![1];
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[tails[mid]!]![1] < value) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[p] = tails[lo - 1]!;
    tails[lo] = p;
  }
  const result: [number, number][] = [];
  for (let p = tails.length > 0 ? tails[tails.length - 1]! : -1; p >= 0; p = previous[p]!) result.push(pairs[p]!);
  return result.reverse();
}
