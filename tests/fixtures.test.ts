/**
 * Every folder under fixtures/ is a whole-article case: input.txt (read and decoded like the CLI
 * does), expected.txt and expected.md, and expected.json where the folder has one. On every fixture, also: a second run changes nothing, and each
 * transform changed its text exactly when it recorded edits, which replay to its output.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanArticle, TRANSFORMS } from '../src/index.js';
import { RunContext } from '../src/core/context.js';
import { readInputFile } from '../src/io/files.js';
import { evidence, replays } from './helpers.js';

const root = path.join(import.meta.dirname, '..', 'fixtures');
const fixtures = fs.readdirSync(root).filter((d) => fs.existsSync(path.join(root, d, 'input.txt')));
const read = (name: string, file: string) => fs.readFileSync(path.join(root, name, file), 'utf8');

describe.each(fixtures)('fixture %s', (name) => {
  const input = readInputFile(path.join(root, name, 'input.txt')).text;

  it('text output matches expected.txt', () => {
    expect(cleanArticle(input, { evidence }).output).toBe(read(name, 'expected.txt'));
  });

  it('markdown output matches expected.md', () => {
    expect(cleanArticle(input, { evidence, format: 'markdown' }).output).toBe(read(name, 'expected.md'));
  });

  if (fs.existsSync(path.join(root, name, 'expected.json'))) {
    it('json output matches expected.json', () => {
      expect(JSON.parse(cleanArticle(input, { evidence, format: 'json' }).output)).toEqual(
        JSON.parse(read(name, 'expected.json')),
      );
    });
  }

  it('the text format is the cleaned text itself: segmentation and rendering change nothing', () => {
    const result = cleanArticle(input, { evidence });
    expect(result.output).toBe(result.text === '' ? '' : `${result.text}\n`);
  });

  it('a second run changes nothing', () => {
    const once = cleanArticle(input, { evidence }).output;
    const twice = cleanArticle(once, { evidence });
    expect(twice.output).toBe(once);
  });

  it('each transform changes its text exactly when it records edits, and the edits replay', () => {
    let text = input;
    const context = new RunContext(evidence);
    for (const transform of TRANSFORMS) {
      const before = text;
      context.enter(transform, before);
      const result = transform.apply(before, context, transform.defaults);
      expect(result.text !== before, `${transform.id} changed text iff it has edits`).toBe(result.edits.length > 0);
      expect(replays(before, result.text, result.edits), `${transform.id} edits replay`).toBe(true);
      for (const edit of result.edits) {
        expect(edit.transform).toBe(transform.id);
        expect(transform.rules, `${transform.id} declares its rule ${edit.rule}`).toContain(edit.rule);
      }
      context.record(transform, result.edits);
      text = result.text;
    }
  });
});

it('the Statesman fixture is the seed article, cleaned exactly as expected', () => {
  expect(fixtures).toContain('statesman');
});
