/**
 * Markdown: YAML front matter with every part found, `# headline`, the deck in emphasis, `*By name*`
 * (and the role line, in emphasis), then the body's blocks: paragraphs, `##` crossheads, CommonMark
 * lists (`1.` / `1)` ordered from the first item's number, `-` for bullets and letters, whose letter
 * stays in the item's text), tables as pipe tables when the first row is a header of text cells and
 * every row has its cells, else as a fenced block that keeps every line and its spacing, and `>`
 * quotes. Text is escaped so that it stays text: a paragraph starting with `1.`, `#`, `-` or
 * `>` stays a paragraph, and `*`, `_`, `[`, `<` and backticks never become markup. A line break the
 * text keeps inside a paragraph stays one (a soft break), each line escaped the same way; the headline
 * is one heading line, its line breaks read as spaces (as Markdown reads a soft break).
 */
import { isAsterism } from '../core/lines.js';
import type { Article, ArticleBlock } from '../core/types.js';
import { bodyBlocks } from './json.js';

/** YAML double-quoted scalar. JSON strings are valid YAML 1.2 double-quoted scalars. */
function yamlString(value: string): string {
  return JSON.stringify(value);
}

/** Escape inline markup characters. */
export function escapeInline(text: string): string {
  return text
    .replace(/[\\`*[\]<>]/g, '\\$&')
    .replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, '\\_')
    .replace(/&(?=#?\w+;)/g, '\\&')
    .replace(/!(?=\\\[)/g, '\\!');
}

/** Escape what would start a block construct at the beginning of a paragraph. */
export function escapeBlock(text: string): string {
  // Leading spaces cannot survive in Markdown (four make a code block): a paragraph starts at its text.
  let out = escapeInline(text.trim());
  out = out.replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2'); // ordered list
  out = out.replace(/^([-+])(?=\s|$)/, '\\$1'); // bullet list (`*` is already escaped)
  out = out.replace(/^(#{1,6})(?=\s|$)/, '\\$1'); // ATX heading
  out = out.replace(/^(=+|-+)$/, (m) => `\\${m}`); // a setext underline on its own
  out = out.replace(/^(~{3,}|`{3,})/, '\\$1'); // fence
  out = out.replace(/^\|/, '\\|');
  return out;
}

/** Escape every line of a block (a line inside a paragraph can start a block construct too). */
export function escapeLines(text: string): string {
  return text.split('\n').map(escapeBlock).join('\n');
}

/** A part on one line: its line breaks (and the spaces around them) as one space. */
const oneLine = (text: string): string => text.replace(/\s*\n\s*/g, ' ');

export function renderMarkdown(article: Article): string {
  // A page of several articles: one section each, `---` between; the front matter is the first's.
  if (article.articles && article.articles.length > 1) {
    const [first, ...rest] = article.articles;
    const sections = [renderMarkdown({ ...first!, publication: article.publication, date: article.date, removed: [] })];
    for (const a of rest) sections.push(renderBody({ ...a, removed: [] }));
    return `${sections
      .map((s) => s.trimEnd())
      .filter((s) => s !== '')
      .join('\n\n---\n\n')}\n`;
  }
  const front: string[] = [];
  if (article.headline) front.push(`title: ${yamlString(oneLine(article.headline))}`);
  if (article.deck) front.push(`deck: ${yamlString(oneLine(article.deck))}`);
  if (article.byline) front.push(`byline: ${yamlString(article.byline)}`);
  if (article.role) front.push(`role: ${yamlString(article.role)}`);
  if (article.publication) front.push(`publication: ${yamlString(article.publication)}`);
  if (article.date) front.push(`date: ${yamlString(article.date)}`);
  const body = renderBody(article);
  if (front.length === 0) return body;
  return `---\n${front.join('\n')}\n---\n${body === '' ? '' : `\n${body}`}`;
}

/** The article after its front matter: headline, deck, byline and role, body. */
function renderBody(article: Article): string {
  const blocks: string[] = [];
  if (article.headline) blocks.push(`# ${escapeInline(oneLine(article.headline)).replace(/#+$/, (m) => `\\${m}`)}`);
  if (article.deck) for (const part of article.deck.split(/\n\s*\n/)) blocks.push(`*${escapeLines(part)}*`);
  if (article.byline) blocks.push(`*By ${escapeInline(article.byline)}*`);
  if (article.byline && article.role) blocks.push(`*${escapeInline(article.role)}*`);
  for (const block of bodyBlocks(article)) blocks.push(renderBlock(block));
  return blocks.length === 0 ? '' : `${blocks.join('\n\n')}\n`;
}

/** A table cell: inline text, its pipes escaped (GFM splits cells at every unescaped `|`). */
const cell = (text: string): string => escapeInline(text.trim()).replace(/\|/g, '\\|');

/** A fence longer than any run of backticks in `lines`. */
function fence(lines: readonly string[]): string {
  let longest = 0;
  for (const line of lines) for (const m of line.matchAll(/`+/g)) longest = Math.max(longest, m[0].length);
  return '`'.repeat(Math.max(3, longest + 1));
}

/** The table's first row is a header: text cells, no figures. */
const hasHeader = (cells: readonly string[][]): boolean => cells.length >= 2 && cells[0]!.every((c) => !/\d/.test(c));

function renderBlock(block: ArticleBlock): string {
  switch (block.kind) {
    case 'paragraph':
      // A section break of stars (`* * *`, `• • •`) is Markdown's thematic break; a line of dashes or
      // equals signs stays text, as the paragraph wrote it (`---` may be a rule or a word's stand-in).
      return isAsterism(block.text) ? '* * *' : escapeLines(block.text);
    case 'heading':
      return `${'#'.repeat(block.level)} ${escapeInline(oneLine(block.text)).replace(/#+$/, (m) => `\\${m}`)}`;
    case 'quote':
      return escapeLines(block.text)
        .split('\n')
        .map((l) => (l === '' ? '>' : `> ${l}`))
        .join('\n');
    case 'list': {
      const delimiter = block.markers[0]!.endsWith(')') ? ')' : '.';
      return block.items
        .map((item, i) => {
          const marker = block.ordered ? `${(block.start ?? 1) + i}${delimiter}` : '-';
          const text = block.ordered || !block.markers[i]!.endsWith(')') ? item : `${block.markers[i]} ${item}`;
          return `${marker} ${escapeBlock(text)}`;
        })
        .join('\n');
    }
    case 'table': {
      if (block.cells && hasHeader(block.cells)) {
        const row = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
        const [header, ...rows] = block.cells;
        return [row(header!), `|${header!.map(() => ' --- ').join('|')}|`, ...rows.map(row)].join('\n');
      }
      const f = fence(block.lines);
      return `${f}text\n${block.lines.join('\n')}\n${f}`;
    }
  }
}
