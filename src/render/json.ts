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
  /**
   * Every article of a page that holds several, in order (the first included, whose parts are also
   * the fields above); null for one article.
   */
  articles: Omit<ArticleJson, 'removed' | 'source' | 'articles'>[] | null;
  /** The preset used (detected or asked for). */
  source: string | null;
}

/** An article's own parts (no page-level `removed`, `source` or `articles`). */
function partsJson(
  article: Omit<Article, 'removed' | 'source' | 'articles'>,
): Omit<ArticleJson, 'removed' | 'source' | 'articles'> {
  const { removed: _r, source: _s, articles: _a, ...parts } = articleJson({ ...article, removed: [] });
  return parts;
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
    articles: article.articles && article.articles.length > 1 ? article.articles.map(partsJson) : null,
    source: article.source ?? null,
  };
}

/** The article's typed body, or its paragraphs as paragraph blocks when it has none (an article a caller built). */
export const bodyBlocks = (article: Article): ArticleBlock[] =>
  article.blocks ?? article.paragraphs.map((text) => ({ kind: 'paragraph', text }));

export function renderJson(article: Article): string {
  return `${JSON.stringify(articleJson(article), null, 2)}\n`;
}
