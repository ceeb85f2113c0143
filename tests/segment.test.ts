import { describe, expect, it } from 'vitest';
import { parseByline, titleCaseName } from '../src/core/byline.js';
import { segment } from '../src/core/segment.js';

describe('parseByline', () => {
  it.each([
    ['- By Qassim Abdul-Zahra', 'Qassim Abdul-Zahra'],
    ['By Tom Reyes', 'Tom Reyes'],
    ['BY NADIA HADDAD', 'Nadia Haddad'],
    ['BY SAMUEL OKAFOR', 'Samuel Okafor'],
    ['By Tom Reyes, Staff Writer', 'Tom Reyes'],
    ['By Ana Lima and Joe Park', 'Ana Lima and Joe Park'],
    ['By Mathieu Gagné', 'Mathieu Gagné'],
    ['Samuel Okafor, Staff Writer', 'Samuel Okafor'],
    ['Lena Marchetti, The Associated Press', 'Lena Marchetti'],
    ['BY PATRICK MCDONALD', 'Patrick McDonald'],
    ['By Ludwig van Beethoven', 'Ludwig van Beethoven'],
    ['By SARAH O’CONNOR and DAVID KIM', 'Sarah O’Connor and David Kim'],
    ['By SARAH KIM\nStaff Writer', 'Sarah Kim'],
    ['- By Ana Lima\nThe Associated Press', 'Ana Lima'],
  ])('%s', (line, name) => {
    expect(parseByline(line)).toBe(name);
  });

  it.each([
    ['a sentence starting with By', 'By the end of the day, the vote was over.'],
    ['a lowercase sentence', 'by then it was late'],
    ['two lines', 'By Tom Reyes\nThe body'],
    ['a sentence with a comma', 'Officials said, without saying more, that it was over.'],
  ])('rejects %s', (_name, line) => {
    expect(parseByline(line)).toBeUndefined();
  });
});

describe('titleCaseName', () => {
  it.each([
    ['SAMUEL OKAFOR', 'Samuel Okafor'],
    ['MARGARET O’NEILL', 'Margaret O’Neill'],
    ['QASSIM ABDUL-ZAHRA', 'Qassim Abdul-Zahra'],
    ['JOHN MACDONALD', 'John MacDonald'],
    ['ANNE DE LA CRUZ', 'Anne de la Cruz'],
  ])('%s', (caps, name) => {
    expect(titleCaseName(caps)).toBe(name);
  });
});

describe('segment', () => {
  it('finds headline, deck, byline and body', () => {
    const article = segment('Headline here\n\nA deck line.\n\n- By A Writer\n\nFirst.\n\nSecond.', []);
    expect(article).toMatchObject({
      headline: 'Headline here',
      deck: 'A deck line.',
      byline: 'A Writer',
      paragraphs: ['First.', 'Second.'],
    });
  });

  it('finds a headline without a byline', () => {
    const article = segment('County budget adds deputies, trims parks\n\nThe county approved it.', []);
    expect(article.headline).toBe('County budget adds deputies, trims parks');
    expect(article.paragraphs).toEqual(['The county approved it.']);
  });

  it('does not take a sentence for a headline', () => {
    const article = segment('The county approved a budget on Tuesday.\n\nIt adds deputies.', []);
    expect(article.headline).toBeUndefined();
    expect(article.paragraphs).toHaveLength(2);
  });

  it('takes publication and date from what boilerplate removed', () => {
    const edits = [
      { transform: 'boilerplate', rule: 'masthead', offset: 0, before: 'The Gazette\n', after: '', reason: '' },
      {
        transform: 'boilerplate',
        rule: 'dateline',
        offset: 12,
        before: 'Monday, May 5, 2025\n',
        after: '',
        reason: '',
      },
      { transform: 'boilerplate', rule: 'gap', offset: 30, before: '\n', after: '', reason: '' },
    ];
    const article = segment('Headline\n\nBody.', edits);
    expect(article.publication).toBe('The Gazette');
    expect(article.date).toBe('Monday, May 5, 2025');
    expect(article.removed.map((r) => r.rule)).toEqual(['masthead', 'dateline']);
  });

  it('keeps a line break inside a block: a paragraph is a block, as the text holds it', () => {
    const article = segment('Results\n\nThe scores:\n7\n3\n\nNext.', []);
    expect(article.headline).toBe('Results');
    expect(article.paragraphs).toEqual(['The scores:\n7\n3', 'Next.']);
  });

  it('keeps a stacked headline and a deck of two blocks as the text holds them', () => {
    const article = segment('FIRE ON\nMAIN STREET\n\nOne deck.\n\nTwo decks.\n\nBy Ana Lima\n\nBody.', []);
    expect(article).toMatchObject({
      headline: 'FIRE ON\nMAIN STREET',
      deck: 'One deck.\n\nTwo decks.',
      byline: 'Ana Lima',
      bylineText: 'By Ana Lima',
      paragraphs: ['Body.'],
    });
  });

  it('handles empty text', () => {
    expect(segment('', [])).toEqual({ paragraphs: [], blocks: [], removed: [] });
  });
});
