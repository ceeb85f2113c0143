/**
 * Choose a preset: the one asked for, or (`auto`) the source the raw text looks like, with the reason.
 * Then lay the preset under the caller's own options. Pure: reads nothing but its arguments.
 *
 * Signs, strongest first:
 * - pressreader: a line boilerplate's PressReader rules remove (footer, credit, `ORIGINAL COPY` stamp);
 * - pdftotext: a form feed (pdftotext's page break), a ligature code point (U+FB00–FB06), or a running
 *   head with a folio (`A1  THE HARBOR CITY TIMES  MONDAY, MARCH 3, 2025`);
 * - chronam: a long s (`ſ`), OCR misreadings of common words (with the evidence: a few of very common
 *   ones, `tbe`, `aud`, or more of common ones, `hei`, `cieek`, or a rare word read for a very
 *   common one where only that one fits, `of tho same`; see `ocrSigns`), or narrow OCR columns
 *   (many short lines, mostly mid-sentence) with a printed line-end hyphen (soft hyphen or `¬`) or a
 *   year from 1700 to 1929;
 * - chronam, in a batch cleaned with collection evidence: the documents' OCR misreadings pooled show
 *   OCR (a batch of short OCR paragraphs, none of which has enough signs alone);
 * - otherwise generic.
 */
import type { PipelineOptions } from './pipeline.js';
import { PRESETS, type PresetChoice, type PresetId } from './presets.js';
import { Evidence } from '../evidence/evidence.js';
import type { EvidenceSource } from '../evidence/source.js';
import { PRESSREADER_RULES, lineRule } from '../transforms/boilerplate.js';
import { ocrSigns, signsShow } from '../transforms/ocr-confusions.js';
import type { CollectionCounter, CollectionWords } from '../evidence/collection.js';

export interface SourceChoice {
  /** The preset used. */
  preset: PresetId;
  /** Chosen by `auto` from the text (false when asked for by name). */
  detected: boolean;
  /** Why: the sign found in the text, or how it was asked for. */
  reason: string;
}

const LIGATURE = /[\uFB00-\uFB06]/;
const LINE_END_HYPHEN = /[\u00AD¬]\s*$/;
const HYPHEN_CHAR = /[\u00AD¬]/;
const OLD_YEAR = /\b(?:1[78]\d\d|19[0-2]\d)\b/;
/** Narrow columns: at least this many lines, with this median length, mostly not ending a sentence. */
const COLUMN_MIN_LINES = 12;
const COLUMN_MAX_MEDIAN = 50;
const COLUMN_MIN_OPEN_SHARE = 0.6;
/** Sign lines quoted in a reason are cut to this length. */
const QUOTE_MAX = 60;

const quote = (line: string): string => `"${line.length > QUOTE_MAX ? `${line.slice(0, QUOTE_MAX - 1)}…` : line}"`;
const at = (i: number) => `on line ${i + 1}`;

/** The text's lines, raw and trimmed, split once for every sign. */
interface Lines {
  readonly text: string;
  readonly raw: readonly string[];
  readonly trimmed: readonly string[];
}

/** The first line `test` accepts, or -1. */
function find(lines: Lines, test: (trimmed: string, raw: string) => boolean): number {
  return lines.raw.findIndex((raw, i) => test(lines.trimmed[i]!, raw));
}

/** A whole trimmed line that boilerplate's line rule would remove. */
function matchesLineRule(rule: { maxLength: number; hint: RegExp; pattern: RegExp }, trimmed: string): boolean {
  return trimmed.length <= rule.maxLength && rule.hint.test(trimmed) && rule.pattern.test(trimmed);
}

const PRESSREADER_LINE_RULES = PRESSREADER_RULES.map(lineRule);
const RUNNING_HEAD = lineRule('running-head');

/**
 * A sign of a source in the text: the preset it calls for and, when the text shows it, why. Each sign
 * looks line by line only when the whole text holds what it needs (a cheap test first).
 */
interface Sign {
  readonly preset: PresetId;
  readonly find: (lines: Lines, evidence?: Evidence, collection?: CollectionWords) => string | undefined;
}

/** A line that `test` accepts shows the sign; `reason` says how, given the line and its number. */
function lineSign(
  preset: PresetId,
  holds: (text: string) => boolean,
  test: (trimmed: string, raw: string) => boolean,
  reason: (line: string, i: number) => string,
): Sign {
  return {
    preset,
    find(lines) {
      if (!holds(lines.text)) return undefined;
      const i = find(lines, test);
      return i >= 0 ? reason(lines.raw[i]!, i) : undefined;
    },
  };
}

