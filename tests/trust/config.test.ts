import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findConfig, loadConfig, parseConfig, TRANSFORM_OPTION_CHECKS, validateConfig } from '../../src/cli/config.js';
import { UsageError } from '../../src/core/errors.js';
import { TRANSFORMS } from '../../src/index.js';

describe('validateConfig rejects, naming the key path and what was expected', () => {
  it.each([
    ['not an object', [], 'expected a JSON object, got an array'],
    [
      'an unknown key',
      { colour: true },
      'colour: unknown key; valid keys: preset, only, skip, enable, transforms, boilerplate, words, wordsFile, protect, $schema',
    ],
    [
      'a wrong preset',
      { preset: 'nyt' },
      'preset: unknown preset "nyt"; valid: auto, generic, pressreader, pdftotext, chronam',
    ],
    ['only not a list', { only: 'unwrap' }, 'only: expected an array, got "unwrap"'],
    [
      'an unknown transform in skip',
      { skip: ['unwrap', 'nope'] },
      'skip[1]: unknown transform id "nope"; valid: mojibake,',
    ],
    ['a number where a name goes', { skip: [3] }, 'skip[0]: expected a transform id, got 3'],
    [
      'transforms not an object',
      { transforms: [] },
      'transforms: expected an object of options per transform id, got an array',
    ],
    ['an unknown transform', { transforms: { nope: {} } }, 'transforms.nope: unknown transform; valid ids: mojibake,'],
    [
      'options not an object',
      { transforms: { unwrap: 0.8 } },
      'transforms.unwrap: expected an object of options, got 0.8',
    ],
    [
      'a ratio given as a word',
      { transforms: { unwrap: { shortLineRatio: 'high' } } },
      'transforms.unwrap.shortLineRatio: expected a number between 0 and 1, got "high"',
    ],
    [
      'a ratio out of range',
      { transforms: { unwrap: { shortLineRatio: 1.5 } } },
      'transforms.unwrap.shortLineRatio: expected a number between 0 and 1, got 1.5',
    ],
    [
      'an unknown option',
      { transforms: { unwrap: { ratio: 1 } } },
      'transforms.unwrap.ratio: unknown option; valid options: shortLineRatio',
    ],
    [
      'an option of a transform without options',
      { transforms: { whitespace: { x: 1 } } },
      'transforms.whitespace.x: unknown option; whitespace has no options',
    ],
    [
      'a boolean given as a string',
      { transforms: { unicode: { longS: 'yes' } } },
      'transforms.unicode.longS: expected true or false, got "yes"',
    ],
    [
      'an unknown boilerplate rule',
      { transforms: { boilerplate: { skipRules: ['masthead', 'mast'] } } },
      'transforms.boilerplate.skipRules[1]: unknown boilerplate rule id "mast"; valid: pressreader-footer,',
    ],
    [
      'extraPatterns set directly',
      { transforms: { boilerplate: { extraPatterns: [] } } },
      'transforms.boilerplate.extraPatterns: unknown option; valid options: skipRules',
    ],
    ['boilerplate not a list', { boilerplate: {} }, 'boilerplate: expected an array, got an object'],
    [
      'a boilerplate entry without a name',
      { boilerplate: [{ pattern: 'x' }] },
      'boilerplate[0].name: missing; expected a rule name',
    ],
    [
      'a boilerplate name with spaces',
      { boilerplate: [{ name: 'Promo box', pattern: 'x' }] },
      'boilerplate[0].name: expected a kebab-case rule name like "promo-box", got "Promo box"',
    ],
    [
      'an invalid boilerplate pattern',
      { boilerplate: [{ name: 'promo', pattern: 'Subscribe (now' }] },
      'boilerplate[0].pattern: invalid regular expression: Unterminated group',
    ],
    [
      'unknown pattern flags',
      { boilerplate: [{ name: 'promo', pattern: 'x', flags: 'g' }] },
      'boilerplate[0].flags: expected "i", "u" or "iu", got "g"',
    ],
    [
      'an unknown key in a boilerplate entry',
      { boilerplate: [{ name: 'p', pattern: 'x', why: 1 }] },
      'boilerplate[0].why: unknown key; valid keys: name, pattern, flags',
    ],
    ['words not a list', { words: 'Zorbulon' }, 'words: expected an array, got "Zorbulon"'],
    ['a word with a space', { words: ['two words'] }, 'words[0]: expected a word without spaces, got "two words"'],
    ['an empty wordsFile', { wordsFile: '' }, 'wordsFile: expected a file name, got ""'],
    [
      'an invalid protect pattern',
      { protect: ['[a-'] },
      'protect[0]: invalid regular expression: Unterminated character class',
    ],
    ['an empty protect pattern', { protect: [''] }, 'protect[0]: expected a regular expression, got ""'],
    [
      'a protect pattern that can backtrack without end',
      { protect: ['(a+)+$'] },
      'protect[0]: the pattern nests unbounded quantifiers ("(a+)+"), which can take exponential time',
    ],
    [
      'a boilerplate pattern that can backtrack without end',
      { boilerplate: [{ name: 'promo', pattern: '(\\w+\\s?)*Subscribe' }] },
      'boilerplate[0].pattern: the pattern nests unbounded quantifiers ("(\\w+\\s?)*")',
    ],
    [
      'a protect object without a pattern',
      { protect: [{ flags: 'i' }] },
      'protect[0].pattern: missing; expected a regular expression',
    ],
  ])('%s', (_name, value, message) => {
    expect(() => validateConfig(value)).toThrow(UsageError);
    expect(() => validateConfig(value)).toThrow(message);
  });
});

