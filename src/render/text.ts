/**
 * Plain text: headline, deck, byline (with its role line), paragraphs; one blank line between; one final newline. Each part
 * is written as the text holds it (a list's and a table's lines stay lines), so the output is the pipeline's text (its blocks one blank line
 * apart) and every change to it is an edit `--explain` lists.
 */
import type { Article } from '../core/types.js';

export function renderText(article: Article): string {
  // A page of several articles: each in turn, one blank line apart (the text as it stands).
  if (article.articles && article.articles.length > 1) {
    const texts = article.articles.map((a) => renderText({ ...a, removed: [] })).filter((t) => t !== '');
    return texts.join('\n');
  }
  const role = article.role ? `\n\n${article.role}` : '';
  const byline = article.bylineText ?? (article.byline && `By ${article.byline}${role}`);
  const parts = [article.headline, article.deck, byline, ...article.paragraphs];
  const present = parts.filter((p): p is string => p !== undefined && p !== '');
  return present.length === 0 ? '' : `${present.join('\n\n')}\n`;
}
