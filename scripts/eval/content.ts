/**
 * No content lost, on `chronam-1916` (60 raw front pages, no GT). A word of the input (a run of letters
 * and digits, NFKC, lower case, counted as a multiset) that is missing from the output must be
 * accounted for by a named rule: an edit whose span, widened to whole tokens, loses that word
 * (`boilerplate/masthead` removing its line, `hyphens/line-end` turning `con` + `cerns` into `concerns`).
 * Missing words no rule accounts for are a bug and are listed first; so are words the pipeline kept
 * but segmentation and rendering (`--format text`) dropped, which record no edit at all.
 * Also counts the articles each page is split into (`article.articles`), with random article starts
 * for a check by eye: a page holds about a dozen stories.
 */
import path from 'node:path';
import { editContext, linesRemoved, ruleId, stepInputs } from '../lib/edits.js';
import { multiset, multisetMinus, sumCounts } from '../lib/metrics.js';
import { sample } from '../lib/random.js';
import { formatTable } from '../lib/table.js';
import { cleaned, excerpt, listFiles, readText, type EvalContext } from './context.js';

/** Rows of lost words shown without --verbose. */
const LOST_WORDS_SHOWN = 30;
const SAMPLE_SIZE = 10;
const SAMPLE_SEED = 20240601;

/** Letter/digit tokens, NFKC and lower case. */
export const contentWords = (text: string): string[] =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .match(/[\p{L}\p{N}]+/gu) ?? [];

export interface RuleRemovals {
  rule: string;
  edits: number;
  /** Non-blank lines removed whole. */
  lines: number;
  /** Words in edits that leave no word behind (a removed line, a deleted fragment). */
  wordsDeleted: number;
  /** Words an edit turned into other words (joined halves, repaired spellings). */
  wordsRewritten: number;
  /** Missing output words this rule accounts for. */
  accounted: number;
}

export interface LostWord {
  page: string;
  word: string;
  count: number;
  /** `pipeline` (no edit removed it) or `render` (the pipeline kept it, segmentation/rendering dropped it). */
  where: 'pipeline' | 'render';
  context: string;
}

export interface Removal {
  page: string;
  rule: string;
  before: string;
  after: string;
  /** The edit leaves no word behind (a removed line); otherwise it rewrote words (a join, a repair). */
  deletes: boolean;
}

export interface ContentResult {
  pages: number;
  inputWords: number;
  outputWords: number;
  missing: number;
  accounted: number;
  unaccounted: number;
  droppedByRender: number;
  lost: LostWord[];
  rules: RuleRemovals[];
  /** Random removals, for a sanity check by eye: deletions and rewrites drawn separately, as rewrites outnumber deletions. */
  sample: { deletions: Removal[]; rewrites: Removal[] };
  /** Articles found on each page, in page order. */
  articlesPerPage: number[];
  /** Random article starts after a page's first (page and the article's first block), for a check by eye. */
  articleStarts: { page: string; start: string }[];
}

/** The median of `values` (the lower middle one for an even count). */
const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[(values.length - 1) >> 1] ?? 0;

