/**
 * Correct OCR words broken, OCR errors fixed: what the full pipeline does to each word of the OCR,
 * judged against the GT, per corpus and per rule.
 *
 * Words are the CER/WER tokens (`normalizeForScoring`: NFKC, `¬` + line break joined, split at
 * whitespace; the GT read as in section 4, `Victoria-⏎street` one word). The OCR's tokens are aligned
 * with the GT's (Levenshtein over tokens), and so are the cleaned text's.
 *  - A correct OCR word is an OCR token equal to the GT token it is aligned with. It is broken when it
 *    does not come out as the same whole token (`followTokens`: changed, joined to a neighbour, split
 *    or deleted). The rule blamed is the first edit that changed it.
 *  - An OCR error fixed is a GT token that the OCR does not match (its aligned OCR token differs, or
 *    none) and the cleaned text does. The rule credited is the last edit that changed the OCR token(s)
 *    the matching output token came from; `(alignment)` when none of them changed (the OCR word was
 *    right but aligned elsewhere before).
 * Rates are per 10,000 OCR tokens. net = fixed − broken.
 */
import { alignedIndices, type AlignOp } from '../lib/edit-distance.js';
import { ruleId, stepInputs } from '../lib/edits.js';
import { followTokens, type TokenTrail } from '../lib/token-trail.js';
import { formatNumber, formatTable, type Cell } from '../lib/table.js';
import { pairSets, wordAlignment } from './cer-wer.js';
import { cleaned, excerpt, type EvalContext } from './context.js';

const EXAMPLES_PER_RULE = 3;
/** Credit for a fix that no edit made: the output word was in the OCR, aligned elsewhere. */
export const ALIGNMENT = '(alignment)';

export interface WordChange {
  corpus: string;
  doc: string;
  rule: string;
  /** The OCR token, the GT token, and what the output has there. */
  ocr: string;
  gt: string;
  output: string;
}

export interface WordChangeRow {
  name: string;
  docs: number;
  ocrWords: number;
  /** OCR tokens equal to their aligned GT token. */
  correctWords: number;
  broken: number;
  brokenPer10k: number;
  /** GT tokens the OCR does not match. */
  gtWordsWrong: number;
  fixed: number;
  fixedPer10k: number;
  net: number;
}

export interface RuleNet {
  rule: string;
  broken: number;
  fixed: number;
  net: number;
  brokenPer10k: number;
  /** Broken words by corpus. */
  brokenBy: Record<string, number>;
  fixedBy: Record<string, number>;
  examples: string[];
  fixExamples: string[];
}

export interface WordChangeResult {
  corpora: WordChangeRow[];
  total: WordChangeRow;
  rules: RuleNet[];
  broken: WordChange[];
  fixed: WordChange[];
}

/** For each GT token: it is matched (aligned with an equal token). */
function matchedGt(ops: readonly AlignOp[], n: number, m: number, gt: Int32Array, hyp: Int32Array) {
  const { refToHyp, hypToRef } = alignedIndices(ops, n, m);
  const matched = new Uint8Array(n);
  for (let g = 0; g < n; g++) if (refToHyp[g]! >= 0 && hyp[refToHyp[g]!] === gt[g]) matched[g] = 1;
  return { matched, refToHyp, hypToRef };
}

/** The output span of a trail widened to whole whitespace tokens, for a report line. */
function outputAround(text: string, trail: TokenTrail): string {
  if (trail.outStart === trail.outEnd) return '∅';
  let start = trail.outStart;
  let end = trail.outEnd;
  while (start > 0 && !/\s/u.test(text[start - 1]!)) start--;
  while (end < text.length && !/\s/u.test(text[end]!)) end++;
  return text.slice(start, end);
}

const per10k = (count: number, total: number): number => (total === 0 ? 0 : (count / total) * 10000);

