/**
 * Collection evidence: how many documents of a batch write each word. A name that recurs across a
 * newspaper's pages (`Loudon`, `Glengyle`) is in no word list, and a single page may write it once;
 * the pages around it write it too. Counted in a first pass over every input (`--collection-words`,
 * or `countCollectionWords` in the library), then read as document-like evidence by the second.
 *
 * What is counted: for each lowercase word (a run of letters, as the document index reads words) and
 * each hyphenated form inside a line (`to-day`), how many documents write it and how often they do in
 * all; and, when the caller gives them, the documents' signs of OCR, pooled (`core/detect.ts`). Only
 * forms that two documents or more write are kept: a form one document writes is that document's own
 * evidence already. Counts are sums over documents, so the result does not depend on the order the
 * documents were counted in, nor on how many workers clean them afterwards.
 *
 * How it is read (see `Evidence.collected`): the documents other than the one being cleaned. A form
 * counts as written by the collection when at least `COLLECTION_MIN_DOCUMENTS` other documents
 * write it: OCR misreadings recur too, but rarely in that many separate documents with the same
 * letters, and every use weighs the collection's count of the word read against its count of the
 * repair (a systematic `tbe` is written by fewer documents than `the`).
 */
import { scanWords } from '../core/words.js';
import { hyphenatedForms } from './document-index.js';

/** Other documents that must write a form before the collection vouches for it. */
export const COLLECTION_MIN_DOCUMENTS = 2;

/** Signs of OCR counted over documents (`ocrSigns` in the OCR corrector), pooled. */
export interface SignCounts {
  /** Lowercase tokens looked at. */
  words: number;
  /** Strong signs (one cheap confusion from a very common word). */
  signs: number;
  /** Weak signs, strong ones included. */
  weakSigns: number;
}

/** The plain data of a `CollectionWords`, to pass to a worker thread or store. */
export interface CollectionData {
  documents: number;
  /** The documents' signs of OCR, pooled, when they were counted. */
  signs?: SignCounts;
  words: string[];
  /** Per word, how many documents write it. */
  counts: number[];
  /** Per word, how often the documents write it, in all. */
  occurrences: number[];
}

/**
 * `value` as collection counts (`CollectionWords.toData`, read back from a file), or why it is none:
 * the arrays as long as each other, the counts whole numbers, two documents or more for each word.
 */
export function collectionDataProblem(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'not a JSON object';
  const v = value as Record<string, unknown>;
  const whole = (n: unknown, min: number) => typeof n === 'number' && Number.isInteger(n) && n >= min;
  if (!whole(v.documents, 0)) return '"documents" is not a count';
  const { words, counts, occurrences, signs } = v;
  if (!Array.isArray(words) || !words.every((w) => typeof w === 'string' && w !== '' && w === w.toLowerCase())) {
    return '"words" is not an array of lowercase words';
  }
  if (!Array.isArray(counts) || counts.length !== words.length || !counts.every((n) => whole(n, 2))) {
    return '"counts" is not a count of two or more for each word';
  }
  if (!Array.isArray(occurrences) || occurrences.length !== words.length) {
    return '"occurrences" is not a count for each word';
  }
  for (let i = 0; i < words.length; i++) {
    if (!whole(occurrences[i], counts[i] as number)) return `"occurrences" of "${words[i]}" is fewer than its "counts"`;
  }
  if (signs !== undefined) {
    const s = signs as Record<string, unknown> | null;
    if (s === null || typeof s !== 'object' || !whole(s.words, 0) || !whole(s.signs, 0) || !whole(s.weakSigns, 0)) {
      return '"signs" is not {words, signs, weakSigns} counts';
    }
  }
  return undefined;
}

/** Document frequencies of the words of a collection (see the module comment). Immutable. */
export class CollectionWords {
  private constructor(
    /** How many documents were counted. */
    readonly documents: number,
    /** Per form: [documents that write it, occurrences in all]. */
    private readonly counts: ReadonlyMap<string, readonly [number, number]>,
    /** The documents' signs of OCR, pooled, when they were counted. */
    readonly signs?: Readonly<SignCounts>,
  ) {}

