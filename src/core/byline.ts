/**
 * Bylines: which of an article's first blocks names its author, and the name. Shared by the `byline`
 * transform, which writes the byline as `By <name>` (a recorded edit), and by segmentation, which
 * reports the name.
 */
import { isUpperCode } from './words.js';

/** A byline with "By": `- By Qassim Abdul-Zahra`, `BY NADIA HADDAD`, `By X and Y`. */
const BY_LINE = /^(?:[-—–•·]\s*)?(?:By|BY|by):?\s+(\S.{1,80})$/;
/** A byline without "By": `Samuel Okafor, Staff Writer` (tested only after the cheap ROLE_HINT). */
const ROLE_HINT =
  /, *(?:The |Senior |Chief |Staff |Special |Contributing )?(?:Writer|Reporter|Correspondent|Editor|Columnist|Associated|Special|Staff)/;
const ROLE_LINE =
  /^(\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+){1,3}),\s*(?:(?:Senior |Chief |Staff |Special |Contributing )?(?:Writer|Reporter|Correspondent|Editor|Columnist)|(?:The )?Associated Press|Special to (?:the )?.+|Staff)$/u;
/** Roles and agencies after a name in a "By" line (`By Tom Reyes, Staff Writer`), matched in lower case. */
const ROLE_SUFFIX =
  /\s*(?:,|\||—|–)\s*(?:(?:senior |chief |staff |special |contributing )?(?:writer|reporter|correspondent|editor|columnist)|(?:the )?associated press|ap|reuters|bloomberg|special to .+|staff)\s*$/;
/** A line under a byline that gives the role (`Staff Writers`, `The Associated Press`). */
const ROLE_ONLY =
  /^(?:(?:Senior |Chief |Staff |Special |Contributing )?(?:Writers?|Reporters?|Correspondents?|Editors?|Columnists?)|(?:The )?Associated Press|Staff|Special to (?:the )?.+)$/i;
/**
 * A role line of its own under a byline (`Health Reporter`, `Times Staff Correspondent.`): up to three
 * capitalised words, then a reporter's title, a full stop allowed; or a line `ROLE_ONLY` matches.
 */
const ROLE_BLOCK =
  /^(?:\p{Lu}[\p{L}'’&-]*\s+){0,3}(?:Writers?|Reporters?|Correspondents?|Editors?|Columnists?|Critic|Photographer|Staff)\.?$/u;

/** The block is a byline's role line on its own (`Health Reporter`, `The Associated Press`). */
export function isRoleLine(block: string): boolean {
  if (block.length > 60 || block.includes('\n')) return false;
  return ROLE_BLOCK.test(block) || ROLE_ONLY.test(block.replace(/\.$/, ''));
}

/** Bylines are looked for among the first blocks only. */
export const BYLINE_SEARCH_BLOCKS = 5;
/** Words kept in lower case when a capitalised name is title-cased. */
const NAME_PARTICLES = new Set([
  'van',
  'von',
  'der',
  'den',
  'de',
  'del',
  'della',
  'di',
  'da',
  'du',
  'la',
  'le',
  'and',
  'bin',
  'ibn',
]);

/** `SAMUEL OKAFOR` -> `Samuel Okafor`, `MCDONALD` -> `McDonald`, `O’NEILL` -> `O’Neill`. */
export function titleCaseName(name: string): string {
  return name
    .toLowerCase()
    .split(/(\s+)/)
    .map((word, i) => {
      if (i > 0 && NAME_PARTICLES.has(word)) return word;
      return word
        .replace(/(^|[-'’])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase())
        .replace(/^(Ma?c)(\p{L})(?=\p{L}{2})/u, (_, prefix: string, c: string) => prefix + c.toUpperCase());
    })
    .join('');
}

export function isAllCaps(s: string): boolean {
  return s === s.toUpperCase() && s !== s.toLowerCase();
}

/**
 * The byline's name(s) if `block` is a byline: one line, or one line and a role line under it
 * (`By SARAH KIM` / `Staff Writer`).
 */
export function parseByline(block: string): string | undefined {
  const lines = block.split('\n').map((l) => l.trim());
  if (lines.length === 2 && (ROLE_ONLY.test(lines[1]!) || isRoleLine(lines[1]!))) return parseBylineLine(lines[0]!);
  return lines.length === 1 ? parseBylineLine(lines[0]!) : undefined;
}

function parseBylineLine(block: string): string | undefined {
  if (block.length > 100) return undefined;
  let name: string | undefined;
  if (!/^\W*by\b/i.test(block) && !block.includes(',')) return undefined; // cheap test before the full patterns
  const by = BY_LINE.exec(block);
  if (by && !isUpperCode(by[1]!.charCodeAt(0))) return undefined; // `By the end of the day`
  if (by) {
    const role = ROLE_SUFFIX.exec(by[1]!.toLowerCase());
    name = role ? by[1]!.slice(0, role.index) : by[1]!;
  } else if (ROLE_HINT.test(block)) name = ROLE_LINE.exec(block)?.[1];
  if (name === undefined) return undefined;
  name = name.trim().replace(/[.,;]+$/, '');
  const words = name.split(/\s+/);
  if (words.length > 10 || /[.!?]\s+\p{Lu}\p{Ll}/u.test(name)) return undefined; // a sentence, not a name
  if (!words.every((w) => /^[\p{Lu}]/u.test(w) || NAME_PARTICLES.has(w.toLowerCase()))) return undefined;
  const nameWords = words.filter((w) => !NAME_PARTICLES.has(w.toLowerCase()));
  return nameWords.length > 0 && nameWords.every(isAllCaps) ? titleCaseName(name) : name;
}

/** The byline among the first blocks: its index and name, or undefined. */
export function findByline(blocks: readonly string[]): { index: number; name: string } | undefined {
  for (let i = 0; i < Math.min(blocks.length, BYLINE_SEARCH_BLOCKS); i++) {
    const name = parseByline(blocks[i]!);
    if (name !== undefined) return { index: i, name };
  }
  return undefined;
}

/** The byline as the article writes it: `By` and the name. */
export const bylineLine = (name: string): string => `By ${name}`;
