/**
 * CER and WER before and after cleaning, and the HIPE-OCRepair shared task's own measure, cMER: the OCR
 * and the cleaned OCR (the full pipeline's text as the CLI cleans it (preset auto), before
 * segmentation and rendering, so that headline detection does not matter) against the GT.
 *
 * CER/WER: both sides get the same normalisation (`normalizeForScoring`: NFKC, `¬` + line break
 * removed, line breaks as spaces, whitespace folded). Before that, each GT's own conventions are read
 * the way a correct cleaner writes them: in `overproof` and `impresso-en` a line-end `-` is a real
 * hyphen (soft ones are `¬`), so `Oxford-⏎street` is `Oxford-street`; the `icdar2017` GT has its
 * printed hyphenation `con- fidently` joined (NFKC first, for its ligature glyphs).
 * Case-sensitive. Micro averages: total edit distance over total GT length.
 *
 * cMER as the HIPE-OCRepair scorer computes it (see `hipeNormalize` and `matchErrorRate`): lower case,
 * everything but letters and digits a space, `¬` + line break removed; MER = (S + D + I) / (H + S + D + I)
 * per document, micro-averaged by summing the counts (`cmer_micro`, the task's ranking measure); wMER
 * the same over words. The GT is the benchmark's own text (`overproof`, `impresso-en` are HIPE's
 * files verbatim); for `icdar2017`, whose copy here is the original competition GT, the GT is read as
 * HIPE's curated view of it writes it (ligatures spelled out, printed hyphenation removed: see
 * SOURCE.md), i.e. `icdarGroundTruth`. "closed" = the share of the OCR's cMER that cleaning removed,
 * (before - after) / before. pref = the scorer's `pref_score_cmer_macro`: per document +1 if cMER
 * fell, -1 if it rose, 0 if equal, averaged.
 */
import path from 'node:path';
import { Interner, align, countAlignment, type AlignOp } from '../lib/edit-distance.js';
import {
  addCounts,
  addMatchCounts,
  characterErrors,
  characterMatches,
  closeHyphenBreaks,
  matchErrorRate,
  normalizeForScoring,
  rate,
  scoringTokens,
  wordMatches,
  words,
  type TokenSpan,
  type ErrorCount,
  type MatchCount,
} from '../lib/metrics.js';
import { formatDelta, formatNumber, formatPercent, formatTable, type Cell } from '../lib/table.js';
import { cleaned, icdarGroundTruth, readPairs, type EvalContext, type Pair } from './context.js';

export interface DocumentScore {
  doc: string;
  cerBefore: number;
  cerAfter: number;
  werBefore: number;
  werAfter: number;
  cmerBefore: number;
  cmerAfter: number;
}

export interface ErrorRateRow {
  name: string;
  docs: number;
  gtChars: number;
  gtWords: number;
  cerBefore: number;
  cerAfter: number;
  werBefore: number;
  werAfter: number;
  /** Documents whose character (word) edit distance grew. */
  worseCer: number;
  worseWer: number;
  /** HIPE-OCRepair cMER (micro) of the OCR and of the cleaned OCR, and the share of it closed. */
  cmerBefore: number;
  cmerAfter: number;
  cmerClosed: number;
  wmerBefore: number;
  wmerAfter: number;
  /** The scorer's alignment counts summed over the documents (normalised characters). */
  cmerCountsBefore: MatchCount;
  cmerCountsAfter: MatchCount;
  /** Documents whose cMER fell, stayed, rose; and the scorer's preference score (macro). */
  cmerBetter: number;
  cmerSame: number;
  cmerWorse: number;
  prefScore: number;
  worse: DocumentScore[];
}

interface ScoredSet {
  name: string;
  pairs: Pair[];
  /** The GT as a correct cleaner writes it, for CER/WER. */
  prepareGt: (gt: string) => string;
  /** The GT the benchmark scores against, for cMER. */
  hipeGt: (gt: string) => string;
}

/** The pair sets every OCR-side section scores, in report order. */
export function pairSets(context: EvalContext): ScoredSet[] {
  let sets = setsRead.get(context);
  if (!sets) setsRead.set(context, (sets = readPairSets(context)));
  return sets;
}
/** The sets as read, once per run. */
const setsRead = new WeakMap<EvalContext, ScoredSet[]>();

