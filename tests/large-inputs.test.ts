/**
 * Inputs shaped to make one transform record hundreds of thousands of edits, or one block hold more
 * lines than a function call takes arguments: they go through the library without a crash, and the
 * edits still replay. (Their speed is measured by `npm run bench`, not here.)
 */
import { describe, expect, it } from 'vitest';
import { cleanArticle } from '../src/index.js';
import { applyEdits } from '../src/core/edits.js';
import { evidence } from './helpers.js';

describe('large inputs', () => {
  it('250,000 carriage returns: 250,000 line-break edits', () => {
    const result = cleanArticle('\r'.repeat(250_000), { evidence });
    expect(result.steps.find((s) => s.transform === 'unicode')!.edits.length).toBe(250_000);
    expect(result.output).toBe('');
  });

  it('a block of 130,000 lines', () => {
    const input = 'word\n'.repeat(130_000);
    const result = cleanArticle(input, { evidence });
    expect(result.edits.length).toBeGreaterThan(100_000);
    expect(result.article.paragraphs.length + (result.article.headline ? 1 : 0)).toBeGreaterThan(0);
  });

  it.each([
    ['line-end hyphens', 'con-\ncerns '],
    ['glued abbreviations', 'the U.S.led '],
    ['ligature garbage', 'effffffforts '],
    ['soft hyphens', 'ab\u00ADcd '],
  ])('%s repeated to 1 MB: every edit replays', (_name, unit) => {
    const input = unit.repeat(Math.ceil(1_000_000 / unit.length));
    const result = cleanArticle(input, { evidence });
    expect(result.edits.length).toBeGreaterThan(50_000);
    // Replayed step by step from the input, the edits give the output (applyEdits refuses overlaps).
    let text = input;
    for (const step of result.steps) text = applyEdits(text, step.edits);
    expect(text).toBe(result.text);
  });
});
