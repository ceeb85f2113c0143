/**
 * `--stats`: quality signals of one cleaning run, to find the worst files in a batch. Pure: a function
 * of the input, the result and the word lists.
 *
 * The main signal is the share of non-words: lower-case words (capitalised ones are mostly names the
 * word list lacks) that are in neither the dictionary nor the user's words, before and after cleaning.
 * URLs and e-mail addresses are left out. A file whose share stays high after cleaning needs a look.
 */
import { Evidence } from '../evidence/evidence.js';
import type { EvidenceSource } from '../evidence/source.js';
import { protectedSpans } from '../core/protect.js';
import type { Step } from '../core/pipeline.js';
import { removedLines } from '../core/segment.js';
import type { SourceChoice } from '../core/detect.js';
import { changeCount, undoneByRendering } from './changes.js';

export interface Stats {
  /** The preset used. */
  source?: string;
  /** Lower-case words checked, before and after cleaning. */
  words: { before: number; after: number };
  /** Of those, how many are not words (not in the dictionary or the user's list). */
  nonWords: { before: number; after: number };
  /** nonWords / words, rounded to 4 decimal places (0 without words). */
  nonWordShare: { before: number; after: number };
  /** The most frequent non-words left after cleaning (up to 10). */
  nonWordsLeft: string[];
  /** Edits that change the output (not the final line break every format writes again). */
  edits: number;
  /** Those edits per transform that ran, in pipeline order. */
  editsByTransform: Record<string, number>;
  /** Lines of page furniture and boilerplate removed. */
  linesRemoved: number;
  /** Non-blank lines before and after. */
  lines: { before: number; after: number };
}

const WORD = /\p{L}[\p{L}\p{M}]*(?:['’][\p{L}\p{M}]+)*/gu;
const SAMPLES = 10;

function isKnown(evidence: Evidence, word: string): boolean {
  const w = word.replace(/’/g, "'");
  if (evidence.isWord(w)) return true;
  const apostrophe = w.indexOf("'");
  if (apostrophe < 0) return false;
  // Contractions: we've, can't, don't.
  const stem = w.slice(0, apostrophe);
  return evidence.isWord(stem) || (stem.endsWith('n') && evidence.isWord(stem.slice(0, -1)));
}

function nonWords(text: string, source: EvidenceSource): { words: number; bad: string[] } {
  const evidence = new Evidence(source, text);
  const spans = protectedSpans(text);
  let span = 0;
  let words = 0;
  const bad: string[] = [];
  for (const m of text.matchAll(WORD)) {
    while (span < spans.length && spans[span + 1]! <= m.index) span += 2;
    if (span < spans.length && spans[span]! < m.index + m[0].length) continue; // inside a URL or address
    if (!/^\p{Ll}/u.test(m[0])) continue;
    words++;
    if (!isKnown(evidence, m[0])) bad.push(m[0]);
  }
  return { words, bad };
}

const share = (bad: number, words: number): number => (words === 0 ? 0 : Math.round((bad / words) * 10000) / 10000);
const contentLines = (text: string): number => text.split('\n').filter((l) => l.trim() !== '').length;

/** Quality signals of cleaning `input` into `result` (what `cleanArticle` returned). */
export function computeStats(
  input: string,
  result: { text: string; steps: readonly Step[]; source?: SourceChoice },
  evidence: EvidenceSource,
): Stats {
  const before = nonWords(input, evidence);
  const after = nonWords(result.text, evidence);
  const counts = new Map<string, number>();
  for (const w of after.bad) counts.set(w, (counts.get(w) ?? 0) + 1);
  const editsByTransform: Record<string, number> = {};
  for (const step of result.steps) {
    editsByTransform[step.transform] =
      (editsByTransform[step.transform] ?? 0) + step.edits.filter((e) => !undoneByRendering(e)).length;
  }
  const edits = result.steps.flatMap((s) => s.edits);
  return {
    ...(result.source && { source: result.source.preset }),
    words: { before: before.words, after: after.words },
    nonWords: { before: before.bad.length, after: after.bad.length },
    nonWordShare: { before: share(before.bad.length, before.words), after: share(after.bad.length, after.words) },
    nonWordsLeft: [...counts.entries()]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, SAMPLES)
      .map(([w]) => w),
    edits: changeCount(edits),
    editsByTransform,
    linesRemoved: removedLines(edits).length,
    lines: { before: contentLines(input.replace(/\r\n?/g, '\n')), after: contentLines(result.text) },
  };
}

const percent = (x: number): string => `${(x * 100).toFixed(1)}%`;

/** One line: `name: non-words 2.4% -> 0.0% (9/378 -> 0/373 words); 48 edits (...); 3 lines removed`. */
export function formatStats(name: string, stats: Stats): string {
  const byTransform = Object.entries(stats.editsByTransform)
    .filter(([, n]) => n > 0)
    .map(([id, n]) => `${id} ${n}`)
    .join(', ');
  const parts = [
    `non-words ${percent(stats.nonWordShare.before)} -> ${percent(stats.nonWordShare.after)} (${stats.nonWords.before}/${stats.words.before} -> ${stats.nonWords.after}/${stats.words.after} lower-case words)`,
    `${stats.edits} edit${stats.edits === 1 ? '' : 's'}${byTransform ? ` (${byTransform})` : ''}`,
    `${stats.linesRemoved} line${stats.linesRemoved === 1 ? '' : 's'} removed`,
  ];
  if (stats.source) parts.push(`source ${stats.source}`);
  if (stats.nonWordsLeft.length > 0) parts.push(`non-words left: ${stats.nonWordsLeft.join(' ')}`);
  return `${name}: ${parts.join('; ')}\n`;
}
