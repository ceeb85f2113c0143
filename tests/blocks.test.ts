/**
 * Block detection (core/blocks.ts): every rule with rows it must type and rows it must leave as prose,
 * and the layout transforms that respect block kinds (never join a list's or a table's lines, keep a
 * table row's spacing, never glue the sentence after a list onto it).
 */
import { describe, expect, it } from 'vitest';
import { crossheadRule, lineKinds } from '../src/core/blocks.js';
import { isRoleLine } from '../src/core/byline.js';
import { articleStarts, segment, typeBlocks } from '../src/core/segment.js';
import { cleanArticle } from '../src/index.js';
import { apply, evidence } from './helpers.js';

const kindsOf = (text: string) =>
  lineKinds(text.split('\n')).map((k) => (k.kind === 'row' ? k.rule : k.kind === 'item' ? 'item' : 'prose'));

describe('lineKinds', () => {
  it.each([
    ['numbered items', '1. Lakeview, 88 points\n2. Eastfield, 71\n3. Northside, 64', ['item', 'item', 'item']],
    ['items with a parenthesis', '1) Lakeview\n2) Eastfield', ['item', 'item']],
    ['letters', 'a) the budget\nb) the track', ['item', 'item']],
    ['bullets', '• Tickets $5\n• Parking free', ['item', 'item']],
    ['hyphen bullets', '- Tickets $5\n- Parking free', ['item', 'item']],
    ['star bullets', '* Tickets $5\n* Parking free', ['item', 'item']],
    ['a lead-in, then items', 'Medal table:\n1. Lakeview\n2. Eastfield', ['prose', 'item', 'item']],
    ['aligned columns', 'Lakeview      AB  R  H\nReyes, ss      4  1  2', ['aligned-columns', 'aligned-columns']],
    ['leader dots', 'Lakeview .......... 88\nEastfield ......... 71', ['leader-dots', 'leader-dots']],
    ['numbers per line', 'Reyes, ss 4 1 2 0\nChen, cf 3 0 1 1', ['number-columns', 'number-columns']],
    [
      'dash-separated records',
      'Shot put — Ines Kowalski, Eastfield, 14.02 m\nLong jump — Tomas Reyes, Lakeview, 6.71 m',
      ['dash-records', 'dash-records'],
    ],
  ])('%s', (_name, text, expected) => {
    expect(kindsOf(text)).toEqual(expected);
  });

  it.each([
    ['one numbered line in prose', 'The team finished\n2. It was the best result in years.'],
    ['numbers that do not count up', '1. Lakeview\n3. Eastfield'],
    ['initials', 'A. Reader, Northside\nB. Writer, Eastfield'],
    ['a signature', 'Thanks to all who helped.\n— A. Reader, Northside'],
    ['a byline with a dash', '- By Ana Lima\nThe story begins.'],
    ['a year opening a line', '1916. The year began\n1917. The year ended'],
    ['prose with a dash', 'The mayor — who was elected in May —\nsaid the plan would go ahead.'],
    ['prose with years', 'In 1914, 1915 and 1916 the council\nmet in the old hall on Main street.'],
    ['double spaces that do not line up', 'The council  met on Tuesday\nand the mayor said  the plan'],
    ['one row alone', 'Shot put — Ines Kowalski, Eastfield, 14.02 m\nThe meet ended at six.'],
    ['one leader-dot line', 'Contents .......... 4\nThe story begins here.'],
  ])('leaves %s as prose', (_name, text) => {
    expect(kindsOf(text).every((k) => k === 'prose')).toBe(true);
  });
});

