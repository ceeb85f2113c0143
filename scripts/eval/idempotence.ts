/**
 * Idempotence: cleaning a cleaned file again must change nothing. Over every text file of the corpus
 * (the OCR side of each pair, the chronam-1916 pages, the icdar2017 raw and aligned OCR), with the
 * default settings (as the CLI cleans a file: preset auto, `--format text`): clean(clean(x)) must
 * equal clean(x). For the files where it does not, the rules of the second pass's edits are counted
 * and a few of those edits are shown.
 */
import path from 'node:path';
import { cleanArticle } from '../../src/index.js';
import { editContext, ruleId, stepInputs } from '../lib/edits.js';
import { formatTable } from '../lib/table.js';
import { cleaned, excerpt, listFiles, readText, type EvalContext } from './context.js';

/** Second-pass edits shown per rule. */
const EXAMPLES_PER_RULE = 2;

export interface IdempotenceSet {
  name: string;
  files: number;
  /** Files whose second cleaning differs from the first. */
  moved: number;
}

export interface SecondPassEdit {
  file: string;
  rule: string;
  before: string;
  after: string;
}

export interface IdempotenceResult {
  sets: IdempotenceSet[];
  files: number;
  moved: number;
  /** Rules of the second pass's edits on the files that moved: edits per rule, files per rule. */
  rules: { rule: string; edits: number; files: number }[];
  movedFiles: string[];
  examples: SecondPassEdit[];
}

function corpusFiles(shared: string): { name: string; files: string[] }[] {
  const dir = (...parts: string[]) => path.join(shared, 'corpus', ...parts);
  return [
    {
      name: 'overproof OCR (train, dev)',
      files: [
        ...listFiles(dir('overproof/pairs/train'), '.ocr.txt'),
        ...listFiles(dir('overproof/pairs/dev'), '.ocr.txt'),
      ],
    },
    {
      name: 'impresso-en OCR (train, dev)',
      files: [
        ...listFiles(dir('impresso-en/pairs/train'), '.ocr.txt'),
        ...listFiles(dir('impresso-en/pairs/dev'), '.ocr.txt'),
      ],
    },
    { name: 'chronam-1916 pages', files: listFiles(dir('chronam-1916/pages'), '.txt') },
    {
      name: 'icdar2017 raw + aligned OCR',
      files: [...listFiles(dir('icdar2017/pairs'), '.raw.txt'), ...listFiles(dir('icdar2017/pairs'), '.ocr.txt')],
    },
  ].filter((s) => s.files.length > 0);
}

/**
 * The edit removes the line break that ends the text: the text renderer ends its output with one, and
 * the pipeline trims it; every second pass makes this edit, and the output is the same.
 */
const isFinalLineBreak = (input: string, edit: { offset: number; before: string; after: string }): boolean =>
  edit.after === '' && edit.before.trim() === '' && edit.offset + edit.before.length === input.length;

export function runIdempotence(context: EvalContext): IdempotenceResult {
  const sets: IdempotenceSet[] = [];
  const rules = new Map<string, { edits: number; files: Set<string> }>();
  const movedFiles: string[] = [];
  const examples: SecondPassEdit[] = [];
  for (const set of corpusFiles(context.shared)) {
    let moved = 0;
    for (const file of set.files) {
      const input = readText(file);
      const first = cleaned(context, input).output;
      // With `--collection`, the second cleaning has the same collection evidence as the first.
      const collection = context.collections?.get(input);
      const second = cleanArticle(first, {
        evidence: context.evidence,
        enable: context.enable,
        ...(collection !== undefined && { collection }),
      });
      if (second.output === first) continue;
      moved++;
      const name = path.relative(path.join(context.shared, 'corpus'), file);
      movedFiles.push(name);
      const inputs = stepInputs(first, second.steps, second.text);
      second.steps.forEach((step, i) => {
        for (const edit of step.edits) {
          if (isFinalLineBreak(inputs[i]!, edit)) continue;
          const rule = ruleId(edit);
          const r = rules.get(rule) ?? { edits: 0, files: new Set<string>() };
          r.edits++;
          r.files.add(name);
          rules.set(rule, r);
          const shown = examples.filter((e) => e.rule === rule);
          if (shown.length < EXAMPLES_PER_RULE && !shown.some((e) => e.file === name)) {
            const span = editContext(inputs[i]!, edit);
            examples.push({ file: name, rule, before: span.before, after: span.after });
          }
        }
      });
    }
    sets.push({ name: set.name, files: set.files.length, moved });
  }
  return {
    sets,
    files: sets.reduce((s, r) => s + r.files, 0),
    moved: sets.reduce((s, r) => s + r.moved, 0),
    rules: [...rules]
      .map(([rule, r]) => ({ rule, edits: r.edits, files: r.files.size }))
      .sort((a, b) => b.files - a.files || b.edits - a.edits || a.rule.localeCompare(b.rule)),
    movedFiles,
    examples,
  };
}

export function printIdempotence(result: IdempotenceResult, verbose: boolean): string {
  const out = [
    formatTable(
      ['files', 'count', 'clean(clean(x)) ≠ clean(x)'],
      [...result.sets.map((s) => [s.name, s.files, s.moved]), ['all', result.files, result.moved]],
      `7. Idempotence: every corpus file cleaned twice with the default settings (--format text); ${result.moved} of ${result.files} change on the second pass`,
    ),
  ];
  if (result.rules.length > 0) {
    out.push(
      '',
      formatTable(
        ['second-pass rule', 'edits', 'files'],
        result.rules.map((r) => [r.rule, r.edits, r.files]),
      ),
      '',
      `Second-pass edits (up to ${EXAMPLES_PER_RULE} per rule, from different files; the final line break the renderer writes and the pipeline trims is left out):`,
      ...result.examples.map((e) => `  ${e.file}  ${e.rule}  "${excerpt(e.before, 50)}" → "${excerpt(e.after, 50)}"`),
    );
    if (verbose) out.push('', 'Files that change on the second pass:', ...result.movedFiles.map((f) => `  ${f}`));
  }
  return out.join('\n');
}
