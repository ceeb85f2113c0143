/**
 * The evaluation script's metric helpers (scripts/lib, and the pure parts of scripts/eval). None of
 * these tests reads ../shared.
 */
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../src/index.js';
import { changedWords, editContextAsRead } from '../scripts/eval/do-no-harm.js';
import { contentWords } from '../scripts/eval/content.js';
import { icdarGroundTruth } from '../scripts/eval/context.js';
import {
  DELETE,
  EQUAL,
  INSERT,
  Interner,
  SUBSTITUTE,
  align,
  alignedIndices,
  alignmentCounts,
  codePoints,
  countAlignment,
  editDistance,
} from '../scripts/lib/edit-distance.js';
import { editContext, linesRemoved, replayEdits, stepInputs } from '../scripts/lib/edits.js';
import {
  addCounts,
  addMatchCounts,
  characterErrors,
  characterMatches,
  closeHyphenBreaks,
  hipeNormalize,
  matchErrorRate,
  scoringTokens,
  wordMatches,
  multiset,
  multisetMinus,
  normalizeForScoring,
  paragraphBoundaryF1,
  paragraphStarts,
  rate,
  wordErrors,
  words,
} from '../scripts/lib/metrics.js';
import { sample, seededRandom } from '../scripts/lib/random.js';
import { followTokens } from '../scripts/lib/token-trail.js';
import { makeEdit } from './helpers.js';
import { formatDelta, formatTable } from '../scripts/lib/table.js';

/** The textbook O(n·m) Levenshtein dynamic programme: the reference the fast version must equal. */
function naiveDistance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[b.length]!;
}

const chars = (s: string): number[] => [...s].map((c) => c.codePointAt(0)!);

/** A copy of `items` with about `share` of positions substituted, deleted or given an insertion. */
function corrupt(items: readonly number[], share: number, alphabet: number, random: () => number): number[] {
  const out: number[] = [];
  for (const item of items) {
    const r = random();
    if (r < share / 3) continue; // deletion
    if (r < (2 * share) / 3)
      out.push(Math.floor(random() * alphabet)); // substitution
    else if (r < share)
      out.push(item, Math.floor(random() * alphabet)); // insertion
    else out.push(item);
  }
  return out;
}

describe('editDistance', () => {
  it.each([
    ['kitten', 'sitting', 3],
    ['', '', 0],
    ['', 'abc', 3],
    ['abc', '', 3],
    ['same text', 'same text', 0],
    ['abc', 'xyz', 3],
    ['flaw', 'lawn', 2],
    ['intention', 'execution', 5],
    ['ab', 'ba', 2],
  ])('%j → %j is %i', (a, b, expected) => {
    expect(editDistance(chars(a), chars(b))).toBe(expected);
    expect(editDistance(chars(b), chars(a))).toBe(expected);
  });

  it('equals the plain dynamic programme on 2,000 random pairs of short strings', () => {
    const random = seededRandom(7);
    for (let trial = 0; trial < 2000; trial++) {
      const alphabet = 1 + Math.floor(random() * 4); // small alphabets make many equal runs and ties
      const a = Array.from({ length: Math.floor(random() * 25) }, () => Math.floor(random() * alphabet));
      const b =
        random() < 0.5
          ? corrupt(a, random(), alphabet, random)
          : Array.from({ length: Math.floor(random() * 25) }, () => Math.floor(random() * alphabet));
      expect(editDistance(a, b), `a=${a.join('')} b=${b.join('')}`).toBe(naiveDistance(a, b));
    }
  });

  it('equals the plain dynamic programme on long, similar sequences (the case it is built for)', () => {
    const random = seededRandom(11);
    for (const share of [0.01, 0.05, 0.15]) {
      const a = Array.from({ length: 3000 }, () => Math.floor(random() * 30));
      const b = corrupt(a, share, 30, random);
      expect(editDistance(a, b)).toBe(naiveDistance(a, b));
    }
  });
});