describe('crossheadRule', () => {
  const before = 'The council voted on Tuesday to spend the grant on the track and the pool.';
  const after = 'The work starts in May.';
  it.each([
    ['a phrase', 'Where the money goes', 'crosshead'],
    ['a phrase with an ampersand', 'Q&A with the mayor', 'crosshead'],
    ['all caps', 'WILL BUILD NEW ROAD', 'crosshead'],
    ['a long Title Case title', 'What Happens Next Year', 'crosshead'],
    ['a historic crosshead', 'To Ask Information.', 'historic-crosshead'],
  ])('%s', (_name, line, rule) => {
    expect(crossheadRule(line, before, after)).toBe(rule);
  });

  it.each([
    ['a two-word historic crosshead', 'Lansing Silent.'],
    ['a two-word historic crosshead with a minor word', 'Crowd of Thousands.'],
    ['a three-word historic crosshead', 'Fears Higher Fare.'],
  ])('on a historic page, %s', (_name, line) => {
    expect(crossheadRule(line, before, after, true)).toBe('historic-crosshead');
  });

  it.each([
    ['a two-word name with a full stop (a signature)', 'Jane Smith.', false],
    ['a name with an initial', 'Mrs. Brown.', true],
    ['initials and a name', 'J. W. Brown.', true],
    ['one word', 'Correction.', true],
    ['a two-word sentence in lower case', 'He agreed.', true],
    ['a lower-case second word', 'Crowd gathered.', true],
  ])('rejects %s (historic: %s)', (_name, line, historic) => {
    expect(crossheadRule(line, before, after, historic)).toBeUndefined();
  });

  it.each([
    ['a name (a signature)', 'Jane Smith', before, after],
    ['a signature with a dash', '— A. Reader, Northside', before, after],
    ['a signature with a comma', 'Jane Smith, Northside', before, after],
    ['a sentence', 'The plan was approved by a vote of five to two.', before, after],
    ['a line ending in a colon', 'Medal table:', before, after],
    ['a role line', 'Special to The Evening Courier.', before, after],
    ['initials', 'Mrs. J. W. Brown.', before, after],
    ['a line that cuts a sentence', 'Where the money', 'The council voted', 'goes next year.'],
    ['a line after a short block', 'Where the money goes', 'A deck line.', after],
    ['a lower-case start', 'where the money goes', before, after],
  ])('rejects %s', (_name, line, previous, next) => {
    expect(crossheadRule(line, previous, next)).toBeUndefined();
  });
});

describe('typeBlocks', () => {
  it('splits a paragraph into a lead-in and a list, and merges items written a paragraph per line', () => {
    expect(typeBlocks(['Medal table:\n1. Lakeview, 88 points\n2. Eastfield, 71', '3. Northside, 64'])).toEqual([
      { kind: 'paragraph', text: 'Medal table:' },
      {
        kind: 'list',
        ordered: true,
        start: 1,
        items: ['Lakeview, 88 points', 'Eastfield, 71', 'Northside, 64'],
        markers: ['1.', '2.', '3.'],
        rule: 'list-item',
      },
    ]);
  });

  it('keeps a table line by line, with its cells when every row has them', () => {
    expect(typeBlocks(['Team       W  L\nLakeview   9  1\nEastfield  7  3'])).toEqual([
      {
        kind: 'table',
        lines: ['Team       W  L', 'Lakeview   9  1', 'Eastfield  7  3'],
        cells: [
          ['Team', 'W', 'L'],
          ['Lakeview', '9', '1'],
          ['Eastfield', '7', '3'],
        ],
        rule: 'aligned-columns',
      },
    ]);
  });

  it('types questions and answers and quotes', () => {
    expect(typeBlocks(['Q: Did the wind help?', '> A line quoted.']).map((b) => [b.kind, b.rule])).toEqual([
      ['paragraph', 'question-answer'],
      ['quote', 'quote-marker'],
    ]);
  });
});

