/**
 * The library's options, from plain JavaScript too: checked with the configuration file's schema
 * before any text is cleaned, every problem a UsageError naming `options.<key>` (never a CLI flag,
 * never a TypeError from deep inside the pipeline).
 */
import { describe, expect, it } from 'vitest';
import { cleanArticle, runPipeline, UsageError } from '../src/index.js';
import { evidence } from './helpers.js';

/** As a JavaScript caller could write it: no types to stop it. */
const untyped = (options: unknown) => options as never;

describe('cleanArticle refuses bad options, naming them', () => {
  it.each([
    ['an unknown format', { format: 'pdf' }, 'options.format: unknown format "pdf"; valid: text, markdown, json'],
    ['an unknown preset', { preset: 'nyt' }, 'options.preset: unknown preset "nyt"; valid: auto, generic,'],
    ['an unknown transform in skip', { skip: ['x'] }, 'options.skip[0]: unknown transform id "x"; valid: mojibake,'],
    ['only as a string', { only: 'unwrap' }, 'options.only: expected an array, got "unwrap"'],
    ['an unknown key', { colour: true }, 'options.colour: unknown key; valid keys: only, skip, enable,'],
    [
      'an unknown transform option',
      { transformOptions: { unwrap: { ratio: 1 } } },
      'options.transformOptions.unwrap.ratio: unknown option; valid options: shortLineRatio',
    ],
    [
      'a transform option of the wrong type',
      { transformOptions: { unwrap: { shortLineRatio: 'high' } } },
      'options.transformOptions.unwrap.shortLineRatio: expected a number between 0 and 1, got "high"',
    ],
    [
      'options for an unknown transform',
      { transformOptions: { nope: {} } },
      'options.transformOptions.nope: unknown transform; valid ids: mojibake,',
    ],
    ['words as a string', { words: 'Zorbulon' }, 'options.words: expected an array of words, got "Zorbulon"'],
    ['a word with a space', { words: ['two words'] }, 'options.words[0]: expected a word without spaces'],
    ['an invalid protect pattern', { protect: ['[a-'] }, 'options.protect[0]: invalid regular expression'],
    ['protect as a string', { protect: 'acme' }, 'options.protect: expected an array of regular expressions'],
    [
      'a protect pattern that can backtrack without end',
      { protect: [/(a+)+$/] },
      'options.protect[0]: the pattern nests unbounded quantifiers ("(a+)+")',
    ],
    [
      'an extra boilerplate pattern that is not a RegExp',
      { transformOptions: { boilerplate: { extraPatterns: [{ name: 'promo', pattern: 'Subscribe' }] } } },
      'options.transformOptions.boilerplate.extraPatterns[0].pattern: expected a regular expression, got "Subscribe"',
    ],
    ['an evidence source that is none', { evidence: {} }, 'options.evidence: expected an evidence source'],
    ['options that are not an object', 'markdown', 'options: expected an object, got "markdown"'],
    ['only with no transform', { only: [] }, 'options.only: no transform left to run; nothing would be cleaned'],
    [
      'only and skip the same transform',
      { only: ['unwrap'], skip: ['unwrap'] },
      'options.only and options.skip: no transform left to run',
    ],
  ])('%s', (_name, options, message) => {
    expect(() => cleanArticle('Some text.', untyped(options))).toThrow(UsageError);
    expect(() => cleanArticle('Some text.', untyped(options))).toThrow(message);
  });

  it('refuses words given with a prepared evidence source, which would ignore them', () => {
    expect(() => cleanArticle('Some text.', { evidence, words: ['Zorbulon'] })).toThrow(
      'options.words: not used with options.evidence; give the words to createEvidenceSource(words) instead',
    );
  });

  it('refuses an input that is not a string', () => {
    expect(() => cleanArticle(untyped(42))).toThrow('input: expected a string, got 42');
  });
});

describe('cleanArticle accepts', () => {
  it('a protect pattern as a string or {pattern, flags}, as the configuration does', () => {
    const input = 'The acme widjet ships. The ACME widjet too.';
    const withWords = { evidence, transformOptions: {}, protect: untyped(['acme widjet', { pattern: 'ACME widjet' }]) };
    expect(cleanArticle(input, withWords).edits).toEqual([]);
  });

  it('options left undefined, as a spread of optional values gives them', () => {
    expect(cleanArticle('Some text.', { evidence, format: undefined, preset: undefined }).output).toBe('Some text.\n');
  });

  it('words as a Set', () => {
    expect(cleanArticle('Some text.', { words: new Set(['Zorbulon']) }).output).toBe('Some text.\n');
  });

  it('extra boilerplate patterns as RegExps', () => {
    const options = {
      evidence,
      transformOptions: { boilerplate: { extraPatterns: [{ name: 'promo-box', pattern: /^Subscribe today$/ }] } },
    };
    const result = cleanArticle('Story text.\n\nSubscribe today\n\nMore text.', options);
    expect(result.article.removed).toEqual([{ transform: 'boilerplate', rule: 'promo-box', text: 'Subscribe today' }]);
  });
});

describe('runPipeline refuses bad options, naming them', () => {
  it.each([
    ['an unknown transform', { skip: ['nope'] }, 'options.skip[0]: unknown transform id "nope"'],
    ['a format, which only cleanArticle takes', { format: 'text' }, 'options.format: unknown key'],
  ])('%s', (_name, options, message) => {
    expect(() => runPipeline('Some text.', untyped(options))).toThrow(message);
  });
});