describe('align', () => {
  it('gives the steps of a shortest alignment, reference first', () => {
    // kitten -> sitting: k/s substituted, e/i substituted, g inserted.
    expect(align(chars('kitten'), chars('sitting'))).toEqual([
      SUBSTITUTE,
      EQUAL,
      EQUAL,
      EQUAL,
      SUBSTITUTE,
      EQUAL,
      INSERT,
    ]);
    expect(align(chars('abc'), chars(''))).toEqual([DELETE, DELETE, DELETE]);
    expect(align(chars(''), chars('ab'))).toEqual([INSERT, INSERT]);
    expect(align(chars(''), chars(''))).toEqual([]);
  });

  it('prefers a deletion and an insertion to two substitutions on a tie, as rapidfuzz does', () => {
    expect(countAlignment(align(chars('ab'), chars('ba')))).toEqual({
      hits: 1,
      substitutions: 0,
      deletions: 1,
      insertions: 1,
    });
  });

  it('is as short as the edit distance and consistent with both sequences on 2,000 random pairs', () => {
    const random = seededRandom(5);
    for (let trial = 0; trial < 2000; trial++) {
      const alphabet = 1 + Math.floor(random() * 4);
      const a = Array.from({ length: Math.floor(random() * 25) }, () => Math.floor(random() * alphabet));
      const b = corrupt(a, random(), alphabet, random);
      const ops = align(a, b);
      const c = countAlignment(ops);
      expect(c.substitutions + c.deletions + c.insertions).toBe(naiveDistance(a, b));
      expect(c.hits + c.substitutions + c.deletions).toBe(a.length);
      expect(c.hits + c.substitutions + c.insertions).toBe(b.length);
      const { refToHyp } = alignedIndices(ops, a.length, b.length);
      // Every EQUAL step pairs equal items.
      let i = 0;
      for (const op of ops) {
        if (op === EQUAL) expect(b[refToHyp[i]!]).toBe(a[i]);
        if (op !== INSERT) i++;
      }
    }
  });
});

describe('alignmentCounts', () => {
  it('counts the same path as align, without keeping it, on 3,000 random pairs', () => {
    const random = seededRandom(9);
    for (let trial = 0; trial < 3000; trial++) {
      const alphabet = 1 + Math.floor(random() * 4);
      const a = Array.from({ length: Math.floor(random() * 30) }, () => Math.floor(random() * alphabet));
      const b =
        random() < 0.5
          ? corrupt(a, random(), alphabet, random)
          : Array.from({ length: Math.floor(random() * 30) }, () => Math.floor(random() * alphabet));
      expect(alignmentCounts(a, b)).toEqual(countAlignment(align(a, b)));
    }
  });
});

describe('HIPE-OCRepair cMER', () => {
  it('normalises as the scorer does: lower case, non-word characters as spaces, ¬⏎ joined', () => {
    expect(hipeNormalize('The  Cat, sat-down;\n“here”')).toBe('the cat sat down here');
    expect(hipeNormalize('con¬\ncerns and Stra\u00dfe')).toBe('concerns and strasse');
    expect(hipeNormalize('snake_case 3½ ﬁne')).toBe('snake case 3½ ﬁne');
    expect(hipeNormalize('Œuvre of Æsop')).toBe('oeuvre of aesop');
    expect(hipeNormalize('cafe\u0301 ¬ x')).toBe('cafe x');
    expect(hipeNormalize(' \n ')).toBe('');
  });

  it('is (S + D + I) / (H + S + D + I) over normalised characters, spaces included', () => {
    // "the cat" vs reference "the cart": 7 hits, 1 insertion needed -> here the reference has the r,
    // so the hypothesis lacks it: 1 deletion of 8 reference characters.
    const lacking = characterMatches('the cat', 'the cart');
    expect(lacking).toEqual({ hits: 7, substitutions: 0, deletions: 1, insertions: 0 });
    expect(matchErrorRate(lacking)).toBe(1 / 8);
    // An extra character counts in the denominator too: 1 / (7 + 1).
    const extra = characterMatches('the cart', 'the cat');
    expect(extra).toEqual({ hits: 7, substitutions: 0, deletions: 0, insertions: 1 });
    expect(matchErrorRate(extra)).toBe(1 / 8);
    // Case and punctuation do not count; a substitution does: "tbe" for "the".
    expect(matchErrorRate(characterMatches('THE END.', 'the end'))).toBe(0);
    expect(matchErrorRate(characterMatches('tbe end', 'The end!'))).toBe(1 / 7);
  });

  it('stays at most 1 however much the hypothesis adds', () => {
    expect(matchErrorRate(characterMatches('xxxxxxxxxxxxxxxxxxxx', 'ab'))).toBeLessThanOrEqual(1);
    expect(matchErrorRate(characterMatches('', 'ab'))).toBe(1);
    expect(matchErrorRate(characterMatches('', ''))).toBe(0);
  });

  it('micro-averages by summing the counts of documents', () => {
    const total = addMatchCounts([characterMatches('the cat', 'the cart'), characterMatches('a dog', 'a dog')]);
    expect(matchErrorRate(total)).toBe(1 / (8 + 5));
  });

  it('wMER counts words of the normalised text', () => {
    expect(wordMatches('The cat, sat', 'the cat sat')).toEqual({
      hits: 3,
      substitutions: 0,
      deletions: 0,
      insertions: 0,
    });
    expect(matchErrorRate(wordMatches('the ca t sat', 'the cat sat'))).toBe(2 / 4);
  });
});

