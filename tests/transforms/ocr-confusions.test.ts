import { describe, expect, it } from 'vitest';
import { selectTransforms } from '../../src/index.js';
import { apply } from '../helpers.js';

/** A line of OCR that shows its damage: enough misreadings of very common words for real words to be corrected too. */
const OCR = 'Tbe clerk aud tbe mayor wero at tbe hall.';

describe('ocr-confusions: non-words', () => {
  it.each([
    ['b read for h', 'tbe man said', 'the man said'],
    ['o read for e three times', 'a very respootablo citizen', 'a very respectable citizen'],
    ['rn read for m', 'the rnan said', 'the man said'],
    ['li read for h', 'wliich was', 'which was'],
    ['cl read for d', 'bread ancl butter', 'bread and butter'],
    ['0 read for o', 'the c0rn harvest', 'the corn harvest'],
    ['o read for e', 'they havo been there', 'they have been there'],
    ['u read for n', 'from tbe sea aud tbe land', 'from the sea and the land'],
    ['two confusions', 'tbo council', 'the council'],
    ['two confusions, the second of tier 3 (i read for r)', 'the watciloo station', 'the waterloo station'],
    ['a confusion (i read for r) and another letter (l for f)', 'he ofleied a reward', 'he offered a reward'],
    ['an accent the OCR added', 'the wàter was cold', 'the water was cold'],
    ['an accent the OCR added, in a long word', 'the défendant said', 'the defendant said'],
    ['í read for r', 'the íoutes were long', 'the routes were long'],
    ['í read for f', 'a member oí the board', 'a member of the board'],
    ['all capitals', 'TBE MAN', 'THE MAN'],
    ['a capitalised word at the start of a sentence', 'It rained. Tbe roads flooded.', 'It rained. The roads flooded.'],
    [
      'a misreading before a full stop, into a common word a pair speaks for',
      'He read the papors.',
      'He read the papers.',
    ],
    ['another before a full stop', 'They took the courso.', 'They took the course.'],
    ['a common word a rarer edit reaches (i read for f)', 'they came irom the town', 'they came from the town'],
    [
      'a common word where a rarer word is one cheap confusion away (bring)',
      'the hope of biing a member',
      'the hope of being a member',
    ],
    ['a common word with a letter the OCR lost', 'he said tis was so', 'he said this was so'],
    // Confusions measured on the training splits (OCR against GT, one-word substitutions).
    ['av read for w', 'the toavn hall was full', 'the town hall was full'],
    ['yv read for w', 'the yvater was cold', 'the water was cold'],
    ['h read for r', 'the minehals of the district', 'the minerals of the district'],
    ['tn read for m', 'the tnarket opened', 'the market opened'],
    ['lu read for in', 'the horse went luto the stable', 'the horse went into the stable'],
    ['i read for f', 'the iire was out', 'the fire was out'],
    ['r read for f', 'the rirst day', 'the first day'],
    ['p read for f', 'the pirst day', 'the first day'],
    ['t read for r', 'on the tiver bank', 'on the river bank'],
    ['b read for r', 'a bich man', 'a rich man'],
    ['n read for h', 'the cnurch bell', 'the church bell'],
    ['ii read for h', 'the tiiree men came', 'the three men came'],
    ['il read for h', 'the ilouse was empty', 'the house was empty'],
    ['il read for d', 'the ilay was fine', 'the day was fine'],
    ['t read for j', 'he went with tohn smith', 'he went with john smith'],
    [
      'a capitalised word inside a sentence, one cheap confusion from a common word a pair speaks for',
      'in the Uuited States navy',
      'in the United States navy',
    ],
    [
      'a name the document writes',
      'Sydney is large, and Sydney grows. The Sydnoy streets are wide.',
      'Sydney is large, and Sydney grows. The Sydney streets are wide.',
    ],
  ])('%s', (_name, input, expected) => {
    const result = apply('ocr-confusions', input);
    expect(result.text).toBe(expected);
    expect(result.edits.length).toBeGreaterThan(0);
  });

  it('reads f as a long s when asked', () => {
    expect(apply('ocr-confusions', 'in fuch a way', { longS: true }).text).toBe('in such a way');
    expect(apply('ocr-confusions', 'in fuch a way').text).toBe('in fuch a way');
  });

  it('says which confusion and which evidence', () => {
    const [edit] = apply('ocr-confusions', 'they havo been there').edits;
    expect(edit!.reason).toMatch(
      /"havo" is no word; "have" is \(o→e\): score [\d.]+ over it.*pair "they have" and "have been" is common/,
    );
  });
});