  /** How many documents write the lowercase `form` (a word, or a hyphenated form); 0 when fewer than two do. */
  documentsWriting(form: string): number {
    return this.counts.get(form)?.[0] ?? 0;
  }

  /** How often the documents write the lowercase `form`, in all; 0 when fewer than two documents do. */
  occurrences(form: string): number {
    return this.counts.get(form)?.[1] ?? 0;
  }

  /** How many forms two documents or more write. */
  get size(): number {
    return this.counts.size;
  }

  toData(): CollectionData {
    return dataOf(this.documents, this.signs, this.counts, 0);
  }

  static fromData(data: CollectionData): CollectionWords {
    const counts = new Map<string, readonly [number, number]>();
    for (let i = 0; i < data.words.length; i++) counts.set(data.words[i]!, [data.counts[i]!, data.occurrences[i]!]);
    return new CollectionWords(data.documents, counts, data.signs && { ...data.signs });
  }
}

/** Counts a collection one document at a time, in flat memory per document. */
export class CollectionCounter {
  /** Per form: [documents that write it, occurrences in all]. */
  private readonly counts = new Map<string, [number, number]>();
  private documents = 0;
  private signs: SignCounts | undefined;

  /**
   * Count one document: each form once as a document that writes it, and each occurrence; and its
   * signs of OCR, when given (pooled: a batch of short OCR paragraphs may show OCR where none of
   * them alone has enough signs).
   */
  add(text: string, signs?: SignCounts): void {
    if (signs) this.addSigns(signs);
    const forms = new Map<string, number>();
    const words = scanWords(text);
    for (let i = 0; i < words.count; i++) {
      const form = text.slice(words.starts[i], words.ends[i]).toLowerCase();
      forms.set(form, (forms.get(form) ?? 0) + 1);
    }
    for (const form of hyphenatedForms(text)) forms.set(form, (forms.get(form) ?? 0) + 1);
    for (const [form, n] of forms) this.addForm(form, 1, n);
    this.documents++;
  }

  /**
   * Add the counts of another part of the collection (`toData()` of its counter, counted elsewhere:
   * a partition of a cluster job). Sums: the parts may come in any order.
   */
  merge(part: CollectionData): void {
    if (part.signs) this.addSigns(part.signs);
    for (let i = 0; i < part.words.length; i++) this.addForm(part.words[i]!, part.counts[i]!, part.occurrences[i]!);
    this.documents += part.documents;
  }

  /** Every count so far, the forms one document writes included, as plain data (for `merge`). */
  toData(): CollectionData {
    return dataOf(this.documents, this.signs, this.counts, 1);
  }

  private addForm(form: string, documents: number, occurrences: number): void {
    const counts = this.counts.get(form);
    if (counts === undefined) this.counts.set(form, [documents, occurrences]);
    else {
      counts[0] += documents;
      counts[1] += occurrences;
    }
  }

  private addSigns(signs: SignCounts): void {
    this.signs ??= { words: 0, signs: 0, weakSigns: 0 };
    this.signs.words += signs.words;
    this.signs.signs += signs.signs;
    this.signs.weakSigns += signs.weakSigns;
  }

  /** The counts of the forms two documents or more write. */
  finish(): CollectionWords {
    return CollectionWords.fromData(dataOf(this.documents, this.signs, this.counts, 2));
  }
}

/** Counts as plain data: the forms `minDocuments` documents or more write, in the map's order. */
function dataOf(
  documents: number,
  signs: Readonly<SignCounts> | undefined,
  counts: ReadonlyMap<string, readonly [number, number]>,
  minDocuments: number,
): CollectionData {
  const data: CollectionData = {
    documents,
    ...(signs && { signs: { ...signs } }),
    words: [],
    counts: [],
    occurrences: [],
  };
  for (const [form, [count, occurrences]] of counts) {
    if (count < minDocuments) continue;
    data.words.push(form);
    data.counts.push(count);
    data.occurrences.push(occurrences);
  }
  return data;
}
