import { describe, expect, it } from 'vitest';
import { escapeBlock, renderMarkdown } from '../src/render/markdown.js';
import { renderJson } from '../src/render/json.js';
import { renderText } from '../src/render/text.js';
import type { Article } from '../src/index.js';

const article: Article = {
  publication: 'The "Daily": News',
  headline: 'Council says: no #1 plan',
  deck: 'A *bold* deck',
  byline: 'Ana Lima',
  paragraphs: ['1. Not a list item.', '# not a heading', '- not a bullet', 'Plain [text] with <b> and back\\slash.'],
  removed: [],
};

describe('renderText', () => {
  it('puts headline, deck, byline and paragraphs one blank line apart, with one final newline', () => {
    expect(renderText(article)).toBe(
      'Council says: no #1 plan\n\nA *bold* deck\n\nBy Ana Lima\n\n1. Not a list item.\n\n# not a heading\n\n- not a bullet\n\nPlain [text] with <b> and back\\slash.\n',
    );
  });

  it('renders an empty article as empty output', () => {
    expect(renderText({ paragraphs: [], removed: [] })).toBe('');
  });
});

describe('renderMarkdown', () => {
  const md = renderMarkdown(article);

  it('quotes YAML values safely', () => {
    expect(md).toContain('title: "Council says: no #1 plan"');
    expect(md).toContain('publication: "The \\"Daily\\": News"');
  });

  it('keeps paragraphs as paragraphs', () => {
    expect(md).toContain('\n\n1\\. Not a list item.\n\n');
    expect(md).toContain('\n\n\\# not a heading\n\n');
    expect(md).toContain('\n\n\\- not a bullet\n\n');
  });

  it('writes a section break (* * *) as a thematic break, and a paragraph that only starts with stars escaped', () => {
    const out = renderMarkdown({ ...article, paragraphs: ['One.', '* * *', '** not bold', 'Two.'], blocks: undefined });
    expect(out).toContain('\n\nOne.\n\n* * *\n\n\\*\\* not bold\n\nTwo.\n');
  });

  it('escapes inline markup', () => {
    expect(md).toContain('*A \\*bold\\* deck*');
    expect(md).toContain('Plain \\[text\\] with \\<b\\> and back\\\\slash.');
  });

  it.each([
    ['ordered list with parenthesis', '2) second', '2\\) second'],
    ['setext underline', '===', '\\==='],
    ['block quote', '> quoted', '\\> quoted'],
    ['plus bullet', '+ item', '\\+ item'],
    ['code fence', '```code', '\\`\\`\\`code'],
    ['intraword underscore kept', 'snake_case', 'snake_case'],
    ['underscore emphasis', '_word_', '\\_word\\_'],
  ])('%s', (_name, paragraph, escaped) => {
    expect(escapeBlock(paragraph)).toBe(escaped);
  });
});

describe('renderJson', () => {
  it('always has every key', () => {
    const json = JSON.parse(renderJson({ paragraphs: ['x'], removed: [] }));
    expect(Object.keys(json)).toEqual([
      'publication',
      'date',
      'headline',
      'deck',
      'byline',
      'role',
      'paragraphs',
      'blocks',
      'removed',
      'articles',
      'source',
    ]);
    expect(json.articles).toBeNull();
    expect(json.headline).toBeNull();
    expect(json.role).toBeNull();
    expect(json.blocks).toEqual([{ kind: 'paragraph', text: 'x' }]);
  });
});
