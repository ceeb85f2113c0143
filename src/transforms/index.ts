/**
 * The transforms, in the one order they run. Each sees the previous one's output.
 *
 * Order: character repairs come first (mojibake needs the raw C1 bytes that `unicode` strips);
 * furniture goes before word repairs so that page heads are not joined into the text, OCR noise first
 * (the furniture rules look at the first lines and at what stands between blank lines, so they must
 * see the page as it will read, or a second cleaning decides again); word repairs run
 * while line breaks still exist (a line-end hyphen is strong evidence); then paragraphs broken by a
 * stray blank line are rejoined, so that `unwrap` decides on whole blocks (and a second cleaning finds
 * the blocks it decided on); lines are unwrapped into paragraphs, the byline is written as
 * `By <name>`, and whitespace is tidied last. Each transform's `stage` says which of these it is, and
 * the list keeps the stages in order (a test checks it).
 */
import type { Transform } from '../core/types.js';
import { abbreviationHyphens } from './abbreviation-hyphens.js';
import { boilerplate } from './boilerplate.js';
import { byline } from './byline.js';
import { hyphens } from './hyphens.js';
import { ligatures } from './ligatures.js';
import { mojibake } from './mojibake.js';
import { noiseLines } from './noise-lines.js';
import { ocrConfusions } from './ocr-confusions.js';
import { paragraphs } from './paragraphs.js';
import { punctuationSpacing } from './punctuation-spacing.js';
import { splitWords } from './split-words.js';
import { unicode } from './unicode.js';
import { unwrap } from './unwrap.js';
import { whitespace } from './whitespace.js';

export const TRANSFORMS: readonly Transform<object>[] = [
  mojibake,
  unicode,
  noiseLines,
  boilerplate,
  ligatures,
  hyphens,
  splitWords,
  ocrConfusions,
  abbreviationHyphens,
  punctuationSpacing,
  paragraphs,
  unwrap,
  byline,
  whitespace,
];

export const TRANSFORM_IDS: readonly string[] = TRANSFORMS.map((t) => t.id);