describe('segment: bylines with roles and stacked headlines', () => {
  it('takes a role line of its own under the byline', () => {
    const article = segment('HEADLINE\n\nBy Amira Hassan\n\nHealth Reporter\n\nThe body.', []);
    expect([article.byline, article.role, article.bylineText]).toEqual([
      'Amira Hassan',
      'Health Reporter',
      'By Amira Hassan\n\nHealth Reporter',
    ]);
    expect(article.paragraphs).toEqual(['The body.']);
  });

  it('takes a role line under the name in one block, and a two-block all-caps headline', () => {
    const article = segment('BANK ROBBED\n\nAT NOON\n\nBy W. S. JEWETT.\nTimes Staff Correspondent.\n\nThe body.', []);
    expect([article.headline, article.byline, article.role]).toEqual([
      'BANK ROBBED\n\nAT NOON',
      'W. S. Jewett',
      'Times Staff Correspondent.',
    ]);
  });

  it.each([
    [
      'an all-caps deck',
      'Wilson Thinks It Necessary to Return\n\nOFFICIALS AWAITING MORE INFORMATION\n\nThe body.',
      'OFFICIALS AWAITING MORE INFORMATION',
    ],
    [
      'a Title Case deck',
      'NEW BRIDGE OPENED\n\nCrowd Sees the Mayor Cut the Ribbon.\n\nThe body.',
      'Crowd Sees the Mayor Cut the Ribbon.',
    ],
    [
      'two decks',
      'SUPREME JUSTICE DEAD\n\nBelieved That President Will Name Successor.\n\nFUNERAL ON FRIDAY\n\nThe body.',
      'Believed That President Will Name Successor.\n\nFUNERAL ON FRIDAY',
    ],
  ])('takes %s with no byline under it', (_name, text, deck) => {
    const article = segment(text, []);
    expect(article.deck).toBe(deck);
    expect(article.paragraphs).toEqual(['The body.']);
  });

  it.each([
    ['a sentence', 'County budget adds deputies, trims parks\n\nThe county approved it.\n\nIt adds deputies.'],
    ['a one-word section name', 'Park plan approved\n\nSports\n\nThe county approved it.'],
    ['a list item', 'RESULTS\n\n1. Lakeview Wins Again\n\n2. Eastfield Second'],
    ['the last block (the body)', 'NEW BRIDGE OPENED\n\nCrowd Sees the Mayor Cut the Ribbon.'],
  ])('takes no deck from %s', (_name, text) => {
    expect(segment(text, []).deck).toBeUndefined();
  });

  it('types a two-word historic crosshead as a heading on a historic page only', () => {
    const text = `NEW BRIDGE OPENED\n\n${'The mayor opened the new bridge over the river this afternoon before a crowd.'}\n\nLansing Silent.\n\nThe state has not answered.`;
    const kinds = (historic: boolean) => segment(text, [], { historic }).blocks!.map((b) => b.kind);
    expect(kinds(true)).toEqual(['paragraph', 'heading', 'paragraph']);
    expect(kinds(false)).toEqual(['paragraph', 'paragraph', 'paragraph']);
  });

  it.each(['Health Reporter', 'Times Staff Correspondent.', 'The Associated Press', 'Staff Writer'])(
    'a role line: %s',
    (line) => expect(isRoleLine(line)).toBe(true),
  );
  it.each(['Letters to the Editor', 'The body of the story.', 'He was a reporter for years.'])(
    'no role line: %s',
    (line) => expect(isRoleLine(line)).toBe(false),
  );
});

