import { describe, expect, it } from 'vitest';
import { Evidence, createEvidenceSource } from '../src/index.js';

/** Every form of the two word questions, asked of `word` inside a sentence. */
function answers(evidence: Evidence, word: string) {
  const text = `a ${word} b`;
  const [start, end] = [2, 2 + word.length];
  const cut = Math.floor(word.length / 2);
  return {
    isWord: evidence.isWord(word),
    isWordAt: evidence.isWord(text, start, end),
    isWordJoin: evidence.isWord(text, start, start + cut, '', start + cut, end),
    isStandalone: evidence.isStandalone(word),
    isStandaloneAt: evidence.isStandalone(text, start, end),
  };
}

describe('Evidence: one answer whatever form the question takes', () => {
  const plain = new Evidence(createEvidenceSource(), '');
  const withUserWords = new Evidence(createEvidenceSource(['Zorbulon', 'Quexx']), '');

  it.each([
    // word, evidence, is a word, is a word in its own right
    ['house', plain, true, true],
    ['tho', plain, true, false], // a rare short dictionary word: more often a fragment in OCR text
    ['collec', plain, false, false],
    ['isil', plain, true, true], // a project word the frequency list does not rank
    ['zorbulon', plain, false, false],
    ['zorbulon', withUserWords, true, true], // a user word no list has
    ['Zorbulon', withUserWords, true, true],
    ['quexx', withUserWords, true, true],
  ])('%s', (word, evidence, isWord, standalone) => {
    expect(answers(evidence as Evidence, word as string)).toEqual({
      isWord,
      isWordAt: isWord,
      isWordJoin: isWord,
      isStandalone: standalone,
      isStandaloneAt: standalone,
    });
  });

  it('counts what the document has: words, hyphenated forms and pairs, in any case', () => {
    const evidence = new Evidence(createEvidenceSource(), 'The self-declared home work. Home work, again.');
    expect(evidence.seen('home')).toBe(2);
    expect(evidence.seen('HOME')).toBe(2);
    expect(evidence.seen('self-declared')).toBe(1);
    expect(evidence.seen('home', 'work')).toBe(2);
    expect(evidence.seen('work', 'again')).toBe(0); // a comma between
  });

  it('knows a word a repair may make: common (by rank) or written in the document', () => {
    const evidence = new Evidence(createEvidenceSource(), 'The lathe turned.');
    expect(evidence.commonOrWritten('there', 1000)).toBe(true);
    expect(evidence.commonOrWritten('lathe', 1000)).toBe(true); // written
    expect(evidence.commonOrWritten('toft', 1000)).toBe(false);
    expect(evidence.commonOrWritten('qzxv', 1000)).toBe(false); // unranked, unwritten
  });
});