function readPairSets(context: EvalContext): ScoredSet[] {
  const corpus = (...parts: string[]) => path.join(context.shared, 'corpus', ...parts);
  const asIs = (gt: string) => gt;
  const lineAligned = (name: string, dir: string): ScoredSet => ({
    name,
    pairs: readPairs(corpus(dir)),
    prepareGt: closeHyphenBreaks,
    hipeGt: asIs,
  });
  const sets = [
    lineAligned('overproof train', 'overproof/pairs/train'),
    lineAligned('overproof dev', 'overproof/pairs/dev'),
    lineAligned('impresso-en train', 'impresso-en/pairs/train'),
    lineAligned('impresso-en dev', 'impresso-en/pairs/dev'),
    {
      name: 'icdar2017 pairs',
      pairs: readPairs(corpus('icdar2017/pairs')),
      prepareGt: icdarGroundTruth,
      hipeGt: icdarGroundTruth,
    },
  ];
  return sets.filter((s) => s.pairs.length > 0);
}

/**
 * A document's WER tokens aligned: the GT's with the OCR's (`before`) and with the cleaned text's
 * (`after`); the OCR and output tokens keep their spans, for following them through the edits.
 */
export interface WordAlignment {
  gtWords: string[];
  ocrTokens: TokenSpan[];
  outTokens: TokenSpan[];
  gt: Int32Array;
  ocr: Int32Array;
  out: Int32Array;
  before: AlignOp[];
  after: AlignOp[];
}

/** The word alignment of one document of a set, computed once per run (WER and section 6 share it). */
export function wordAlignment(context: EvalContext, set: ScoredSet, pair: Pair): WordAlignment {
  const cache = (context.wordAlignments ??= new Map()) as Map<string, WordAlignment>;
  const key = `${set.name}\u0000${pair.id}`;
  let found = cache.get(key);
  if (!found) {
    const interner = new Interner();
    const gtWords = words(normalizeForScoring(set.prepareGt(pair.gt)));
    const ocrTokens = scoringTokens(pair.ocr);
    const outTokens = scoringTokens(cleaned(context, pair.ocr).text);
    const gt = interner.idsOf(gtWords);
    const ocr = interner.idsOf(ocrTokens.map((t) => t.text));
    const out = interner.idsOf(outTokens.map((t) => t.text));
    found = { gtWords, ocrTokens, outTokens, gt, ocr, out, before: align(gt, ocr), after: align(gt, out) };
    cache.set(key, found);
  }
  return found;
}

/** Word errors (WER's edit distance) of an alignment, over the reference's words. */
function alignmentErrors(ops: readonly AlignOp[], referenceWords: number): ErrorCount {
  const c = countAlignment(ops);
  return { errors: c.substitutions + c.deletions + c.insertions, total: referenceWords };
}

function scoreSet(set: ScoredSet, context: EvalContext): ErrorRateRow {
  const interner = new Interner();
  const counts: Record<'cb' | 'ca' | 'wb' | 'wa', ErrorCount[]> = { cb: [], ca: [], wb: [], wa: [] };
  const matches: Record<'cb' | 'ca' | 'wb' | 'wa', MatchCount[]> = { cb: [], ca: [], wb: [], wa: [] };
  const worse: DocumentScore[] = [];
  let worseCer = 0;
  let worseWer = 0;
  const preference = { better: 0, same: 0, worse: 0 };
  for (const pair of set.pairs) {
    const output = cleaned(context, pair.ocr).text;
    const gt = normalizeForScoring(set.prepareGt(pair.gt));
    const before = normalizeForScoring(pair.ocr);
    const after = normalizeForScoring(output);
    const cb = characterErrors(before, gt);
    const ca = characterErrors(after, gt);
    // WER from the word alignment (the same tokens as `words(...)`; its length is the edit distance).
    const aligned = wordAlignment(context, set, pair);
    const wb = alignmentErrors(aligned.before, aligned.gt.length);
    const wa = alignmentErrors(aligned.after, aligned.gt.length);
    counts.cb.push(cb);
    counts.ca.push(ca);
    counts.wb.push(wb);
    counts.wa.push(wa);
    const hipeGt = set.hipeGt(pair.gt);
    const mcb = characterMatches(pair.ocr, hipeGt);
    const mca = characterMatches(output, hipeGt);
    matches.cb.push(mcb);
    matches.ca.push(mca);
    matches.wb.push(wordMatches(pair.ocr, hipeGt, interner));
    matches.wa.push(wordMatches(output, hipeGt, interner));
    const [merBefore, merAfter] = [matchErrorRate(mcb), matchErrorRate(mca)];
    if (merAfter < merBefore) preference.better++;
    else if (merAfter > merBefore) preference.worse++;
    else preference.same++;
    if (ca.errors > cb.errors) worseCer++;
    if (wa.errors > wb.errors) worseWer++;
    if (ca.errors > cb.errors || wa.errors > wb.errors || merAfter > merBefore)
      worse.push({
        doc: pair.id,
        cerBefore: rate(cb),
        cerAfter: rate(ca),
        werBefore: rate(wb),
        werAfter: rate(wa),
        cmerBefore: merBefore,
        cmerAfter: merAfter,
      });
  }
  const cb = addCounts(counts.cb);
  const wb = addCounts(counts.wb);
  const cmerCountsBefore = addMatchCounts(matches.cb);
  const cmerCountsAfter = addMatchCounts(matches.ca);
  const cmerBefore = matchErrorRate(cmerCountsBefore);
  const cmerAfter = matchErrorRate(cmerCountsAfter);
  return {
    name: set.name,
    docs: set.pairs.length,
    gtChars: cb.total,
    gtWords: wb.total,
    cerBefore: rate(cb),
    cerAfter: rate(addCounts(counts.ca)),
    werBefore: rate(wb),
    werAfter: rate(addCounts(counts.wa)),
    worseCer,
    worseWer,
    cmerBefore,
    cmerAfter,
    cmerClosed: cmerBefore === 0 ? 0 : (cmerBefore - cmerAfter) / cmerBefore,
    wmerBefore: matchErrorRate(addMatchCounts(matches.wb)),
    wmerAfter: matchErrorRate(addMatchCounts(matches.wa)),
    cmerCountsBefore,
    cmerCountsAfter,
    cmerBetter: preference.better,
    cmerSame: preference.same,
    cmerWorse: preference.worse,
    prefScore: (preference.better - preference.worse) / set.pairs.length,
    worse,
  };
}

