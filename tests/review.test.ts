import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanWith } from '../src/core/clean.js';
import { computeStats } from '../src/report/stats.js';
import {
  DETAIL_FILES,
  ReviewCollector,
  compareRows,
  renderReview,
  reviewFile,
  unreviewedRow,
  type FileReview,
  type HunkPiece,
  type ReviewRow,
} from '../src/report/review.js';
import { evidence } from './helpers.js';
import { FIXTURES, fixture, run } from './run.js';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clean-article-review-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function review(name: string, text = fs.readFileSync(fixture(name), 'utf8')): FileReview {
  const result = cleanWith(text, {}, evidence);
  return reviewFile(
    name,
    null,
    text,
    { encoding: 'utf-8', reason: 'valid UTF-8' },
    result,
    computeStats(text, result, evidence),
  );
}

const changes = (r: FileReview) =>
  r.detail.hunks.flatMap((h) => h.pieces.filter((p): p is Extract<HunkPiece, { del: string }> => 'del' in p));

describe('review: one file', () => {
  const statesman = review('statesman');

  it('marks a known edit in the word diff with its transform, rule and reason', () => {
    const change = changes(statesman).find((c) => c.del === 'collec ting');
    expect(change?.ins).toBe('collecting');
    const edits = change!.edits.map((i) => statesman.detail.edits[i]!);
    expect(edits.map((e) => `${e.transform}/${e.rule}`)).toEqual(['split-words/fragment']);
    expect(edits[0]!.reason).toMatch(/"collecting" is/);
  });

  it('ignores reflowed line breaks and shows removed furniture apart from the diff', () => {
    // "countries⟨LF⟩⟨LF⟩will" is joined into one paragraph: white space only, not a change of words.
    expect(changes(statesman).some((c) => /countries|will/.test(c.del + c.ins))).toBe(false);
    expect(statesman.detail.layout).toBeGreaterThan(0);
    const furniture = statesman.detail.furniture.map((i) => statesman.detail.edits[i]!.before.trim());
    expect(furniture).toContain('Austin American-Statesman');
    expect(changes(statesman).some((c) => c.del.includes('Austin American-Statesman'))).toBe(false);
  });

  it('gives the row its quality signal, encoding and preset, and counts the edits by rule', () => {
    expect(statesman.row).toMatchObject({ status: 'ok', encoding: 'utf-8', preset: 'pressreader', worse: false });
    expect(statesman.row.after).toBeLessThan(statesman.row.before!);
    expect(statesman.byRule['split-words/fragment']).toBe(1);
    expect(Object.values(statesman.byRule).reduce((a, b) => a + b, 0)).toBe(statesman.row.edits);
  });

  it('places the edits of a CRLF file on their changes', () => {
    const crlf = review('windows-1252-crlf', fs.readFileSync(fixture('windows-1252-crlf'), 'latin1'));
    expect(changes(crlf).length).toBeGreaterThan(0);
    for (const c of changes(crlf)) expect(c.edits.length, `${c.del} -> ${c.ins}`).toBeGreaterThan(0);
  });

  it('shows nothing changed for a clean text', () => {
    const r = review('clean', 'The council met on Tuesday.\n\nIt approved the budget.\n');
    expect(r.detail.hunks).toEqual([]);
    expect(r.detail.furniture).toEqual([]);
    expect(r.row.worse).toBe(false);
  });
});

const row = (over: Partial<ReviewRow>, index: number): ReviewRow & { index: number } => ({
  ...unreviewedRow(`f${index}.txt`, null, 'skipped'),
  status: 'ok',
  before: 0.1,
  after: 0.05,
  ...over,
  index,
});

