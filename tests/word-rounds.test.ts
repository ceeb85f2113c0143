/**
 * The word stage runs in rounds (`core/pipeline.ts`): a repair of one word transform that gives
 * another its evidence is acted on in the same cleaning, not only by a second one.
 */
import { describe, expect, it } from 'vitest';
import { applyEdits } from '../src/core/edits.js';
import { cleanArticle, computeStats, explainEdits, runPipeline, TRANSFORMS } from '../src/index.js';
import { evidence } from './helpers.js';

/** A line that shows OCR damage, so that the corrector runs (as `auto` turns it on for such text). */
const OCR = 'Tbe clerk aud tbe mayor wero at tbe hall.';
const options = { evidence, enable: ['ocr-confusions'] };

describe('the word stage runs again on its own output', () => {
  it.each([
    // split-words runs before the corrector: the fragment is joined once its neighbour is repaired.
    [
      'a fragment beside a word the corrector repairs',
      'He was enaoavour ing to help.',
      'He was endeavouring to help.',
      'endeavour ing',
      'enaoavour',
    ],
    [
      'a prefix the corrector repairs',
      'A ro ward was offered by tbe men.',
      'A reward was offered by the men.',
      're ward',
      'ro',
    ],
  ])('%s: %s', (_, line, expected, joined, misread) => {
    const input = `${OCR} ${line}`;
    const first = runPipeline(input, options);
    expect(first.text).toBe(`The clerk and the mayor were at the hall. ${expected}`);
    // A second cleaning changes nothing.
    expect(runPipeline(first.text, options).text).toBe(first.text);
    expect(cleanArticle(cleanArticle(input, options).output, options).output).toBe(cleanArticle(input, options).output);
    // The join is a step of round 2, with its transform and rule, and every step replays.
    const later = first.steps.filter((s) => s.round !== undefined);
    expect(later.map((s) => [s.transform, s.round])).toEqual([['split-words', 2]]);
    expect(later[0]!.edits).toMatchObject([{ transform: 'split-words', rule: 'fragment', before: joined }]);
    let text = input;
    for (const step of first.steps) text = applyEdits(text, step.edits);
    expect(text).toBe(first.text);
    // The explanation places the join where its first part stands in the input.
    const join = explainEdits(input, first.steps).find((e) => e.transform === 'split-words')!;
    expect(join.offset).toBe(input.indexOf(`${misread} `, OCR.length));
  });

  it('correct text runs the stage once: no later round, each transform one step', () => {
    const input = 'The clerk and the mayor were at the hall. He was endeavouring to help.';
    const result = runPipeline(input, options);
    expect(result.text).toBe(input);
    expect(result.steps.some((s) => s.round !== undefined)).toBe(false);
    expect(result.steps.map((s) => s.transform)).toEqual(
      TRANSFORMS.filter((t) => t.enabledByDefault !== false || t.id === 'ocr-confusions').map((t) => t.id),
    );
  });

  it('a round whose repairs give no other evidence is the last: the next one changes nothing and is not listed', () => {
    const result = runPipeline(`${OCR} He was at tbe hall.`, options);
    expect(result.text).toBe('The clerk and the mayor were at the hall. He was at the hall.');
    expect(result.steps.filter((s) => s.round !== undefined)).toEqual([]);
  });

  it('the stats count the edits of every round under their transform', () => {
    // One split-words edit in the first round (`collec ting`), one in the second.
    const input = `${OCR} He was enaoavour ing to help in collec ting the money.`;
    const result = cleanArticle(input, options);
    const splitEdits = result.steps.filter((s) => s.transform === 'split-words').flatMap((s) => s.edits).length;
    expect(result.steps.filter((s) => s.transform === 'split-words' && s.edits.length > 0)).toHaveLength(2);
    expect(computeStats(input, result, evidence).editsByTransform['split-words']).toBe(splitEdits);
  });
});
