/** JSON: the article's parts for programs. Missing parts are `null`, so every key is always there. */
import type { Article } from '../core/types.js';

export interface ArticleJson {
  publication: string | null;
  date: string | null;
  headline: string | null;
  deck: string | null;
  byline: string | null;
  paragraphs: string[];
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
    paragraphs: article.paragraphs,
    removed: article.removed,
    source: article.source ?? null,
  };
}

export function renderJson(article: Article): string {
  return `${JSON.stringify(articleJson(article), null, 2)}\n`;
}