/** The line of `text` around the first whole-word occurrence of `word` (already lower case). */
function lineWith(text: string, word: string): string {
  const lower = text.normalize('NFKC').toLowerCase();
  const re = new RegExp(`(?<![\\p{L}\\p{N}])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'u');
  const m = re.exec(lower);
  if (!m) return '';
  const start = lower.lastIndexOf('\n', m.index) + 1;
  const end = lower.indexOf('\n', m.index);
  return text.normalize('NFKC').slice(start, end === -1 ? undefined : end);
}

export function runContent(context: EvalContext): ContentResult {
  const pages = listFiles(path.join(context.shared, 'corpus/chronam-1916/pages'), '.txt');
  const rules = new Map<string, RuleRemovals>();
  const ruleOf = (rule: string): RuleRemovals => {
    let r = rules.get(rule);
    if (!r) rules.set(rule, (r = { rule, edits: 0, lines: 0, wordsDeleted: 0, wordsRewritten: 0, accounted: 0 }));
    return r;
  };
  const lost: LostWord[] = [];
  const removals: Removal[] = [];
  let inputWords = 0;
  let outputWords = 0;
  let missingTotal = 0;
  let accountedTotal = 0;
  let droppedByRender = 0;
  const articlesPerPage: number[] = [];
  const starts: { page: string; start: string }[] = [];

  for (const file of pages) {
    const page = path.basename(file, '.txt');
    const input = readText(file);
    const result = cleaned(context, input);
    const inputs = stepInputs(input, result.steps, result.text);
    const articles = result.article.articles ?? [result.article];
    articlesPerPage.push(articles.length);
    for (const a of articles.slice(1)) {
      const first = a.headline ?? a.deck ?? a.bylineText ?? a.paragraphs[0] ?? '';
      starts.push({ page, start: first });
    }
    const inputCounts = multiset(contentWords(input));
    const textCounts = multiset(contentWords(result.text));
    const outputCounts = multiset(contentWords(result.output));
    inputWords += sumCounts(inputCounts);
    outputWords += sumCounts(outputCounts);

    // What each edit took away, in pipeline order: the pool that missing words are matched against.
    const pools: { rule: string; words: Map<string, number> }[] = [];
    result.steps.forEach((step, i) => {
      const stepInput = inputs[i]!;
      for (const edit of step.edits) {
        const rule = ruleOf(ruleId(edit));
        rule.edits++;
        rule.lines += linesRemoved(stepInput, edit);
        const span = editContext(stepInput, edit);
        const gone = multisetMinus(multiset(contentWords(span.before)), multiset(contentWords(span.after)));
        const count = sumCounts(gone);
        if (count === 0) continue;
        const deletes = contentWords(edit.after).length === 0 && contentWords(edit.before).length > 0;
        if (deletes) rule.wordsDeleted += count;
        else rule.wordsRewritten += count;
        pools.push({ rule: rule.rule, words: gone });
        removals.push({ page, rule: rule.rule, before: edit.before, after: edit.after, deletes });
      }
    });

    const missing = multisetMinus(inputCounts, textCounts);
    missingTotal += sumCounts(missing);
    for (const [word, count] of missing) {
      let left = count;
      for (const pool of pools) {
        const available = pool.words.get(word) ?? 0;
        if (available === 0 || left === 0) continue;
        const used = Math.min(available, left);
        pool.words.set(word, available - used);
        ruleOf(pool.rule).accounted += used;
        accountedTotal += used;
        left -= used;
      }
      if (left > 0) lost.push({ page, word, count: left, where: 'pipeline', context: lineWith(input, word) });
    }
    for (const [word, count] of multisetMinus(textCounts, outputCounts)) {
      droppedByRender += count;
      lost.push({ page, word, count, where: 'render', context: lineWith(result.text, word) });
    }
  }

  const deletions = removals.filter((r) => r.deletes);
  const rewrites = removals.filter((r) => !r.deletes);
  return {
    pages: pages.length,
    inputWords,
    outputWords,
    missing: missingTotal,
    accounted: accountedTotal,
    unaccounted: missingTotal - accountedTotal,
    droppedByRender,
    lost,
    rules: [...rules.values()].sort(
      (a, b) => b.wordsDeleted + b.wordsRewritten - (a.wordsDeleted + a.wordsRewritten) || b.edits - a.edits,
    ),
    sample: {
      deletions: sample(deletions, SAMPLE_SIZE, SAMPLE_SEED),
      rewrites: sample(rewrites, SAMPLE_SIZE, SAMPLE_SEED),
    },
    articlesPerPage,
    articleStarts: sample(starts, SAMPLE_SIZE, SAMPLE_SEED),
  };
}

export function printContent(result: ContentResult, verbose: boolean): string {
  const title = `5. No content lost (chronam-1916, ${result.pages} pages): ${result.inputWords} input words, ${result.outputWords} in the --format text output; ${result.missing} missing after the pipeline, ${result.accounted} accounted for by a rule`;
  const lost = [...result.lost].sort(
    (a, b) => b.count - a.count || a.page.localeCompare(b.page) || a.word.localeCompare(b.word),
  );
  const shown = verbose ? lost : lost.slice(0, LOST_WORDS_SHOWN);
  const out = [
    title,
    '',
    `Words lost by NO named rule: ${result.unaccounted} in the pipeline, ${result.droppedByRender} dropped by segmentation/rendering (no edit recorded)`,
  ];
  if (shown.length > 0) {
    out.push(
      formatTable(
        ['where', 'page', 'word', 'count', 'line it came from'],
        shown.map((l) => [l.where, l.page.replace(/-ed-1_seq-1$/, ''), l.word, l.count, excerpt(l.context.trim(), 70)]),
      ),
    );
    if (shown.length < lost.length) out.push(`  … and ${lost.length - shown.length} more (--verbose lists them all)`);
  }
  out.push(
    '',
    formatTable(
      ['rule', 'edits', 'lines removed', 'words deleted', 'words rewritten', 'missing words accounted'],
      result.rules
        .filter((r) => r.wordsDeleted + r.wordsRewritten + r.lines > 0)
        .map((r) => [r.rule, r.edits, r.lines, r.wordsDeleted, r.wordsRewritten, r.accounted]),
    ),
    '   words deleted: words in edits that leave no word behind; rewritten: words an edit turned into other words (joins, repairs)',
  );
  const perPage = result.articlesPerPage;
  const histogram = new Map<number, number>();
  for (const n of perPage) histogram.set(n, (histogram.get(n) ?? 0) + 1);
  out.push(
    '',
    `Articles per page: ${perPage.reduce((a, b) => a + b, 0)} on ${perPage.length} pages, median ${median(perPage)}, max ${Math.max(0, ...perPage)}; pages by count: ${[
      ...histogram,
    ]
      .sort((a, b) => a[0] - b[0])
      .map(([n, pages]) => `${n}:${pages}`)
      .join(' ')}`,
  );
  if (verbose) {
    out.push('', `${result.articleStarts.length} random article starts (seed ${SAMPLE_SEED}):`);
    for (const s of result.articleStarts)
      out.push(`  ${s.page.replace(/-ed-1_seq-1$/, '')}  "${excerpt(s.start, 90)}"`);
    for (const [kind, list] of Object.entries(result.sample)) {
      out.push('', `${list.length} random ${kind} (seed ${SAMPLE_SEED}):`);
      for (const r of list)
        out.push(
          `  ${r.page.replace(/-ed-1_seq-1$/, '')}  ${r.rule}  "${excerpt(r.before, 70)}" → "${excerpt(r.after, 30)}"`,
        );
    }
  }
  return out.join('\n');
}
