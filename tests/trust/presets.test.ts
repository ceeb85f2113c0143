import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { choosePreset, detectSource, withPreset } from '../../src/core/detect.js';
import { cleanArticle, PRESET_IDS, PRESETS, TRANSFORM_IDS } from '../../src/index.js';
import { readInputFile } from '../../src/io/files.js';
import { BOILERPLATE_RULE_IDS } from '../../src/transforms/boilerplate.js';
import { evidence } from '../helpers.js';
import { repo } from './run.js';

const column = (extra: string) =>
  [
    'The schooner had been bound from',
    'Halifax with a cargo of lumber and was',
    'caught by the gale about noon. Her cap',
    'tain, John Reilly, said that the vessel',
    'lost her rudder early in the afternoon',
    'and could not be kept off the shore. All',
    'six of the crew were saved, though two',
    'suffered from exposure and were taken',
    'to the home of Dr. Samuel Price, who',
    'had come down to the beach with the',
    'men of the village and their lanterns',
    'to watch the rescue from the bluff.',
    extra,
  ].join('\n');

describe('detectSource', () => {
  it.each([
    ['pressreader', 'Story.\n\nNewspapers in English\n', 'PressReader line "Newspapers in English" on line 3'],
    [
      'pressreader',
      'Story.\nORIGINAL COPY · ORIGINAL COPY\n',
      'PressReader line "ORIGINAL COPY · ORIGINAL COPY" on line 2',
    ],
    [
      'pressreader',
      'Printed and distributed by PressReader\nStory.',
      'PressReader line "Printed and distributed by PressReader" on line 1',
    ],
    ['pdftotext', 'Page one.\fPage two.', 'form feed (a PDF page break) on line 1'],
    ['pdftotext', 'Story\nwith the ﬁrst ligature.', 'ligature character "ﬁ" on line 2'],
    [
      'pdftotext',
      'Story text.\n\nA4  THE RIVERTON HERALD  SUNDAY, MAY 4, 2025\n',
      'running head with a page number "A4  THE RIVERTON HERALD  SUNDAY, MAY 4, 2025" on line 3',
    ],
    ['chronam', 'The ſhip came in.', 'long s (ſ) on line 1'],
    [
      'chronam',
      column('several hun\u00AD'),
      'narrow columns (median line 37 characters) with a printed line-end hyphen on line 13',
    ],
    [
      'chronam',
      column('dred, on the 9th of November, 1887'),
      'narrow columns (median line 37 characters) with the year 1887 on line 13',
    ],
    ['generic', column('It happened in 2024.'), 'no sign of a PressReader, pdftotext or historic OCR source'],
    [
      'generic',
      'One paragraph per line, as most web text is. It mentions 1887.',
      'no sign of a PressReader, pdftotext or historic OCR source',
    ],
    ['generic', '', 'no sign of a PressReader, pdftotext or historic OCR source'],
    // A story about the company is no PressReader dump: only a line its rules would remove is a sign.
    [
      'generic',
      'PressReader, the digital kiosk, signed up two more papers.\nNewspapers in print are fewer.',
      'no sign of a PressReader, pdftotext or historic OCR source',
    ],
  ])('%s: %s', (preset, text, reason) => {
    expect(detectSource(text)).toEqual({ preset, reason });
  });

  it.each([
    // Strong signs: one cheap confusion from a very common word.
    ['chronam', 'The tbe mayor aud tbe clerk met.', 'OCR misreadings of common words ("tbe" and 2 more in 6 words)'],
    // Weak signs, enough of them: one usual confusion from a common word (i read for r).
    [
      'chronam',
      'The lettei came foi hei at the cieek farm on Monday, and she read it by the fire.',
      'OCR misreadings of common words ("lettei" and 3 more in 16 words)',
    ],
    [
      'generic',
      'The letter came for her at the creek farm on Monday, and she read it by the fire.',
      'no sign of a PressReader, pdftotext or historic OCR source',
    ],
    // A rare real word read for a very common one, between words that make pairs with that one only.
    [
      'chronam',
      'It was resolved that tho prayer be granted, and that tho usual charge be made for the water.',
      'OCR misreadings of common words ("tho" and 1 more in 17 words)',
    ],
    // The same word where it means `though`: before a function word, or before a mark somewhere.
    [
      'generic',
      'Nice place tho we left early, and great food tho I paid a lot for the wine.',
      'no sign of a PressReader, pdftotext or historic OCR source',
    ],
    [
      'generic',
      'It was resolved that tho prayer be granted, and that tho usual charge be made. Late tho.',
      'no sign of a PressReader, pdftotext or historic OCR source',
    ],
    // Rare and old words are no misreadings.
    [
      'generic',
      'The wight rode past the byre and the tarn at dusk, and the kine lowed in the croft.',
      'no sign of a PressReader, pdftotext or historic OCR source',
    ],
  ])('with the word lists, %s: %s', (preset, text, reason) => {
    expect(detectSource(text, evidence)).toEqual({ preset, reason });
  });

  it('with the word lists, a long page of clean-looking print shows OCR by a few misreadings per thousand words', () => {
    // Some 1,800 words counted, all words; then the same with 3 strong signs (one in 600 words), then 1.
    const sentence = 'the council met on monday and the members agreed that the new road should be built before winter';
    const page = (signs: number) =>
      Array.from({ length: 100 }, (_, k) =>
        k % 33 === 1 && k / 33 < signs ? sentence.replace('the new', 'tbe new') : sentence,
      ).join('. ') + '.';
    expect(detectSource(page(0), evidence).preset).toBe('generic');
    expect(detectSource(page(3), evidence)).toEqual({
      preset: 'chronam',
      reason: expect.stringMatching(/^OCR misreadings of common words \("tbe" and 2 more in \d{4} words\)$/),
    });
    expect(detectSource(page(1), evidence).preset).toBe('generic');
  });

  it.each([
    ['statesman', 'pressreader'],
    ['pressreader-page', 'pressreader'],
    ['pdftotext-jump', 'pdftotext'],
    ['historic-column', 'chronam'],
    ['clean-article', 'generic'],
    ['windows-1252-crlf', 'generic'],
  ])('fixture %s looks like %s', (name, preset) => {
    expect(detectSource(readInputFile(path.join(repo, 'fixtures', name, 'input.txt')).text).preset).toBe(preset);
  });
});

