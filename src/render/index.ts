import type { Article } from '../core/types.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';
import { renderText } from './text.js';
import { renderTei } from './tei.js';

export const FORMATS = ['text', 'markdown', 'json', 'tei'] as const;
export type Format = (typeof FORMATS)[number];

export function render(article: Article, format: Format): string {
  switch (format) {
    case 'text':
      return renderText(article);
    case 'markdown':
      return renderMarkdown(article);
    case 'json':
      return renderJson(article);
    case 'tei':
      return renderTei(article);
  }
}
