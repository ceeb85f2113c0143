import { describe, expect, it } from 'vitest';
import { LINE_RULES } from '../../src/transforms/boilerplate.js';
import { apply } from '../helpers.js';

const rulesRemoving = (input: string) =>
  apply('boilerplate', input)
    .edits.filter((e) => e.rule !== 'gap')
    .map((e) => e.rule);

describe('boilerplate line rules', () => {
  it.each([
    ['pressreader-footer', 'Newspapers in English'],
    ['pressreader-footer', 'Newspapers from United States'],
    ['pressreader-footer', 'Newspapers from Canada'],
    ['pressreader-credit', 'PressReader.com +1 604 278 4604'],
    ['pressreader-credit', 'Printed and distributed by PressReader'],
    ['pressreader-copy', 'ORIGINAL COPY · ORIGINAL COPY · ORIGINAL COPY'],
    ['copyright-notice', 'COPYRIGHT AND PROTECTED BY APPLICABLE LAW'],
    ['running-head', 'A4  THE RIVERTON HERALD  SUNDAY, MAY 4, 2025'],
    ['running-head', 'B2 THE VALLEY SENTINEL WEDNESDAY, JUNE 18, 2025'],
    ['running-head', 'Page 6 | The Riverton Herald | Sunday, May 4, 2025'],
    ['jump-out', 'See BUDGET, B4'],
    ['jump-out', 'Please see TRANSIT, A6'],
    ['jump-out', 'Continued on A6'],
    ['jump-out', 'Continued on page 6'],
    ['jump-in', 'Continued from A4'],
    ['jump-in', 'From B2'],
    ['jump-in', 'BUDGET from B2'],
    ['advertisement', 'Advertisement'],
    ['photo-credit', 'PHOTO: JANE DOE / STAFF'],
    ['photo-credit', 'Commissioner Ray Bellamy speaks on Tuesday. JANE DOE / STAFF'],
    ['tagline', 'Contact Samuel Okafor at sokafor@riverton.com'],
    ['tagline', 'Samuel Okafor can be reached at 555-0100.'],
  ])('%s: %s', (rule, line) => {
    expect(rulesRemoving(`Body text here.\n\n${line}\n\nMore body text.`)).toEqual([rule]);
  });

  it.each([
    ['a body line that mentions a page', 'The report said on page 6 that costs rose.'],
    ['a sentence that starts with See', 'See the full results on the county website.'],
    ['See with a capital word', 'See Spot run, the children read.'],
    ['Continued as a word', 'Continued growth is expected next year.'],
    ['From in a sentence', 'From 2010 to 2015, the city grew.'],
    ['a date in a sentence', '12 people died on Sunday, May 4, 2025.'],
    ['a caption-like sentence', 'The photo showed the staff at work.'],
    ['an e-mail in a sentence', 'Readers can write to letters@example.com with comments.'],
  ])('keeps %s', (_name, line) => {
    const input = `Body text here.\n\n${line}\n\nMore body text.`;
    expect(apply('boilerplate', input).text).toBe(input);
  });

  it('every rule has a documented reason', () => {
    for (const rule of LINE_RULES) expect(rule.reason.length).toBeGreaterThan(5);
  });
});

