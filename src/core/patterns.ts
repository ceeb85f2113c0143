/**
 * Which user patterns may run: a regular expression from a configuration or a library caller runs over
 * every line or the whole text, and JavaScript cannot stop a match that runs too long. A pattern whose
 * quantified group holds an unbounded quantifier of its own (`(a+)+$`, `(\w+\s?)*`, `(x*){2,50}`) can
 * backtrack exponentially on a line that almost matches (`aaaa...ab`: minutes for 40 characters), so
 * it is refused before any text is read, with the part that nests.
 *
 * The check reads the pattern's syntax, not its meaning: a nesting whose inner and outer parts cannot
 * overlap (`(\s*\w)+`) is refused too, and a repeated alternation of overlapping branches (`(a|a)+`)
 * is not seen. It is small on purpose; the patterns it is for (an id format, a name) have no need to
 * nest quantifiers.
 */

/** An outer quantifier that repeats at most this often is bounded enough (`(\d+,){3}`). */
const MAX_BOUNDED_REPEAT = 10;

/** A quantifier at `i` (`*`, `+`, `?`, `{n}`, `{n,}`, `{n,m}`, each maybe lazy): its length and upper bound. */
function quantifierAt(source: string, i: number): { length: number; max: number } | undefined {
  const c = source[i];
  let length = 1;
  let max: number;
  if (c === '*' || c === '+') max = Infinity;
  else if (c === '?') max = 1;
  else if (c === '{') {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i));
    if (!m) return undefined; // a literal brace
    length = m[0].length;
    max = m[2] === undefined ? Number(m[1]) : m[3] === '' ? Infinity : Number(m[3]);
  } else return undefined;
  if (source[i + length] === '?') length++; // lazy
  return { length, max };
}

/** The length of the escape at `i` (`\d`, `\u{1F600}`, `\p{L}`, `\k<name>`). */
function escapeLength(source: string, i: number): number {
  const next = source[i + 1];
  const close = next === 'k' ? '>' : '}';
  if ((next === 'u' || next === 'p' || next === 'P' || next === 'k') && /[{<]/.test(source[i + 2] ?? '')) {
    const end = source.indexOf(close, i + 3);
    return end === -1 ? source.length - i : end + 1 - i;
  }
  return Math.min(2, source.length - i);
}

/** The offset just past the character class that opens at `i`. */
function classEnd(source: string, i: number): number {
  let j = i + 1;
  if (source[j] === '^') j++;
  if (source[j] === ']') j++; // a leading `]` is literal (outside the `u` flag)
  while (j < source.length && source[j] !== ']') j += source[j] === '\\' ? escapeLength(source, j) : 1;
  return j + 1;
}

/**
 * The part of `source` where a repeated group holds an unbounded quantifier (`(a+)+`), or undefined
 * when there is none.
 */
export function nestedQuantifier(source: string): string | undefined {
  /** Per open group: where it starts, and whether it holds an unbounded quantifier. */
  const groups: { start: number; unbounded: boolean }[] = [{ start: 0, unbounded: false }];
  /** The atom a quantifier would apply to: a closed group (with what it holds) or a single item. */
  let atom: { start: number; unbounded: boolean } | undefined;
  for (let i = 0; i < source.length;) {
    const c = source[i]!;
    const quantifier = quantifierAt(source, i);
    if (quantifier && atom) {
      if (atom.unbounded && quantifier.max > MAX_BOUNDED_REPEAT) return source.slice(atom.start, i + quantifier.length);
      if (quantifier.max === Infinity) groups[groups.length - 1]!.unbounded = true;
      atom = undefined;
      i += quantifier.length;
    } else if (c === '\\') {
      atom = { start: i, unbounded: false };
      i += escapeLength(source, i);
    } else if (c === '[') {
      atom = { start: i, unbounded: false };
      i = classEnd(source, i);
    } else if (c === '(') {
      groups.push({ start: i, unbounded: false });
      atom = undefined;
      i++;
      if (source[i] === '?') i += /^\?(?:<[=!]|<[^>]*>|[:=!])?/.exec(source.slice(i))![0].length;
    } else if (c === ')' && groups.length > 1) {
      const group = groups.pop()!;
      if (group.unbounded) groups[groups.length - 1]!.unbounded = true;
      atom = group;
      i++;
    } else {
      atom = c === '|' ? undefined : { start: i, unbounded: false };
      i++;
    }
  }
  return undefined;
}
