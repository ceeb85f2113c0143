/**
 * Presets: named sets of transform options and selection suited to one kind of source. Data only;
 * `auto` detection lives in `detect.ts`. A preset sits between the transforms' defaults and the
 * user's configuration and flags, which override it.
 *
 * The defaults already run every rule, so a preset mostly turns off what misfires on its source; a
 * preset never changes how a transform repairs text.
 */

export interface Preset {
  /** One line, for `--help`, `--explain` and the README. */
  readonly description: string;
  /** Run only these transforms (ids). */
  readonly only?: readonly string[];
  /** Run all but these transforms (ids). */
  readonly skip?: readonly string[];
  /** Also run these transforms that are off by default (ids). */
  readonly enable?: readonly string[];
  /** Options per transform id, over the transform's defaults. */
  readonly transforms?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

import { PRESSREADER_RULES, boilerplate, type BoilerplateRule } from '../transforms/boilerplate.js';
import { ocrConfusions } from '../transforms/ocr-confusions.js';
import { punctuationSpacing } from '../transforms/punctuation-spacing.js';
import { splitWords } from '../transforms/split-words.js';
import { unicode } from '../transforms/unicode.js';
import { unwrap } from '../transforms/unwrap.js';
import type { Transform } from './types.js';

/** Options of `transform` in a preset: keyed by its id, checked against its options' type. */
function optionsFor<Options extends object>(
  transform: Transform<Options, string>,
  values: Partial<Options>,
): Record<string, Readonly<Record<string, unknown>>> {
  return { [transform.id]: values };
}

/** Boilerplate rules a preset turns off, checked to be boilerplate's rules. */
const skipRules = (...rules: readonly BoilerplateRule[]): readonly BoilerplateRule[] => rules;

export const PRESETS = {
  generic: {
    description: 'any source: every transform with its defaults',
  },
  pressreader: {
    description:
      'PressReader text exports: footer, credit and masthead rules; no page furniture (folios, running heads, jumps)',
    transforms: {
      // One article per export: a lone number or a repeated capitalised line is text, not page furniture.
      ...optionsFor(boilerplate, {
        skipRules: skipRules('folio', 'running-head', 'repeated-head', 'jump-out', 'jump-in', 'jump-label'),
      }),
      // Modern typesetting prints compounds closed: a space inside one is damage (`home work`).
      ...optionsFor(splitWords, { compoundMinScore: 3.9 }),
    },
  },
  pdftotext: {
    description: 'pdftotext output of printed pages: page furniture rules and column unwrapping',
    transforms: {
      ...optionsFor(boilerplate, { skipRules: PRESSREADER_RULES }),
      ...optionsFor(unwrap, { shortLineRatio: 0.9 }),
    },
  },
  chronam: {
    description:
      'Chronicling America and other historic OCR: long s folding, OCR letter confusions; no masthead or modern-furniture rules',
    // Measured on overproof and icdar2017 (README, Quality): fewer character errors, no document worse.
    enable: [ocrConfusions.id],
    // A space before a mark in old print is the page's own spacing (transcribed so: `Van Buren ,
    // Daniel`) or a lost letter (`place ,` for `places,`) as often as it is noise: measured on
    // overproof train, closing it broke 13 correct words and fixed fewer than 9 (icdar2017: 110 broken).
    skip: [punctuationSpacing.id],
    transforms: {
      ...optionsFor(unicode, { longS: true }),
      // Two words are joined only where the document writes the compound whole: old print writes many
      // open (`steam ship`, `grave yards`, `feather bed`), and the counts are of modern books. On the
      // overproof training split no join rested on the counts; on icdar2017 they made 5 right and 5 wrong.
      ...optionsFor(splitWords, { compoundMinScore: 30 }),
      // Old pages name the paper in headlines and datelines ("Special to The Evening Courier").
      ...optionsFor(boilerplate, {
        skipRules: [...skipRules('masthead', 'tagline', 'photo-credit'), ...PRESSREADER_RULES],
      }),
    },
  },
} as const satisfies Record<string, Preset>;

export type PresetId = keyof typeof PRESETS;
/** What `--preset` accepts: a preset, or `auto` to detect the source from the text. */
export type PresetChoice = PresetId | 'auto';

export const PRESET_IDS = Object.keys(PRESETS) as PresetId[];
export const PRESET_CHOICES: readonly PresetChoice[] = ['auto', ...PRESET_IDS];
