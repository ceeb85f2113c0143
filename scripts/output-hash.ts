/**
 * `npm run hash`: one SHA-256 over everything clean-article produces for every text file of
 * `../shared/corpus`, `../shared/cases` and `../shared/seeds`, under every preset and every output
 * format: the rendered output, the source choice and every edit (transform, rule, offset, before,
 * after, reason). Two builds that print the same hash behave identically on all of that data, which is
 * how a refactoring or a speed change shows that it changed no output.
 *
 *     npm run hash                      # the overall hash, and how many runs it covers
 *     npm run hash -- --list FILE       # also one line per input, preset and format (to diff two builds)
 *
 * Reads the data from `../shared` beside the repository; without it, says so and exits 0.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { FORMATS, PRESET_CHOICES, cleanArticle, createEvidenceSource } from '../src/index.js';

const repo = path.join(import.meta.dirname, '..');
const shared = path.join(repo, '..', 'shared');
const ROOTS = ['corpus', 'cases', 'seeds'];

const args = process.argv.slice(2);
const listAt = args.indexOf('--list');
const listFile = listAt >= 0 ? args[listAt + 1] : undefined;
if (args.some((a, i) => a !== '--list' && i !== listAt + 1) || (listAt >= 0 && listFile === undefined)) {
  console.error('hash: usage: npm run hash [-- --list FILE]');
  process.exit(2);
}
if (!fs.existsSync(shared)) {
  console.log(`hash: no shared data at ${shared}; nothing to hash`);
  process.exit(0);
}

function textFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...textFiles(full));
    else if (entry.name.endsWith('.txt')) found.push(full);
  }
  return found;
}

const files = ROOTS.flatMap((root) => textFiles(path.join(shared, root)));
const evidence = createEvidenceSource();
const total = createHash('sha256');
const lines: string[] = [];
let runs = 0;
for (const file of files) {
  const text = fs.readFileSync(file, 'utf8');
  const name = path.relative(shared, file);
  for (const preset of PRESET_CHOICES) {
    for (const format of FORMATS) {
      const result = cleanArticle(text, { preset, format, evidence });
      const record = JSON.stringify({
        output: result.output,
        source: result.source,
        edits: result.edits.map((e) => [e.transform, e.rule, e.offset, e.before, e.after, e.reason]),
      });
      const digest = createHash('sha256').update(record).digest('hex');
      total.update(`${name}\t${preset}\t${format}\t${digest}\n`);
      lines.push(`${name}\t${preset}\t${format}\t${digest}`);
      runs++;
    }
  }
}
if (listFile !== undefined) fs.writeFileSync(listFile, `${lines.join('\n')}\n`);
console.log(
  `${total.digest('hex')}  (${files.length} files × ${PRESET_CHOICES.length} presets × ${FORMATS.length} formats = ${runs} runs)`,
);
