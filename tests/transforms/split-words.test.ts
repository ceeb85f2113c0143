import { describe, expect, it } from 'vitest';
import { apply, damaged } from '../helpers.js';
import { cleanArticle } from '../../src/index.js';

describe('split-words', () => {
  it.each([
    ['a fragment and a fragment', 'cooperate in collec ting information', 'cooperate in collecting information'],
    ['a word and a fragment', 'a plan that address es costs', 'a plan that addresses costs'],
    ['three parts', 'the infra struc ture bill', 'the infrastructure bill'],
    [
      'a word cut by a paragraph break, ligature garbage in it',
      'U.S. offiffi\n\ncials insist',
      'U.S. officials insist',
    ],
    ['a word cut by a line break, both parts fragments', 'a signif\nicant rise', 'a significant rise'],
    ['all caps', 'COLLEC TING DATA', 'COLLECTING DATA'],
    ['a speck beside a function word, into a common word', 'the re was a storm', 'there was a storm'],
    ['a word spaced out, a letter alone among its pieces', 'a m e mber of it', 'a member of it'],
    ['a letter alone and a piece', 'you s hould go', 'you should go'],
    ['a speck beside a function word, into a word the document writes', 'a tube; the tu be', 'a tube; the tube'],
    ['a very common short word, its last letter spaced off', 'seen at th e workhouse', 'seen at the workhouse'],
    ['another, before its verb', 'ar e they here', 'are they here'],
    [
      'a word, then two pieces of the next: the pair beats one long rare word',
      'teeth mounted in arti ficial gums',
      'teeth mounted in artificial gums',
    ],
  ])('%s', (_name, input, expected) => {
    const result = apply('split-words', input);
    expect(result.text).toBe(expected);
    expect(result.edits.length).toBeGreaterThan(0);
  });

  it('joins a compound modern print writes closed, with the lower bar of the modern presets', () => {
    const input = 'she starts her home work late';
    expect(apply('split-words', input, {}, damaged).text).toBe(input); // 4.0: printed open too, in old print
    expect(apply('split-words', input, { compoundMinScore: 3.9 }, damaged).text).toBe('she starts her homework late');
  });

  it.each([
    ['news paper', 'read the news paper today', 'read the newspaper today'],
    ['rail way', 'the rail way station', 'the railway station'],
  ])('joins a compound of two words in a damaged document: %s', (_name, input, expected) => {
    const [edit] = apply('split-words', input, {}, damaged).edits;
    expect(apply('split-words', input, {}, damaged).text).toBe(expected);
    expect(edit!.reason).toMatch(/is far more frequent than ".+" \(ln counts [\d.]+ vs [\d.]+\)/);
  });

  it('joins a compound the document uses whole, in a damaged document', () => {
    const result = apply('split-words', 'Homework matters. She did her home work.', {}, damaged);
    expect(result.text).toBe('Homework matters. She did her homework.');
    expect(result.edits[0]?.reason).toBe('"homework" is used elsewhere in the document');
  });

  it.each([
    ['in to', 'he turned himself in to police'],
    // Word pairs: each is printed open often enough that the join is not far likelier.
    ['fresh water (1.5)', 'the fresh water lake'],
    ['back yard (2.0)', 'in the back yard'],
    ['run away (0.6)', 'they run away'],
    ['good man (1.9)', 'a good man'],
    ['green house (3.8)', 'the green house on the hill'],
    ['a lot', 'it rained a lot'],
    ['may be', 'it may be late'],
    ['every one', 'every one of them'],
    ['a compound in a clean document', 'she starts her home work late'],
    // Typeset text is not consistent: a page that prints `bedroom` may print `bed room` too.
    ['a compound a clean document also writes whole', 'Homework matters. She did her home work.'],
    ['a name the document writes apart more often than whole', 'DE SOTO was found. De Soto died. DeSoto came.'],
    ['a Latin phrase', 'a post mortem examination, de facto rule, in situ'],
    ['a name', 'Qassim Abdul said'],
    ['a place', 'in New York today'],
    ['numbers', 'the 3 D printer'],
    ['across punctuation', 'collec, ting'],
    ['an e-mail address', 'write to collec ting@example.com'],
    ['a URL', 'see www.collec ting.com'],
    ['two words across a paragraph break', 'the end\n\nof it'],
    ['a fragment glued to OCR specks', 'and eliminate. The re» that'],
    // A speck beside a function word is noise, not the rest of a word.
    ['a speck before a function word (la the is no lathe)', 'turned on la the wheel'],
    ['a speck after a function word (to ft is no toft)', 'he went to ft the farm'],
    ['a speck after a function word, in capitals (TO MB is no TOMB)', 'NOTICE TO MB CREDITORS'],
    ['a letter alone beside a word (s election is no selection)', 'the s election of men'],
    ['a drop initial before capitals, which transcriptions keep apart', 'S ECOND EDITION'],
    ['a letter alone and a piece, in a short join', 'go t o it'],
    ['a piece and a letter, into a short word that is not very common', 'in the ca t basket'],
    ['letters spelled out', 'the letters k a t'],
    ['a rare word a very common one is misread as (tho for the)', 'married according to tho rites of the church'],
  ])('leaves %s', (_name, input) => {
    const result = apply('split-words', input);
    expect(result.text).toBe(input);
    expect(result.edits).toEqual([]);
  });

  it.each([
    ['air base (the open form is the usual one)', 'an air base there'],
    ['in to', 'he turned himself in to police'],
    // Word pairs: each is printed open often enough that the join is not far likelier.
    ['fresh water (1.5)', 'the fresh water lake'],
    ['back yard (2.0)', 'in the back yard'],
    ['run away (0.6)', 'they run away'],
    ['good man (1.9)', 'a good man'],
    ['green house (3.8)', 'the green house on the hill'],
    ['a pair the document writes apart more often than whole', 'the show rooms, the show rooms and showrooms'],
  ])('leaves %s even in a damaged document', (_name, input) => {
    expect(apply('split-words', input, {}, damaged).text).toBe(input);
  });
});

