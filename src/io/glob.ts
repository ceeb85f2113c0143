/**
 * A small glob matcher for quoted patterns such as `'scans/**\/*.txt'` (Node 20 has no `fs.glob`).
 * Pure: it turns a pattern into the folder to walk and a test for paths found under it; `batch.ts`
 * does the walking.
 *
 * Supported: `*` (any characters but `/`), `**` as a whole segment (any number of folders), `?` (one
 * character but `/`), `[abc]`, `[a-z]`, `[!abc]` (one character of a class) and `{a,b}` (alternatives,
 * not nested). As in the shell, `*` and `?` do not match a leading dot.
 */

/** Characters that make an argument a pattern rather than a path. */
const MAGIC = /[*?[{]/;

export function isGlob(arg: string): boolean {
  return MAGIC.test(arg);
}

export interface Glob {
  /** The folder to walk: the pattern's leading segments without magic characters (`.` when none). */
  root: string;
  /** Does a path relative to `root` (with `/` separators) match the rest of the pattern? */
  matches(relative: string): boolean;
  /** How many folders deep below `root` a match can be: `Infinity` with `**`. */
  maxDepth: number;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** One path segment (no `/`) as a regular expression source. */
function segmentSource(segment: string): string {
  let out = '';
  // A leading `*`, `?` or class must not match a leading dot (hidden files), as in the shell.
  if (/^[*?[]/.test(segment)) out += '(?!\\.)';
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i]!;
    if (c === '*') {
      while (segment[i + 1] === '*') i++;
      out += '[^/]*';
    } else if (c === '?') {
      out += '[^/]';
    } else if (c === '[') {
      const end = segment.indexOf(']', i + 2);
      if (end === -1) {
        out += '\\[';
        continue;
      }
      let body = segment.slice(i + 1, end);
      const negated = body.startsWith('!') || body.startsWith('^');
      if (negated) body = body.slice(1);
      out += `[${negated ? '^/' : ''}${body.replace(/\\/g, '\\\\').replace(/\]/g, '\\]')}]`;
      i = end;
    } else if (c === '{') {
      const end = segment.indexOf('}', i);
      if (end === -1) {
        out += '\\{';
        continue;
      }
      const options = segment.slice(i + 1, end).split(',');
      out += `(?:${options.map(segmentSource).join('|')})`;
      i = end;
    } else {
      out += escapeRegExp(c);
    }
  }
  return out;
}

/** Compile a glob pattern. Backslashes are read as `/` so that Windows-style patterns work too. */
export function compileGlob(pattern: string): Glob {
  const segments = pattern.replace(/\\/g, '/').split('/');
  const absolute = segments[0] === '';
  let fixed = 0;
  while (fixed < segments.length - 1 && !isGlob(segments[fixed]!)) fixed++;
  const rootSegments = segments.slice(0, fixed);
  const root = absolute && fixed <= 1 ? '/' : rootSegments.join('/') || '.';
  const rest = segments.slice(fixed).filter((s) => s !== '');
  let source = '';
  rest.forEach((segment, i) => {
    const last = i === rest.length - 1;
    if (segment === '**') {
      // Zero or more folders; at the end of the pattern, anything below.
      source += last ? '.*' : '(?:(?!\\.)[^/]+/)*';
    } else {
      source += segmentSource(segment) + (last ? '' : '/');
    }
  });
  const regex = new RegExp(`^${source}$`);
  return {
    root,
    matches: (relative) => regex.test(relative),
    maxDepth: rest.includes('**') ? Infinity : rest.length - 1,
  };
}
