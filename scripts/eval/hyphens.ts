/**
 * Hyphen decisions on `overproof`, whose GT is line-aligned with the OCR: an OCR line ending in a
 * letter and `-` has a GT line ending in `¬` (a line-break hyphen: the word must be JOINED) or in `-`
 * (a real hyphen: KEEP it). Other GT endings (the hyphen was an OCR error, or the GT line is cut
 * differently) carry no label and are only counted.
 *
 * Two figures: the decision function `decideLineEndHyphen` called directly (the required one), and the
 * pipeline's own `hyphens` edits when only `unicode` and `hyphens` run.
 */
import path from 'node:path';
import { Evidence, decideLineEndHyphen, runPipeline } from '../../src/index.js';
import { stepInputs } from '../lib/edits.js';
import { removeSoftHyphenBreaks } from '../lib/metrics.js';
import { formatTable, type Cell } from '../lib/table.js';
import { excerpt, readPairs, type EvalContext, type Pair } from './context.js';

type Gold = 'join' | 'keep';
type Decision = 'join' | 'keep' | 'leave';

/** An OCR line that ends in letters and a hyphen (spaces after it allowed). */
const LINE_END = /(\p{L}+)-[ \t]*$/u;
/** The letters that start the next line. */
const LINE_START = /^[ \t]*(\p{L}+)/u;
/** Rules of the `hyphens` transform that decide a line-end hyphen, and the decision each means. */
const PIPELINE_RULES: Readonly<Record<string, Decision>> = {
  'line-end': 'join',
  'line-end-compound': 'keep',
  'soft-hyphen': 'join',
};

export interface HyphenSite {
  doc: string;
  /** 1-based OCR line number of the line that ends in the hyphen. */
  line: number;
  left: string;
  right: string;
  gold: Gold;
  decision: Decision;
  /** Pipeline decision when only `unicode` + `hyphens` run (`leave` when it made no line-end edit). */
  pipeline: Decision;
  reason: string;
  pipelineReason: string;
  context: string;
}

export interface Confusion {
  sites: number;
  goldJoin: number;
  goldKeep: number;
  joinJoin: number;
  joinKeep: number;
  joinLeave: number;
  keepJoin: number;
  keepKeep: number;
  keepLeave: number;
  joinPrecision: number;
  joinRecall: number;
  keepAccuracy: number;
  accuracy: number;
}

export interface HyphenSplitResult {
  split: string;
  docs: number;
  /** Docs skipped because OCR and GT line counts differ. */
  misaligned: number;
  /** OCR line-end hyphens whose GT line ends neither in `¬` nor in `-`. */
  unlabelled: number;
  /** Line-end hyphens skipped because the next line does not start with letters (`Mel-` / `"bourne`), or there is none. */
  skipped: number;
  decision: Confusion;
  pipeline: Confusion;
  wrong: HyphenSite[];
  wrongPipeline: HyphenSite[];
  /** Every real line-end hyphen of the GT itself (`-`, not `¬`), decided on the GT: a larger keep sample. */
  gtReal: { sites: number; kept: number; joined: string[] };
}

function confusion(sites: readonly HyphenSite[], pick: (s: HyphenSite) => Decision): Confusion {
  const count = (gold: Gold, decision: Decision) => sites.filter((s) => s.gold === gold && pick(s) === decision).length;
  const joinJoin = count('join', 'join');
  const keepJoin = count('keep', 'join');
  const keepKeep = count('keep', 'keep');
  const goldJoin = sites.filter((s) => s.gold === 'join').length;
  const goldKeep = sites.length - goldJoin;
  return {
    sites: sites.length,
    goldJoin,
    goldKeep,
    joinJoin,
    joinKeep: count('join', 'keep'),
    joinLeave: count('join', 'leave'),
    keepJoin,
    keepKeep,
    keepLeave: count('keep', 'leave'),
    joinPrecision: joinJoin + keepJoin === 0 ? NaN : joinJoin / (joinJoin + keepJoin),
    joinRecall: goldJoin === 0 ? NaN : joinJoin / goldJoin,
    keepAccuracy: goldKeep === 0 ? NaN : keepKeep / goldKeep,
    accuracy: sites.length === 0 ? NaN : (joinJoin + keepKeep) / sites.length,
  };
}

