/**
 * The Markdown output is valid CommonMark that means what we meant: parsed back with a real CommonMark
 * parser, the headline is one level-1 heading, the deck, byline and role are emphasis, and every block
 * of the body is what it is typed as: a paragraph whose text is exactly the article's text (escapes
 * undone, nothing became markup), a level-2 heading, a list with its items, a quote, a pipe table
 * whose cells read back, or a fenced block holding the table's lines as they are.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Parser, type Node } from 'commonmark';
import { describe, expect, it } from 'vitest';
import { cleanArticle } from '../src/index.js';
import { renderMarkdown } from '../src/render/markdown.js';
import { readInputFile } from '../src/io/files.js';
import type { Article } from '../src/index.js';
import { evidence } from './helpers.js';

interface Parsed {
  type: string;
  level?: number;
  text: string;
  emphasis: boolean;
  ordered?: boolean;
  start?: number;
  items?: string[];
  info?: string;
}

/** The text of a node: its text and code, soft and hard breaks as `\n`; `markup` when other inline nodes are in it. */
function textOf(node: Node): { text: string; markup: boolean } {
  let text = '';
  let markup = false;
  const walker = node.walker();
  for (let e = walker.next(); e; e = walker.next()) {
    const n: Node = e.node;
    if (!e.entering) continue;
    if (n.type === 'text') text += n.literal ?? '';
    else if (n.type === 'softbreak' || n.type === 'linebreak') text += '\n';
    else if (!['paragraph', 'heading', 'emph', 'block_quote', 'item', 'thematic_break'].includes(n.type)) markup = true;
  }
  return { text, markup };
}

function blocks(markdown: string): Parsed[] {
  const body = markdown.replace(/^---\n[\s\S]*?\n---\n/, '');
  const doc = new Parser().parse(body);
  const out: Parsed[] = [];
  for (let child = doc.firstChild; child; child = child.next) {
    if (child.type === 'list') {
      const items: string[] = [];
      for (let item = child.firstChild; item; item = item.next) {
        const { text, markup } = textOf(item);
        items.push(markup ? `${text}+markup` : text);
      }
      const ordered = child.listType === 'ordered';
      out.push({
        type: 'list',
        text: '',
        emphasis: false,
        ordered,
        ...(ordered ? { start: child.listStart } : {}),
        items,
      });
      continue;
    }
    if (child.type === 'code_block') {
      out.push({ type: 'code_block', text: child.literal ?? '', emphasis: false, info: child.info ?? '' });
      continue;
    }
    const { text, markup } = textOf(child);
    const emphasis = child.type === 'paragraph' && child.firstChild?.type === 'emph' && !child.firstChild.next;
    out.push({ type: markup ? `${child.type}+markup` : child.type, level: child.level ?? undefined, text, emphasis });
  }
  return out;
}

/** A pipe table's text, as a CommonMark parser reads it (one paragraph), back into its cells. */
const pipeCells = (text: string): string[][] =>
  text
    .split('\n')
    .filter((_, i) => i !== 1)
    .map((line) =>
      line
        .replace(/^\| | \|$/g, '')
        .split(/ (?<!\\)\| /)
        .map((c) => c.replace(/\\\|/g, '|')),
    );

function expectFaithful(article: Article): void {
  const parsed = blocks(renderMarkdown(article));
  const expected: Parsed[] = [];
  // A page of several articles: each article's blocks in turn, a thematic break between two.
  const articles = article.articles && article.articles.length > 1 ? article.articles : [article];
  articles.forEach((one, k) => {
    if (k > 0) expected.push({ type: 'thematic_break', text: '', emphasis: false });
    expectedBlocks({ ...one, removed: [] }, expected, parsed);
  });
  const strip = ({ level, ...rest }: Parsed) => (level ? { ...rest, level } : rest);
  expect(parsed.map(strip)).toEqual(expected.map(strip));
}