describe('split-words: word pairs decide between overlapping joins', () => {
  it.each([
    ['a fragment goes with the word after it', 'we had to re main here', 'we had to remain here'],
    ['three fragments after a word', 'the re volution ary army', 'the revolutionary army'],
  ])('%s', (_name, input, expected) => {
    expect(apply('split-words', input).text).toBe(expected);
  });

  it.each([
    ['a misread common word is no fragment (bo for be)', 'it will bo on time'],
    ['a pair likelier than its join (to re: tore is rarer)', 'to re'],
  ])('leaves %s', (_name, input) => {
    expect(apply('split-words', input).text).toBe(input);
  });
});

describe('split-words: glued words', () => {
  it.each([
    ['ofthe', 'the end ofthe war', 'the end of the war'],
    ['inthe, andthe', 'people inthe street andthe king', 'people in the street and the king'],
    ['thecity', 'thecity council met', 'the city council met'],
    ['a function word glued to a capitalised word', 'said theEditor today', 'said the Editor today'],
    // Near a common word too, but the pair is the likelier reading (`beon` is `been`; `tothe` is no `tithe`).
    ['tothe', 'came tothe city', 'came to the city'],
  ])('splits %s', (_name, input, expected) => {
    const result = apply('split-words', input);
    expect(result.text).toBe(expected);
    expect(result.edits.every((e) => e.rule === 'glued')).toBe(true);
  });

  it.each([
    ['camel-case names', 'an iPhone and JavaScript at PayPal'],
    ['capitalised names', 'McDonald and MacArthur'],
    ['a compound the lists lack', 'the bootmakers of the town'],
    ['a word with an ending the lists lack', 'old mischiefs'],
    ['a glued form the document repeats (its spelling)', 'the Inthe family: Inthe and inthe, inthe'],
    // One usual confusion from a word far more frequent than the pair: a misreading, for the corrector.
    ['a misread "been" (e read as o), not "be on"', 'it has beon sold'],
    ['a misread "done" (e read as o), not "do no"', 'the work was dono well'],
  ])('leaves %s', (_name, input) => {
    expect(apply('split-words', input).edits).toEqual([]);
  });
});

describe('split-words and the corrector: a misreading glued-looking is corrected whole', () => {
  it('reads "beon" as "been" in historic OCR, not as "be on"', () => {
    const text = 'The goods have beon sold at the wharf, and the rest will be on the market to-morrow.\n';
    const out = cleanArticle(text, { preset: 'chronam' }).text;
    expect(out).toContain('have been sold');
    expect(out).toContain('will be on the market');
  });
});