describe('scoring tokens', () => {
  it('are the tokens of normalizeForScoring, with their spans in the original text', () => {
    const text = 'a con¬\ncerns  o\uFB03ce\nend¬';
    const tokens = scoringTokens(text);
    expect(tokens.map((t) => t.text)).toEqual(words(normalizeForScoring(text)));
    expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual(['a', 'con¬\ncerns', 'o\uFB03ce', 'end']);
  });

  it('do not join across a soft hyphen followed by a space', () => {
    expect(scoringTokens('con¬\n cerns').map((t) => t.text)).toEqual(['con', 'cerns']);
  });
});

describe('following tokens through the steps', () => {
  /** Hand-made steps: each is a list of [offset, before, after] on the previous step's output. */
  function trailsOf(input: string, stepEdits: [number, string, string][][]) {
    const steps = stepEdits.map((edits, i) => ({
      transform: `t${i}`,
      edits: edits.map(([offset, before, after]) => ({ ...makeEdit(offset, before, after), transform: `t${i}` })),
    }));
    let text = input;
    const inputs: string[] = [];
    for (const step of steps) {
      inputs.push(text);
      text = replayEdits(text, step.edits);
    }
    return { text, trails: followTokens(scoringTokens(input), steps, inputs, text) };
  }

  it('keeps a token intact through edits elsewhere and through line breaks around it', () => {
    // step 0 joins the broken word, step 1 turns the remaining line break into a space.
    const { text, trails } = trailsOf('we have con-\ncerns about\nit', [
      [[7, ' con-\ncerns', '\nconcerns']],
      [[22, '\n', ' ']],
    ]);
    expect(text).toBe('we have\nconcerns about it');
    expect(trails.map((t) => [t.token.text, t.intact, text.slice(t.outStart, t.outEnd)])).toEqual([
      ['we', true, 'we'],
      ['have', true, 'have'],
      ['con-', false, 'concerns'],
      ['cerns', false, 'concerns'],
      ['about', true, 'about'],
      ['it', true, 'it'],
    ]);
    // Both halves were changed by step 0 only; the line break of step 1 is no change of a word.
    expect(trails[2]!.changes.map((c) => c.edit.transform)).toEqual(['t0']);
  });

  it('counts a word joined to its neighbour by a removed space, and a deleted word, as changed', () => {
    const { trails } = trailsOf('in collec ting && data', [[[9, ' ', '']], [[14, '&& ', '']]]);
    expect(trails.map((t) => [t.token.text, t.intact])).toEqual([
      ['in', true],
      ['collec', false],
      ['ting', false],
      ['&&', false],
      ['data', true],
    ]);
    expect(trails[1]!.changes[0]!.edit.before).toBe(' ');
    expect(trails[3]!.outStart).toBe(trails[3]!.outEnd);
  });

  it('does not count a change that leaves the token reading the same (NFKC)', () => {
    const { trails } = trailsOf('the o\uFB03ce opens', [[[5, '\uFB03', 'ffi']]]);
    expect(trails.map((t) => t.intact)).toEqual([true, true, true]);
  });
});

describe('codePoints and Interner', () => {
  it('counts an astral character once', () => {
    expect(codePoints('a😀b').length).toBe(3);
    expect(editDistance(codePoints('a😀b'), codePoints('ab'))).toBe(1);
  });

  it('gives equal words equal ids across calls', () => {
    const interner = new Interner();
    const [a, b] = [interner.idsOf(['the', 'cat', 'the']), interner.idsOf(['cat', 'dog'])];
    expect(a[0]).toBe(a[2]);
    expect(b[0]).toBe(a[1]);
    expect(b[1]).not.toBe(a[0]);
  });
});