/** What one article's Markdown parses back as, pushed on `expected` (pipe tables checked against `parsed`). */
function expectedBlocks(article: Article, expected: Parsed[], parsed: Parsed[]): void {
  // A part's lines, each trimmed (Markdown keeps no line's leading spaces): its soft breaks parse back as `\n`.
  const lines = (block: string) =>
    block
      .trim()
      .split('\n')
      .map((l) => l.trim())
      .join('\n');
  if (article.headline) {
    expected.push({ type: 'heading', level: 1, text: article.headline.replace(/\s*\n\s*/g, ' '), emphasis: false });
  }
  for (const part of article.deck?.split(/\n\s*\n/) ?? []) {
    expected.push({ type: 'paragraph', text: lines(part), emphasis: true });
  }
  if (article.byline) expected.push({ type: 'paragraph', text: `By ${article.byline}`, emphasis: true });
  if (article.byline && article.role) expected.push({ type: 'paragraph', text: article.role, emphasis: true });
  const body = article.blocks ?? article.paragraphs.map((text) => ({ kind: 'paragraph' as const, text }));
  for (const block of body) {
    switch (block.kind) {
      case 'paragraph':
        expected.push({ type: 'paragraph', text: lines(block.text), emphasis: false });
        break;
      case 'heading':
        expected.push({ type: 'heading', level: block.level, text: block.text, emphasis: false });
        break;
      case 'quote':
        expected.push({ type: 'block_quote', text: lines(block.text), emphasis: false });
        break;
      case 'list':
        expected.push({
          type: 'list',
          text: '',
          emphasis: false,
          ordered: block.ordered,
          ...(block.ordered ? { start: block.start } : {}),
          items: block.items.map((item, i) =>
            block.ordered || !block.markers[i]!.endsWith(')') ? item : `${block.markers[i]} ${item}`,
          ),
        });
        break;
      case 'table':
        // A pipe table is one paragraph to a CommonMark parser (tables are an extension): its cells read
        // back; a fenced block keeps every line, spacing and all.
        if (block.cells && !block.cells[0]!.some((c) => /\d/.test(c))) {
          const i = expected.length;
          expected.push({ type: 'pipe-table', text: '', emphasis: false });
          const at = parsed[i];
          if (at?.type === 'paragraph') {
            expect(pipeCells(at.text)).toEqual(block.cells.map((row) => row.map((c) => c.trim())));
            parsed[i] = { type: 'pipe-table', text: '', emphasis: false };
          }
        } else {
          expected.push({ type: 'code_block', text: `${block.lines.join('\n')}\n`, emphasis: false, info: 'text' });
        }
        break;
    }
  }
}

const root = path.join(import.meta.dirname, '..', 'fixtures');

describe('Markdown parses back as what it says', () => {
  it.each(fs.readdirSync(root).filter((d) => fs.existsSync(path.join(root, d, 'input.txt'))))('fixture %s', (name) => {
    const input = readInputFile(path.join(root, name, 'input.txt')).text;
    expectFaithful(cleanArticle(input, { evidence }).article);
  });

  it('a line break kept inside a part stays a soft break, and no line of it becomes markup', () => {
    expectFaithful({
      headline: 'FIRE ON\nMAIN STREET',
      deck: 'First deck,\n# still the deck\n\nSecond deck',
      byline: 'Ana Lima',
      paragraphs: [
        'Scores\n1. not a list\n- not a bullet\n> not a quote\n# not a heading',
        'A table\n===\n---\n```not a fence\n+ nor a bullet',
        'Returns\n7\n3\n12',
      ],
      removed: [],
    });
  });

  it('text that looks like markup stays text', () => {
    expectFaithful({
      headline: 'Council: *no* #1 plan ##',
      deck: 'Why _this_ [matters] <now>',
      byline: 'Ana_Lima',
      paragraphs: [
        '1. Not a list item.',
        '2) Nor this.',
        '# not a heading',
        '- not a bullet',
        '+ nor this',
        '> not a quote',
        '---',
        '===',
        '```not code',
        '    indented text',
        'A line with `code`, *stars*, __underscores__, [a link](http://x) and <b>html</b> & &amp; entities.',
        'Trailing backslash \\',
        '![not an image](x.png)',
        '| a | table? |',
      ],
      removed: [],
    });
  });
});