describe('layout transforms respect block kinds', () => {
  it('unwrap never joins list lines and starts a paragraph after the list', () => {
    const input =
      'The meet was close until the last relay, when Lakeview pulled\nclear of the field. Medal table:\n1. Lakeview, 88 points\n2. Eastfield, 71\nthe weather held until the end, and\norganisers were pleased with the crowd.';
    const result = apply('unwrap', input);
    expect(result.text).toBe(
      'The meet was close until the last relay, when Lakeview pulled clear of the field. Medal table:\n1. Lakeview, 88 points\n2. Eastfield, 71\n\nthe weather held until the end, and organisers were pleased with the crowd.',
    );
    expect(result.edits.map((e) => e.rule)).toContain('block-end');
  });

  it('unwrap starts a paragraph at each question and answer', () => {
    const result = apply('unwrap', 'Q: Did the wind help?\nA: A little. It was behind us on\nthe back straight.');
    expect(result.text).toBe('Q: Did the wind help?\n\nA: A little. It was behind us on the back straight.');
  });

  it('unwrap joins a two-line deck whose first line runs on (`Eleven` / `Hundred Dollars.`), never splits it', () => {
    expect(apply('unwrap', 'Thieves Escape With Eleven\nHundred Dollars.').text).toBe(
      'Thieves Escape With Eleven Hundred Dollars.',
    );
    expect(apply('unwrap', 'He said the team pulled clear of\nEastfield in the last relay.').text).toBe(
      'He said the team pulled clear of Eastfield in the last relay.',
    );
    expect(apply('unwrap', 'FIRE ON\nMAIN STREET').text).toBe('FIRE ON\nMAIN STREET');
    expect(apply('unwrap', 'The council met at noon.\nThe mayor spoke.').text).toBe(
      'The council met at noon.\n\nThe mayor spoke.',
    );
  });

  describe('unwrap: a heading after a finished sentence starts a paragraph, however long the line above', () => {
    const above = [
      'The cashier gave the alarm as soon as',
      'the men had left, but they had already',
      'mounted their horses and ridden toward',
      'the river road and the county line now.',
    ];
    const below = [
      'The sheriff has sent word to every town',
      'along the river and asks that any person',
      'who saw two strangers report to him.',
    ];
    const joined = (lines: string[]) => lines.join(' ');
    it.each([
      ['a crosshead', ['To Ask Information.']],
      ['a two-word crosshead', ['Lansing Silent.']],
      ['an all-caps headline', ['FRENCH SAY U. S.', 'WILL LOSE PATIENCE']],
    ])('%s', (_name, heading) => {
      const text = apply('unwrap', [...above, ...heading, ...below].join('\n')).text;
      expect(text.startsWith(`${joined(above)}\n\n${heading[0]}`)).toBe(true);
      expect(text.endsWith(`\n\n${joined(below)}`)).toBe(true);
    });

    it.each([
      [
        'a sentence that runs on into a Title Case line',
        ['mounted their horses and ridden to the', 'New York Central and Hudson River Road.'],
        'ridden to the New York Central',
      ],
      [
        'a Title Case sentence with an abbreviation',
        ['the river road and the county line now.', 'Mr. Smith Went Home.'],
        'county line now. Mr. Smith Went Home.',
      ],
    ])('not after %s', (_name, lines, kept) => {
      expect(apply('unwrap', [...above.slice(0, 3), ...lines, ...below].join('\n')).text).toContain(kept);
    });
  });

  it('unwrap: a line of prose that stops mid-sentence over a shorter line is no paragraph per line', () => {
    for (const kept of [
      'The board voted to build a new school on the lot\nNear the park, and the mayor agreed.',
      'The council thanked\nMayor Jones.',
    ]) {
      expect(apply('unwrap', kept).text).toBe(kept);
    }
    for (const [input, output] of [
      [
        'County budget adds deputies, trims parks\nThe county approved the budget on Tuesday by a vote of five to two.',
        'County budget adds deputies, trims parks\n\nThe county approved the budget on Tuesday by a vote of five to two.',
      ],
      ['He said the council met.\nThe Mayor Spoke Later.', 'He said the council met.\n\nThe Mayor Spoke Later.'],
    ]) {
      expect(apply('unwrap', input!).text).toBe(output);
    }
  });

  it('whitespace keeps the spacing inside a table row, and still tidies prose', () => {
    const table = 'Lakeview      AB  R  H\nReyes, ss      4  1  2  \n\nThe  end.';
    expect(apply('whitespace', table).text).toBe('Lakeview      AB  R  H\nReyes, ss      4  1  2\n\nThe end.');
  });

  it('paragraphs does not glue a lower-case sentence onto a list', () => {
    const input = '1. Lakeview\n2. Eastfield\n\nthe rest followed.';
    expect(apply('paragraphs', input).text).toBe(input);
    expect(apply('paragraphs', 'The options were\n\na) the track').text).toBe('The options were\n\na) the track');
  });

  it('already clean one-paragraph-per-line text and a letters page stay unchanged', () => {
    const letters =
      'Letters\n\nThe new bus route has made my trip to work twice as long. Please bring back the old one.\n\n— A. Reader, Northside\n\nThank you to the volunteers who cleaned the park on Saturday.\n\n— Jane Smith, Eastfield\n';
    const result = cleanArticle(letters, { evidence });
    expect(result.output).toBe(letters);
    expect(result.article.blocks!.every((b) => b.kind === 'paragraph')).toBe(true);
  });
});