export function runWordChanges(context: EvalContext): WordChangeResult {
  const broken: WordChange[] = [];
  const fixed: WordChange[] = [];
  const corpora: WordChangeRow[] = [];
  for (const set of pairSets(context)) {
    const row: WordChangeRow = {
      name: set.name,
      docs: set.pairs.length,
      ocrWords: 0,
      correctWords: 0,
      broken: 0,
      brokenPer10k: 0,
      gtWordsWrong: 0,
      fixed: 0,
      fixedPer10k: 0,
      net: 0,
    };
    for (const pair of set.pairs) {
      const result = cleaned(context, pair.ocr);
      const output = result.text;
      const { gtWords, ocrTokens, outTokens, gt, ocr, out, ...ops } = wordAlignment(context, set, pair);
      const before = matchedGt(ops.before, gt.length, ocr.length, gt, ocr);
      const after = matchedGt(ops.after, gt.length, out.length, gt, out);
      const trails = followTokens(ocrTokens, result.steps, stepInputs(pair.ocr, result.steps, output), output);
      row.ocrWords += ocrTokens.length;

      // Broken: a correct OCR word that does not come out whole.
      trails.forEach((trail, j) => {
        const g = before.hypToRef[j]!;
        if (g < 0 || !before.matched[g]) return;
        row.correctWords++;
        if (trail.intact) return;
        row.broken++;
        const change = trail.changes[0];
        broken.push({
          corpus: set.name,
          doc: pair.id,
          rule: change ? ruleId(change.edit) : '(none)',
          ocr: trail.token.text,
          gt: gtWords[g]!,
          output: outputAround(output, trail),
        });
      });

      // Fixed: a GT word the OCR missed and the output matches. The output token's origin: the OCR
      // tokens whose output spans overlap it (trails and output tokens are both in text order).
      let t = 0;
      for (let g = 0; g < gt.length; g++) {
        if (before.matched[g]) continue;
        row.gtWordsWrong++;
        if (!after.matched[g]) continue;
        row.fixed++;
        const o = outTokens[after.refToHyp[g]!]!;
        while (t < trails.length && trails[t]!.outEnd <= o.start && trails[t]!.outStart < o.start) t++;
        let credit: TokenTrail | undefined;
        let source: TokenTrail | undefined;
        for (let u = t; u < trails.length && trails[u]!.outStart < o.end; u++) {
          const trail = trails[u]!;
          if (trail.outEnd <= o.start) continue;
          source ??= trail;
          if (trail.changes.length > 0) credit = trail;
        }
        const change = credit?.changes.at(-1);
        const ocrGone = before.refToHyp[g]!;
        fixed.push({
          corpus: set.name,
          doc: pair.id,
          rule: change ? ruleId(change.edit) : ALIGNMENT,
          ocr: ocrGone >= 0 ? ocrTokens[ocrGone]!.text : (source?.token.text ?? '∅'),
          gt: gtWords[g]!,
          output: o.text,
        });
      }
    }
    row.brokenPer10k = per10k(row.broken, row.ocrWords);
    row.fixedPer10k = per10k(row.fixed, row.ocrWords);
    row.net = row.fixed - row.broken;
    corpora.push(row);
  }

  const sum = (f: (r: WordChangeRow) => number) => corpora.reduce((s, r) => s + f(r), 0);
  const ocrWords = sum((r) => r.ocrWords);
  const total: WordChangeRow = {
    name: 'all',
    docs: sum((r) => r.docs),
    ocrWords,
    correctWords: sum((r) => r.correctWords),
    broken: sum((r) => r.broken),
    brokenPer10k: per10k(
      sum((r) => r.broken),
      ocrWords,
    ),
    gtWordsWrong: sum((r) => r.gtWordsWrong),
    fixed: sum((r) => r.fixed),
    fixedPer10k: per10k(
      sum((r) => r.fixed),
      ocrWords,
    ),
    net: sum((r) => r.net),
  };

  const rules = new Map<string, RuleNet>();
  const ruleOf = (rule: string): RuleNet => {
    let r = rules.get(rule);
    if (!r) {
      r = {
        rule,
        broken: 0,
        fixed: 0,
        net: 0,
        brokenPer10k: 0,
        brokenBy: {},
        fixedBy: {},
        examples: [],
        fixExamples: [],
      };
      rules.set(rule, r);
    }
    return r;
  };
  for (const b of broken) {
    const r = ruleOf(b.rule);
    r.broken++;
    r.brokenBy[b.corpus] = (r.brokenBy[b.corpus] ?? 0) + 1;
    if (r.examples.length < EXAMPLES_PER_RULE) r.examples.push(`${excerpt(b.ocr, 24)} → ${excerpt(b.output, 30)}`);
  }
  for (const f of fixed) {
    const r = ruleOf(f.rule);
    r.fixed++;
    r.fixedBy[f.corpus] = (r.fixedBy[f.corpus] ?? 0) + 1;
    if (r.fixExamples.length < EXAMPLES_PER_RULE)
      r.fixExamples.push(`${excerpt(f.ocr, 24)} → ${excerpt(f.output, 30)}`);
  }
  for (const r of rules.values()) {
    r.net = r.fixed - r.broken;
    r.brokenPer10k = per10k(r.broken, ocrWords);
  }
  return {
    corpora,
    total,
    rules: [...rules.values()].sort((a, b) => b.broken - a.broken || b.fixed - a.fixed || a.rule.localeCompare(b.rule)),
    broken,
    fixed,
  };
}