describe('review: many files', () => {
  it('orders failed files first, then those that got worse (most first), then by non-words left', () => {
    const rows = [
      row({ after: 0.02 }, 0),
      row({ before: 0.1, after: 0.2, worse: true }, 1),
      row({ status: 'failed', before: null, after: null }, 2),
      row({ after: 0.09 }, 3),
      row({ before: 0.1, after: 0.11, worse: true }, 4),
    ];
    expect([...rows].sort(compareRows).map((r) => r.index)).toEqual([2, 1, 4, 3, 0]);
  });

  it('keeps the diffs of the worst files only, and samples no more than five edits per rule', () => {
    const collector = new ReviewCollector('in/', 'clean-article test');
    const one = review('statesman');
    for (let i = 0; i < DETAIL_FILES + 20; i++) {
      collector.add({ ...one, row: { ...one.row, file: `f${i}`, after: i / 1000 } });
    }
    const data = collector.data();
    expect(data.rows).toHaveLength(DETAIL_FILES + 20);
    expect(Object.keys(data.details)).toHaveLength(DETAIL_FILES);
    // The worst (highest share left) kept: rows 20 and up.
    expect(Math.min(...Object.keys(data.details).map(Number))).toBe(20);
    for (const samples of Object.values(data.samples)) expect(samples.length).toBeLessThanOrEqual(5);
  });

  it('makes a page that loads nothing from elsewhere', () => {
    const collector = new ReviewCollector('x', 'clean-article test');
    collector.add(review('pdftotext-jump'));
    collector.add(unreviewedRow('missing.txt', null, 'failed', 'no such file'));
    const page = renderReview(collector.data());
    expect(page).toMatch(/^<!DOCTYPE html>/);
    expect(page).not.toMatch(/<link|<img|\ssrc=|url\(|@import|https?:\/\//i);
    // Text of the input cannot close the data block.
    const hostile = review('x', 'A line with </script><b>bold</b>.\n');
    const c2 = new ReviewCollector('x', 't');
    c2.add(hostile);
    expect(renderReview(c2.data()).match(/<\/script>/g)).toHaveLength(3);
  });
});

describe('review: the command line', () => {
  it('writes the same page for --jobs 1 and --jobs 2, atomically, beside a batch', async () => {
    const inputs = FIXTURES.map((name) => fixture(name));
    const pages: string[] = [];
    for (const jobs of ['1', '2']) {
      const out = path.join(dir, 'out');
      fs.rmSync(out, { recursive: true, force: true });
      const page = path.join(dir, `review-${jobs}.html`);
      const r = await run([...inputs, '--out-dir', out, '--review', page, '--jobs', jobs, '-q']);
      expect(r.code).toBe(0);
      pages.push(fs.readFileSync(page, 'utf8'));
    }
    expect(pages[1]).toBe(pages[0]);
    expect(pages[0]).toContain(`Review of a clean-article run: ${FIXTURES.length} files`);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('reviews one article, and refuses what cannot be reviewed', async () => {
    const page = path.join(dir, 'one.html');
    const r = await run([fixture('statesman'), '--review', page]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('By Qassim Abdul-Zahra');
    expect(fs.readFileSync(page, 'utf8')).toContain('split-words');

    const input = path.join(dir, 'a.txt');
    fs.writeFileSync(input, 'text\n');
    for (const [args, message] of [
      [[input, '--review', input], /--review .*: is the input file/],
      [['--jsonl', '--review', page], /--review: reviews files or one article, not JSON Lines/],
      [[input, '--dry-run', '--review', page], /--review: writes a file, and --dry-run writes nothing/],
    ] as const) {
      const bad = await run([...args], '');
      expect(bad.code, args.join(' ')).toBe(2);
      expect(bad.stderr).toMatch(message);
    }
    expect(fs.readFileSync(input, 'utf8')).toBe('text\n');
  });

  it('reports an unwritable page of a batch on one line, exit status 1, the outputs and report written', async () => {
    fs.writeFileSync(path.join(dir, 'file'), '');
    const out = path.join(dir, 'out');
    const report = path.join(dir, 'report.jsonl');
    const r = await run([
      fixture('statesman'),
      fixture('historic-column'),
      '--out-dir',
      out,
      '--report',
      report,
      '--review',
      path.join(dir, 'file', 'r.html'),
      '-j',
      '1',
      '-q',
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^clean-article: .*r\.html: cannot write: [^\n]*\n$/);
    expect(fs.readFileSync(report, 'utf8').trim().split('\n')).toHaveLength(2);
    expect(fs.readdirSync(out).sort()).toEqual(['historic-column', 'statesman']);
  });

  it('reports an unwritable page on one line, exit status 1', async () => {
    fs.writeFileSync(path.join(dir, 'file'), '');
    const r = await run([fixture('statesman'), '--review', path.join(dir, 'file', 'r.html')]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/r\.html: cannot write/);
  });
});