describe('boilerplate in context', () => {
  it('strips the PressReader footer and the masthead', () => {
    const input =
      'Austin American-Statesman\n\nHeadline here\n\nA deck line.\n\n- By A Writer\n\nBody.\n\nNewspapers in English\n\nNewspapers from United States';
    const result = apply('boilerplate', input);
    expect(result.text).toBe('Headline here\n\nA deck line.\n\n- By A Writer\n\nBody.\n');
    expect(result.edits.filter((e) => e.rule === 'masthead').map((e) => e.before.trim())).toEqual([
      'Austin American-Statesman',
    ]);
  });

  it('strips a Title Case masthead over a sentence-case headline in a PressReader dump', () => {
    const input =
      'The Oregonian\n\nCity opens a new park\n\nBody text.\n\nNewspapers in English\n\nNewspapers from United States';
    expect(apply('boilerplate', input).text).toBe('City opens a new park\n\nBody text.\n');
  });

  it('keeps a Title Case headline outside a PressReader dump', () => {
    const input = 'Storm Closes Coastal Road\n\nWaves tossed boulders onto the road.';
    expect(apply('boilerplate', input).text).toBe(input);
  });

  it('keeps a first line that merely contains a word papers are named by', () => {
    const input = 'Pilot Gets\nMedal for Bravery\n\nThe pilot landed safely.';
    expect(apply('boilerplate', input).text).toBe(input);
  });

  it('keeps a headline a single page repeats over two stories', () => {
    const input = 'ELECT OFFICERS\n\nThe Masons met on Monday.\n\nELECT OFFICERS\n\nThe Grange met on Tuesday.';
    expect(apply('boilerplate', input).text).toBe(input);
  });

  it('keeps a first line that is the headline', () => {
    const input = 'Juniors clinch playoff spot\n\nBy Mathieu Gagné\n\nThe Riverton Juniors won.';
    expect(apply('boilerplate', input).text).toBe(input);
  });

  it('removes a jump and continues the paragraph when the sentence was cut', () => {
    const input =
      'The parks department will lose\nmoney, and park ad-\nSee BUDGET, B4\n\nB4  THE VALLEY SENTINEL  WEDNESDAY, JUNE 18, 2025\n\nBUDGET\nFrom B2\n\nvocates said the cuts would hurt.';
    expect(apply('boilerplate', input).text).toBe(
      'The parks department will lose\nmoney, and park ad-\nvocates said the cuts would hurt.',
    );
  });

  it('removes a jump and keeps a paragraph break after a full sentence', () => {
    const input =
      'They cannot afford camps.\nSee BUDGET, B4\n\nB4  THE VALLEY SENTINEL  WEDNESDAY, JUNE 18, 2025\n\nBUDGET\nFrom B2\n\nThe budget takes effect July 1.';
    expect(apply('boilerplate', input).text).toBe('They cannot afford camps.\n\nThe budget takes effect July 1.');
  });

  it('removes a folio only between blank lines, on a text that shows pages', () => {
    const head = 'B4  THE VALLEY SENTINEL  WEDNESDAY, JUNE 18, 2025\n\n';
    expect(apply('boilerplate', `${head}End of page.\n\n12\n\nNext page.`).text).toBe('End of page.\n\nNext page.');
    const list = `${head}Votes for:\n12\nagainst:\n3`;
    expect(apply('boilerplate', list).text).toBe('Votes for:\n12\nagainst:\n3');
  });

  it('keeps a lone number between blank lines in a text that shows no pages', () => {
    const input = 'Ten things to do\n\n1\n\nVisit the pier at dawn.';
    expect(apply('boilerplate', input).text).toBe(input);
  });

  it('removes a lone number that a furniture line beside it left between blank lines', () => {
    // A second cleaning would find it standing alone: it goes now, in the same pass.
    const result = apply('boilerplate', 'End of page.\n\nSee BUDGET, B4\n12\n\nNext page.');
    expect(result.text).toBe('End of page.\n\nNext page.');
    expect(result.edits.map((e) => e.rule)).toContain('folio');
    expect(apply('boilerplate', result.text).edits).toEqual([]);
  });

  it('keeps a byline on the first line, whatever it names: it is not a masthead', () => {
    const input = 'By Ana Lima Daily News\n\nHeadline\n\nThe first story.';
    expect(apply('boilerplate', input).text).toBe(input);
  });

  it('keeps a news agency on the first line: it is not a masthead', () => {
    const input = 'Associated Press\n\nLeased Wire Report\n\nThe first story.';
    expect(apply('boilerplate', input).text).toBe(input);
  });

  it('removes a dateline at the top', () => {
    const result = apply('boilerplate', 'Wednesday, 14 May 2025\n\nHeadline\n\nBody.');
    expect(result.text).toBe('Headline\n\nBody.');
    expect(result.edits[0]!.rule).toBe('dateline');
  });

  it('removes a running head repeated on several pages', () => {
    const input = 'THE VALLEY SENTINEL\n\nFirst page text goes on\n\nTHE VALLEY SENTINEL\n\nand ends here.';
    const rules = apply('boilerplate', input)
      .edits.filter((e) => e.rule !== 'gap')
      .map((e) => e.rule);
    expect(rules).toEqual(['repeated-head', 'repeated-head']);
  });
});
