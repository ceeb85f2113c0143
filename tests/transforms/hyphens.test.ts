import { describe, expect, it } from 'vitest';
import { apply } from '../helpers.js';

describe('hyphens', () => {
  it.each([
    ['hyphen-space inside a line', 'we have con- cerns about', 'we have concerns about'],
    ['hyphen-space before punctuation', 'in a dec- ade.', 'in a decade.'],
    ['line-end hyphen (word moves down)', 'we have con-\ncerns about it', 'we have\nconcerns about it'],
    ['line-end hyphen with a possessive', 'eight sher-\niff’s deputies', 'eight\nsheriff’s deputies'],
    ['line-end hyphen after a compound', 'a $312-mil-\nlion budget', 'a\n$312-million budget'],
    ['line-end hyphen in an unknown word', 'coach Kowal-\nczyk said', 'coach\nKowalczyk said'],
    ['compound kept', 'the self-\ndeclared caliphate', 'the\nself-declared caliphate'],
    ['compound with a name kept', 'The Baghdad-\nbased spokesman', 'The\nBaghdad-based spokesman'],
    ['a name with a usual ending', 'from Mary-\nborough today', 'from\nMaryborough today'],
    ['a family name', 'said Jamie-\nson today', 'said\nJamieson today'],
    ['a frequent name', 'in Mel-\nbourne today', 'in\nMelbourne today'],
    ['capitalised second part kept', 'an Anglo-\nAmerican deal', 'an\nAnglo-American deal'],
    ['prefix before a capitalised word', 'an un-\nAmerican act', 'an\nun-American act'],
    ['word before a capitalised word', 'the anti-\nWar camp', 'the\nanti-War camp'],
    ['well-known kept', 'a well-\nknown author', 'a\nwell-known author'],
    // A compound may end in a particle (`sit-in`); the dash rule below leaves only phrase starters.
    ['a compound ending in a particle kept', 'a sit-\nin protest', 'a\nsit-in protest'],
    ['soft hyphen at a line end', 'were con\u00AD\nsulted today', 'were\nconsulted today'],
    ['not-sign at a line end', 'were con¬\nsulted today', 'were\nconsulted today'],
    ['lost hyphen (suffix)', 'officials are keep\ning their minds', 'officials are\nkeeping their minds'],
    ['lost hyphen (prefix fragment)', 'the final explan\nation was', 'the final\nexplanation was'],
    [
      'lost hyphen in a headline in capitals',
      'ITALIANS GREATLY IM\nPRESSED WITH IT',
      'ITALIANS GREATLY\nIMPRESSED WITH IT',
    ],
    [
      'lost hyphen in capitals, a suffix',
      'THE JUDGE INVESTIGAT\nING TELEPHONES',
      'THE JUDGE\nINVESTIGATING TELEPHONES',
    ],
    ['a name in capitals, neither part a word', 'BACK IN PENNSYL\nVANIA TODAY', 'BACK IN\nPENNSYLVANIA TODAY'],
    ['word alone on its line moves up', 'con-\ncerns about it', 'concerns\nabout it'],
    [
      'first line would end a sentence: move up',
      'July 1. Commission-\ners also agreed',
      'July 1. Commissioners\nalso agreed',
    ],
    [
      'what the word would leave on the first line is noise: move up',
      'The board met.\nAB WAT\u00AD\nERWORKS open today',
      'The board met.\nAB WATERWORKS\nopen today',
    ],
    [
      'hyphenated form used elsewhere in the document',
      'to-day we met and to-\nday again',
      'to-day we met and\nto-day again',
    ],
  ])('%s', (_name, input, expected) => {
    const result = apply('hyphens', input);
    expect(result.text).toBe(expected);
    expect(result.edits.length).toBeGreaterThan(0);
  });

  it.each([
    ['suspended hyphen', 'pre- and post-war Europe'],
    ['suspended hyphen with to', 'three- to five-year terms'],
    ['suspended hyphen at a line end', 'pre-\nand post-war Europe'],
    ['suspended hyphen after a word at a line end', 'both ad-\nand ab-sorbent'],
    ['lowercase fragment before a capitalised line (a column jump)', 'another illustra-\nSowerby said'],
    ['compound inside a line', 'a well-known author'],
    ['e-mail', 'send an e-mail today'],
    ['score', 'won 9-2 on Sunday'],
    ['money', 'a $4.2-million grant'],
    ['abbreviation compound', 'the U.S.-led coalition'],
    ['dash at a line end', 'he paused -\nthen spoke'],
    [
      'a dash printed as a hyphen at a line end, before a word that starts a phrase',
      'was not enforced-\nanother law was',
    ],
    ['a dash before a pronoun', 'he waited for hours-\nthey never came'],
    ['two words across a line', 'in to\nthe room'],
    ['both parts words, no hyphen', 'the old\nman'],
    ['capitalised next line', 'the keep\nIng family'],
    ['two words in capitals across a line', 'SAINTS IN\nTENT MEETING'],
    ['a word and a fragment in capitals, the join no word', 'MEN TO\nSU&DUE ZAPATA'],
    ['a headline of two lines in capitals', 'BANK ROBBED\nAT NOON'],
    ['capitals before a capitalised word', 'SEE THE ALAM\nOgordo'],
    ['hyphen-space where the join is no word', 'the Kowal- czyk family'],
    ['URL across a line', 'see example.com/some-\n'],
  ])('leaves %s', (_name, input) => {
    const result = apply('hyphens', input);
    expect(result.text).toBe(input);
    expect(result.edits).toEqual([]);
  });
});

describe('hyphens: lost hyphen between two words', () => {
  it.each([
    ['be / ginning', 'at the be\nginning of it', 'at the\nbeginning of it'],
    ['per / sons', 'more than 2,000 per\nsons were lost', 'more than 2,000\npersons were lost'],
    // Word pairs tell these from `in / to`: `without` is far likelier than `with out` (5.3).
    ['with / out', 'and went with\nout a word', 'and went\nwithout a word'],
    ['through / out', 'known through\nout the land', 'known\nthroughout the land'],
    ['never / theless', 'it was never\ntheless true', 'it was\nnevertheless true'],
  ])('joins %s when the join is far more probable', (_name, input, expected) => {
    expect(apply('hyphens', input).text).toBe(expected);
  });

  it.each([
    ['in / to', 'he went in\nto the house'],
    ['every / one (3.1: "every one" is common English)', 'and every\none of them'],
    ['a lone letter before a word (a speck)', 'the embargo j\non munitions'],
    ['a pair the document writes apart elsewhere', 'some times it rains; some\ntimes it pours'],
    ['a rare join', 'the dark\nroom was quiet'],
  ])('leaves %s', (_name, input) => {
    expect(apply('hyphens', input).text).toBe(input);
  });
});
