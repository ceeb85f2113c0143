/**
 * Do no harm: run the word-level transforms on ground truth (text that is already right). Every edit
 * there that changes a word is a false correction.
 *
 * GT preparation: `overproof` and `impresso-en` write a soft line-end hyphen as `¬` + line break, which
 * becomes nothing (the word is joined, as the cleaner would join it). `icdar2017` keeps ligature glyphs
 * and printed hyphenation as `con- fidently`; see `icdarGroundTruth`.
 *
 * Changed words of an edit: the edit is widened to whole whitespace-delimited tokens of its step's
 * input (`homes ,` for a `punctuation-spacing` edit of ` ,`), and every token of that span that does
 * not come out of the edit unchanged counts once (`in to` -> `into`: 2; `U.S.led` -> `U.S.-led`: 1;
 * `homes ,` -> `homes,`: 2, as WER would count it). Tokens are compared as read: in `overproof` and
 * `impresso-en` GT a line-end `-` after a letter or digit is a real hyphen, so the word goes on on the
 * next line (`Victoria-⏎street` is the one word `Victoria-street`, and is counted once among the GT's
 * words). The span is widened across such a break to the whole word on the other side, and the break
 * is closed before tokens are compared: `Oxford-⏎street` -> `Oxford-street` changes no word,
 * `north-⏎east` -> `northeast` changes one, and an edit on `street` alone is shown and counted as a
 * change of `Victoria-street`. In `icdar2017` lines are separate regions and nothing is closed. An edit
 * that changes no word (it only moves a line break) is counted as an edit but is not a false correction.
 */
import path from 'node:path';
import { PRESETS, choosePreset, countCollectionWords, runPipeline, type Preset } from '../../src/index.js';
import { editContext, ruleId, stepInputs, type EditContext } from '../lib/edits.js';
import type { Edit } from '../../src/index.js';
import {
  closeHyphenBreaks,
  multiset,
  removeSoftHyphenBreaks,
  multisetMinus,
  sumCounts,
  words,
} from '../lib/metrics.js';
import { formatNumber, formatTable, type Cell } from '../lib/table.js';
import { excerpt, icdarGroundTruth, listFiles, readText, type EvalContext } from './context.js';
import { GT_ERRORS, type GtError } from './gt-errors.js';

/** The word-level transforms: the ones that must leave correct text alone. */
export const WORD_LEVEL_TRANSFORMS = [
  'ligatures',
  'hyphens',
  'split-words',
  'abbreviation-hyphens',
  'punctuation-spacing',
];
/** The target: at most this many changed words per 10,000 words of ground truth. */
const TARGET_PER_10K = 1;
const EXAMPLES_PER_RULE = 3;

/** An edit a word-level transform made on ground truth; a false correction when `changedWords` > 0. */
export interface GroundTruthEdit {
  corpus: string;
  doc: string;
  rule: string;
  before: string;
  after: string;
  changedWords: number;
  reason: string;
  /** Checked by hand: the edit repairs an error of the ground truth (see `gt-errors.ts`). */
  gtError?: GtError;
}

export interface HarmRow {
  name: string;
  docs: number;
  words: number;
  edits: number;
  /** Edits that change at least one word (the others only move a line break). */
  falseCorrections: number;
  changedWords: number;
  per10k: number;
  /** Changed words of edits that repair an error of the ground truth, checked by hand. */
  gtErrorWords: number;
  /** `per10k` without those. */
  per10kExceptGtErrors: number;
}

export interface DoNoHarmResult {
  corpora: HarmRow[];
  total: HarmRow;
  rules: (Omit<HarmRow, 'docs' | 'words'> & { examples: string[] })[];
  gtEdits: GroundTruthEdit[];
  /** Entries of `GT_ERRORS` that match no edit any more. */
  staleGtErrors: GtError[];
}

interface GtCorpus {
  name: string;
  files: string[];
  prepare: (text: string) => string;
  /** A line-end `-` is a real hyphen (soft ones are `¬`). Not in `icdar2017`, whose lines are separate regions. */
  lineEndHyphenIsReal: boolean;
}

function corpora(shared: string): GtCorpus[] {
  const files = (dir: string) => listFiles(path.join(shared, 'corpus', dir), '.gt.txt');
  const softHyphenGt = (name: string, dir: string): GtCorpus => ({
    name,
    files: files(dir),
    prepare: removeSoftHyphenBreaks,
    lineEndHyphenIsReal: true,
  });
  return [
    softHyphenGt('overproof train', 'overproof/pairs/train'),
    softHyphenGt('overproof dev', 'overproof/pairs/dev'),
    softHyphenGt('impresso-en train', 'impresso-en/pairs/train'),
    softHyphenGt('impresso-en dev', 'impresso-en/pairs/dev'),
    { name: 'icdar2017 pairs', files: files('icdar2017/pairs'), prepare: icdarGroundTruth, lineEndHyphenIsReal: false },
  ].filter((c) => c.files.length > 0);
}

