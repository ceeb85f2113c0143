/**
 * The README's screenshot of a review page: the fixtures cleaned as a batch with `--review` (the built
 * CLI), opened in Debian's chromium through playwright-core, the Statesman file's diff opened on its
 * `collec ting` edit. Writes docs/review.png.
 *
 *     npx tsx scripts/review-screenshot.ts [--out docs/review.png]
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const repo = path.join(import.meta.dirname, '..');
const CHROMIUM = '/usr/bin/chromium';
const out = path.resolve(
  process.argv.includes('--out')
    ? process.argv[process.argv.indexOf('--out') + 1]!
    : path.join(repo, 'docs', 'review.png'),
);

if (!fs.existsSync(CHROMIUM)) {
  console.error(`review-screenshot: ${CHROMIUM} is not installed (apt-get install chromium)`);
  process.exit(1);
}
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clean-article-screenshot-'));
try {
  const fixtures = fs
    .readdirSync(path.join(repo, 'fixtures'))
    .sort()
    .map((name) => path.join('fixtures', name, 'input.txt'));
  const page = path.join(dir, 'review.html');
  const r = spawnSync(
    process.execPath,
    ['bin/clean-article.js', ...fixtures, '--out-dir', path.join(dir, 'out'), '--review', page, '-q'],
    { cwd: repo, encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`clean-article failed: ${r.stderr}`);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
  });
  const tab = await browser.newPage({ viewport: { width: 1150, height: 1000 }, deviceScaleFactor: 1 });
  await tab.goto(`file://${page}`);
  await tab.click('#file-table tbody tr:has-text("statesman")');
  await tab.click('.chg:has(del:text-is("collec ting"))');
  // The page from its top to the end of the diff.
  const bottom = (await tab.evaluate(
    "document.querySelector('#detail .diff').getBoundingClientRect().bottom + scrollY + 10",
  )) as number;
  await tab.screenshot({
    path: out,
    clip: { x: 0, y: 0, width: 1150, height: Math.min(bottom, 1800) },
    fullPage: true,
  });
  await browser.close();
  console.log(`wrote ${path.relative(process.cwd(), out)}`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
