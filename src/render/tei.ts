/**
 * TEI XML (`-f tei`): the article as a minimal TEI P5 document, the form digital-humanities archives
 * keep text in. The header holds what was found (title, author, publication, date) and how the text
 * was made (the preset); the body holds the headline (`<head>`), the deck (`<head type="sub">`), the
 * byline (`<byline>`) and the paragraphs (`<p>`), a kept line break as `<lb/>`. Pure, like every
 * renderer: it reads only the `Article`.
 *
 *     <TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader>...</teiHeader><text><body>...</body></text></TEI>
 */
import type { Article } from '../core/types.js';

/** Characters XML 1.0 cannot hold (C0 controls but tab and line breaks, U+FFFE, U+FFFF, lone surrogates). */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text as XML character data: `&`, `<`, `>` escaped, `"` too (for attributes), the impossible as U+FFFD. */
function escape(text: string): string {
  return text
    .replace(NOT_XML, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** A part's text with its kept line breaks as `<lb/>`. */
const withBreaks = (text: string): string => escape(text).replace(/\n/g, '<lb/>');

const element = (name: string, text: string | undefined, attributes = ''): string[] =>
  text === undefined || text === '' ? [] : [`<${name}${attributes}>${escape(text)}</${name}>`];

export function renderTei(article: Article): string {
  const title = article.headline?.replace(/\s*\n\s*/g, ' ');
  const source = [...element('title', article.publication, ' level="j"'), ...element('date', article.date)];
  const byline = article.bylineText ?? (article.byline && `By ${article.byline}`);
  const body = [
    ...(article.headline ? [`<head>${withBreaks(article.headline)}</head>`] : []),
    ...(article.deck ? article.deck.split('\n\n').map((d) => `<head type="sub">${withBreaks(d)}</head>`) : []),
    ...(byline ? [`<byline>${withBreaks(byline)}</byline>`] : []),
    ...article.paragraphs.map((p) => `<p>${withBreaks(p)}</p>`),
  ];
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<TEI xmlns="http://www.tei-c.org/ns/1.0">',
    '  <teiHeader>',
    '    <fileDesc>',
    '      <titleStmt>',
    `        ${element('title', title)[0] ?? '<title>Untitled article</title>'}`,
    ...element('author', article.byline).map((a) => `        ${a}`),
    '      </titleStmt>',
    '      <publicationStmt>',
    '        <p>Cleaned from OCR or PDF-extracted text by clean-article; not published.</p>',
    '      </publicationStmt>',
    '      <sourceDesc>',
    source.length > 0
      ? `        <bibl>${source.join('')}</bibl>`
      : '        <p>The source is not named in the text.</p>',
    '      </sourceDesc>',
    '    </fileDesc>',
    '    <encodingDesc>',
    `        <p>${escape(`Cleaned by clean-article${article.source ? ` with the ${article.source} preset` : ''}; page furniture removed (${article.removed.length} lines).`)}</p>`,
    '    </encodingDesc>',
    '  </teiHeader>',
    '  <text>',
    '    <body>',
    ...(body.length > 0 ? body : ['<p/>']).map((b) => `      ${b}`),
    '    </body>',
    '  </text>',
    '</TEI>',
  ];
  return `${lines.join('\n')}\n`;
}