describe('error rates', () => {
  it('CER is edit distance over reference characters', () => {
    const count = characterErrors('the cat', 'the cart');
    expect(count).toEqual({ errors: 1, total: 8 });
    expect(rate(count)).toBe(1 / 8);
  });

  it('WER counts whitespace tokens, punctuation attached', () => {
    expect(wordErrors('the cat sat', 'the cat sat')).toEqual({ errors: 0, total: 3 });
    expect(wordErrors('the  cat,\nsat', 'the cat sat')).toEqual({ errors: 1, total: 3 });
    expect(wordErrors('', 'one two')).toEqual({ errors: 2, total: 2 });
  });

  it('micro-averages by summing errors and totals', () => {
    expect(
      rate(
        addCounts([
          { errors: 1, total: 10 },
          { errors: 9, total: 90 },
        ]),
      ),
    ).toBe(0.1);
    expect(rate({ errors: 0, total: 0 })).toBe(0);
  });
});

describe('normalisation', () => {
  it('removes a soft hyphen with its line break, spaces other breaks, folds whitespace and applies NFKC', () => {
    expect(normalizeForScoring('  of\uFB01cial con¬\ncerns\nabout\t\tit¬')).toBe('official concerns about it');
  });

  it('keeps a real hyphen at a line end as a hyphen: Oxford-⏎street reads Oxford-street', () => {
    expect(closeHyphenBreaks('of Oxford-\nstreet and 1914-\n18')).toBe('of Oxford-street and 1914-18');
    expect(closeHyphenBreaks('a 40-\n ton barge')).toBe('a 40-ton barge');
  });

  it('leaves a dash that stands alone or follows punctuation at a line end', () => {
    expect(closeHyphenBreaks('wide -\nwider')).toBe('wide -\nwider');
    expect(closeHyphenBreaks('as follows:-\nThe')).toBe('as follows:-\nThe');
  });

  it('reads the icdar GT as a cleaner writes it: ligatures spelled out, printed hyphenation joined', () => {
    expect(icdarGroundTruth('con- \uFB01dently well-known')).toBe('confidently well-known');
    expect(icdarGroundTruth('to pro\u2010 ceed to')).toBe('to proceed to');
  });

  it('splits words on whitespace only', () => {
    expect(words('  a b,\n c ')).toEqual(['a', 'b,', 'c']);
    expect(words(' \n ')).toEqual([]);
  });
});

describe('paragraph boundaries', () => {
  it('are the word indexes of paragraphs 2..n', () => {
    expect(paragraphStarts('one two\n\nthree\n \nfour five six\n\n\n\nseven')).toEqual([2, 3, 6]);
    expect(paragraphStarts('only one paragraph\nwrapped')).toEqual([]);
  });

  it('score 1 for the same paragraphs, whatever the line wrapping', () => {
    const score = paragraphBoundaryF1('a b\nc\n\nd e', 'a b c\n\nd\ne');
    expect(score).toMatchObject({ matched: 1, found: 1, expected: 1, f1: 1 });
  });

  it('count a missed and an extra boundary', () => {
    const score = paragraphBoundaryF1('a b\n\nc d e f', 'a b\n\nc d\n\ne f');
    expect(score).toMatchObject({ matched: 1, found: 1, expected: 2, precision: 1, recall: 0.5 });
    expect(score.f1).toBeCloseTo(2 / 3);
    const extra = paragraphBoundaryF1('a\n\nb\n\nc', 'a b\n\nc');
    expect(extra).toMatchObject({ matched: 1, found: 2, expected: 1, precision: 0.5, recall: 1 });
  });

  it('score 1 when neither text has a boundary, 0 when only one has', () => {
    expect(paragraphBoundaryF1('a b', 'a b').f1).toBe(1);
    expect(paragraphBoundaryF1('a\n\nb', 'a b').f1).toBe(0);
  });
});

describe('multisets', () => {
  it('subtract counts and drop what is used up', () => {
    const diff = multisetMinus(multiset(['a', 'a', 'b', 'c']), multiset(['a', 'c', 'c', 'd']));
    expect([...diff]).toEqual([
      ['a', 1],
      ['b', 1],
    ]);
  });
});