/**
 * The pipeline's line-end hyphen decisions, by 0-based index of the hyphen's line. Empty when `unicode`
 * changed the number of lines (a CR or form feed made into a line break), as line numbers would shift.
 */
function pipelineDecisions(ocr: string, context: EvalContext): Map<number, { decision: Decision; reason: string }> {
  const { text, steps } = runPipeline(ocr, { only: ['unicode', 'hyphens'], evidence: context.evidence });
  const hyphensInput = stepInputs(ocr, steps, text)[1]!;
  const decisions = new Map<number, { decision: Decision; reason: string }>();
  if (hyphensInput.split('\n').length !== ocr.split('\n').length) return decisions;
  for (const edit of steps[1]!.edits) {
    const decision = PIPELINE_RULES[edit.rule];
    if (decision === undefined) continue;
    // The edit starts on the hyphen's line (the token before the break, or the space before it).
    const line = hyphensInput.slice(0, edit.offset).split('\n').length - 1;
    decisions.set(line, { decision, reason: `${edit.rule}: ${edit.reason}` });
  }
  return decisions;
}

function scoreSplit(split: string, pairs: readonly Pair[], context: EvalContext): HyphenSplitResult {
  const sites: HyphenSite[] = [];
  let misaligned = 0;
  let unlabelled = 0;
  let skipped = 0;
  for (const pair of pairs) {
    const ocrLines = pair.ocr.split('\n');
    const gtLines = pair.gt.split('\n');
    if (ocrLines.length !== gtLines.length) {
      misaligned++;
      continue;
    }
    const evidence = new Evidence(context.evidence, pair.ocr);
    let pipeline: Map<number, { decision: Decision; reason: string }> | undefined;
    ocrLines.forEach((line, i) => {
      const left = LINE_END.exec(line)?.[1];
      if (left === undefined) return;
      const gtEnd = gtLines[i]!.trimEnd();
      const gold: Gold | undefined = gtEnd.endsWith('¬') ? 'join' : gtEnd.endsWith('-') ? 'keep' : undefined;
      if (gold === undefined) {
        unlabelled++;
        return;
      }
      const right = LINE_START.exec(ocrLines[i + 1] ?? '')?.[1];
      if (right === undefined) {
        skipped++;
        return;
      }
      const { action, reason } = decideLineEndHyphen(left, right, evidence);
      pipeline ??= pipelineDecisions(pair.ocr, context);
      const byPipeline = pipeline.get(i);
      sites.push({
        doc: pair.id,
        line: i + 1,
        left,
        right,
        gold,
        decision: action,
        pipeline: byPipeline?.decision ?? 'leave',
        reason,
        pipelineReason: byPipeline?.reason ?? 'no line-end edit',
        context: `${line.slice(-40)}⏎${(ocrLines[i + 1] ?? '').slice(0, 30)}`,
      });
    });
  }
  return {
    split,
    docs: pairs.length,
    misaligned,
    unlabelled,
    skipped,
    gtReal: realHyphensOfGroundTruth(pairs, context),
    decision: confusion(sites, (s) => s.decision),
    pipeline: confusion(sites, (s) => s.pipeline),
    wrong: sites.filter((s) => s.decision !== s.gold),
    wrongPipeline: sites.filter((s) => s.pipeline !== s.gold),
  };
}

/**
 * The real hyphens the GT prints at line ends (`north-` / `east`, `Oxford-` / `street`), decided on the
 * GT text: the OCR pairs label only two of them, too few to measure how often real hyphens are kept.
 */
function realHyphensOfGroundTruth(pairs: readonly Pair[], context: EvalContext): HyphenSplitResult['gtReal'] {
  let sites = 0;
  const joined: string[] = [];
  for (const pair of pairs) {
    const lines = pair.gt.split('\n');
    const evidence = new Evidence(context.evidence, removeSoftHyphenBreaks(pair.gt));
    lines.forEach((line, i) => {
      const left = LINE_END.exec(line)?.[1];
      const right = LINE_START.exec(lines[i + 1] ?? '')?.[1];
      if (left === undefined || right === undefined) return;
      sites++;
      if (decideLineEndHyphen(left, right, evidence).action === 'join') joined.push(`${pair.id}: ${left}-|${right}`);
    });
  }
  return { sites, kept: sites - joined.length, joined };
}