describe('presets', () => {
  it('are data over known transforms, options and rules', () => {
    for (const id of PRESET_IDS) {
      const preset = PRESETS[id] as import('../../src/core/presets.js').Preset;
      for (const t of [
        ...(preset.only ?? []),
        ...(preset.skip ?? []),
        ...(preset.enable ?? []),
        ...Object.keys(preset.transforms ?? {}),
      ])
        expect(TRANSFORM_IDS).toContain(t);
      const rules = (preset.transforms?.boilerplate?.skipRules ?? []) as string[];
      for (const rule of rules) expect(BOILERPLATE_RULE_IDS).toContain(rule);
    }
  });

  it('choosePreset: a named preset is used as asked; auto detects', () => {
    expect(choosePreset('chronam', 'Newspapers in English')).toEqual({
      preset: 'chronam',
      detected: false,
      reason: 'asked for',
    });
    expect(choosePreset('auto', 'Newspapers in English').preset).toBe('pressreader');
  });

  it('withPreset: the caller’s options override the preset’s, one by one', () => {
    const merged = withPreset('chronam', {
      transformOptions: { unicode: { longS: false }, unwrap: { shortLineRatio: 0.5 } },
    });
    expect(merged.transformOptions).toEqual({
      unicode: { longS: false },
      unwrap: { shortLineRatio: 0.5 },
      boilerplate: PRESETS.chronam.transforms.boilerplate,
      'split-words': PRESETS.chronam.transforms['split-words'],
    });
    expect(withPreset('pdftotext', { skip: ['unwrap'] }).skip).toEqual(['unwrap']);
  });

  const masthead = 'The Evening Star\n\nHeadline of the day\n\nBody text of the story goes here.';
  it('chronam keeps a first line that names a paper; generic removes it as a masthead', () => {
    expect(cleanArticle(masthead, { evidence, preset: 'generic' }).article.publication).toBe('The Evening Star');
    const chronam = cleanArticle(masthead, { evidence, preset: 'chronam' });
    expect(chronam.article.publication).toBeUndefined();
    expect(chronam.text.startsWith('The Evening Star')).toBe(true);
  });

  const folio = 'A1  THE CITY TIMES  MONDAY, MARCH 3, 2025\n\nThe first paragraph.\n\n12\n\nThe second paragraph.';
  it('pressreader keeps a lone number; generic removes it as a folio on a page with a running head', () => {
    expect(cleanArticle(folio, { evidence, preset: 'generic' }).text).not.toContain('12');
    expect(cleanArticle(folio, { evidence, preset: 'pressreader' }).text).toContain('\n12\n');
  });

  // A damaged text layer (a split word and a hyphen-space break prove it) with a space before a comma.
  const spaced = 'The Board of Directors , after collec ting the votes, voted con- cerning the Buren estate.';
  it('chronam keeps a space before a mark (old print spaced it, or a letter was lost); generic closes it', () => {
    expect(cleanArticle(spaced, { evidence, preset: 'generic' }).text).toContain('Directors,');
    const chronam = cleanArticle(spaced, { evidence, preset: 'chronam' });
    expect(chronam.text).toContain('Directors ,');
    expect(chronam.text).toContain('collecting');
  });
  it('no preset removes a lone number from a text that shows no pages: a list, a PressReader listicle cleaned again', () => {
    const list = 'Ten things to do\n\n1\n\nVisit the pier at dawn.';
    for (const preset of ['generic', 'pdftotext', 'chronam', 'pressreader'] as const) {
      expect(cleanArticle(list, { evidence, preset }).text, preset).toContain('\n1\n');
    }
  });

  it('an explicit selection or option beats the preset', () => {
    const r = cleanArticle(masthead, {
      evidence,
      preset: 'generic',
      transformOptions: { boilerplate: { skipRules: ['masthead'] } },
    });
    expect(r.article.publication).toBeUndefined();
  });

  it.each(
    fs
      .readdirSync(path.join(repo, 'fixtures'))
      .filter((d) => fs.existsSync(path.join(repo, 'fixtures', d, 'input.txt'))),
  )('fixture %s: its detected preset gives the same article as generic', (name) => {
    const input = readInputFile(path.join(repo, 'fixtures', name, 'input.txt')).text;
    expect(cleanArticle(input, { evidence }).output).toBe(cleanArticle(input, { evidence, preset: 'generic' }).output);
  });

  it('the result and the JSON output say which preset was used', () => {
    const r = cleanArticle('Story.\n\nNewspapers in English', { evidence, format: 'json' });
    expect(r.source).toEqual({
      preset: 'pressreader',
      detected: true,
      reason: 'PressReader line "Newspapers in English" on line 3',
    });
    expect(JSON.parse(r.output).source).toBe('pressreader');
  });
});

describe('boilerplate extra patterns (the configuration hook)', () => {
  it('removes matching lines under the given rule name', () => {
    const r = cleanArticle('Story text.\n\nSubscribe today for $1\n\nMore story text.', {
      evidence,
      transformOptions: { boilerplate: { extraPatterns: [{ name: 'promo-box', pattern: /^(?:Subscribe .*)$/ }] } },
    });
    expect(r.text).toBe('Story text.\n\nMore story text.');
    expect(r.article.removed).toEqual([
      { transform: 'boilerplate', rule: 'promo-box', text: 'Subscribe today for $1' },
    ]);
    expect(r.edits.find((e) => e.rule === 'promo-box')?.reason).toBe('matches the configured pattern "promo-box"');
  });
});