describe('validateConfig accepts', () => {
  it('an empty configuration', () => {
    expect(validateConfig({})).toEqual({ transformOptions: {}, protect: [], words: [] });
  });

  it('every key, compiled', () => {
    const config = validateConfig({
      preset: 'chronam',
      only: ['unicode', 'boilerplate'],
      skip: [],
      transforms: {
        unwrap: { shortLineRatio: 0.85 },
        unicode: { longS: false },
        boilerplate: { skipRules: ['folio'] },
      },
      boilerplate: [{ name: 'promo-box', pattern: 'Subscribe (now|today).*', flags: 'i' }],
      words: [' Zorbulon '],
      wordsFile: 'names.txt',
      protect: ['\\bXJ-\\d+\\b', { pattern: 'acme', flags: 'i' }],
    });
    expect(config.preset).toBe('chronam');
    expect(config.only).toEqual(['unicode', 'boilerplate']);
    expect(config.words).toEqual(['Zorbulon']);
    expect(config.wordsFile).toBe('names.txt');
    expect(config.transformOptions.unwrap).toEqual({ shortLineRatio: 0.85 });
    const boilerplate = config.transformOptions.boilerplate as {
      skipRules: string[];
      extraPatterns: { name: string; pattern: RegExp }[];
    };
    expect(boilerplate.skipRules).toEqual(['folio']);
    expect(boilerplate.extraPatterns[0]!.name).toBe('promo-box');
    // A boilerplate pattern matches a whole line.
    expect(boilerplate.extraPatterns[0]!.pattern.test('SUBSCRIBE TODAY for $1')).toBe(true);
    expect(boilerplate.extraPatterns[0]!.pattern.test('Readers who subscribe now')).toBe(false);
    expect(config.protect.map((r) => r.flags)).toEqual(['g', 'gi']);
  });

  it('covers every option of every transform (besides the boilerplate hook)', () => {
    for (const t of TRANSFORMS) {
      const keys = Object.keys(t.defaults).filter((k) => !(t.id === 'boilerplate' && k === 'extraPatterns'));
      expect(Object.keys(TRANSFORM_OPTION_CHECKS[t.id] ?? {}).sort(), t.id).toEqual(keys.sort());
    }
  });
});

describe('configuration files', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clean-article-config-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('names the file in errors, and reports JSON syntax errors', () => {
    expect(() => parseConfig('{"words": 1}', 'my.json')).toThrow('my.json: words: expected an array, got 1');
    expect(() => parseConfig('{"words": [}', 'my.json')).toThrow(/^my\.json: not valid JSON: /);
  });

  it('reads wordsFile relative to the configuration', () => {
    fs.mkdirSync(path.join(dir, 'conf'));
    fs.writeFileSync(path.join(dir, 'conf', 'names.txt'), '# names\nZorbulon\n\nQuarg # a town\n');
    fs.writeFileSync(path.join(dir, 'conf', 'c.json'), JSON.stringify({ words: ['Alpha'], wordsFile: 'names.txt' }));
    expect(loadConfig(path.join(dir, 'conf', 'c.json')).words).toEqual(['Alpha', 'Zorbulon', 'Quarg']);
  });

  it('a missing wordsFile is a usage error naming both files', () => {
    const file = path.join(dir, 'c.json');
    fs.writeFileSync(file, JSON.stringify({ wordsFile: 'gone.txt' }));
    expect(() => loadConfig(file, 'c.json')).toThrow('c.json: wordsFile: gone.txt: no such file');
  });

  it('finds clean-article.config.json in the working directory, unless told otherwise', () => {
    expect(findConfig(undefined, dir)).toBeUndefined();
    fs.writeFileSync(path.join(dir, 'clean-article.config.json'), '{"preset": "chronam"}');
    expect(findConfig(undefined, dir)?.preset).toBe('chronam');
    expect(findConfig(undefined, dir)?.file).toBe('clean-article.config.json');
    expect(findConfig(false, dir)).toBeUndefined();
    expect(() => findConfig(path.join(dir, 'nope.json'), dir)).toThrow(
      /nope\.json: cannot read the configuration: no such file/,
    );
  });
});
