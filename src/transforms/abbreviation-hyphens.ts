/**
 * abbreviation-hyphens: restore the hyphen PDF extraction drops after a dotted abbreviation.
 *
 * `U.S.led` -> `U.S.-led`, `U.K.based` -> `U.K.-based`, `U.N.backed` -> `U.N.-backed`. The word after the
 * abbreviation must be a dictionary word that heads such compounds (a participle or one of a short list),
 * or the document must write the hyphenated form elsewhere.
 *
 * False positives avoided: lowercase abbreviations (`p.m.and` is a missing space, not a lost hyphen),
 * a following word that does not head compounds (`U.S.and` is left alone), text already hyphenated.
 * Example: `the U.S.led campaign` -> `the U.S.-led campaign`.
 */
import { defineTransform } from './define.js';

/** Words that follow `U.S.-` in compounds but do not end in -ed. */
const COMPOUND_HEADS = new Set([
  'led',
  'made',
  'born',
  'built',
  'run',
  'owned',
  'held',
  'known',
  'grown',
  'bound',
  'style',
  'wide',
  'friendly',
  'centric',
  'specific',
  'only',
  'focused',
  'brokered',
  'sponsored',
  'funded',
  'listed',
  'bred',
  'taught',
  'won',
  'drawn',
  'sized',
  'class',
  'level',
  'type',
  'bashing',
  'flagged',
  'linked',
  'allied',
]);

/** Two or more capital-letter-dot groups glued to a lowercase word. */
const GLUED = /(?<![\p{L}\p{N}.])((?:\p{Lu}\.){2,})(\p{Ll}{2,})(?![\p{L}\p{N}])/gu;
/**
 * What every match of `GLUED` holds (`.S.l` of `U.S.led`). It starts with a literal dot, so it is found
 * far faster than `GLUED`, whose lookbehind is tried at every position; most texts have none.
 */
const GLUED_CORE = /\.\p{Lu}\.\p{Ll}/u;

/** A dotted abbreviation already hyphenated to lowercase letters (`U.S.-led`), found once per text. */
const HYPHENATED = /((?:\p{Lu}\.)+)-(\p{Ll}+)/gu;
const GROUP = /\p{Lu}\./gu;

/**
 * Where the text already writes an abbreviation hyphenated: for each abbreviation (two or more groups),
 * the lowercase runs that follow `abbreviation-` somewhere, sorted. `abbreviation-word` is in the text
 * (what `text.includes` would find) exactly when a run starts with `word`: one pass over the text, then
 * a binary search per site, not one scan of the text per site.
 */
class HyphenatedForms {
  private readonly runs = new Map<string, string[]>();

  constructor(text: string) {
    if (!text.includes('.-')) return;
    for (const m of text.matchAll(HYPHENATED)) {
      const [, groups, letters] = m as unknown as [string, string, string];
      const starts = [...groups.matchAll(GROUP)].map((g) => g.index);
      // Every suffix of two or more groups: `S.A.-led` is inside `U.S.A.-led`.
      for (let k = 0; k + 2 <= starts.length; k++) {
        const abbreviation = groups.slice(starts[k]);
        const list = this.runs.get(abbreviation);
        if (list) list.push(letters);
        else this.runs.set(abbreviation, [letters]);
      }
    }
    for (const list of this.runs.values()) list.sort();
  }

  has(abbreviation: string, word: string): boolean {
    const list = this.runs.get(abbreviation);
    if (!list) return false;
    let low = 0;
    let high = list.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (list[mid]! < word) low = mid + 1;
      else high = mid;
    }
    return low < list.length && list[low]!.startsWith(word);
  }
}

export const abbreviationHyphens = defineTransform({
  id: 'abbreviation-hyphens',
  description: 'Restore the hyphen lost after an abbreviation (U.S.led -> U.S.-led)',
  example: { before: 'the U.S.led campaign', after: 'the U.S.-led campaign' },
  defaults: {},
  stage: 'words',
  rules: ['glued'],
  run({ text, recorder, evidence }) {
    if (!GLUED_CORE.test(text)) return;
    const written = new HyphenatedForms(text);
    for (const m of text.matchAll(GLUED)) {
      const [, abbreviation, word] = m as unknown as [string, string, string];
      const hyphenated = `${abbreviation}-${word}`;
      let reason: string | undefined;
      if (written.has(abbreviation, word)) reason = `"${hyphenated}" is used elsewhere in the document`;
      else if (evidence.isWord(word) && (COMPOUND_HEADS.has(word) || (/ed$/.test(word) && word.length > 3))) {
        reason = `"${word}" heads compounds after an abbreviation`;
      }
      if (reason) recorder.replace(m.index + abbreviation.length, word, `-${word}`, 'glued', reason);
    }
  },
});
