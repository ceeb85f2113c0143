/**
 * The frequent dictionary words one letter away from a string (one letter replaced, added or dropped),
 * found through an index of their one-letter deletions, as SymSpell does: a string and a word are one
 * edit apart only if they share a deletion (or one is a deletion of the other). A query costs a lookup
 * per letter, where trying every edit would cost some fifty per letter; the index holds only the words
 * common enough to win a correction with one unusual edit (`NEAR_MAX_RANK`).
 */
import type { Lexicon } from './lexicon.js';

/** Words this frequent (rank) at most are indexed. */
export const NEAR_MAX_RANK = 40000;
/** ...of these lengths. */
const MIN_LENGTH = 4;
const MAX_LENGTH = 15;

export class NearWords {
  /** A deletion (or a word itself) -> the indexed words that give it. */
  private readonly index = new Map<string, string[]>();

  constructor(lexicon: Lexicon) {
    const ranked = Math.min(lexicon.rankedCount, NEAR_MAX_RANK);
    for (let entry = 0; entry < ranked; entry++) {
      if (!lexicon.isDictionaryEntry(entry)) continue;
      const word = lexicon.wordAt(entry);
      if (word.length < MIN_LENGTH || word.length > MAX_LENGTH) continue;
      this.add(word, word);
      for (let i = 0; i < word.length; i++) this.add(word.slice(0, i) + word.slice(i + 1), word);
    }
  }

  private add(key: string, word: string): void {
    const list = this.index.get(key);
    if (list === undefined) this.index.set(key, [word]);
    else if (list[list.length - 1] !== word) list.push(word);
  }

  /** The indexed words one edit from `read` (lowercase), each once. */
  near(read: string): string[] {
    const found = new Set<string>();
    const take = (key: string, keep: (word: string) => boolean) => {
      for (const word of this.index.get(key) ?? []) if (word !== read && keep(word)) found.add(word);
    };
    // `read` lost a letter of the word: `read` is one of the word's deletions.
    take(read, (w) => w.length === read.length + 1);
    for (let i = 0; i < read.length; i++) {
      const deletion = read.slice(0, i) + read.slice(i + 1);
      // `read` has an extra letter: its deletion is the word; or one letter replaced: both lose it.
      take(deletion, (w) => w.length === read.length - 1 || (w.length === read.length && oneReplaced(w, read)));
    }
    return [...found];
  }
}

/** `a` and `b`, of one length, differ in exactly one place. */
function oneReplaced(a: string, b: string): boolean {
  let differences = 0;
  for (let i = 0; i < a.length; i++) if (a.charCodeAt(i) !== b.charCodeAt(i) && ++differences > 1) return false;
  return differences === 1;
}