/** Narrow OCR columns (many short lines, mostly mid-sentence) with a printed line-end hyphen or an old year. */
const historicColumns: Sign = {
  preset: 'chronam',
  find(lines) {
    const content = lines.trimmed.filter((l) => l !== '');
    if (content.length < COLUMN_MIN_LINES) return undefined;
    const lengths = content.map((l) => l.length).sort((a, b) => a - b);
    const median = lengths[Math.floor(lengths.length / 2)]!;
    const open = content.filter((l) => !/[.!?:;]["”’)]*$/.test(l)).length / content.length;
    if (median > COLUMN_MAX_MEDIAN || open < COLUMN_MIN_OPEN_SHARE) return undefined;
    const columns = `narrow columns (median line ${median} characters)`;
    const hyphen = HYPHEN_CHAR.test(lines.text) ? find(lines, (_, raw) => LINE_END_HYPHEN.test(raw)) : -1;
    if (hyphen >= 0) return `${columns} with a printed line-end hyphen ${at(hyphen)}`;
    const year = find(lines, (t) => OLD_YEAR.test(t));
    if (year >= 0) return `${columns} with the year ${OLD_YEAR.exec(lines.raw[year]!)![0]} ${at(year)}`;
    return undefined;
  },
};

/**
 * OCR misreadings of very common words (`tbe`, `aud`, `wero`): given the evidence, the text is historic
 * OCR when it shows enough of them (`ocrSigns`, the same test the OCR corrector makes).
 */
const ocrMisreadings: Sign = {
  preset: 'chronam',
  find(lines, evidence) {
    if (!evidence) return undefined;
    const signs = ocrSigns(lines.text, evidence);
    return signs.shown
      ? `OCR misreadings of common words ("${signs.first}" and ${signs.shownBy - 1} more in ${signs.words} words)`
      : undefined;
  },
};

/**
 * The collection this document is cleaned in shows OCR misreadings, pooled over its documents (the
 * same test as for one text, on the sums): a sign weaker than any of the text's own, so it comes last.
 */
const collectionMisreadings: Sign = {
  preset: 'chronam',
  find(_lines, _evidence, collection) {
    const signs = collection?.signs;
    if (signs === undefined) return undefined;
    const { strong, weak } = signsShow(signs);
    if (!strong && !weak) return undefined;
    const [count, kind] = strong
      ? [signs.signs, 'OCR misreadings of common words']
      : [signs.weakSigns, 'OCR misreadings'];
    return `the collection shows ${kind} (${count} in ${signs.words} words of ${collection!.documents} documents)`;
  },
};

/** Count `text` into a collection (`--collection-words`), with its signs of OCR for `collectionMisreadings`. */
export function countDocument(counter: CollectionCounter, text: string, evidence: EvidenceSource): void {
  const { words, signs, weakSigns } = ocrSigns(text, new Evidence(evidence, text));
  counter.add(text, { words, signs, weakSigns });
}

/** The signs, strongest first: the first one the text shows decides. */
const SIGNS: readonly Sign[] = [
  lineSign(
    'pressreader',
    (text) => text.includes('Newspapers ') || /PressReader|ORIGINAL COPY/i.test(text),
    (t) => PRESSREADER_LINE_RULES.some((rule) => matchesLineRule(rule, t)),
    (line, i) => `PressReader line ${quote(line.trim())} ${at(i)}`,
  ),
  lineSign(
    'pdftotext',
    (text) => text.includes('\f'),
    (_, raw) => raw.includes('\f'),
    (_, i) => `form feed (a PDF page break) ${at(i)}`,
  ),
  lineSign(
    'pdftotext',
    (text) => LIGATURE.test(text),
    (_, raw) => LIGATURE.test(raw),
    (line, i) => `ligature character "${LIGATURE.exec(line)![0]}" ${at(i)}`,
  ),
  lineSign(
    'pdftotext',
    () => true,
    (t) => matchesLineRule(RUNNING_HEAD, t),
    (line, i) => `running head with a page number ${quote(line.trim())} ${at(i)}`,
  ),
  lineSign(
    'chronam',
    (text) => text.includes('ſ'),
    (_, raw) => raw.includes('ſ'),
    (_, i) => `long s (ſ) ${at(i)}`,
  ),
  ocrMisreadings,
  historicColumns,
  collectionMisreadings,
];

/** The source `text` looks like, and why. With the evidence, OCR misreadings are a sign too. */
export function detectSource(
  text: string,
  evidence?: EvidenceSource,
  collection?: CollectionWords,
): { preset: PresetId; reason: string } {
  const policy = evidence && new Evidence(evidence, text);
  const raw = text.split(/\r\n|\r|\n/);
  const lines: Lines = { text, raw, trimmed: raw.map((l) => l.trim()) };
  for (const sign of SIGNS) {
    const reason = sign.find(lines, policy, collection);
    if (reason !== undefined) return { preset: sign.preset, reason };
  }
  return { preset: 'generic', reason: 'no sign of a PressReader, pdftotext or historic OCR source' };
}

/** The preset to use for `text`: `choice` itself, or the detected one for `auto`. */
export function choosePreset(
  choice: PresetChoice,
  text: string,
  evidence?: EvidenceSource,
  collection?: CollectionWords,
): SourceChoice {
  if (choice !== 'auto') return { preset: choice, detected: false, reason: 'asked for' };
  const { preset, reason } = detectSource(text, evidence, collection);
  return { preset, detected: true, reason };
}

/**
 * The pipeline options for `preset` with `options` over it: the caller's transform options override
 * the preset's one by one, and a selection (`only`/`skip`) given by the caller replaces the preset's.
 */
export function withPreset(preset: PresetId, options: PipelineOptions): PipelineOptions {
  const data = PRESETS[preset] as import('./presets.js').Preset;
  const transformOptions: Record<string, Record<string, unknown>> = {};
  for (const [id, values] of Object.entries(data.transforms ?? {})) transformOptions[id] = { ...values };
  for (const [id, values] of Object.entries(options.transformOptions ?? {}))
    transformOptions[id] = { ...transformOptions[id], ...values };
  const ownSelection = options.only !== undefined || options.skip !== undefined;
  return {
    ...options,
    only: ownSelection ? options.only : data.only,
    skip: ownSelection ? options.skip : data.skip,
    enable: [...(data.enable ?? []), ...(options.enable ?? [])],
    transformOptions,
  };
}
