/**
 * A JSON Lines record, changed only where we change it: the value of its `text` member is replaced in
 * the line as it came, and the article's parts are added under one key before the closing brace.
 * Every other byte stays as it was: numbers beyond 2^53, escapes (`\u2028`, `\/`), spacing, key order
 * and duplicate keys pass through untouched, since the record is never re-serialised.
 *
 * `members` is a small scanner of the top level of an object already known to be valid JSON (the
 * caller has parsed it): it finds where each member's key and value are in the text.
 */

export interface Member {
  /** The key, unescaped. */
  key: string;
  /** Where the value starts in the line, and where it ends (exclusive). */
  start: number;
  end: number;
}

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

function skipSpace(s: string, i: number): number {
  while (i < s.length && isSpace(s.charCodeAt(i))) i++;
  return i;
}

/** `s[i]` opens a string: the index after its closing quote. */
function skipString(s: string, i: number): number {
  for (i++; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x5c)
      i++; // a backslash escapes the next character
    else if (c === 0x22) return i + 1;
  }
  return i;
}

/** `s[i]` starts a value: the index after it. */
function skipValue(s: string, i: number): number {
  const first = s.charCodeAt(i);
  if (first === 0x22) return skipString(s, i);
  if (first === 0x7b || first === 0x5b) {
    let depth = 0;
    while (i < s.length) {
      const c = s.charCodeAt(i);
      if (c === 0x22) {
        i = skipString(s, i);
        continue;
      }
      if (c === 0x7b || c === 0x5b) depth++;
      else if (c === 0x7d || c === 0x5d) depth--;
      i++;
      if (depth === 0) return i;
    }
    return i;
  }
  // A number, true, false or null: up to the next separator.
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c === 0x2c || c === 0x7d || c === 0x5d || isSpace(c)) break;
    i++;
  }
  return i;
}

/** The top-level members of `line`, a JSON object (valid JSON: checked by the caller), in order. */
export function members(line: string): Member[] {
  const found: Member[] = [];
  let i = skipSpace(line, 0) + 1; // past `{`
  i = skipSpace(line, i);
  while (line.charCodeAt(i) === 0x22) {
    const keyEnd = skipString(line, i);
    const key = JSON.parse(line.slice(i, keyEnd)) as string;
    i = skipSpace(line, skipSpace(line, keyEnd) + 1); // past `:`
    const end = skipValue(line, i);
    found.push({ key, start: i, end });
    i = skipSpace(line, end);
    if (line.charCodeAt(i) !== 0x2c) break; // `}`
    i = skipSpace(line, i + 1);
  }
  return found;
}

/**
 * `line` with the value of `text` (a member of `found`) replaced by `value`, and `added` (already JSON)
 * appended as member `key` after the last member. Nothing else in the line changes.
 */
export function spliceRecord(
  line: string,
  found: readonly Member[],
  text: Member,
  value: string,
  key: string,
  added: string,
): string {
  const last = found[found.length - 1]!;
  return (
    line.slice(0, text.start) +
    JSON.stringify(value) +
    line.slice(text.end, last.end) +
    `,${JSON.stringify(key)}:${added}` +
    line.slice(last.end)
  );
}
