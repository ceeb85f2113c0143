/**
 * TEI XML (`-f tei`): the article as a minimal TEI P5 document, the form digital-humanities archives
 * keep text in. The header holds what was found (title, author, publication, date) and how the text
 * was made (the preset); the body holds the headline (`<head>`), the deck (`<head type="sub">`), the
 * byline (`<byline>`, a role as `<roleName>`) and the body's blocks (see `articleBody`; several articles
 * of a page each in a `<div type="article">`), a kept line break as `<lb/>`. Pure, like every
 * renderer: it reads only the `Article`.
 *
 *     <TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader>...</teiHeader><text><body>...</body></text></TEI>
 */
import { bodyBlocks } from './json.js';
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

type ArticlePart = Pick<Article, 'headline' | 'deck' | 'byline' | 'bylineText' | 'role' | 'paragraphs' | 'blocks'>;

const indent = (lines: string[]): string[] => lines.map((l) => `  ${l}`);

/**
 * One article's headline, deck, byline (with its role) and body, in TEI: paragraphs as `<p>`, lists as
 * `<list>` of `<item>`, tables as `<table>` of `<row>` and `<cell>` (or, when the rows do not split
 * alike, an `<ab type="table">` of its lines, spacing kept), quotes as `<quote>`, and each crosshead
 * opening a `<div type="section">` headed by it.
 */
function articleBody(article: ArticlePart): string[] {
  // With a role, the name and the role apart (the byline as written holds both).
  const byline =
    article.role && article.byline ? undefined : (article.bylineText ?? (article.byline && `By ${article.byline}`));
  const lines = [
    ...(article.headline ? [`<head>${withBreaks(article.headline)}</head>`] : []),
    ...(article.deck ? article.deck.split('\n\n').map((d) => `<head type="sub">${withBreaks(d)}</head>`) : []),
    ...(byline ? [`<byline>${withBreaks(byline)}</byline>`] : []),
    ...(article.role && article.byline
      ? [`<byline>By ${withBreaks(article.byline)}<lb/><roleName>${withBreaks(article.role)}</roleName></byline>`]
      : []),
  ];
  let section: string[] | undefined;
  const sections: string[] = [];
  const put = (line: string) => (section ?? lines).push(line);
  const close = () => {
    if (section) sections.push('<div type="section">', ...indent(section), '</div>');
  };
  for (const block of bodyBlocks(article as Article)) {
    if (block.kind === 'heading') {
      close();
      section = [`<head>${withBreaks(block.text)}</head>`];
      continue;
    }
    if (block.kind === 'paragraph') put(`<p>${withBreaks(block.text)}</p>`);
    else if (block.kind === 'quote') put(`<quote><p>${withBreaks(block.text)}</p></quote>`);
    else if (block.kind === 'list') {
      put(`<list type="${block.ordered ? 'ordered' : 'unordered'}">`);
      block.items.forEach((item, i) => put(`  <item n="${escape(block.markers[i] ?? '')}">${withBreaks(item)}</item>`));
      put('</list>');
    } else if (block.cells) {
      put('<table>');
      for (const row of block.cells) put(`  <row>${row.map((c) => `<cell>${escape(c)}</cell>`).join('')}</row>`);
      put('</table>');
    } else {
      put(`<ab type="table" xml:space="preserve">${block.lines.map(escape).join('<lb/>')}</ab>`);
    }
  }
  close();
  return [...lines, ...sections];
}

export function renderTei(article: Article): string {
  const title = article.headline?.replace(/\s*\n\s*/g, ' ');
  const source = [...element('title', article.publication, ' level="j"'), ...element('date', article.date)];
  // A page of several articles: one `<div type="article">` each, in order (the first included).
  const body =
    article.articles && article.articles.length > 1
      ? article.articles.flatMap((a) => ['<div type="article">', ...indent(articleBody(a)), '</div>'])
      : articleBody(article);
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