describe('ocr-confusions: a frequent name misread', () => {
  it.each([
    ['o read for e, starting a sentence', `${OCR} Sydnoy is the largest city.`, 'Sydney is the'],
    ['o read for e, where a listed pair speaks for it', `${OCR} His son Goorge was there.`, 'son George was'],
    ['o read for e twice, starting a sentence', `${OCR} Goorgo was there.`, 'George was there'],
    ['in capitals', `${OCR} THE MAYOR OF SYDNOY SAID SO`, 'MAYOR OF SYDNEY SAID'],
  ])('%s, into a name the frequency and word-pair lists rank high', (_name, input, expected) => {
    const result = apply('ocr-confusions', input);
    expect(result.text).toContain(expected);
  });

  it.each([
    ['a name two letters from a frequent one', `${OCR} He met Jorge and the rest.`],
    ['a name the document repeats', `${OCR} Mr. Sydnor spoke, and Sydnor left for the north.`],
    ['a lowercase string (a name is capitalised)', `${OCR} the sydnoy of it all`],
  ])('keeps %s', (_name, input) => {
    expect(apply('ocr-confusions', input).text.slice(OCR.length)).toBe(input.slice(OCR.length));
  });
});

describe('ocr-confusions: real words', () => {
  it.each([
    ['tho read for the', `${OCR} Tho council met in tho town.`, 'The council met in the town.'],
    ['ho read for he', `${OCR} Then ho said so.`, 'Then he said so.'],
    ['wore read for were', `${OCR} They wore at home.`, 'They were at home.'],
    ['arc read for are', `${OCR} We arc going home.`, 'We are going home.'],
    ['boon read for been (o for e twice)', `${OCR} He had boon an alderman.`, 'He had been an alderman.'],
    // Made of Roman numeral letters, but no numeral: a word like any other.
    [
      'mid read for and (mi for an)',
      `${OCR} He sold bread mid butter at the fair.`,
      'He sold bread and butter at the fair.',
    ],
  ])('%s, in a text that shows OCR damage', (_name, input, expected) => {
    const result = apply('ocr-confusions', input);
    expect(result.text.endsWith(expected)).toBe(true);
    expect(result.edits.some((e) => e.rule === 'real-word')).toBe(true);
  });

  it('replaces a word that pairs with neither neighbour by a narrower margin when the candidate pairs with both', () => {
    const result = apply('ocr-confusions', `${OCR} The meeting was hold last evening.`);
    expect(result.text.endsWith('The meeting was held last evening.')).toBe(true);
    expect(result.edits.find((e) => e.before === 'hold')?.reason).toMatch(
      /"was held" and "held last".*neither "was hold" nor "hold last" is listed/,
    );
    // The word as read pairs with its neighbours: it stays.
    expect(apply('ocr-confusions', `${OCR} They hold last place.`).text.endsWith('They hold last place.')).toBe(true);
  });

  it('reads a capitalised common word before a name as a misread part of it (of Now York)', () => {
    const result = apply('ocr-confusions', `${OCR} He lived in the city of Now York for years.`);
    expect(result.text.endsWith('He lived in the city of New York for years.')).toBe(true);
    expect(result.edits.find((e) => e.before === 'Now')?.reason).toMatch(
      /"new york" is common.*no name, and before "york" is read as part of one/,
    );
    // Where a sentence may start, or before a word the pairs know after it, it stays.
    for (const kept of ['Tell him. Now York is far.', 'He came to us Now John said so.'])
      expect(apply('ocr-confusions', `${OCR} ${kept}`).text.endsWith(kept)).toBe(true);
  });

  it.each([
    ['mid where it is the word meant', `${OCR} They came in the mid afternoon.`],
    ['a Roman numeral of the same letters', `${OCR} Chapter MIX is long, and chapter mix too.`],
    ['a word that pairs with both neighbours', `${OCR} The case will he heard to-morrow.`],
    ['a word that pairs with one neighbour', `${OCR} We told him he must go.`],
    [
      'a word the pairs support on one side, the candidate on both by too little',
      `${OCR} The bet of ten pounds was lost.`,
    ],
    ['an object pronoun before a quantity', `${OCR} It may save us many hours.`],
  ])('keeps %s', (_name, input) => {
    expect(apply('ocr-confusions', input).text.slice(OCR.length)).toBe(input.slice(OCR.length));
  });

  it.each([
    ['a title', `${OCR} The letter to MR. SMITH and Ms Jones.`],
    ['a name part', `${OCR} The works of Smith et al. were read.`],
  ])('keeps %s', (_name, input) => {
    expect(apply('ocr-confusions', input).text.slice(OCR.length)).toBe(input.slice(OCR.length));
  });

  it('decides a string made of words but in no list as a misreading when a cheap confusion gives a common word', () => {
    const result = apply('ocr-confusions', `${OCR} The club playing undor the rules.`);
    expect(result.text.endsWith('The club playing under the rules.')).toBe(true);
    const input = `${OCR} old mischiefs and unfrequently heard reasonings`;
    expect(apply('ocr-confusions', input).text.slice(OCR.length)).toBe(input.slice(OCR.length));
  });

  it('keeps a real word the pairs do not speak against (the arc of a bridge)', () => {
    const result = apply('ocr-confusions', `${OCR} The arc of the bridge.`);
    expect(result.text.endsWith('The arc of the bridge.')).toBe(true);
  });

  it('decides a misreading the word counts list (aud, tim) as a non-word, in a text that shows OCR damage only', () => {
    const [edit] = apply('ocr-confusions', `${OCR} Salt aud pepper.`).edits.filter((e) => e.before === 'aud');
    expect(edit).toMatchObject({ after: 'and', rule: 'non-word' });
    expect(apply('ocr-confusions', 'The clerk and the mayor were at aud the hall.').edits).toEqual([]);
  });

  it('reads a form as the document reads it elsewhere where the context is too weak to decide', () => {
    // Two "tho" have neighbours that show "the"; the third, in brackets, has none that speaks either way.
    const result = apply('ocr-confusions', `${OCR} They met in tho town and tho mayor spoke (tho Glenbrook scheme).`);
    expect(result.text.endsWith('(the Glenbrook scheme).')).toBe(true);
    const [edit] = result.edits.filter((e) => e.rule === 'repeated');
    expect(edit!.reason).toMatch(/"tho" is read for "the" \(o→e\) 2 times elsewhere in this document/);
  });

  it('reads a capitalised misreading of a very common word so where the full stop before it was lost', () => {
    const result = apply(
      'ocr-confusions',
      `${OCR} They met in tho town and tho mayor spoke Tho Glenbrook scheme was read.`,
    );
    expect(result.text.endsWith('spoke The Glenbrook scheme was read.')).toBe(true);
    expect(result.edits.find((e) => e.before === 'Tho')?.rule).toBe('repeated');
    // A name the document does not correct elsewhere stays a name.
    const kept = `${OCR} They met Le Duc Tho Glenbrook in town.`;
    expect(apply('ocr-confusions', kept).text.slice(OCR.length)).toBe(kept.slice(OCR.length));
  });

  it.each([
    ['corrected once elsewhere only', `${OCR} They met in tho town (tho Glenbrook scheme).`, '(tho Glenbrook scheme).'],
    [
      'a capitalised word inside a sentence',
      `${OCR} They met in tho town and tho mayor spoke. Mr. Tho Glenbrook came.`,
      'Mr. Tho Glenbrook came.',
    ],
  ])('leaves a form the document corrects elsewhere: %s', (_name, input, kept) => {
    const result = apply('ocr-confusions', input);
    expect(result.text.endsWith(kept)).toBe(true);
    expect(result.edits.some((e) => e.rule === 'repeated')).toBe(false);
  });

  it.each([
    ['tho', `${OCR} the firm wrote to the board Tho letter was received`, 'the board The letter was received'],
    ['ho', `${OCR} he went down to the river Ho was seen there`, 'the river He was seen there'],
    [
      'ho, twice (an OCR habit, no name)',
      `${OCR} he went down to the river Ho was seen there by the men Ho was seen by all`,
      'the men He was seen by all',
    ],
  ])('reads %s after a full stop the OCR lost as a common word starting the sentence', (_name, input, expected) => {
    const result = apply('ocr-confusions', input);
    expect(result.text.endsWith(expected)).toBe(true);
    expect(result.edits.find((e) => e.rule === 'real-word')?.reason).toMatch(/a sentence starts here/);
  });

  it.each([
    ['a name before a capitalised word', `${OCR} the visit of Ho Chi Minh to the city`],
    ['a name whose pair with the next word is no common one', `${OCR} the poet Tho wrote these lines`],
    ['a name the document writes after a title', `${OCR} Mr. Ho spoke first, and later Ho was seen there`],
    ['a name the document writes before a name', `${OCR} the visit of Ho Chi Minh, and then Ho was seen there`],
    ['a name after a title', `${OCR} the visit of Mr. Hold was a success`],
  ])('keeps %s', (_name, input) => {
    expect(apply('ocr-confusions', input).text.slice(OCR.length)).toBe(input.slice(OCR.length));
  });

  it('leaves real words alone in a text that shows no OCR damage', () => {
    const input = 'Tho’ tired, they wore hats to the fair, and the men were there.';
    expect(apply('ocr-confusions', input).edits).toEqual([]);
  });
});

