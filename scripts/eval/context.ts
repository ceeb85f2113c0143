/** What every evaluation section gets: where the data is, the one evidence source, and how to read files. */
import fs from 'node:fs';
import path from 'node:path';
import {
  cleanArticle,
  countCollectionWords,
  type CleanResult,
  type CollectionWords,
  type EvidenceSource,
  type PresetChoice,
} from '../../src/index.js';

export interface EvalContext {
  /** The `../shared` folder beside the repository. */
  shared: string;
  /** One evidence source for every document: the word list loads once per process. */
  evidence: EvidenceSource;
  /** Transforms that are off by default, turned on for this run (`--enable`). */
  enable: string[];
  /** The preset every document is cleaned with (`--preset`); auto-detection when absent. */
  preset?: PresetChoice;
  /**
   * `--collection`: each folder of inputs is cleaned as one batch with collection evidence. The word
   * counts of each input's folder, by input text (OCR files, pages); the GT folders' are made where
   * the GT is cleaned (`collectionOf`).
   */
  collections?: Map<string, CollectionWords>;
  /** Results of `cleaned()` by input text: sections that clean the same file share one run. */
  cache?: Map<string, CleanResult>;
  /** Word alignments by set and document (`wordAlignment` in `cer-wer.ts`), shared the same way. */
  wordAlignments?: Map<string, unknown>;
}

/**
 * The full pipeline's result for `input` with the default settings (as the CLI cleans a file: preset
 * auto, `--format text`), plus `--enable`. Computed once per text and run; the sections that score
 * the same OCR (CER/WER, broken words, idempotence, no content lost) share it.
 */
export function cleaned(context: EvalContext, input: string): CleanResult {
  const cache = (context.cache ??= new Map());
  let result = cache.get(input);
  if (!result) {
    result = cleanArticle(input, {
      evidence: context.evidence,
      enable: context.enable,
      ...(context.preset !== undefined && { preset: context.preset }),
      ...(context.collections?.has(input) === true && { collection: context.collections.get(input)! }),
    });
    cache.set(input, result);
  }
  return result;
}

/**
 * With `--collection`: count the words of `texts` (one folder's documents) as one collection, and
 * remember it for each of them.
 */
export function addCollection(context: EvalContext, texts: readonly string[]): void {
  if (context.collections === undefined || texts.length === 0) return;
  const collection = countCollectionWords(texts, context.evidence);
  for (const text of texts) context.collections.set(text, collection);
}

/** A document in OCR and ground-truth form. */
export interface Pair {
  /** File name without `.gt.txt`. */
  id: string;
  ocr: string;
  gt: string;
}

export const readText = (file: string): string => fs.readFileSync(file, 'utf8');

/** Files in `dir` whose names end in `suffix`, sorted; none when the folder is missing. */
export function listFiles(dir: string, suffix: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(suffix))
    .sort()
    .map((f) => path.join(dir, f));
}

/** `<id>.ocr.txt` + `<id>.gt.txt` pairs in `dir`. */
export function readPairs(dir: string): Pair[] {
  return listFiles(dir, '.gt.txt').map((gtFile) => {
    const id = path.basename(gtFile, '.gt.txt');
    const ocrFile = path.join(dir, `${id}.ocr.txt`);
    return { id, gt: readText(gtFile), ocr: fs.existsSync(ocrFile) ? readText(ocrFile) : '' };
  });
}

/**
 * The `icdar2017` GT as a cleaner should write it: NFKC spells out its ligature glyphs, and its printed
 * hyphenation, kept as `con- fidently` (document 2 writes it with U+2010, `pro‐ ceed`), is joined. This
 * also joins a few real dashes.
 */
export const icdarGroundTruth = (gt: string): string =>
  gt.normalize('NFKC').replace(/(\p{L})[-\u2010] (?=\p{L})/gu, '$1');

/** Shorten `text` to about `max` characters for a report line, showing line breaks as `⏎`. */
export function excerpt(text: string, max = 80): string {
  const flat = text.replace(/\n/g, '⏎');
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}
