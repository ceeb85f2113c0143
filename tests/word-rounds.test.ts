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

describe('then the word stage runs on the laid-out text, as a second cleaning reads it', () => {
  /** A hard-wrapped paragraph of OCR with `lines` in it. */
  const wrapped = (...lines: string[]) =>
    [OCR, 'The clerk said that she', ...lines, 'by the men of the town hall', 'who came to see her there.'].join('\n');

  it.each([
    // The layout sets the heading apart: the word after it starts a sentence, no name.
    [
      'a misread word after a heading line',
      `${OCR}\n\nCARD OF THANKS\nWo desire to thank all our neighbours.`,
      'We desire',
    ],
    // Two fragments a line break cut are cut by a space once the lines are joined.
    [
      'a misread word cut at a line end',
      wrapped('would stay, and she cor', 'tainly could not be moved'),
      'she certainly could',
    ],
  ])('%s', (_, input, expected) => {
    const first = runPipeline(input, options);
    expect(first.text).toContain(expected);
    expect(runPipeline(first.text, options).text).toBe(first.text);
    // The repair is a step of a later round, after the round's first layout: it replays.
    const repair = first.steps.findIndex((s) => s.round !== undefined && s.transform === 'ocr-confusions');
    expect(repair).toBeGreaterThan(first.steps.findIndex((s) => s.transform === 'unwrap'));
    let text = input;
    for (const step of first.steps) text = applyEdits(text, step.edits);
    expect(text).toBe(first.text);
  });

  it('a join that needs the line end is made before the layout: tof / ward -> to / ward -> toward', () => {
    const input = wrapped('would stay closer tof', 'ward the door and not be moved');
    const first = runPipeline(input, options);
    expect(first.text).toContain('closer toward the door');
    const join = first.steps.findIndex((s) => s.transform === 'hyphens' && s.round === 2);
    expect(join).toBeGreaterThan(-1);
    expect(join).toBeLessThan(first.steps.findIndex((s) => s.transform === 'unwrap'));
    expect(runPipeline(first.text, options).text).toBe(first.text);
  });

  it('correct wrapped text: the later round changes nothing and lists nothing', () => {
    const input =
      'The clerk said that she\nwould stay, and she certainly\ncould not be moved by the\nmen who came to see her.';
    const result = runPipeline(input, options);
    expect(result.text).toBe(
      'The clerk said that she would stay, and she certainly could not be moved by the men who came to see her.',
    );
    expect(result.steps.filter((s) => s.round !== undefined)).toEqual([]);
  });

  it('the character stage runs again when a repair shows another (a ligature inside mojibake)', () => {
    const result = runPipeline('\uFB06\u00AC\u2022 and more', { evidence });
    expect(result.text).toBe('st\u00A5 and more');
    expect(result.steps.filter((s) => s.round !== undefined).map((s) => [s.transform, s.round])).toEqual([
      ['mojibake', 2],
    ]);
  });
});
