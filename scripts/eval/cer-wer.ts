/**
 * CER and WER before and after cleaning: the OCR and the cleaned OCR (the full pipeline's text as the CLI cleans it (preset auto), before
 * segmentation and rendering, so that headline detection does not matter) against the GT.
 *
 * Both sides get the same normalisation (`normalizeForScoring`: NFKC, `¬` + line break removed, line
 * breaks as spaces, whitespace folded). Before that, each GT's own conventions are read the way a
 * correct cleaner writes them: in `overproof` a line-end `-` is a real hyphen (soft ones are `¬`), so
 * `Oxford-⏎street` is `Oxford-street`; the `icdar2017` GT has its printed hyphenation `con- fidently`
 * joined (NFKC first, for its ligature glyphs).
 * Case-sensitive. Micro averages: total edit distance over total GT length.
 */
import path from 'node:path';
import { cleanArticle } from '../../src/index.js';
import { Interner } from '../lib/edit-distance.js';
import {
  addCounts,
  characterErrors,
  closeHyphenBreaks,
  normalizeForScoring,
  rate,
  wordErrors,
  type ErrorCount,
} from '../lib/metrics.js';
import { formatDelta, formatNumber, formatTable, type Cell } from '../lib/table.js';
import { icdarGroundTruth, readPairs, type EvalContext, type Pair } from './context.js';

export interface DocumentScore {
  doc: string;
  cerBefore: number;
  cerAfter: number;
  werBefore: number;
  werAfter: number;
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
  worse: DocumentScore[];
}

interface ScoredSet {
  name: string;
  pairs: Pair[];
  prepareGt: (gt: string) => string;
}

function scoreSet(set: ScoredSet, context: EvalContext): ErrorRateRow {
  const interner = new Interner();
  const counts: Record<'cb' | 'ca' | 'wb' | 'wa', ErrorCount[]> = { cb: [], ca: [], wb: [], wa: [] };
  const worse: DocumentScore[] = [];
  let worseCer = 0;
  let worseWer = 0;
  for (const pair of set.pairs) {
    const gt = normalizeForScoring(set.prepareGt(pair.gt));
    const before = normalizeForScoring(pair.ocr);
    const after = normalizeForScoring(
      cleanArticle(pair.ocr, { evidence: context.evidence, enable: context.enable }).text,
    );
    const cb = characterErrors(before, gt);
    const ca = characterErrors(after, gt);
    const wb = wordErrors(before, gt, interner);
    const wa = wordErrors(after, gt, interner);
    counts.cb.push(cb);
    counts.ca.push(ca);
    counts.wb.push(wb);
    counts.wa.push(wa);
    if (ca.errors > cb.errors) worseCer++;
    if (wa.errors > wb.errors) worseWer++;
    if (ca.errors > cb.errors || wa.errors > wb.errors)
      worse.push({ doc: pair.id, cerBefore: rate(cb), cerAfter: rate(ca), werBefore: rate(wb), werAfter: rate(wa) });
  }
  const cb = addCounts(counts.cb);
  const wb = addCounts(counts.wb);
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
    worse,
  };
}

export function runErrorRates(context: EvalContext): ErrorRateRow[] {
  const corpus = (...parts: string[]) => path.join(context.shared, 'corpus', ...parts);
  const sets: ScoredSet[] = [
    { name: 'overproof train', pairs: readPairs(corpus('overproof/pairs/train')), prepareGt: closeHyphenBreaks },
    { name: 'overproof dev', pairs: readPairs(corpus('overproof/pairs/dev')), prepareGt: closeHyphenBreaks },
    { name: 'icdar2017 pairs', pairs: readPairs(corpus('icdar2017/pairs')), prepareGt: icdarGroundTruth },
  ];
  return sets.filter((s) => s.pairs.length > 0).map((s) => scoreSet(s, context));
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
  if (!verbose) return table;
  const out = [table];
  for (const r of rows) {
    out.push('', `Documents that got worse, ${r.name}:`);
    if (r.worse.length === 0) out.push('  (none)');
    for (const d of r.worse)
      out.push(
        `  ${d.doc}  CER ${formatNumber(d.cerBefore)} → ${formatNumber(d.cerAfter)} (${formatDelta(d.cerAfter - d.cerBefore)})  WER ${formatNumber(d.werBefore)} → ${formatNumber(d.werAfter)} (${formatDelta(d.werAfter - d.werBefore)})`,
      );
  }
  return out.join('\n');
}
