/**
 * Choose a preset: the one asked for, or (`auto`) the source the raw text looks like, with the reason.
 * Then lay the preset under the caller's own options. Pure: reads nothing but its arguments.
 *
 * Signs, strongest first:
 * - pressreader: a PressReader footer, credit or `ORIGINAL COPY` stamp line;
 * - pdftotext: a form feed (pdftotext's page break), a ligature code point (U+FB00–FB06), or a running
 *   head with a folio (`A1  THE HARBOR CITY TIMES  MONDAY, MARCH 3, 2025`);
 * - chronam: a long s (`ſ`), or narrow OCR columns (many short lines, mostly mid-sentence) with a
 *   printed line-end hyphen (soft hyphen or `¬`) or a year from 1700 to 1929;
 * - otherwise generic.
 */
import type { PipelineOptions } from './pipeline.js';
import { PRESETS, type PresetChoice, type PresetId } from './presets.js';
import { LINE_RULES } from '../transforms/boilerplate.js';

export interface SourceChoice {
  /** The preset used. */
  preset: PresetId;
  /** Chosen by `auto` from the text (false when asked for by name). */
  detected: boolean;
  /** Why: the sign found in the text, or how it was asked for. */
  reason: string;
}

const PRESSREADER_LINE = /^(?:Newspapers (?:in|from) [A-Z].{0,60}|.*\bPressReader\b.*|(?:ORIGINAL COPY\b.*))$/;
/** What every line `PRESSREADER_LINE` matches holds. */
const PRESSREADER_TEXT = /Newspapers (?:in|from) |PressReader|ORIGINAL COPY/;
const LIGATURE = /[\uFB00-\uFB06]/;
const RUNNING_HEAD = LINE_RULES.find((r) => r.rule === 'running-head')!;
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

/** The source `text` looks like, and why. */
export function detectSource(text: string): { preset: PresetId; reason: string } {
  const lines = text.split(/\r\n|\r|\n/);
  const trimmed = lines.map((l) => l.trim());
  const at = (i: number) => `on line ${i + 1}`;
  const find = (test: (trimmed: string, raw: string) => boolean) => lines.findIndex((raw, i) => test(trimmed[i]!, raw));

  // Each sign is looked for line by line only when the whole text holds what it needs.
  const pressReader = PRESSREADER_TEXT.test(text) ? find((t) => t.length <= 200 && PRESSREADER_LINE.test(t)) : -1;
  if (pressReader >= 0)
    return {
      preset: 'pressreader',
      reason: `PressReader line ${quote(lines[pressReader]!.trim())} ${at(pressReader)}`,
    };

  const formFeed = text.includes('\f') ? find((_, raw) => raw.includes('\f')) : -1;
  if (formFeed >= 0) return { preset: 'pdftotext', reason: `form feed (a PDF page break) ${at(formFeed)}` };
  const ligature = LIGATURE.test(text) ? find((_, raw) => LIGATURE.test(raw)) : -1;
  if (ligature >= 0) {
    const char = LIGATURE.exec(lines[ligature]!)![0];
    return { preset: 'pdftotext', reason: `ligature character "${char}" ${at(ligature)}` };
  }
  const head = find(
    (t) => t.length <= RUNNING_HEAD.maxLength && RUNNING_HEAD.hint.test(t) && RUNNING_HEAD.pattern.test(t),
  );
  if (head >= 0)
    return { preset: 'pdftotext', reason: `running head with a page number ${quote(lines[head]!.trim())} ${at(head)}` };

  const longS = text.includes('ſ') ? find((_, raw) => raw.includes('ſ')) : -1;
  if (longS >= 0) return { preset: 'chronam', reason: `long s (ſ) ${at(longS)}` };
  const content = trimmed.filter((l) => l !== '');
  if (content.length >= COLUMN_MIN_LINES) {
    const lengths = content.map((l) => l.length).sort((a, b) => a - b);
    const median = lengths[Math.floor(lengths.length / 2)]!;
    const open = content.filter((l) => !/[.!?:;]["”’)]*$/.test(l)).length / content.length;
    if (median <= COLUMN_MAX_MEDIAN && open >= COLUMN_MIN_OPEN_SHARE) {
      const columns = `narrow columns (median line ${median} characters)`;
      const hyphen = HYPHEN_CHAR.test(text) ? find((_, raw) => LINE_END_HYPHEN.test(raw)) : -1;
      if (hyphen >= 0) return { preset: 'chronam', reason: `${columns} with a printed line-end hyphen ${at(hyphen)}` };
      const year = find((t) => OLD_YEAR.test(t));
      if (year >= 0)
        return { preset: 'chronam', reason: `${columns} with the year ${OLD_YEAR.exec(lines[year]!)![0]} ${at(year)}` };
    }
  }
  return { preset: 'generic', reason: 'no sign of a PressReader, pdftotext or historic OCR source' };
}

/** The preset to use for `text`: `choice` itself, or the detected one for `auto`. */
export function choosePreset(choice: PresetChoice, text: string): SourceChoice {
  if (choice !== 'auto') return { preset: choice, detected: false, reason: 'asked for' };
  const { preset, reason } = detectSource(text);
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
