import { describe, expect, it } from 'vitest';
import { Evidence, createEvidenceSource } from '../src/index.js';
import { candidates } from '../src/evidence/channel.js';
import { PrefixFilter, PREFIX_START, prefixHash, suffixHash } from '../src/evidence/prefixes.js';

describe('PrefixFilter', () => {
  const words = ['the', 'there', 'then', 'harbour', 'zymurgy'];
  const filter = new PrefixFilter(words, 30);

  it('says yes to every beginning of its words', () => {
    for (const w of words) {
      for (let n = 1; n <= w.length; n++) expect(filter.has(prefixHash(w, 0, n, PREFIX_START))).toBe(true);
    }
  });

  it('says yes to every ending of its words, read from the end', () => {
    const endings = new PrefixFilter(words, 30, true);
    for (const w of words) {
      for (let n = 0; n < w.length; n++) expect(endings.has(suffixHash(w, n, w.length, PREFIX_START))).toBe(true);
    }
    expect(
      ['xq', 'qqq', 'zt', 'bx'].filter((s) => endings.has(suffixHash(s, 0, s.length, PREFIX_START))).length,
    ).toBeLessThanOrEqual(1);
  });

  it('says no to most strings that begin none of them', () => {
    const others = ['xq', 'qqq', 'tz', 'hx', 'zyx', 'ab', 'jj', 'kw', 'vv', 'wq'];
    const yes = others.filter((s) => filter.has(prefixHash(s, 0, s.length, PREFIX_START)));
    expect(yes.length).toBeLessThanOrEqual(1);
    // `thqrx` begins no word from its fourth letter on: `thq` is (almost surely) refused.
    expect(
      ['thq', 'thqr', 'thqrx'].filter((s) => filter.has(prefixHash(s, 0, s.length, PREFIX_START))).length,
    ).toBeLessThanOrEqual(1);
  });
});

describe('candidates with a prefix filter', () => {
  // The filter only leaves branches no accepted word can come from: the same candidates, found sooner.
  const source = createEvidenceSource(['Zorbulon']);
  const evidence = new Evidence(source, '');
  const accept = (b: string, l: number, m: string, r: number) => evidence.isWord(b, 0, l, m, r, b.length);
  const reads = [
    'tbe',
    'aud',
    'havo',
    'boen',
    'tlie',
    'rnan',
    'pormits',
    'countv',
    'zorbu1on',
    'xqzvw',
    'goverument',
    'fuch',
    'botwoon',
    'respootablo',
  ];

  it.each(reads)('finds the same candidates for %s', (read) => {
    for (const longS of [false, true]) {
      const plain = candidates(read, accept, { longS });
      const pruned = candidates(read, accept, { longS, affixes: source.wordAffixes });
      expect(pruned).toEqual(plain);
    }
  });

  it('still finds the usual corrections', () => {
    const words = candidates('tbe', accept, { affixes: source.wordAffixes }).map((c) => c.word);
    expect(words).toContain('the');
  });

  it('undoes a third confusion of the first tier only', () => {
    const found = (read: string) => candidates(read, accept, { generic: false }).map((c) => c.word);
    expect(found('botwoon')).toContain('between'); // o read for e, three times
    expect(found('bctwccn')).not.toContain('between'); // c read for e (tier 2), three times
  });
});

describe('the built filters (dist/affixes.bin)', () => {
  it('are the filters of the lexicon they were built from, and refused for another', async () => {
    const { loadAffixes, loadLexicon } = await import('../src/io/data-files.js');
    const { dictionaryAffixes } = await import('../src/evidence/source.js');
    const { affixesFromBinary, affixesToBinary } = await import('../src/evidence/prefixes.js');
    const built = loadAffixes();
    expect(built).toBeDefined();
    const fresh = dictionaryAffixes(loadLexicon());
    expect(built!.prefixes.bits()).toEqual(fresh.prefixes.bits());
    expect(built!.suffixes.bits()).toEqual(fresh.suffixes.bits());
    const bytes = affixesToBinary(fresh, 1234);
    expect(affixesFromBinary(bytes, 1234)?.prefixes.bits()).toEqual(fresh.prefixes.bits());
    expect(affixesFromBinary(bytes, 4321)).toBeUndefined();
    expect(affixesFromBinary(bytes.subarray(0, 100), 1234)).toBeUndefined();
  });
});
