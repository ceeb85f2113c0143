/** JSON: the article's parts for programs. Missing parts are `null`, so every key is always there. */
import type { Article, ArticleBlock } from '../core/types.js';

export interface ArticleJson {
  publication: string | null;
  date: string | null;
  headline: string | null;
  deck: string | null;
  byline: string | null;
  /** The byline's role line (`Health Reporter`), when it has one. */
  role: string | null;
  /** The body's blocks, as the text holds them (kept for compatibility: `blocks` types them). */
  paragraphs: string[];
  /** The body typed: paragraphs, headings (crossheads), lists, tables, quotes. */
  blocks: ArticleBlock[];
  removed: Article['removed'];
  /** The preset used (detected or asked for). */
  source: string | null;
}

export function articleJson(article: Article): ArticleJson {
  return {
    publication: article.publication ?? null,
    date: article.date ?? null,
    headline: article.headline ?? null,
    deck: article.deck ?? null,
    byline: article.byline ?? null,
    role: article.role ?? null,
    paragraphs: article.paragraphs,
    blocks: bodyBlocks(article),
    removed: article.removed,
    source: article.source ?? null,
  };
}

/** The article's typed body, or its paragraphs as paragraph blocks when it has none (an article a caller built). */
export const bodyBlocks = (article: Article): ArticleBlock[] =>
  article.blocks ?? article.paragraphs.map((text) => ({ kind: 'paragraph', text }));

export function renderJson(article: Article): string {
  return `${JSON.stringify(articleJson(article), null, 2)}\n`;
}
