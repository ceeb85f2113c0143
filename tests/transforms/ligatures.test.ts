import { describe, expect, it } from 'vitest';
import { apply } from '../helpers.js';

describe('ligatures', () => {
  it.each([
    ['run of f', 'U.S. efffffffffffforts', 'U.S. efforts'],
    ['repeated ffi', 'government offifficials', 'government officials'],
    ['repeated fi', 'they fifinally agreed', 'they finally agreed'],
    ['repeated fl', 'the conflflict grew', 'the conflict grew'],
    ['odd run of f at the end', 'stafffffffffffff would', 'staff would'],
    ['run of f inside', 'shufffffffffffffle bus', 'shuffle bus'],
    ['capitalised', 'Efffffforts failed', 'Efforts failed'],
    ['all caps', 'EFFFFORTS FAILED', 'EFFORTS FAILED'],
    ['dropped fi', 'a signi cant rise', 'a significant rise'],
    ['dropped ffi', 'energy e ciency rules', 'energy efficiency rules'],
    ['dropped ffi after a word', 'the of ce was closed', 'the office was closed'],
    ['dropped fl', 'armed con ict ended', 'armed conflict ended'],
  ])('%s', (_name, input, expected) => {
    const result = apply('ligatures', input);
    expect(result.text).toBe(expected);
    expect(result.edits.length).toBeGreaterThan(0);
  });

  it('uses the document: a name seen whole elsewhere', () => {
    expect(apply('ligatures', 'David Gefffen spoke. Geffen said yes.').text).toBe(
      'David Geffen spoke. Geffen said yes.',
    );
  });

  it.each([
    ['Jeff', 'Jeff said'],
    ['staff', 'the staff agreed'],
    ['offline', 'went offline'],
    ['affluent', 'an affluent suburb'],
    ['Affleck', 'Ben Affleck'],
    ['a name with no evidence', 'David Gefffen spoke'],
    ['a short repair', 'Fifi barked'],
    ['a fragment with no word', 'U.S. offiffi'],
    ['two words', 'a re election'],
    ['URL', 'see http://example.com/stafffff'],
  ])('leaves %s', (_name, input) => {
    const result = apply('ligatures', input);
    expect(result.text).toBe(input);
    expect(result.edits).toEqual([]);
  });
});
