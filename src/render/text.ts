/** Plain text: headline, deck, `By <name>`, paragraphs; one blank line between; one final newline. */
import type { Article } from '../core/types.js';

export function renderText(article: Article): string {
  const parts = [article.headline, article.deck, article.byline && `By ${article.byline}`, ...article.paragraphs];
  const present = parts.filter((p): p is string => p !== undefined && p !== '');
  return present.length === 0 ? '' : `${present.join('\n\n')}\n`;
}
