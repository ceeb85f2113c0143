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
import { findByline, isAllCaps } from './byline.js';
import { blocksOf } from './lines.js';
import type { Article, Edit, Removed } from './types.js';

/** Transforms whose removed lines are listed in the article's `removed`: the furniture stage. */
const FURNITURE_TRANSFORMS: ReadonlySet<string> = new Set(
  TRANSFORMS.filter((t) => t.stage === 'furniture').map((t) => t.id),
);
/** The boilerplate rules segmentation reads: the blank line a removal leaves, the publication and the date. */
const GAP = ruleOf(boilerplate, 'gap');
const MASTHEAD = ruleOf(boilerplate, 'masthead');
const DATELINE = ruleOf(boilerplate, 'dateline');
/** A headline without a byline: a short first block that is not a sentence (or is all caps). */
const HEADLINE_MAX_CHARS = 160;
const HEADLINE_MAX_WORDS = 25;

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

  const blocks = blocksOf(text).map((b) => b.text);
  let body = 0;
  const byline = findByline(blocks);
  if (byline) {
    const bylineAt = byline.index;
    article.byline = byline.name;
    article.bylineText = blocks[bylineAt]!;
    const headline = bylineAt >= 1 && isHeadline(blocks[0]!);
    if (headline) article.headline = blocks[0]!;
    // What stands between the headline (if any) and the byline is the deck: the parts keep the text's
    // order (headline, deck, byline, body), so the text format writes the text as it is.
    const deck = blocks.slice(headline ? 1 : 0, bylineAt);
    if (deck.length > 0) article.deck = deck.join('\n\n');
    body = bylineAt + 1;
  } else if (blocks.length > 1 && isHeadline(blocks[0]!)) {
    article.headline = blocks[0]!;
    body = 1;
  }
  // One push per block, not a spread: a text may hold more blocks than a call takes arguments.
  for (const block of blocks.slice(body)) article.paragraphs.push(block);
  return article;
}
