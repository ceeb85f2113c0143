/**
 * The Markdown output is valid CommonMark that means what we meant: parsed back with a real CommonMark
 * parser, the headline is one level-1 heading, the deck and byline are emphasis, and every paragraph
 * is one paragraph whose text is exactly the article's text (escapes undone, nothing became markup).
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

function blocks(markdown: string): { type: string; level?: number; text: string; emphasis: boolean }[] {
  const body = markdown.replace(/^---\n[\s\S]*?\n---\n/, '');
  const doc = new Parser().parse(body);
  const out: { type: string; level?: number; text: string; emphasis: boolean }[] = [];
  for (let child = doc.firstChild; child; child = child.next) {
    let text = '';
    let markup = false;
    const walker = child.walker();
    for (let e = walker.next(); e; e = walker.next()) {
      const n: Node = e.node;
      if (!e.entering) continue;
      if (n.type === 'text') text += n.literal ?? '';
      else if (n.type === 'softbreak' || n.type === 'linebreak') text += '\n';
      else if (!['paragraph', 'heading', 'emph'].includes(n.type)) markup = true;
    }
    const emphasis = child.type === 'paragraph' && child.firstChild?.type === 'emph' && !child.firstChild.next;
    out.push({ type: markup ? `${child.type}+markup` : child.type, level: child.level ?? undefined, text, emphasis });
  }
  return out;
}

function expectFaithful(article: Article): void {
  const parsed = blocks(renderMarkdown(article));
  const expected: { type: string; text: string; emphasis: boolean; level?: number }[] = [];
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
  for (const p of article.paragraphs) expected.push({ type: 'paragraph', text: lines(p), emphasis: false });
  expect(parsed.map(({ level, ...rest }) => (level ? { ...rest, level } : rest))).toEqual(
    expected.map(({ level, ...rest }) => (level ? { ...rest, level } : rest)),
  );
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
