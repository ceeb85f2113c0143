import { describe, expect, it } from 'vitest';
import { loadLexicon } from '../src/io/data-files.js';
import { PROJECT_WORDS } from '../src/evidence/project-words.js';

describe('the built lexicon', () => {
  // Range lookups (`isStandalone(text, start, end)`, `isWord(text, start, end)`) trust the lexicon file for project words: a
  // word added to the list without a rebuild would be a word one way and not the other.
  it('holds every project word as a dictionary entry', () => {
    const lexicon = loadLexicon();
    expect(PROJECT_WORDS.filter((w) => !lexicon.has(w))).toEqual([]);
  });
});
