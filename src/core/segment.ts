/**
 * Find the article's parts in the cleaned text: publication and date (from what `boilerplate`
 * removed), headline, deck, byline and body paragraphs.
 */
import { boilerplate } from '../transforms/boilerplate.js';
import { ruleOf } from '../transforms/define.js';
import { TRANSFORMS } from '../transforms/index.js';
import { isUpperCode } from './words.js';
import type { Article, Edit, Removed } from './types.js';

/** Transforms whose removed lines are listed in the article's `removed`: the furniture stage. */
const FURNITURE_TRANSFORMS: ReadonlySet<string> = new Set(
  TRANSFORMS.filter((t) => t.stage === 'furniture').map((t) => t.id),
);
/** The boilerplate rules segmentation reads: the blank line a removal leaves, the publication and the date. */
const GAP = ruleOf(boilerplate, 'gap');
const MASTHEAD = ruleOf(boilerplate, 'masthead');
const DATELINE = ruleOf(boilerplate, 'dateline');
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
/** Bylines are looked for among the first blocks only. */
const BYLINE_SEARCH_BLOCKS = 5;
/** A headline without a byline: a short first block that is not a sentence (or is all caps). */
const HEADLINE_MAX_CHARS = 160;
const HEADLINE_MAX_WORDS = 25;
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

function isAllCaps(s: string): boolean {
  return s === s.toUpperCase() && s !== s.toLowerCase();
}

/** A line under a byline that gives the role (`Staff Writers`, `The Associated Press`). */
const ROLE_ONLY =
  /^(?:(?:Senior |Chief |Staff |Special |Contributing )?(?:Writers?|Reporters?|Correspondents?|Editors?|Columnists?)|(?:The )?Associated Press|Staff|Special to (?:the )?.+)$/i;

/**
 * The byline's name(s) if `block` is a byline: one line, or one line and a role line under it
 * (`By SARAH KIM` / `Staff Writer`).
 */
export function parseByline(block: string): string | undefined {
  const lines = block.split('\n').map((l) => l.trim());
  if (lines.length === 2 && ROLE_ONLY.test(lines[1]!)) return parseBylineLine(lines[0]!);
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
  name = name.trim().replace(/[.,;]$/, '');
  const words = name.split(/\s+/);
  if (words.length > 10 || /[.!?]\s+\p{Lu}\p{Ll}/u.test(name)) return undefined; // a sentence, not a name
  if (!words.every((w) => /^[\p{Lu}]/u.test(w) || NAME_PARTICLES.has(w.toLowerCase()))) return undefined;
  const nameWords = words.filter((w) => !NAME_PARTICLES.has(w.toLowerCase()));
  return nameWords.length > 0 && nameWords.every(isAllCaps) ? titleCaseName(name) : name;
}

function isHeadline(block: string): boolean {
  const oneLine = block.replace(/\s+/g, ' ');
  if (oneLine.length > HEADLINE_MAX_CHARS || oneLine.split(' ').length > HEADLINE_MAX_WORDS) return false;
  return !/[.!?;:,]["”’)]?$/.test(oneLine) || isAllCaps(oneLine);
}

/** The lines furniture transforms removed, in text order, with the rule that removed each. */
export function removedLines(edits: readonly Edit[]): Removed[] {
  // Pushed into an array literal rather than built by filter/map: V8 then gives every result, empty or
  // not, the same elements kind, and the code that reads it is not deoptimised by a second one.
  const removed: Removed[] = [];
  for (const e of edits) {
    if (FURNITURE_TRANSFORMS.has(e.transform) && e.rule !== GAP && e.after.trim() === '' && e.before.trim() !== '') {
      removed.push({ transform: e.transform, rule: e.rule, text: e.before.trim() });
    }
  }
  return removed;
}

export function segment(text: string, edits: readonly Edit[]): Article {
  const removed = removedLines(edits);
  const article: Article = { paragraphs: [], removed };
  const publication = removed.find((r) => r.transform === boilerplate.id && r.rule === MASTHEAD);
  if (publication) article.publication = publication.text;
  const date = removed.find((r) => r.transform === boilerplate.id && r.rule === DATELINE);
  if (date) article.date = date.text;

  const blocks = text
    .split(/\n[ \t]*\n/)
    .map((b) => b.trim())
    .filter((b) => b !== '');
  let body = 0;
  const bylineAt = blocks.slice(0, BYLINE_SEARCH_BLOCKS).findIndex((b) => parseByline(b) !== undefined);
  if (bylineAt >= 0) {
    article.byline = parseByline(blocks[bylineAt]!);
    if (bylineAt >= 1 && isHeadline(blocks[0]!)) {
      article.headline = blocks[0]!.replace(/\s*\n\s*/g, ' ');
      if (bylineAt >= 2)
        article.deck = blocks
          .slice(1, bylineAt)
          .join(' ')
          .replace(/\s*\n\s*/g, ' ');
    } else if (bylineAt >= 1) {
      for (const block of blocks.slice(0, bylineAt)) article.paragraphs.push(block);
    }
    body = bylineAt + 1;
  } else if (blocks.length > 1 && isHeadline(blocks[0]!)) {
    article.headline = blocks[0]!.replace(/\s*\n\s*/g, ' ');
    body = 1;
  }
  // One push per line, not a spread: a block may hold more lines than a call takes arguments.
  for (const block of blocks.slice(body)) {
    for (const line of block.split('\n')) {
      const trimmed = line.trim();
      if (trimmed !== '') article.paragraphs.push(trimmed);
    }
  }
  return article;
}
