/**
 * Find the article's parts in the cleaned text: publication and date (from what `boilerplate`
 * removed), headline, deck, byline and body paragraphs.
 *
 * Segmentation changes no text: every part is a block of the text as it stands (lines between blank
 * lines), line breaks and all, so the text format writes the pipeline's text back exactly. A line
 * break the pipeline kept (a list, a table, a stacked headline) stays a line break inside its
 * paragraph; it is `unwrap` that decides, and records, which lines end paragraphs. The byline's name
 * is read from its block; the `byline` transform has already written the block as `By <name>`.
 */
import { boilerplate } from '../transforms/boilerplate.js';
import { ruleOf } from '../transforms/define.js';
import { TRANSFORMS } from '../transforms/index.js';
import {
  CROSSHEAD_MAX_CHARS,
  CROSSHEAD_MAX_WORDS,
  crossheadRule,
  isQuestionOrAnswer,
  lineKinds,
  listMarker,
  quoteText,
  type LineKind,
  type ListMarker,
} from './blocks.js';
import { findByline, isAllCaps, isRoleLine, parseByline } from './byline.js';
import { blocksOf, endsSentence } from './lines.js';
import type { Article, ArticleBlock, Edit, Removed } from './types.js';
import { isSpaceCode } from './words.js';

/** Transforms whose removed lines are listed in the article's `removed`: the furniture stage. */
const FURNITURE_TRANSFORMS: ReadonlySet<string> = new Set(
  TRANSFORMS.filter((t) => t.stage === 'furniture').map((t) => t.id),
);
/** The boilerplate rules segmentation reads: the blank line a removal leaves, the publication and the date. */
const GAP = ruleOf(boilerplate, 'gap');
const MASTHEAD = ruleOf(boilerplate, 'masthead');
const DATELINE = ruleOf(boilerplate, 'dateline');
const HISTORIC_HEAD = ruleOf(boilerplate, 'historic-running-head');
/** A headline without a byline: a short first block that is not a sentence (or is all caps). */
const HEADLINE_MAX_CHARS = 160;
const HEADLINE_MAX_WORDS = 25;