describe('ocr-confusions: fragments a space cut from one misread word', () => {
  it.each([
    ['joined, with a confusion undone (o read for e)', 'the co oporating firms', 'the cooperating firms'],
    ['joined, the space read for a letter', 'he bought a doz n eggs', 'he bought a dozen eggs'],
    ['joined, the space read for a letter, in a short word', 'it was a ni ht of rain', 'it was a night of rain'],
    ['joined, the space read for a letter, into a four-letter word', 'they wi l go home', 'they will go home'],
    ['one part a rare word, the space read for a letter', 'said the minis er for lands', 'said the minister for lands'],
    ['one part a rare word, a confusion undone', 'the joint stock b inking company', 'the joint stock banking company'],
    ['the first part capitalised, into a common word', 'the Ch rch of England', 'the Church of England'],
  ])('%s', (_name, input, expected) => {
    const result = apply('ocr-confusions', input);
    expect(result.text).toBe(expected);
    expect(result.edits.map((e) => e.rule)).toEqual(['joined']);
  });

  it.each([
    ['fragments each one confusion from a common word (seo tho is see the, no seethe)', 'we seo tho ship', 'seethe'],
    ['a space read for a letter into a rare word (re ses is no reuses)', 'they re ses the old', 'reuses'],
    ['two words', 'he came in to the room', 'into'],
    ['capitalised fragments (a name)', 'Mr. Mac Donal spoke', 'MacDonal'],
    ['one part a common word (and is right as often)', 'the Gr and the rest', 'Grand'],
    ['one part a common word, the other a fragment', 'we sign d the letter', 'signed'],
    ['both parts capitalised', 'the Ch Rch of England', 'Church'],
    ['the first part capitalised, into a word less common', 'the B inking Company', 'Banking'],
    ['both parts words', 'the kit ten slept', 'kitten'],
    ['the join a word as it stands (thy: split-words decides)', 'and th y were told', 'they'],
  ])('not: %s', (_name, input, wrong) => {
    const result = apply('ocr-confusions', input);
    expect(result.edits.filter((e) => e.rule === 'joined')).toEqual([]);
    expect(result.text).not.toContain(wrong);
  });

  it('says which part is a rare word', () => {
    const [edit] = apply('ocr-confusions', 'said the minis er for lands').edits;
    expect(edit?.reason).toMatch(
      /^"minis" is a rare word and "er" no word; joined, "minister" is \(a space read for "t"\)/,
    );
  });

  it('says why: the join beats the fragments as they stand and each corrected alone', () => {
    const [edit] = apply('ocr-confusions', 'he bought a doz n eggs').edits;
    expect(edit?.reason).toMatch(
      /^"doz" and "n" are no words; joined, "dozen" is \(a space read for "e"\): score [\d.]+ over them, as they stand or each corrected; pair "a dozen" is common$/,
    );
  });
});