/** Letters or digits, a hyphen, and a line break, at the end of what came before. */
const HYPHEN_BREAK_BEFORE = /[\p{L}\p{N}]-[ \t]*\n[ \t]*$/u;
/** A line break (after a hyphen) and the letter or digit that starts the next line. */
const BREAK_AFTER_HYPHEN = /^[ \t]*\n[ \t]*(?=[\p{L}\p{N}])/u;
/** How far back or ahead to look for such a break: past spaces and tabs only. */
const LOOK = 40;

/**
 * The edit widened to whole tokens as read where a line-end hyphen is real: across the break of
 * `Victoria-⏎street` in either direction, so that both halves are in the span. `editContext` first.
 */
export function editContextAsRead(input: string, edit: Edit): EditContext {
  let { start, end } = editContext(input, edit);
  const isSpace = (c: string | undefined) => c !== undefined && /\s/u.test(c);
  for (;;) {
    const ahead = BREAK_AFTER_HYPHEN.exec(input.slice(end, end + LOOK));
    if (!ahead || !/[\p{L}\p{N}]-$/u.test(input.slice(Math.max(start, end - 2), end))) break;
    end += ahead[0].length;
    while (end < input.length && !isSpace(input[end])) end++;
  }
  for (;;) {
    const behind = HYPHEN_BREAK_BEFORE.exec(input.slice(Math.max(0, start - LOOK), start));
    if (!behind || !/^[\p{L}\p{N}]/u.test(input.slice(start, start + 2))) break;
    start -= behind[0].length - 2; // keep the letter or digit and the hyphen for the token scan below
    while (start > 0 && !isSpace(input[start - 1])) start--;
  }
  const before = input.slice(start, end);
  const after = input.slice(start, edit.offset) + edit.after + input.slice(edit.offset + edit.before.length, end);
  return { start, end, before, after };
}

/** Changed words of an edit widened to whole tokens: tokens before that do not survive it unchanged. */
export function changedWords(before: string, after: string, lineEndHyphenIsReal: boolean): number {
  const read = (text: string) => multiset(words(lineEndHyphenIsReal ? closeHyphenBreaks(text) : text));
  return sumCounts(multisetMinus(read(before), read(after)));
}

const per10k = (changed: number, total: number): number => (total === 0 ? 0 : (changed / total) * 10000);

function tally(
  gtEdits: readonly GroundTruthEdit[],
  totalWords: number,
): Pick<HarmRow, 'edits' | 'falseCorrections' | 'changedWords' | 'per10k' | 'gtErrorWords' | 'per10kExceptGtErrors'> {
  const changed = gtEdits.reduce((s, c) => s + c.changedWords, 0);
  const gtErrorWords = gtEdits.reduce((s, c) => s + (c.gtError === undefined ? 0 : c.changedWords), 0);
  return {
    edits: gtEdits.length,
    falseCorrections: gtEdits.filter((c) => c.changedWords > 0).length,
    changedWords: changed,
    per10k: per10k(changed, totalWords),
    gtErrorWords,
    per10kExceptGtErrors: per10k(changed - gtErrorWords, totalWords),
  };
}

const gtErrorOf = (corpus: string, doc: string, before: string): GtError | undefined =>
  GT_ERRORS.find((e) => e.corpus === corpus && e.doc === doc && before.replace(/\n/g, '⏎').includes(e.before));