function isHeadline(block: string): boolean {
  // Longer than a headline with its white space closed up (a body paragraph, mostly): no need to close it.
  if (block.length > HEADLINE_MAX_CHARS && nonSpaceMoreThan(block, HEADLINE_MAX_CHARS)) return false;
  const oneLine = block.replace(/\s+/g, ' ');
  if (oneLine.length > HEADLINE_MAX_CHARS || oneLine.split(' ').length > HEADLINE_MAX_WORDS) return false;
  return !/[.!?;:,]["”’)]?$/.test(oneLine) || isAllCaps(oneLine);
}

/** A second block of an all-caps headline: a stacked headline set in two (`BANK ROBBED` / `AT NOON`). */
const continuesHeadline = (headline: string, block: string | undefined): boolean =>
  block !== undefined && isAllCaps(headline) && isAllCaps(block) && isHeadline(block) && !/\d{4}/.test(block);

/** A body paragraph, before a new article's headline or after it: at least this many words. */
const BODY_MIN_WORDS = 12;
/** A new article's headline is followed by its body within this many blocks (decks, a byline). */
const HEAD_MAX_BLOCKS = 5;
/**
 * A dateline opening a historic story: a place (up to five capitalised words: `WASHINGTON`, `St.
 * Louis, Mo.`, `Washington, D. C.`), a comma or a full stop (OCR reads one for the other), a month,
 * a day, then a dash, a full stop, the `?` OCR makes of a dash, or the wire's route (`, (via
 * London`): `MILLBROOK, July 1.—`, `Rome, Jan. 3.—`, `Berlin. Jan. 3.—`, `PITTSBURGH. Feb. 10?Six`.
 * A wire credit in brackets may come first: `(By Associated Press) CONFLUENCE, Pa., Feb. 16.?`. A
 * weekday is no place (`Wednesday Evening, May 31—` is a programme), and without the mark after the
 * day it is a date in a sentence (`Monday, Jan. 3, the`). OCR may put a mark or two before the place
 * (`^Flagstaff, Ariz.`), digits in the state (`Peoria, 111.` for `Ill.`) and letters in the day
 * (`Jan. II.` for `Jan. 11.`).
 */
const DATELINE_START =
  /^(?:\([^()]{3,40}\)\s*)?[\p{P}\p{S}]{0,2}(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b)\p{Lu}[\p{L}'’.]*(?:[ ,.]{1,3}[\p{Lu}\d][\p{L}\d'’.]*){0,4}[,.] (?:Jan|Feb|Fob|Mar|Apr|May|June?|July?|Aug|Sept?|Oct|Nov|Dec)[a-z]*[.,]? ?(?:\d{1,2}|[IlS]\d?|\d[IlS]|[IlS]{2})(?:st|nd|rd|th)?(?:\.?\s*[—–-]|\?|\.|,? \(via\b)/u;
/**
 * A historic head's block in Title Case: at least this share of its words of four letters or more
 * start with a capital (OCR and the odd lower-case word: `Believed That President Will immediately
 * Names Successor for Lamar.`).
 */
const TITLE_CASE_SHARE = 0.75;

/** `block` has more than `n` characters that are no white space (as `\s` sees it). */
function nonSpaceMoreThan(block: string, n: number): boolean {
  let count = 0;
  for (let i = 0; i < block.length; i++) if (!isSpaceCode(block.charCodeAt(i)) && ++count > n) return true;
  return false;
}

const wordCount = (block: string): number => block.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
/** Runs of non-space with a letter, as `wordCount` counts them: `min` at least (counted only so far). */
function hasWords(block: string, min: number): boolean {
  let count = 0;
  for (const m of block.matchAll(/\S+/g)) if (/\p{L}/u.test(m[0]) && ++count >= min) return true;
  return count >= min;
}
const isBody = (block: string | undefined): boolean => block !== undefined && hasWords(block, BODY_MIN_WORDS);

/** A headline-like block in Title Case (`Hides From China`, `Wilson Thinks it Necessary`), not all caps. */
function isTitleCaseHead(block: string): boolean {
  if (block.length > DECK_MAX_CHARS || wordCount(block) > HEADLINE_MAX_WORDS) return false;
  const long = block.split(/\s+/).filter((w) => /\p{L}{4}/u.test(w));
  if (long.length === 0) return false;
  let capitalised = 0;
  for (const w of long) if (/^\P{L}*\p{Lu}/u.test(w)) capitalised++;
  return capitalised >= long.length * TITLE_CASE_SHARE;
}

/** A block of a historic head: an all-caps headline line, or a Title Case headline or deck. */
const isHeadBlock = (block: string): boolean =>
  (isAllCaps(block) && isHeadline(block)) || isTitleCaseHead(block) || parseByline(block) !== undefined;

/**
 * A name, a title or an address in Title Case, which a list of officers or a signature holds: a comma,
 * an initial or an abbreviation (`Mrs. J. W. Brown`, `John Smith, president`). No mixed-case head.
 */
const looksLikeName = (block: string): boolean => /,|\b\p{Lu}\.|\b(?:Mrs?|Dr|Rev|Hon|Gen|Col|Capt)\./u.test(block);

/** Two names with a title or initials (`Mrs. King, Mrs. E. H. Parker.`): a list of names, no head. */
const NAME_MARK = /\b(?:Mrs?|Miss|Dr|Rev|Hon|Messrs)\.?\s|\b\p{Lu}\.\s*\p{Lu}\./gu;
const isNameList = (block: string): boolean => block.includes(',') && (block.match(NAME_MARK)?.length ?? 0) >= 2;

/**
 * Where each article starts, as block indexes (the first is 0). A new article starts at a headline
 * after a finished body paragraph:
 * - `headline-byline` (any text): a headline-like block, then within `HEAD_MAX_BLOCKS` a byline, then
 *   a body paragraph (a PressReader page with two stories);
 * - `headline-dateline` (a historic page only): an all-caps or Title Case head (its blocks headline
 *   lines and decks), then a body paragraph that opens with a dateline (`Rome, Jan. 3.—`);
 * - `stacked-head` (a historic page only): a head of two blocks or more, or a headline of two lines
 *   or more, all of them headline lines and decks (`BANK ROBBED` / `AT NOON`, `Hides From China` /
 *   `Bring Anthrax` / `TWO EMPLOYEES OF TANNERY CONTRACT DISEASE.`), then a body paragraph. A head in
 *   mixed case alone has no name in it (`Mrs. J. Brown`, `John Smith, president`: a list of officers),
 *   and no head holds a list of names (`Mrs. King, Mrs. E. H. Parker.`); an all-caps headline longer
 *   than a crosshead may be (its lines joined by unwrap) is stacked on its own;
 * - `single-head` (a historic page only): a one-line all-caps headline over an undated paragraph,
 *   unless the story under it goes on with the words of the story above (`isSingleHead`, `cohesion`).
 * On a historic page a head may open with a Title Case line with a full stop (`Sayville Censor.`), may
 * hold scraps of OCR noise and a note in brackets (`(Text memorandum on page 2.)`), and a long Title
 * Case deck is part of it, not the body; the body before it is no all-caps block.
 * A crosshead never starts an article: one line in Title Case (`To Ask Information.`) with a body
 * paragraph right under it that opens with no dateline, or one in all caps whose story goes on under it.
 */
export function articleStarts(blocks: readonly string[], options: SegmentOptions = {}): number[] {
  const starts = [0];
  for (let i = 2; i < blocks.length - 1; i++) {
    // On a historic page a scrap of OCR noise (`0ttner`, `IfC`) may stand between the body and the head.
    const previous = options.historic && isScrap(blocks[i - 1]!) ? blocks[i - 2]! : blocks[i - 1]!;
    // A historic head may open with a Title Case line that has a full stop (`Sayville Censor.`).
    const headline = isHeadline(blocks[i]!) || (options.historic === true && isTitleCaseHead(blocks[i]!));
    if (!isBody(previous) || !endsSentence(previous) || isAllCaps(previous) || !headline) continue;
    if (i - starts[starts.length - 1]! < 2) continue;
    let body = i + 1;
    // On a historic page a long deck in Title Case (`Snapshots at Their Comings and Goings Here for a
    // Vacation, or Away for a Restful Outing.`) is part of the head, and a dateline opens the story.
    const opensStory = (b: string) =>
      options.historic === true ? DATELINE_START.test(b) || (isBody(b) && !isTitleCaseHead(b)) : isBody(b);
    while (body < blocks.length && body - i <= HEAD_MAX_BLOCKS && !opensStory(blocks[body]!)) body++;
    if (body >= blocks.length || body - i > HEAD_MAX_BLOCKS) continue;
    const head = blocks.slice(i, body);
    const byline = head.slice(1).some((b) => parseByline(b) !== undefined);
    if (byline && head.every((b) => isHeadline(b) || parseByline(b) !== undefined || isRoleLine(b))) {
      starts.push(i);
      continue;
    }
    if (!options.historic || !isHeadBlock(blocks[i]!) || !head.every((b) => isHeadBlock(b) || isScrap(b) || isNote(b)))
      continue;
    // A signature closing the story above (`J. H. SHERIER, Local Forecaster.`, `Very respectfully,
    // BARNEY E. REILLY.`) stays with it: the new article starts under it.
    const at = head.length > 1 && isSignature(blocks[i]!) ? i + 1 : i;
    if (DATELINE_START.test(blocks[body]!)) {
      starts.push(at);
      continue;
    }
    // A headline of several lines that unwrap joined: all caps and longer than a crosshead may be.
    const long =
      isAllCaps(blocks[i]!) && (wordCount(blocks[i]!) > CROSSHEAD_MAX_WORDS || blocks[i]!.length > CROSSHEAD_MAX_CHARS);
    const stacked = blocks[i]!.includes('\n') || head.length > 1 || long;
    if (!stacked) {
      const single =
        head.length === 1 &&
        isSingleHead(blocks[i]!, previous, blocks[body]!) &&
        cohesion(blocks, i, starts[starts.length - 1]!) <= CROSSHEAD_COHESION &&
        !blocks.slice(starts[starts.length - 1]!, i).some((b) => parseByline(b) !== undefined);
      if (single) starts.push(i);
      continue;
    }
    if (head.some(isNameList)) continue;
    if (head.some((b) => isAllCaps(b)) || !head.some(looksLikeName)) starts.push(at);
  }
  return starts;
}

/**
 * `single-head` (a historic page only): a one-line all-caps headline over an undated story
 * (`THOSE CITY TOOLS` / `The city of St. Joseph has ...`). A 1916 page sets its headlines in capitals
 * and its crossheads in Title Case with a full stop (`Christmas Gifts.`, which `crossheadRule` keeps in
 * the story); on the 60 chronam-1916 pages, of 170 such all-caps lines between a finished paragraph and a
 * paragraph of text, all but a handful start an article. The rest are guarded against:
 * - OCR noise and furniture: at least `SINGLE_HEAD_MIN_WORDS` words of two letters or more, one of
 *   them of four (`IF I'M TO BE A SOLDIER` is a head; `I II.`, `ISOTT` are noise), no year
 *   (`PIOCHE, NEVADA, SATURDAY, MARCH 25, 1916.` is a running head), no comma or colon at the end
 *   (`THE YOUTH'S COMPANION,` runs on into an address);
 * - a programme: neither the line nor the paragraph under it opens with a weekday (`TUESDAY FRONT YARD
 *   DAY.` is a day of a clean-up week; `Wednesday Evening, May 31—Concert ...` an entry of the event
 *   above);
 * - a story introduced by the paragraph above (`The document follows:`): the paragraph above ends with
 *   a full stop, `!` or `?`;
 * - a crosshead: the story under the line shares more than `CROSSHEAD_COHESION` of its words with the
 *   story above it (the lexical cohesion of TextTiling: a crosshead continues the same story);
 * - a feature's crosshead: the article the line stands in has no byline (a story with a byline is
 *   the kind that has crossheads; the short items this rule parts have none). On the 60 pages the
 *   guard costs 3 of the 142 starts this rule and the dateline's day letters add, and a modern
 *   article read with `--preset chronam` keeps its `WHAT IT HOLDS` crossheads.
 */
const SINGLE_HEAD_MIN_WORDS = 2;
/**
 * The share of the distinct words (of `COHESION_MIN_LETTERS` letters or more) in the
 * `COHESION_WINDOW_WORDS` words under a head that also occur in the same number of words above it.
 * Measured on the 60 chronam-1916 pages: under the 137 heads the splitter already found the median
 * share is 0.09 and 90% are at most 0.17; above it, the story goes on.
 */
const CROSSHEAD_COHESION = 0.25;
const COHESION_WINDOW_WORDS = 150;
/** Words this short are mostly function words (`which`, `there` pass; `that`, `with` do not). */
const COHESION_MIN_LETTERS = 5;

const cohesionWords = (block: string): string[] =>
  (block.toLowerCase().match(/\p{L}+/gu) ?? []).filter((w) => w.length >= COHESION_MIN_LETTERS);

/** The share of the words under block `at` that the story above it has too (see `CROSSHEAD_COHESION`). */
function cohesion(blocks: readonly string[], at: number, from: number): number {
  const above = new Set<string>();
  for (let j = at - 1, n = 0; j >= from && n < COHESION_WINDOW_WORDS; j--) {
    const words = cohesionWords(blocks[j]!);
    for (const w of words.slice(-(COHESION_WINDOW_WORDS - n))) above.add(w);
    n += words.length;
  }
  const below = new Set<string>();
  for (let j = at + 1, n = 0; j < blocks.length && n < COHESION_WINDOW_WORDS; j++) {
    const words = cohesionWords(blocks[j]!);
    for (const w of words.slice(0, COHESION_WINDOW_WORDS - n)) below.add(w);
    n += words.length;
  }
  if (below.size === 0) return 0;
  let shared = 0;
  for (const w of below) if (above.has(w)) shared++;
  return shared / below.size;
}

/** A one-line all-caps headline by `single-head`'s shape (the cohesion is read by the caller). */
function isSingleHead(block: string, previous: string, next: string): boolean {
  if (block.includes('\n') || !isAllCaps(block) || !isHeadline(block) || /\d{4}/.test(block)) return false;
  if (/[,:]$/.test(block) || !/[.!?]["”’)]?$/.test(previous.trimEnd())) return false;
  const words = block.split(/\s+/);
  if (words.filter((w) => /\p{L}{2}/u.test(w)).length < SINGLE_HEAD_MIN_WORDS) return false;
  if (!words.some((w) => /\p{L}{4}/u.test(w))) return false;
  if (WEEKDAY_START.test(block) || WEEKDAY_START.test(next)) return false;
  return !isAllCaps(next) && /^[“"‘'(]?[\p{Lu}\d]/u.test(next);
}
const WEEKDAY_START = /^(?:MON|TUES|WEDNES|THURS|FRI|SATUR|SUN)DAY\b|^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b/;

/** A signature: a name with an initial after a comma, or before one (`Very respectfully, BARNEY E. REILLY.`, `J. H. SHERIER, Local Forecaster.`). */
const isSignature = (block: string): boolean =>
  !block.includes('\n') && /,/.test(block) && /\b\p{Lu}\.\s/u.test(block) && wordCount(block) <= 8;

/** A scrap of OCR noise between blocks: one or two words, at most `SCRAP_MAX_CHARS` characters, no sentence. */
const SCRAP_MAX_CHARS = 8;
const isScrap = (block: string): boolean =>
  block.length <= SCRAP_MAX_CHARS && !block.includes('\n') && wordCount(block) <= 2 && !endsSentence(block);

/** A mixed-case deck with no byline under it has at least this many words (`Sports` alone is a section's name). */
const DECK_MIN_WORDS = 3;

/**
 * A deck under a headline with no byline: all caps and headline-like (`OFFICIALS AWAITING MORE
 * INFORMATION`), or Title Case of `DECK_MIN_WORDS` words or more (`Believed That President Will Name
 * Successor for Lamar.`). A sentence-case block (`The county approved it.`) is the body, and so is a
 * list item, a question or a quote.
 */
function isDeckBlock(block: string): boolean {
  if (listMarker(block) !== undefined || isQuestionOrAnswer(block) || quoteText(block) !== undefined) return false;
  if (parseByline(block) !== undefined || isRoleLine(block)) return false;
  if (isAllCaps(block)) return isHeadline(block) && wordCount(block) >= 2;
  return isTitleCaseHead(block) && wordCount(block) >= DECK_MIN_WORDS;
}

/** A note in brackets under a head: `(Text memorandum on page 2.)`, a short block. */
const isNote = (block: string): boolean => /^\([^()]+\)$/.test(block) && wordCount(block) < BODY_MIN_WORDS;

/** A historic deck is at most this long (`Thieves Escape With Eleven Hundred Dollars.`). */
const DECK_MAX_CHARS = 200;

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

export interface SegmentOptions {
  /** A historic page (the `chronam` preset): an all-caps headline after a finished paragraph starts an article. */
  historic?: boolean;
}

export function segment(text: string, edits: readonly Edit[], options: SegmentOptions = {}): Article {
  const removed = removedLines(edits);
  const article: Article = { paragraphs: [], blocks: [], removed };
  const publication = removed.find((r) => r.transform === boilerplate.id && r.rule === MASTHEAD);
  if (publication) article.publication = publication.text;
  const date = removed.find((r) => r.transform === boilerplate.id && r.rule === DATELINE);
  if (date) article.date = date.text;
  // A historic running head names both: `THE WEEKLY ARGUS, MONDAY, JULY 2, 1894.`
  const head = removed.find((r) => r.transform === boilerplate.id && r.rule === HISTORIC_HEAD);
  const parts =
    head &&
    /^(?:(?:PAGE\s+)?\d{1,3}\s+)?(.+?),\s+([A-Z]+DAY,?\s+.+?\d{4})\.?(?:\s+(?:PAGE\s+)?\d{1,3})?$/.exec(head.text);
  if (parts) {
    article.publication ??= parts[1]!;
    article.date ??= parts[2]!;
  }

  const blocks = blocksOf(text).map((b) => b.text);
  const starts = articleStarts(blocks, options);
  fillParts(article, blocks.slice(0, starts[1] ?? blocks.length), options);
  if (starts.length > 1) {
    article.articles = starts.map((start, k) => {
      const part: Article = { paragraphs: [], blocks: [], removed: [] };
      fillParts(part, blocks.slice(start, starts[k + 1] ?? blocks.length), options);
      delete (part as { removed?: unknown }).removed;
      return part;
    });
  }
  return article;
}

/** The article's parts found in its blocks: headline, deck, byline (and role), body. */
function fillParts(article: Article, blocks: readonly string[], options: SegmentOptions): void {
  let body = 0;
  const byline = findByline(blocks);
  if (byline) {
    const bylineAt = byline.index;
    article.byline = byline.name;
    article.bylineText = blocks[bylineAt]!;
    const bylineLines = blocks[bylineAt]!.split('\n');
    if (bylineLines.length === 2) article.role = bylineLines[1]!.trim();
    body = bylineAt + 1;
    // A role line of its own under the byline (`By Amira Hassan` / blank / `Health Reporter`).
    if (article.role === undefined && body < blocks.length - 1 && isRoleLine(blocks[body]!)) {
      article.role = blocks[body]!;
      article.bylineText += `\n\n${blocks[body]!}`;
      body++;
    }
    let headlineEnd = 0;
    if (bylineAt >= 1 && isHeadline(blocks[0]!)) {
      headlineEnd = 1;
      while (headlineEnd < bylineAt && continuesHeadline(blocks[0]!, blocks[headlineEnd])) headlineEnd++;
      article.headline = blocks.slice(0, headlineEnd).join('\n\n');
    }
    // What stands between the headline (if any) and the byline is the deck: the parts keep the text's
    // order (headline, deck, byline, body), so the text format writes the text as it is.
    const deck = blocks.slice(headlineEnd, bylineAt);
    if (deck.length > 0) article.deck = deck.join('\n\n');
  } else if (blocks.length > 1 && isHeadline(blocks[0]!)) {
    body = 1;
    while (body < blocks.length - 1 && continuesHeadline(blocks[0]!, blocks[body])) body++;
    article.headline = blocks.slice(0, body).join('\n\n');
    // A deck with no byline under it: title-like blocks between the headline and the body.
    let deckEnd = body;
    while (deckEnd < blocks.length - 1 && deckEnd - body < HEAD_MAX_BLOCKS && isDeckBlock(blocks[deckEnd]!)) deckEnd++;
    if (deckEnd > body) {
      article.deck = blocks.slice(body, deckEnd).join('\n\n');
      body = deckEnd;
    }
  }
  // One push per block, not a spread: a text may hold more blocks than a call takes arguments.
  for (const block of blocks.slice(body)) article.paragraphs.push(block);
  article.blocks = typeBlocks(article.paragraphs, options);
}

/** The rows' cells, when every row splits into the same number (two or more) of them. */
function tableCells(lines: readonly string[], rule: LineKind & { kind: 'row' }): string[][] | undefined {
  const split = (line: string): string[] => {
    const t = line.trim();
    switch (rule.rule) {
      case 'aligned-columns':
        return t.split(/ {2,}|\t+/);
      case 'leader-dots':
        return t.split(/[ \t]*(?:\.[ \t]?){4,}[ \t]*/);
      case 'dash-records':
        return [t.slice(0, t.indexOf(' — ')), t.slice(t.indexOf(' — ') + 3)];
      case 'number-columns': {
        const tokens = t.split(/\s+/);
        const first = tokens.findIndex((w) => /^[(]?[-+]?(?:\d|\.\d)/.test(w));
        return first <= 0 ? tokens : [tokens.slice(0, first).join(' '), ...tokens.slice(first)];
      }
    }
  };
  const cells = lines.map(split);
  const n = cells[0]!.length;
  return n >= 2 && cells.every((c) => c.length === n && c.every((x) => x !== '')) ? cells : undefined;
}

/**
 * The body's blocks typed: each paragraph split into runs of prose, list items and table rows
 * (`lineKinds`); a one-line paragraph between two paragraphs may be a crosshead (`crossheadRule`, with
 * the historic page's two-word crossheads when `options.historic`); single list items in
 * a row (a list written a paragraph per line) are one list.
 */
export function typeBlocks(paragraphs: readonly string[], options: SegmentOptions = {}): ArticleBlock[] {
  const out: ArticleBlock[] = [];
  paragraphs.forEach((paragraph, p) => {
    const quote = quoteText(paragraph);
    if (quote !== undefined) {
      out.push({ kind: 'quote', text: quote, rule: 'quote-marker' });
      return;
    }
    const lines = paragraph.split('\n');
    if (lines.length === 1 && p > 0 && p < paragraphs.length - 1) {
      const rule = crossheadRule(paragraph, paragraphs[p - 1]!, paragraphs[p + 1]!, options.historic === true);
      if (rule !== undefined) {
        out.push({ kind: 'heading', level: 2, text: paragraph, rule });
        return;
      }
    }
    if (lines.length === 1) {
      // A list written a paragraph per line: an item that continues the list before it, or that the
      // next paragraph's item continues.
      const marker = listMarker(paragraph);
      const next = paragraphs[p + 1];
      const pair = (a: string, b: string) => lineKinds([a, b]).every((k) => k.kind === 'item');
      const previous = out[out.length - 1];
      const continuesPrevious =
        previous?.kind === 'list' &&
        pair(
          `${previous.markers[previous.markers.length - 1]!} ${previous.items[previous.items.length - 1]!}`,
          paragraph,
        );
      if (
        marker !== undefined &&
        (continuesPrevious || (next !== undefined && !next.includes('\n') && pair(paragraph, next)))
      ) {
        pushList(out, [marker]);
        return;
      }
    }
    const kinds = lineKinds(lines);
    for (let i = 0; i < lines.length;) {
      const kind = kinds[i]!;
      let end = i + 1;
      while (end < lines.length && kinds[end]!.kind === kind.kind && sameRun(kinds[end - 1]!, kinds[end]!)) end++;
      const run = lines.slice(i, end);
      if (kind.kind === 'item') {
        const markers = kinds.slice(i, end).map((k) => (k as { marker: ListMarker }).marker);
        pushList(out, markers);
      } else if (kind.kind === 'row') {
        const cells = tableCells(run, kind);
        out.push({ kind: 'table', lines: run.map((l) => l.trimEnd()), ...(cells ? { cells } : {}), rule: kind.rule });
      } else {
        const text = run.join('\n');
        out.push(
          isQuestionOrAnswer(text) ? { kind: 'paragraph', text, rule: 'question-answer' } : { kind: 'paragraph', text },
        );
      }
      i = end;
    }
  });
  return out;
}

const sameRun = (a: LineKind, b: LineKind): boolean => a.kind !== 'row' || (b.kind === 'row' && a.rule === b.rule);

/** A list of these items, or the items added to the list just before when they continue it. */
function pushList(out: ArticleBlock[], markers: readonly ListMarker[]): void {
  const last = out[out.length - 1];
  const first = markers[0]!;
  if (last?.kind === 'list' && last.ordered === first.ordered) {
    const previous = last.markers[last.markers.length - 1]!;
    const n = Number.parseInt(previous, 10);
    const continues = first.ordered ? first.number === n + 1 : !/\)$/.test(previous) && previous === first.marker;
    if (continues) {
      for (const m of markers) {
        last.items.push(m.text);
        last.markers.push(m.marker);
      }
      return;
    }
  }
  out.push({
    kind: 'list',
    ordered: first.ordered,
    ...(first.number !== undefined ? { start: first.number } : {}),
    items: markers.map((m) => m.text),
    markers: markers.map((m) => m.marker),
    rule: 'list-item',
  });
}
