import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PairTable, type PairCountEntry, type WordCountEntry } from '../src/evidence/pairs.js';
import { PAIRS_OUT, buildPairTable } from '../scripts/build-pairs.js';

const WORDS: WordCountEntry[] = [
  { word: 'the', count: 5_000_000_000 },
  { word: 'in', count: 2_000_000_000 },
  { word: 'to', count: 3_000_000_000 },
  { word: 'into', count: 90_000_000 },
  { word: 'with', count: 800_000_000 },
  { word: 'out', count: 200_000_000 },
  { word: 'without', count: 60_000_000 },
  { word: 'harbour', count: 7 },
  { word: 'café', count: 1234 },
];
const PAIRS: PairCountEntry[] = [
  { first: 'in', second: 'the', count: 400_000_000 },
  { first: 'in', second: 'to', count: 11_000_000 },
  { first: 'with', second: 'out', count: 300_000 },
  { first: 'to', second: 'the', count: 250_000_000 },
  // "sydney" is in no word list: it takes part in a pair with an unknown count of its own.
  { first: 'sydney', second: 'harbour', count: 3 },
];

const small = (): PairTable => PairTable.fromEntries(WORDS, PAIRS);

/** Within the table's stated precision (0.025%). */
const near = (actual: number, expected: number): void => {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(expected * 2.5e-4 + 0.5);
};