export function runErrorRates(context: EvalContext): ErrorRateRow[] {
  return pairSets(context).map((s) => scoreSet(s, context));
}

export function printErrorRates(rows: readonly ErrorRateRow[], verbose: boolean): string {
  const table = formatTable(
    [
      'set',
      'docs',
      'GT chars',
      'CER before',
      'CER after',
      'ΔCER',
      'GT words',
      'WER before',
      'WER after',
      'ΔWER',
      'worse CER',
      'worse WER',
    ],
    rows.map((r): Cell[] => [
      r.name,
      r.docs,
      r.gtChars,
      r.cerBefore,
      r.cerAfter,
      formatDelta(r.cerAfter - r.cerBefore),
      r.gtWords,
      r.werBefore,
      r.werAfter,
      formatDelta(r.werAfter - r.werBefore),
      r.worseCer,
      r.worseWer,
    ]),
    '4. CER/WER of OCR before and after the full pipeline (micro; NFKC, ¬⏎ removed, line breaks as spaces, whitespace folded; case-sensitive); worse = docs whose edit distance grew',
  );
  const hipe = formatTable(
    [
      'set',
      'docs',
      'cMER before',
      'cMER after',
      'ΔcMER',
      'closed',
      'wMER before',
      'wMER after',
      'docs better/same/worse',
      'pref',
    ],
    rows.map((r): Cell[] => [
      r.name,
      r.docs,
      r.cmerBefore,
      r.cmerAfter,
      formatDelta(r.cmerAfter - r.cmerBefore),
      formatPercent(r.cmerClosed),
      r.wmerBefore,
      r.wmerAfter,
      `${r.cmerBetter}/${r.cmerSame}/${r.cmerWorse}`,
      formatNumber(r.prefScore, 3),
    ]),
    'HIPE-OCRepair scoring (its normalisation: lower case, non-letters/digits as spaces, ¬⏎ removed); cMER = (S+D+I)/(H+S+D+I), micro; closed = (before − after)/before; pref = mean over docs of +1 better / −1 worse cMER',
  );
  const out = [table, '', hipe];
  if (!verbose) return out.join('\n');
  for (const r of rows) {
    out.push('', `Documents that got worse, ${r.name}:`);
    if (r.worse.length === 0) out.push('  (none)');
    for (const d of r.worse)
      out.push(
        `  ${d.doc}  CER ${formatNumber(d.cerBefore)} → ${formatNumber(d.cerAfter)} (${formatDelta(d.cerAfter - d.cerBefore)})  WER ${formatNumber(d.werBefore)} → ${formatNumber(d.werAfter)} (${formatDelta(d.werAfter - d.werBefore)})  cMER ${formatNumber(d.cmerBefore)} → ${formatNumber(d.cmerAfter)}`,
      );
  }
  return out.join('\n');
}