export function runDoNoHarm(context: EvalContext): DoNoHarmResult {
  const rows: HarmRow[] = [];
  const gtEdits: GroundTruthEdit[] = [];
  for (const corpus of corpora(context.shared)) {
    let totalWords = 0;
    const before = gtEdits.length;
    const texts = corpus.files.map((file) => corpus.prepare(readText(file)));
    // `--collection`: the corpus's GT documents are one batch.
    const collection =
      context.collections !== undefined && texts.length > 0 ? countCollectionWords(texts, context.evidence) : undefined;
    for (const [k, file] of corpus.files.entries()) {
      const gt = texts[k]!;
      totalWords += words(corpus.lineEndHyphenIsReal ? closeHyphenBreaks(gt) : gt).length;
      // The word-level transforms the default run would use on this text: the preset it detects may
      // turn on the OCR corrector (it does when the text shows OCR misreadings).
      const preset = PRESETS[choosePreset('auto', gt, context.evidence, collection).preset] as Preset;
      const { text, steps } = runPipeline(gt, {
        only: [...WORD_LEVEL_TRANSFORMS, ...(preset.enable ?? []), ...context.enable],
        evidence: context.evidence,
        ...(collection !== undefined && { collection }),
      });
      const inputs = stepInputs(gt, steps, text);
      steps.forEach((step, i) => {
        for (const edit of step.edits) {
          const span = corpus.lineEndHyphenIsReal ? editContextAsRead(inputs[i]!, edit) : editContext(inputs[i]!, edit);
          const doc = path.basename(file, '.gt.txt');
          const changed = changedWords(span.before, span.after, corpus.lineEndHyphenIsReal);
          gtEdits.push({
            corpus: corpus.name,
            doc,
            rule: ruleId(edit),
            before: span.before,
            after: span.after,
            changedWords: changed,
            reason: edit.reason,
            gtError: changed > 0 ? gtErrorOf(corpus.name, doc, span.before) : undefined,
          });
        }
      });
    }
    rows.push({
      name: corpus.name,
      docs: corpus.files.length,
      words: totalWords,
      ...tally(gtEdits.slice(before), totalWords),
    });
  }
  const sum = (f: (r: HarmRow) => number) => rows.reduce((s, r) => s + f(r), 0);
  const totalWords = sum((r) => r.words);
  const total: HarmRow = {
    name: 'all',
    docs: sum((r) => r.docs),
    words: totalWords,
    ...tally(gtEdits, totalWords),
  };
  const byRule = new Map<string, GroundTruthEdit[]>();
  for (const c of gtEdits) {
    const list = byRule.get(c.rule);
    if (list) list.push(c);
    else byRule.set(c.rule, [c]);
  }
  const rules = [...byRule]
    .map(([name, list]) => ({
      name,
      ...tally(list, totalWords),
      // False corrections first: they are what the examples are for.
      examples: [...list.filter((c) => c.changedWords > 0), ...list.filter((c) => c.changedWords === 0)]
        .slice(0, EXAMPLES_PER_RULE)
        .map((c) => `${excerpt(c.before, 30)} → ${excerpt(c.after, 30)}`),
    }))
    .sort((a, b) => b.changedWords - a.changedWords || a.name.localeCompare(b.name));
  const staleGtErrors = GT_ERRORS.filter((e) => !gtEdits.some((c) => c.gtError === e));
  return { corpora: rows, total, rules, gtEdits, staleGtErrors };
}

export function printDoNoHarm(result: DoNoHarmResult, verbose: boolean): string {
  const row = (r: HarmRow): Cell[] => [
    r.name,
    r.docs,
    r.words,
    r.edits,
    r.falseCorrections,
    r.changedWords,
    formatNumber(r.per10k, 2),
    r.gtErrorWords,
    formatNumber(r.per10kExceptGtErrors, 2),
  ];
  const out = [
    formatTable(
      [
        'GT corpus',
        'docs',
        'words',
        'edits',
        'false corrections',
        'changed words',
        'per 10k',
        'of them GT errors',
        'per 10k without',
      ],
      [...result.corpora.map(row), row(result.total)],
      `3. Do no harm: word-level transforms (${WORD_LEVEL_TRANSFORMS.join(', ')}) on ground truth; an edit that changes a word is a false correction (target ≤ ${TARGET_PER_10K} changed word per 10k words)`,
    ),
    '',
    formatTable(
      ['rule', 'edits', 'false corrections', 'changed words', 'per 10k', 'examples'],
      result.rules.map((r) => [
        r.name,
        r.edits,
        r.falseCorrections,
        r.changedWords,
        formatNumber(r.per10k, 2),
        r.examples.join(' | '),
      ]),
    ),
    '   changed words: tokens of the edit (widened to whole tokens, across a line break after a real hyphen) that do not come out unchanged, read with that break closed (overproof, impresso-en: Victoria-⏎street is one word); an edit changing none only moved a line break',
    '   GT errors: changed words of edits checked by hand that repair an error of the ground truth itself (scripts/eval/gt-errors.ts); per 10k without = the rate without them',
    ...result.staleGtErrors.map(
      (e) =>
        `   STALE: the GT error "${e.before}" (${e.corpus} ${e.doc}) matches no edit any more; remove it from gt-errors.ts`,
    ),
  ];
  if (verbose) {
    out.push('', 'Every edit on ground truth (changed words in brackets; [0] = only a line break moved):');
    for (const c of result.gtEdits)
      out.push(
        `  [${c.changedWords}] ${c.corpus} ${c.doc}  ${c.rule}  "${excerpt(c.before, 40)}" → "${excerpt(c.after, 40)}"  (${c.reason})${c.gtError ? `  GT error: ${c.gtError.why}` : ''}`,
      );
  }
  return out.join('\n');
}
