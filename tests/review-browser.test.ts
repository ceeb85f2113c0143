/**
 * The `--review` page in a real browser: Debian's `chromium`, driven headless by `playwright-core`
 * (no browser downloaded). Skipped, with the reason in its name, where chromium is not installed
 * (`.ci/run` installs it with apt-get where it can).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { cleanWith } from '../src/core/clean.js';
import { computeStats } from '../src/report/stats.js';
import { ReviewCollector, renderReview, reviewFile, unreviewedRow } from '../src/report/review.js';
import { evidence } from './helpers.js';
import { FIXTURES, fixture, run } from './run.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = fs.existsSync(CHROMIUM);

describe.skipIf(!hasChromium)(`review page in chromium (skipped: no ${CHROMIUM})`, () => {
  let dir: string;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clean-article-review-browser-'));
    const r = await run([
      ...FIXTURES.map((name) => fixture(name)),
      '--out-dir',
      path.join(dir, 'out'),
      '--review',
      path.join(dir, 'fixtures.html'),
      '-j',
      '1',
      '-q',
    ]);
    expect(r.code).toBe(0);
    const { chromium } = await import('playwright-core');
    const root = process.getuid?.() === 0;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: root ? ['--no-sandbox'] : [] });
    page = await browser.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    await page.goto(`file://${path.join(dir, 'fixtures.html')}`);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const column = (n: number) =>
    page.$$eval(`#file-table tbody tr td:nth-child(${n})`, (tds) => tds.map((td) => td.textContent ?? ''));
  const percentages = (cells: string[]) => cells.map((c) => Number.parseFloat(c));

  it('lists every file, worst first: the share of non-words left never rises down the table', async () => {
    expect(await column(1)).toEqual(FIXTURES.map((_, i) => String(i + 1)));
    const files = await column(2);
    expect([...files].sort()).toEqual(FIXTURES.map((name) => fixture(name)).sort());
    const after = percentages(await column(5));
    expect(after).toEqual([...after].sort((a, b) => b - a));
    expect(await page.textContent('#total-files')).toBe(String(FIXTURES.length));
  });

  it('sorts by a column when its header is clicked', async () => {
    await page.click('th[data-key=edits]');
    const edits = (await column(7)).map(Number);
    expect(edits).toEqual([...edits].sort((a, b) => b - a));
    await page.click('th[data-key=rank]');
    expect(await column(1)).toEqual(FIXTURES.map((_, i) => String(i + 1)));
  });

  it('filters the rows by what is typed', async () => {
    await page.fill('#filter', 'windows-1252');
    expect(await column(2)).toEqual([fixture('windows-1252-crlf')]);
    expect(await page.textContent('#shown')).toMatch(/showing 1 of 1 files \(6 in all\)/);
    await page.fill('#filter', '');
    expect(await column(2)).toHaveLength(FIXTURES.length);
  });

  it("shows a file's word diff with each edit's rule and reason, and its furniture apart", async () => {
    await page.click(`#file-table tbody tr:has-text("statesman")`);
    const change = page.locator('.chg', { has: page.locator('del', { hasText: /^collec ting$/ }) });
    await expect(change.locator('ins').textContent()).resolves.toBe('collecting');
    expect(await change.getAttribute('title')).toMatch(/^split-words\/fragment: .*"collecting"/);
    await change.click();
    expect(await page.textContent('.edit-info')).toMatch(/split-words\/fragment at 15:\d+: collec ting → collecting/);
    // Lines joined by the layout are no change of words; the masthead is removed furniture, not a change.
    expect(await page.textContent('#detail .diff')).not.toContain('Austin American-Statesman');
    expect(await page.textContent('#detail .furniture')).toContain(
      'boilerplate/masthead line 1: Austin American-Statesman',
    );
  });

  it('flags a file whose share of non-words rose, and filters to the flagged files', async () => {
    const text = fs.readFileSync(fixture('statesman'), 'utf8');
    const result = cleanWith(text, {}, evidence);
    const one = reviewFile(
      'good.txt',
      null,
      text,
      { encoding: 'utf-8', reason: 'valid UTF-8' },
      result,
      computeStats(text, result, evidence),
    );
    const collector = new ReviewCollector('test', 'clean-article test');
    collector.add(one);
    collector.add({ ...one, row: { ...one.row, file: 'worse.txt', before: 0.1, after: 0.2, worse: true } });
    collector.add(unreviewedRow('missing.txt', null, 'failed', 'no such file'));
    fs.writeFileSync(path.join(dir, 'worse.html'), renderReview(collector.data()));
    await page.goto(`file://${path.join(dir, 'worse.html')}`);
    expect(await column(2)).toEqual(['missing.txt', 'worse.txt ▲ worse', 'good.txt']);
    expect(await page.textContent('#total-worse')).toBe('1');
    await page.check('#only-flagged');
    expect(await column(2)).toEqual(['missing.txt', 'worse.txt ▲ worse']);
  });

  it('logs no error or warning in the console', () => {
    expect(problems).toEqual([]);
  });
});
