import { describe, expect, it } from 'vitest';
import { dryRun, formatDryRun } from '../../src/report/dry-run.js';
import { cleanArticle, createEvidenceSource } from '../../src/index.js';
import { computeStats, formatStats } from '../../src/report/stats.js';
import { evidence } from '../helpers.js';

const DAMAGED =
  'Offi cials said the efffforts would con-\ncern the town. See www.example.com/efffforts or mail a@b.com.\n\nNewspapers in English';

describe('computeStats', () => {
  it('counts lower-case non-words before and after, edits by transform and removed lines', () => {
    const result = cleanArticle(DAMAGED, { evidence });
    const stats = computeStats(DAMAGED, result, evidence);
    expect(stats.source).toBe('pressreader');
    // Before: "cials", "efffforts" and "cern" are not words (the URL's "efffforts" is left out).
    expect(stats.nonWords).toEqual({ before: 3, after: 0 });
    expect(stats.words.before).toBe(12);
    expect(stats.nonWordShare.before).toBe(0.25);
    expect(stats.nonWordShare.after).toBe(0);
    // Every edit but the final line break trimmed, which the format writes again.
    expect(stats.edits).toBe(result.edits.length - 1);
    expect(result.edits.at(-1)).toMatchObject({ transform: 'whitespace', rule: 'trim', before: '\n' });
    expect(stats.editsByTransform.boilerplate).toBe(2);
    expect(stats.editsByTransform.ligatures).toBe(1);
    expect(Object.keys(stats.editsByTransform)).toEqual([...new Set(result.steps.map((s) => s.transform))]);
    expect(stats.linesRemoved).toBe(1);
    expect(stats.lines).toEqual({ before: 3, after: 1 });
  });

  it('lists the non-words left, most frequent first; user words count as words', () => {
    const text = 'the zorbulon and the zorbulon met a quarg';
    const result = cleanArticle(text, { evidence });
    expect(computeStats(text, result, evidence).nonWordsLeft).toEqual(['zorbulon', 'quarg']);
    const own = createEvidenceSource(['zorbulon']);
    expect(computeStats(text, cleanArticle(text, { evidence: own }), own).nonWordsLeft).toEqual(['quarg']);
  });

  it('contractions are words', () => {
    const text = 'we’ve said they can’t and don’t';
    expect(computeStats(text, cleanArticle(text, { evidence }), evidence).nonWords.before).toBe(0);
  });

  it('an empty input has no words and a share of 0', () => {
    const stats = computeStats('', cleanArticle('', { evidence }), evidence);
    expect(stats.nonWordShare).toEqual({ before: 0, after: 0 });
  });

  it('formats one line per input', () => {
    const result = cleanArticle(DAMAGED, { evidence });
    const line = formatStats('a.txt', computeStats(DAMAGED, result, evidence));
    expect(line).toMatch(/^a\.txt: non-words 25\.0% -> 0\.0% \(3\/12 -> 0\/9 lower-case words\); \d+ edits \(/);
    expect(line).toMatch(/boilerplate 2/);
    expect(line).toMatch(/; 1 line removed; source pressreader\n$/);
  });
});

describe('dryRun', () => {
  it('describes what would be written', () => {
    const run = dryRun('a.txt', 'x\ny\n', 'x y\n', 1, 'out.txt');
    expect(run).toEqual({
      input: 'a.txt',
      target: 'out.txt',
      changed: true,
      bytes: 4,
      edits: 1,
      linesDeleted: 2,
      linesInserted: 1,
    });
    expect(formatDryRun(run)).toBe(
      'dry run: a.txt -> out.txt: would write 4 bytes (1 edit; -2 +1 lines); nothing written\n',
    );
  });

  it('says when nothing would change, and names stdout', () => {
    expect(formatDryRun(dryRun('<stdin>', 'ok\n', 'ok\n', 0, undefined))).toBe(
      'dry run: <stdin> -> <stdout>: would write 3 bytes, unchanged from the input; nothing written\n',
    );
  });
});
