import { describe, expect, it } from 'vitest';
import { CommonWords, channelCost } from '../src/evidence/common-words.js';
import { GENERIC_EDIT_COST } from '../src/evidence/channel.js';

describe('channelCost: the cheapest way the OCR read a printed word', () => {
  it.each([
    ['the same word costs nothing', 'the', 'the', 0, ''],
    ['a confusion of the table (o read for e)', 'tho', 'the', 1.5, 'o→e'],
    ['a two-letter confusion (rn read for m)', 'rnan', 'man', 2, 'rn→m'],
    ['a letter the OCR lost, from the table', 'hou', 'hous', 2.5, '"s" lost'],
    ['a confusion measured on the training splits (i read for f)', 'irom', 'from', 3, 'i→f'],
    ['any other letter changed, at the generic cost', 'kome', 'come', GENERIC_EDIT_COST, 'k→c'],
    ['two confusions', 'toi', 'for', 5, 't→f, i→r'],
  ])('%s', (_name, read, printed, cost, how) => {
    expect(channelCost(read, printed, 10)).toEqual({ cost, how });
  });

  it('gives nothing above the bound', () => {
    expect(channelCost('xyz', 'the', 5.5)).toBeUndefined();
    expect(channelCost('a', 'abcdef', 5.5)).toBeUndefined();
  });
});

describe('CommonWords: the common words near a string', () => {
  const common = new CommonWords(['the', 'from', 'for', 'being', 'bring', 'this']);

  it('finds words one and two edits away, with their costs, cheapest first', () => {
    expect(common.near('irom', 5.5).map((c) => c.word)).toEqual(['from']);
    expect(common.near('biing', 5.5).map((c) => [c.word, c.cost])).toEqual([
      ['bring', 2.5],
      ['being', GENERIC_EDIT_COST],
    ]);
    expect(common.near('toi', 5.5).map((c) => c.word)).toContain('for');
  });

  it('never offers the string itself, nor words beyond the cost', () => {
    expect(common.near('the', 5.5).map((c) => c.word)).not.toContain('the');
    expect(common.near('zzzz', 5.5)).toEqual([]);
  });
});