describe('articleStarts: several articles in one text', () => {
  const body = (city: string) =>
    `${city}, May 8.—The school board met last night and voted to ask the people for money to build a new school.`;
  const more = 'The board will meet again next month to choose an architect for the new building on the lot.';

  it.each([
    [
      'a stacked all-caps headline after a finished paragraph (historic)',
      ['NEW BRIDGE OPENED', body('RIVERTON'), more, 'SCHOOL BOARD\nMEETS', more, more],
      true,
      [0, 3],
    ],
    [
      'an all-caps headline over a dateline (historic)',
      ['NEW BRIDGE OPENED', body('RIVERTON'), more, 'SCHOOL BOARD MEETS', body('EASTFIELD')],
      true,
      [0, 3],
    ],
    [
      'a headline and a byline after a finished paragraph (any text)',
      ['Bridge opens', 'By Ana Lima', more, more, 'School board meets', 'By Tom Reyes', more],
      false,
      [0, 4],
    ],
  ])('splits at %s', (_name, blocks, historic, starts) => {
    expect(articleStarts(blocks as string[], { historic: historic as boolean })).toEqual(starts);
  });

  const dated = (place: string) =>
    `${place} Jan. 3.—The federal grand jury was called to meet again today to resume its inquiry into the plot.`;
  it.each([
    [
      'a one-line all-caps headline over a dateline in mixed case',
      ['NEW BRIDGE OPENED', body('RIVERTON'), more, 'GRAIN CROP IS LARGE', dated('Milltown,'), more],
      [0, 3],
    ],
    [
      "a dateline with the wire's route",
      [
        'NEW BRIDGE OPENED',
        body('RIVERTON'),
        more,
        'AMERICAN IS FREED',
        'Rotterdam, March 8, (via London) One American citizen and seven others were set free from the camp.',
      ],
      [0, 3],
    ],
    [
      'a dateline with a full stop for its comma',
      ['NEW BRIDGE OPENED', body('RIVERTON'), more, 'STRIKERS GO BACK', dated('PITTSBURGH.'), more],
      [0, 3],
    ],
    [
      'a dateline after a wire credit, and a `?` for the dash',
      [
        'NEW BRIDGE OPENED',
        body('RIVERTON'),
        more,
        'MILL BURNS',
        '(By Associated Press) MIDLAND, Mich., Feb. 16.?One person was burned to death and another is missing.',
      ],
      [0, 3],
    ],
    [
      'a headline of two Title Case blocks',
      ['NEW BRIDGE OPENED', body('RIVERTON'), more, 'Striking Miners', 'Go Back to Work', more, more],
      [0, 3],
    ],
    [
      'an all-caps headline longer than a crosshead (its lines joined)',
      [
        'NEW BRIDGE OPENED',
        body('RIVERTON'),
        more,
        'PUBLIC UTILITIES COMMISSION OF THE STATE INVESTIGATING THE TELEPHONE COMPANY',
        more,
      ],
      [0, 3],
    ],
    [
      'a head whose Title Case deck is long',
      [
        'NEW BRIDGE OPENED',
        body('RIVERTON'),
        more,
        'ABOUT PEOPLE YOU KNOW.',
        'Snapshots of Their Comings and Goings Here for a Vacation, or Away for a Restful Outing.',
        more,
      ],
      [0, 3],
    ],
    [
      'a head with a scrap of OCR noise above it',
      ['NEW BRIDGE OPENED', body('RIVERTON'), more, 'Xq', 'GRAIN CROP IS LARGE', dated('Milltown,')],
      [0, 4],
    ],
    [
      'a head with a note in brackets',
      [
        'NEW BRIDGE OPENED',
        body('RIVERTON'),
        more,
        'WILSON BACK AT ISSUE',
        'Firmly Supported by Congress.',
        '(Text of the note on page 2.)',
        more,
      ],
      [0, 3],
    ],
    [
      'a head whose dated story opens with a short block',
      [
        'NEW BRIDGE OPENED',
        body('RIVERTON'),
        more,
        'PROTESTING ACTION.',
        'London, Jan. 3.—The correspondent sends the following:',
        more,
      ],
      [0, 3],
    ],
    [
      'a headline after a long all-caps block (a head, not a body)',
      [
        'NEW BRIDGE OPENED',
        body('RIVERTON'),
        more,
        'ENTIRE STRENGTH OF FOUR STATES TWENTY-FIVE THOUSAND MEN FROM IOWA, ILLINOIS, WISCONSIN.',
        'INDIANA NAMED.',
        dated('Chicago,'),
      ],
      [0, 3],
    ],
    [
      'a head under the signature that closes the story above (the signature stays with it)',
      [
        'NEW BRIDGE OPENED',
        body('RIVERTON'),
        more,
        'J. H. SMITH, Local Forecaster.',
        'DEATH OF WOMAN A MYSTERY',
        dated('Chicago,'),
      ],
      [0, 4],
    ],
  ])('on a historic page, splits at %s', (_name, blocks, starts) => {
    expect(articleStarts(blocks, { historic: true })).toEqual(starts);
  });

  it.each([
    ['a Title Case crosshead', ['NEW BRIDGE OPENED', body('RIVERTON'), more, 'To Ask Information.', more, more]],
    ['a two-word crosshead', ['NEW BRIDGE OPENED', body('RIVERTON'), more, 'Lansing Silent.', more, more]],
    [
      'a list of officers in Title Case',
      [
        'NEW BRIDGE OPENED',
        body('RIVERTON'),
        more,
        'Officers Elected',
        'President, John Smith',
        'Secretary, Mrs. A. Brown',
        more,
      ],
    ],
    [
      'a list of names over an all-caps line',
      [
        'NEW BRIDGE OPENED',
        body('RIVERTON'),
        more,
        'Mrs. A. King, Mrs. E. H. Parker, Miss Brown.',
        'PASSION PLAY PICTURES TO BE SHOWN',
        more,
      ],
    ],
    [
      'a date inside a sentence',
      [
        'NEW BRIDGE OPENED',
        body('RIVERTON'),
        more,
        'CONTRACTORS PRAISED',
        'Riverton, Jan. 3, the day the work ended, was a holiday for the men who built the bridge over the river.',
      ],
    ],
    [
      'a programme by weekday',
      [
        'NEW BRIDGE OPENED',
        body('RIVERTON'),
        more,
        'THE PROGRAMME',
        'Wednesday Evening, May 31—Concert by the town band in the park, and fireworks on the river bank after dark.',
      ],
    ],
    [
      'a short sentence over a dateline (no head)',
      ['NEW BRIDGE OPENED', body('RIVERTON'), more, 'The mayor spoke first.', dated('Milltown,')],
    ],
  ])('on a historic page, never splits at %s', (_name, blocks) => {
    expect(articleStarts(blocks, { historic: true })).toEqual([0]);
  });

  // Short items of a country weekly, each under a one-line all-caps head and no dateline.
  const fire =
    'Fire broke out in the Harmon livery barn on Front street early Sunday morning and the building burned to the ground.';
  const fireMore = 'The horses were led out in time by the night man, but the harness and two buggies were lost.';
  const social =
    'The Ladies Aid society met at the home of Mrs. Carter on Wednesday afternoon and planned the winter bazaar.';
  const socialMore = 'Refreshments were served and the next meeting will be held at the parsonage in two weeks.';
  const roads =
    'County surveyor Pratt reports that the new grade north of town is finished and open to wagons and autos.';
  it.each([
    [
      'two-word and longer heads over undated items',
      ['BARN BURNS', fire, fireMore, 'LADIES AID MEETS', social, socialMore, 'NORTH GRADE OPEN.', roads],
      [0, 3, 6],
    ],
    [
      'a head over a contributed poem (a credit in brackets first)',
      ['BARN BURNS', fire, fireMore, "IF I'M TO BE A SOLDIER", `(Contributed by A. Reader) ${social}`],
      [0, 3],
    ],
    [
      'a head whose story opens with a quote',
      ['BARN BURNS', fire, fireMore, 'WELFARE BOARD VS. CITY COUNCIL', `"We point with pride," ${social}`],
      [0, 3],
    ],
    [
      "a head over a dateline with letters for the day's digits",
      [
        'BARN BURNS',
        fire,
        fireMore,
        'NEED MORE OFFICERS',
        'Generals Examined by Senate Committee.',
        'WASHINGTON, Jan. II. Unqualified support was given',
        fireMore,
      ],
      [0, 3],
    ],
  ])('on a historic page, single-head splits at %s', (_name, blocks, starts) => {
    expect(articleStarts(blocks, { historic: true })).toEqual(starts);
  });

  // The story of a crosshead goes on under it with the words of the story above it.
  const bridge =
    'The new bridge over Cedar creek was opened to traffic on Saturday, when the county commissioners drove across it.';
  const bridgeMore =
    'The contractors finished the bridge a month ahead of time, and the commissioners thanked the contractors for the bridge.';
  const bridgeEnd =
    'The commissioners said the bridge cost less than the contractors first asked, and the creek road will be graded next.';
  it.each([
    [
      'an all-caps crosshead in a story that goes on',
      ['NEW BRIDGE OPENED', bridge, bridgeMore, 'CONTRACTORS PRAISED', bridgeEnd],
    ],
    ['OCR noise in capitals', ['BARN BURNS', fire, fireMore, 'I II.', social]],
    ['OCR noise of short words in capitals', ['BARN BURNS', fire, fireMore, 'II IH MI.', social]],
    ['one word in capitals (a name, a column sign)', ['BARN BURNS', fire, fireMore, 'POLITICAL', social]],
    ['a running head with a year', ['BARN BURNS', fire, fireMore, 'PIOCHE, NEVADA, SATURDAY, MARCH 25, 1916.', social]],
    ['a line that runs on (a comma at its end)', ['BARN BURNS', fire, fireMore, "THE YOUTH'S COMPANION,", social]],
    [
      'a document the paragraph above announces',
      [
        'BARN BURNS',
        fire,
        'The governor issued a proclamation to the people of the state on Monday, and it reads as follows:',
        'THANKSGIVING PROCLAMATION',
        social,
      ],
    ],
    ['a day of a programme', ['BARN BURNS', fire, fireMore, 'TUESDAY FRONT YARD DAY.', social]],
    [
      'a head over an all-caps block',
      ['BARN BURNS', fire, fireMore, 'LADIES AID MEETS', `${social} ${socialMore}`.toUpperCase()],
    ],
    [
      'a head after a paragraph cut mid-sentence',
      ['BARN BURNS', fire, 'The horses were led out in time by the', 'LADIES AID MEETS', social],
    ],
  ])('on a historic page, single-head never splits at %s', (_name, blocks) => {
    expect(articleStarts(blocks, { historic: true })).toEqual([0]);
  });

  it('a clean modern article with all-caps crossheads, a Q&A and a list stays one article, unchanged', () => {
    const text = [
      'Town opens new library',
      'By Ana Lima',
      'The new library on Front street opened its doors on Saturday, and more than four hundred people came to see it.',
      'WHAT IT HOLDS',
      'The shelves hold twenty thousand books, and the reading room has space for sixty people at a time.',
      'Q: When is it open?',
      'A: Every day but Monday, from nine in the morning until eight in the evening.',
      'OPENING HOURS',
      'The hours for the first month are these:\n1. Tuesday to Friday, 9 to 8\n2. Saturday and Sunday, 10 to 6',
      'The library board will look at the hours again in the spring, when the new staff have started.',
    ].join('\n\n');
    // Detected as a modern text, and read as a historic page too (the preset asked for).
    for (const preset of ['auto', 'chronam'] as const) {
      const result = cleanArticle(`${text}\n`, { evidence, preset, format: 'json' });
      expect(result.text).toBe(text);
      expect(JSON.parse(result.output).articles).toBeNull();
    }
  });

  it('single-head is for historic pages: a modern text with all-caps crossheads stays one article', () => {
    const blocks = [
      'Barn burns on Front street',
      fire,
      fireMore,
      'LADIES AID MEETS',
      social,
      'NORTH GRADE OPEN',
      roads,
    ];
    expect(articleStarts(blocks, { historic: false })).toEqual([0]);
  });

  it('a modern text is not split at a dateline under an all-caps line', () => {
    const blocks = ['NEW BRIDGE OPENED', body('RIVERTON'), more, 'GRAIN CROP IS LARGE', dated('Milltown,'), more];
    expect(articleStarts(blocks, { historic: false })).toEqual([0]);
  });

  it.each([
    ['a crosshead', ['Park plan approved', 'By Ana Lima', more, 'Where the money goes', more, more], true],
    [
      'an all-caps crosshead with a paragraph under it',
      ['NEW BRIDGE OPENED', body('RIVERTON'), more, 'CONTRACTORS PRAISED', more, more],
      true,
    ],
    [
      'an all-caps headline on a modern text',
      ['NEW BRIDGE OPENED', body('RIVERTON'), more, 'SCHOOL BOARD\nMEETS', more, more],
      false,
    ],
    [
      'a headline after a paragraph cut mid-sentence',
      [
        'NEW BRIDGE OPENED',
        body('RIVERTON'),
        'The board will meet again next month to choose an architect for the',
        'SCHOOL BOARD\nMEETS',
        body('EASTFIELD'),
      ],
      true,
    ],
  ])('never splits at %s', (_name, blocks, historic) => {
    expect(articleStarts(blocks as string[], { historic: historic as boolean })).toEqual([0]);
  });

  it("a page of two articles: the text is the text, JSON has both, the first one's parts on top", () => {
    const text = ['NEW BRIDGE OPENED', body('RIVERTON'), more, 'SCHOOL BOARD MEETS', body('EASTFIELD')].join('\n\n');
    const result = cleanArticle(text, { evidence, preset: 'chronam', format: 'json' });
    expect(result.text).toBe(text);
    const json = JSON.parse(result.output);
    expect(json.headline).toBe('NEW BRIDGE OPENED');
    expect(json.articles.map((a: { headline: string }) => a.headline)).toEqual([
      'NEW BRIDGE OPENED',
      'SCHOOL BOARD MEETS',
    ]);
    expect(cleanArticle(text, { evidence, preset: 'chronam' }).output).toBe(`${text}\n`);
  });
});