export function printWordChanges(result: WordChangeResult, verbose: boolean): string {
  const row = (r: WordChangeRow): Cell[] => [
    r.name,
    r.docs,
    r.ocrWords,
    r.correctWords,
    r.broken,
    formatNumber(r.brokenPer10k, 2),
    r.gtWordsWrong,
    r.fixed,
    formatNumber(r.fixedPer10k, 1),
    r.net,
  ];
  const short = (name: string) =>
    name.replace('overproof ', 'op-').replace('impresso-en ', 'imp-').replace('icdar2017 pairs', 'icdar');
  const byCorpus = (counts: Record<string, number>) =>
    Object.entries(counts)
      .map(([c, n]) => `${short(c)} ${n}`)
      .join(', ');
  const out = [
    formatTable(
      ['set', 'docs', 'OCR words', 'correct', 'broken', 'per 10k', 'GT words wrong', 'fixed', 'per 10k', 'net'],
      [...result.corpora.map(row), row(result.total)],
      '6. Correct OCR words broken, OCR errors fixed (full pipeline; OCR and output tokens aligned with GT tokens; per 10k OCR words; net = fixed − broken)',
    ),
    '',
    formatTable(
      ['rule', 'broken', 'per 10k', 'broken by set', 'fixed', 'net', 'broken: OCR → output', 'fixed: OCR → output'],
      result.rules.map((r): Cell[] => [
        r.rule,
        r.broken,
        formatNumber(r.brokenPer10k, 2),
        byCorpus(r.brokenBy),
        r.fixed,
        r.net,
        r.examples.join(' | '),
        r.fixExamples.join(' | '),
      ]),
    ),
    '   broken: an OCR token equal to its aligned GT token that does not come out as the same whole token, blamed on the first edit that changed it',
    `   fixed: a GT token the OCR did not match and the output does, credited to the last edit that changed the OCR token(s) it came from; ${ALIGNMENT} = no edit changed them`,
  ];
  if (verbose) {
    out.push('', 'Every correct OCR word broken (OCR token → what the output has there; GT token in brackets):');
    for (const b of result.broken)
      out.push(`  ${b.corpus} ${b.doc}  ${b.rule}  "${b.ocr}" → "${excerpt(b.output, 40)}"  [${b.gt}]`);
  }
  return out.join('\n');
}