describe('ocr-confusions: two words glued and misread', () => {
  it.each([
    ['the common word misread', 'They spenttho day at home.', 'They spent the day at home.'],
    ['the other word misread', 'He made a requostof the council.', 'He made a request of the council.'],
  ])('splits and corrects them together: %s', (_name, input, expected) => {
    const result = apply('ocr-confusions', `${OCR} ${input}`);
    expect(result.text.slice(OCR.length + 1)).toBe(expected);
    const edit = result.edits.find((e) => e.rule === 'glued');
    expect(edit?.reason).toMatch(/is two \(o→e, a space lost\).*pair ".+" is common/);
  });

  it.each([
    ['a word misread beyond the search (meeting), not meet in', 'At the annual rneetin of the bank.'],
    ['one that needs a dearer confusion (brother), not or other', 'The orotner came home.'],
    ['a compound that is a word', 'He bought the bookshop.'],
  ])('leaves %s', (_name, input) => {
    expect(apply('ocr-confusions', `${OCR} ${input}`).text.slice(OCR.length + 1)).toBe(input);
  });
});

describe("ocr-confusions: the document's own confusions", () => {
  /** A document whose corrections undo `o` read for `e` three times (`havo`, `boen`, `wero`). */
  const habits = (line: string) => `Wo havo boen told tbat ${line} They wero there.`;

  it('decides a non-word again with the confusions the document shows cheaper, and names them', () => {
    const result = apply('ocr-confusions', habits('the olection of the town was near.'));
    expect(result.text).toContain('the election of the town');
    const edit = result.edits.find((e) => e.before === 'olection');
    expect(edit?.rule).toBe('habit');
    expect(edit?.reason).toMatch(/; the document's other corrections undo o→e 3 times$/);
  });

  it('leaves the same word where the document shows no such habit', () => {
    const input = 'They were told that the olection of the town was near.';
    expect(apply('ocr-confusions', input).text).toBe(input);
  });

  it('leaves capitalised words and words without a vowel (names, abbreviations) to the first decision', () => {
    const result = apply('ocr-confusions', habits('Herr Poer and the Hoven men, nd the rest.'));
    expect(result.text).toContain('Herr Poer and the Hoven men, nd the rest.');
    expect(result.edits.filter((e) => e.rule === 'habit')).toEqual([]);
  });
});

describe('ocr-confusions: a lone letter', () => {
  it.each([
    ['m read for in', 'The notices appeared m the paper.', 'The notices appeared in the paper.'],
    ['n read for a', 'The day was spent by n visit to the town.', 'The day was spent by a visit to the town.'],
    [
      'm read for in, one neighbour making a listed pair',
      'He was made a sergeant m the militia.',
      'He was made a sergeant in the militia.',
    ],
    [
      'm read for in, after a comma',
      'As you have, m so plain a manner, said.',
      'As you have, in so plain a manner, said.',
    ],
  ])('%s, in a text that shows OCR damage', (_name, input, expected) => {
    const result = apply('ocr-confusions', `${OCR} ${input}`);
    expect(result.text.slice(OCR.length + 1)).toBe(expected);
    expect(result.edits.filter((e) => e.rule === 'lone-letter')).toHaveLength(1);
  });

  it.each([
    ['a letter in a formula, beside no known word after it', 'The value of n. The sum of m and n.'],
    ['a measure after a number', 'He ran 5 m in the race.'],
    ['a letter that ends the word before it', 'It was made know n today.'],
    ['a letter that begins the word after it', 'He would n ever go.'],
  ])('leaves %s', (_name, input) => {
    expect(apply('ocr-confusions', `${OCR} ${input}`).text.slice(OCR.length + 1)).toBe(input);
  });

  it('acts only where the text shows OCR', () => {
    expect(apply('ocr-confusions', 'The notices appeared m the paper.').edits).toEqual([]);
  });
});

describe('ocr-confusions: a speck read as a letter', () => {
  it.each([
    ['between two words', 'It was disbanded after i the war.', 'It was disbanded after the war.'],
    ['at the start of a line', 'It was disbanded after\ni the war.', 'It was disbanded after\nthe war.'],
  ])('%s, in a text that shows OCR damage', (_name, input, expected) => {
    const result = apply('ocr-confusions', `${OCR} ${input}`);
    expect(result.text.slice(OCR.length + 1)).toBe(expected);
    expect(result.edits.filter((e) => e.rule === 'speck')).toHaveLength(1);
  });

  it.each([
    ['numbering and abbreviations', 'The rules are (i) the first and i.e. the second.'],
    ['the pronoun', 'He said that I the undersigned agree.'],
    ['a letter between words that make no pair', 'The point i lies on the line.'],
  ])('leaves %s', (_name, input) => {
    expect(apply('ocr-confusions', `${OCR} ${input}`).text.slice(OCR.length + 1)).toBe(input);
  });

  it('acts only where the text shows OCR', () => {
    expect(apply('ocr-confusions', 'It was disbanded after i the war.').edits).toEqual([]);
  });
});

describe('ocr-confusions: a mark read for a letter', () => {
  it.each([
    ['a hyphen for a letter', 'They paid a small a-nount of money.', 'They paid a small amount of money.'],
    ['an apostrophe and a letter for one letter', "He was searc'ning for it.", 'He was searching for it.'],
    ['an apostrophe for a letter', "It was a lim'ted offer.", 'It was a limited offer.'],
    ['a guillemet for a letter at the start', 'He »ill come to-morrow.', 'He will come to-morrow.'],
    ['a guillemet and the letter after it for one letter', 'It »vas a fine day.', 'It was a fine day.'],
  ])('%s, in a text that shows OCR damage', (_name, input, expected) => {
    // (The line that shows the damage is corrected too, letter for letter: same length.)
    const result = apply('ocr-confusions', `${OCR} ${input}`);
    expect(result.text.slice(OCR.length + 1)).toBe(expected);
    expect(result.edits.filter((e) => e.rule === 'mark-for-letter')).toHaveLength(1);
  });

  it.each([
    ['compounds and elisions', "A well-known man came at six o'clock."],
    ['contractions, and a hyphen the hyphens transform decides', "We don't know the posi-tion of the ship."],
    ['short garbled letters', "The ili'n was there."],
    ['names and elisions', "Mr M'Gregor and the self-made man, e'er ready."],
    ['a word quoted in guillemets', 'He said «oui» and left.'],
    ['a guillemet before a word that needs none', 'He said »as he left.'],
  ])('leaves %s', (_name, input) => {
    expect(apply('ocr-confusions', `${OCR} ${input}`).text.slice(OCR.length + 1)).toBe(input);
  });

  it('acts only where the text shows OCR', () => {
    expect(apply('ocr-confusions', 'They paid a small a-nount of money.').edits).toEqual([]);
  });
});

describe('ocr-confusions: leaves', () => {
  it.each([
    ['a foreign title and a name one confusion from words (Herr, Pell)', 'Then Herr Muller and Mr. Pell, spoke.'],
    [
      'names one measured confusion from a word (Bich, Cnut, Tiver)',
      'Mr. Bich and Mr. Cnut met Mr. Tiver at the sale.',
    ],
    [
      'names one measured confusion from a word (Tield, Avis, Condon)',
      'Mr. Tield and Mr. Avis met Mr. Condon at the sale.',
    ],
    ['a dictionary word', 'the tum of events'],
    ['a capitalised name after a title', 'Mr. Tbe spoke'],
    ['a name the lists lack', 'the late Mr. Millar said so'],
    ['all-capital names', 'MOYER AND WYMAN, AUCTIONEERS'],
    ['numbers', 'in 1905 and 10'],
    ['money and measures', 'paid 11s. 6d. for 50ft of rope'],
    ['Roman numerals', 'Chapter XIV of vol. iii'],
    ['abbreviations before a period', 'see sec. 4, lat. 33 and Messrs. Jones'],
    [
      'abbreviations that begin a word, or have no vowel, or are capitalised',
      'the ult. and prox. lists, the cwt. price, Wm. Jones and Thos. Smith',
    ],
    ['the end of a word a line break cut, before a period', 'It is a good pany.'],
    ['a short string before a period', 'in the tpe.'],
    ['pieces of a word the OCR split, for the word-boundary rules', 'the mak ing of it'],
    [
      'names inside a sentence near a common word, without a pair for it',
      'the singer Hugo Chavez spoke, at Lino and Roso.',
    ],
    ['a name particle', 'the Count von Moltke'],
    ['words with endings and beginnings the lists lack', 'old mischiefs and unfrequently heard reasonings'],
    ['a compound of two words', 'the bootmakers of the town'],
    ['a title abbreviation without a period', 'Mr Smith and Mrs Brown'],
    ['a confusion and another letter from two words alike (pleasure, treasury)', 'the pieasury department'],
    ['an accented word the lists have', 'a café in town'],
    ['a diaeresis English prints', 'the naïve boy and the coöperative store'],
    ['accented names', 'Señor José came'],
  ])('%s', (_name, input) => {
    const result = apply('ocr-confusions', input);
    expect(result.text).toBe(input);
    expect(result.edits).toEqual([]);
  });

  it('leaves real words one measured confusion from others (shed, tort, ilk, tire, bay), also where the text shows OCR', () => {
    const result = apply('ocr-confusions', `${OCR} The shed, the tort and the ilk; the tire, the bay, the tiles.`);
    expect(result.text).toBe(
      'The clerk and the mayor were at the hall. The shed, the tort and the ilk; the tire, the bay, the tiles.',
    );
  });

  it('is off by default and on with enable', () => {
    expect(selectTransforms().map((t) => t.id)).not.toContain('ocr-confusions');
    expect(selectTransforms({ enable: ['ocr-confusions'] }).map((t) => t.id)).toContain('ocr-confusions');
  });
});

describe('ocr-confusions: a capitalised string no list has, read for a word the document writes', () => {
  const page = (line: string) => `He lives near the street where the old street market stood. ${line}`;

  it('two usual confusions, when the document writes the word twice, and says so', () => {
    const result = apply('ocr-confusions', page('His shop is in Sussex Btreot now.'));
    expect(result.text).toBe(page('His shop is in Sussex Street now.'));
    expect(result.edits.map((e) => e.reason)).toEqual([
      expect.stringMatching(
        /^"btreot" is no word; "street" is \(b→s, o→e\).*; a capitalised string no list has, and the document writes "street" 2 times$/,
      ),
    ]);
  });

  it.each([
    ['the document writes the word once', 'He lives in George Street, and his shop is in Sussex Btreot now.', 'Btreot'],
    ['all capitals', page('His shop is in SUSSEX BTREOT now.'), 'BTREOT'],
    ['a name the lists have', 'They met John and John again, and then John left; Johan stayed.', 'Johan'],
  ])('not: %s', (_name, input, kept) => {
    const result = apply('ocr-confusions', input);
    expect(result.text).toBe(input);
    expect(result.text).toContain(kept);
  });
});

describe('ocr-confusions: a name the document writes, misread one way more often than not', () => {
  const page = (right: string, wrong: string) =>
    `The witness ${right} said he saw it. Then Mr. ${wrong} told the court, and Mr. ${wrong} left it; later ${right} came in, and ${wrong} went out.`;

  it('reads the majority spelling for the name when the confusion goes one way (o read for e, not e for o)', () => {
    const result = apply('ocr-confusions', page('Coveny', 'Covony'));
    expect(result.text).toBe(page('Coveny', 'Coveny'));
    expect(result.edits.map((e) => e.reason)).toEqual(
      Array(3).fill(
        expect.stringMatching(
          /^"covony" is no word; "coveny" is \(o→e\).*; "coveny" is no list's but the document's \(2 times\), and the OCR reads it as "covony" more easily than the other way$/,
        ),
      ),
    );
  });

  it.each([
    ['the confusion goes both ways alike (l for i, i for l)', page('Gartrell', 'Gartreil')],
    [
      'the document writes the other spelling once',
      'The witness Coveny said it. Then Mr. Covony told the court, and Mr. Covony left.',
    ],
  ])('not: %s', (_name, input) => {
    expect(apply('ocr-confusions', input).text).toBe(input);
  });

  it('a function word the document writes is no candidate for a longer reach (Minto is no into)', () => {
    const input = 'He went into the house, into the yard and into the lane where Minto lives.';
    expect(apply('ocr-confusions', input).text).toBe(input);
  });
});