export function runHyphens(context: EvalContext): HyphenSplitResult[] {
  return ['train', 'dev']
    .map((split) => ({ split, pairs: readPairs(path.join(context.shared, 'corpus/overproof/pairs', split)) }))
    .filter(({ pairs }) => pairs.length > 0)
    .map(({ split, pairs }) => scoreSplit(split, pairs, context));
}

/** A reason with its quoted words blanked, so that failures group by kind: `"…" is a word`. */
const reasonKind = (reason: string): string => reason.replace(/"[^"]*"/g, '"…"');

export function printHyphens(results: readonly HyphenSplitResult[], verbose: boolean): string {
  const row = (split: string, method: string, c: Confusion): Cell[] => [
    split,
    method,
    c.sites,
    c.goldJoin,
    c.goldKeep,
    c.joinJoin,
    c.joinKeep + c.joinLeave,
    c.keepJoin,
    c.keepKeep,
    c.joinPrecision,
    c.joinRecall,
    c.keepAccuracy,
    c.accuracy,
  ];
  const table = formatTable(
    [
      'set',
      'method',
      'sites',
      'gold join',
      'gold keep',
      'join ok',
      'join missed',
      'keep→join',
      'keep ok',
      'join P',
      'join R',
      'keep acc',
      'accuracy',
    ],
    results.flatMap((r) => [
      row(r.split, 'decideLineEndHyphen', r.decision),
      row(r.split, 'pipeline unicode+hyphens', r.pipeline),
    ]),
    '2. Hyphen decisions (overproof): OCR line ending in letter + "-", gold from the aligned GT line (¬ = join, - = keep)',
  );
  const notes = results.map(
    (r) =>
      `   ${r.split}: ${r.docs} docs, ${r.misaligned} misaligned, ${r.unlabelled} line-end hyphens without a label (GT line ends otherwise), ${r.skipped} skipped (next line does not start with a letter)`,
  );
  const kinds = new Map<string, number>();
  for (const r of results) {
    for (const s of r.wrong) {
      const kind = `${s.gold}→${s.decision}: ${reasonKind(s.reason)}`;
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    }
  }
  const kindTable = formatTable(
    ['wrong decisions (decideLineEndHyphen), by reason', 'count'],
    [...kinds].sort((a, b) => b[1] - a[1]),
  );
  const gtTable = formatTable(
    ['set', 'GT line-end real hyphens', 'kept', 'joined', 'kept share', 'joined (first 4)'],
    results.map((r) => [
      r.split,
      r.gtReal.sites,
      r.gtReal.kept,
      r.gtReal.joined.length,
      r.gtReal.sites === 0 ? NaN : r.gtReal.kept / r.gtReal.sites,
      r.gtReal.joined.slice(0, 4).join(' | '),
    ]),
    'Real hyphens kept: every line-end "-" of the overproof GT itself (soft ones are "¬"), decided on the GT text',
  );
  const out = [table, ...notes, '', kindTable, '', gtTable];
  if (verbose) {
    for (const r of results) {
      out.push('', `Wrong decisions, ${r.split} (decideLineEndHyphen):`);
      for (const s of r.wrong)
        out.push(
          `  ${s.doc}:${s.line}  gold ${s.gold.toUpperCase()}, ours ${s.decision.toUpperCase()}  ${s.left}-|${s.right}  "${excerpt(s.context, 75)}"  (${s.reason})`,
        );
      const onlyPipeline = r.wrongPipeline.filter((s) => s.decision === s.gold);
      if (onlyPipeline.length > 0) {
        out.push(`Wrong only in the pipeline, ${r.split}:`);
        for (const s of onlyPipeline)
          out.push(
            `  ${s.doc}:${s.line}  gold ${s.gold.toUpperCase()}, pipeline ${s.pipeline.toUpperCase()}  ${s.left}-|${s.right}  "${excerpt(s.context, 75)}"  (${s.pipelineReason})`,
          );
      }
    }
  }
  return out.join('\n');
}