describe('PairTable', () => {
  it('gives word counts, close to what was stored, and exact for small counts', () => {
    const t = small();
    near(t.count('without'), 60_000_000);
    near(t.count('the'), 5_000_000_000);
    expect(t.count('harbour')).toBe(7);
    expect(t.count('café')).toBe(1234);
    expect(t.count('sydney')).toBe(0);
    expect(t.count('nowhere')).toBe(0);
    expect(t.wordCount).toBe(10);
  });

  it('gives pair counts, in the order the words stand', () => {
    const t = small();
    near(t.pair('in', 'to'), 11_000_000);
    near(t.pair('with', 'out'), 300_000);
    expect(t.pair('sydney', 'harbour')).toBe(3);
    expect(t.pair('to', 'in')).toBe(0);
    expect(t.pair('the', 'in')).toBe(0);
    expect(t.pair('in', 'nowhere')).toBe(0);
    expect(t.pair('into', 'the')).toBe(0);
    expect(t.pairCount).toBe(5);
  });

  it('reads words from ranges of a text, in any case', () => {
    const t = small();
    const text = 'Went IN to the Harbour, With-out fuss.';
    expect(t.countRange(text, 5, 7)).toBe(t.count('in'));
    expect(t.countRange(text, 15, 22)).toBe(7);
    expect(t.pairRange(text, 5, 7, 8, 10)).toBe(t.pair('in', 'to'));
    expect(t.pairRange(text, 24, 28, 29, 32)).toBe(t.pair('with', 'out'));
    expect(t.findRange(text, 0, 4)).toBe(-1);
    expect(t.wordAt(t.findRange(text, 15, 22))).toBe('harbour');
  });

  it('finds the word that two parts make when joined', () => {
    const t = small();
    const text = 'with out; in to; with-out';
    expect(t.countAt(t.findJoin(text, 0, 4, '', 5, 8))).toBe(t.count('without'));
    expect(t.countAt(t.findJoin(text, 10, 12, '', 13, 15))).toBe(t.count('into'));
    expect(t.findJoin(text, 17, 21, '-', 22, 25)).toBe(-1);
    expect(t.findJoin('WITH OUT', 0, 4, '', 5, 8)).toBe(t.find('without'));
  });

  it('lowercases letters outside ASCII on a slower path', () => {
    const t = small();
    expect(t.countRange('au CAFÉ', 3, 7)).toBe(1234);
    expect(t.findJoin('CA FÉ', 0, 2, '', 3, 5)).toBe(t.find('café'));
  });

  it('gives logarithms of counts, and -Infinity for nothing', () => {
    const t = small();
    expect(t.logCountAt(t.find('harbour'))).toBeCloseTo(Math.log(7), 3);
    expect(t.pairLogCountAt(t.find('in'), t.find('to'))).toBeCloseTo(Math.log(11_000_000), 3);
    expect(t.logCountAt(t.find('sydney'))).toBe(-Infinity);
    expect(t.logCountAt(-1)).toBe(-Infinity);
    expect(t.pairLogCountAt(t.find('to'), t.find('in'))).toBe(-Infinity);
  });

  it('adds up the word counts as the corpus size', () => {
    const sum = WORDS.reduce((s, w) => s + w.count, 0);
    near(small().totalCount, sum);
  });

  it('reads back what it writes, also from a buffer that does not start on a word boundary', () => {
    const t = small();
    const bytes = t.toBinary();
    expect(bytes.length % 4).toBe(0);
    const shifted = Buffer.alloc(bytes.length + 1);
    bytes.copy(shifted, 1);
    for (const copy of [PairTable.fromBinary(bytes), PairTable.fromBinary(shifted.subarray(1))]) {
      expect([...copy.pairs()]).toEqual([...t.pairs()]);
      for (const { word } of WORDS) expect(copy.count(word)).toBe(t.count(word));
      expect(copy.pair('in', 'to')).toBe(t.pair('in', 'to'));
    }
  });

  it('keeps words beyond Latin-1 as UTF-16', () => {
    const t = PairTable.fromEntries(
      [
        { word: 'œuvre', count: 40 },
        { word: 'chef', count: 90 },
      ],
      [{ first: 'chef', second: 'œuvre', count: 5 }],
    );
    const back = PairTable.fromBinary(t.toBinary());
    expect(back.count('œuvre')).toBe(40);
    expect(back.pairRange('CHEF ŒUVRE', 0, 4, 5, 10)).toBe(5);
  });

  it('refuses entries it could not look up', () => {
    expect(() => PairTable.fromEntries([{ word: 'The', count: 1 }], [])).toThrow(/lowercase/);
    expect(() => PairTable.fromEntries([...WORDS, { word: 'in', count: 1 }], [])).toThrow(/twice/);
    expect(() => PairTable.fromEntries([{ word: 'odd', count: 0.5 }], [])).toThrow(/range/);
    expect(() => PairTable.fromEntries(WORDS, [...PAIRS, { first: 'in', second: 'to', count: 2 }])).toThrow(/twice/);
    expect(() => PairTable.fromEntries(WORDS, [{ first: 'in', second: 'to', count: 0 }])).toThrow(/count 0/);
  });

  it('refuses a file of another format or size', () => {
    const bytes = small().toBinary();
    expect(() => PairTable.fromBinary(bytes.subarray(0, bytes.length - 4))).toThrow();
    const other = Buffer.from(bytes);
    other[0] = 0;
    expect(() => PairTable.fromBinary(other)).toThrow(/format/);
  });

  it('holds an empty table', () => {
    const t = PairTable.fromBinary(PairTable.fromEntries([], []).toBinary());
    expect(t.count('a')).toBe(0);
    expect(t.pair('a', 'b')).toBe(0);
  });
});

describe('the built pair table', () => {
  const table = fs.existsSync(PAIRS_OUT) ? PairTable.fromBinary(fs.readFileSync(PAIRS_OUT)) : buildPairTable();

  it('holds the whole of both lists', () => {
    expect(table.wordCount).toBe(82_765);
    expect(table.pairCount).toBe(242_342);
  });

  it('puts pairs on the scale of words: the pairs a word starts never outnumber the word', () => {
    const started = new Map<string, number>();
    for (const { first, count } of table.pairs()) started.set(first, (started.get(first) ?? 0) + count);
    const over = [...started].filter(([word, count]) => count > table.count(word));
    expect(over).toEqual([]);
  });

  it('tells a split word from two words', () => {
    // `without` is far more common than `with out`; `in to` is common English beside `into`.
    expect(table.count('without')).toBeGreaterThan(100 * table.pair('with', 'out'));
    expect(table.pair('in', 'to') / table.count('in')).toBeGreaterThan(0.001);
    expect(table.pair('in', 'consequence')).toBeGreaterThan(0);
    expect(table.count('inconsequence')).toBe(0);
  });
});