describe('reading edits', () => {
  const edit = makeEdit;

  it('replays edits onto their input', () => {
    expect(replayEdits('abc def', [edit(0, 'a', 'A'), edit(3, ' ', '_')])).toBe('Abc_def');
  });

  it('rebuilds every step input of a real pipeline run, and notices a mismatch', () => {
    const input = 'The county approved a $312-mil-\nlion budget ,\nwith of\uFB01cial\n\n\nsupport .';
    const { text, steps } = runPipeline(input);
    const inputs = stepInputs(input, steps, text);
    expect(inputs).toHaveLength(steps.length);
    expect(inputs[0]).toBe(input);
    expect(() => stepInputs(input, steps, `${text}!`)).toThrow(/does not reproduce/);
  });

  it('widens an edit to whole tokens', () => {
    const input = 'the homes , and U.S.led';
    expect(editContext(input, edit(9, ' ,', ','))).toMatchObject({ before: 'homes ,', after: 'homes,' });
    expect(editContext(input, edit(20, '', '-'))).toMatchObject({ before: 'U.S.led', after: 'U.S.-led' });
  });

  it('counts whole lines removed, and nothing for an edit inside a line', () => {
    const input = 'HEAD LINE\nbody text\nFOOT\n';
    expect(linesRemoved(input, edit(0, 'HEAD LINE\n', ''))).toBe(1);
    expect(linesRemoved(input, edit(20, 'FOOT\n', '\n'))).toBe(1);
    expect(linesRemoved(input, edit(10, 'body', ''))).toBe(0);
    expect(linesRemoved(input, edit(0, 'HEAD LINE\n', 'x'))).toBe(0);
  });
});

describe('do-no-harm changed words', () => {
  it('counts the tokens that do not survive an edit, as WER would', () => {
    expect(changedWords('in to', 'into', true)).toBe(2);
    expect(changedWords('U.S.led', 'U.S.-led', true)).toBe(1);
    expect(changedWords('homes ,', 'homes,', true)).toBe(2);
    expect(changedWords('the north-\neast', 'the\nnortheast', true)).toBe(1);
  });

  it('reads a word across a real line-end hyphen: an edit on either half changes Victoria-street', () => {
    const input = 'on Victoria-\nstreet and';
    const street = input.indexOf('street');
    const second = editContextAsRead(input, makeEdit(street, 'street', 'Street'));
    expect([second.before, second.after]).toEqual(['Victoria-\nstreet', 'Victoria-\nStreet']);
    expect(changedWords(second.before, second.after, true)).toBe(1);
    const first = editContextAsRead(input, makeEdit(3, 'V', 'v'));
    expect([first.before, first.after]).toEqual(['Victoria-\nstreet', 'victoria-\nstreet']);
    // A dash after a space is no word's hyphen: nothing is read across it.
    const dash = 'wide -\nwider';
    expect(editContextAsRead(dash, makeEdit(7, 'w', 'W')).before).toBe('wider');
  });

  it('does not count a line break moved after a real hyphen, unless line ends are not hyphen ends', () => {
    expect(changedWords('of Oxford-\nstreet,', 'of\nOxford-street,', true)).toBe(0);
    expect(changedWords('French Versifi-\nChoice', 'French\nVersifi-Choice', false)).toBe(2);
  });
});

describe('content words', () => {
  it('are letter/digit runs, NFKC and lower case', () => {
    expect(contentWords('The O\uFB03CE, 1916—don’t!')).toEqual(['the', 'office', '1916', 'don', 't']);
  });
});

describe('tables', () => {
  it('right-aligns numeric columns, left-aligns text, and leaves no trailing spaces', () => {
    const table = formatTable(
      ['name', 'n', 'rate'],
      [
        ['alpha', 5, 0.25],
        ['b', 1234, formatDelta(-0.5)],
      ],
      'Title',
    );
    expect(table.split('\n')).toEqual([
      'Title',
      'name      n     rate',
      '-----  ----  -------',
      'alpha     5   0.2500',
      'b      1234  -0.5000',
    ]);
  });
});

describe('seeded sampling', () => {
  it('draws the same items for the same seed, without repeats', () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    const first = sample(items, 10, 42);
    expect(sample(items, 10, 42)).toEqual(first);
    expect(new Set(first).size).toBe(10);
    expect(sample(items, 99, 1)).toHaveLength(50);
  });
});
