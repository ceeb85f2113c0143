/**
 * What users of ftfy, prettier, ripgrep and pandoc expect of a command line: counts that mean a change,
 * `--check`, optional values, format aliases, `--color`, config discovery. Real temp folders.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../scripts/lib/run-cli.js';
import { writeTree } from './run.js';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clean-article-habits-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const CLEAN = 'Library adds evening hours\n\nThe library will stay open until nine on weekdays.\n';
const DIRTY = 'Library adds evening hours\n\nThe library will stay  open until nine on weekdays.\n';
const file = (name: string) => path.join(dir, name);

describe('counts mean changes', () => {
  it('an unchanged file reports no edit: not "whitespace 1"', async () => {
    writeTree(dir, { 'in/a.txt': CLEAN });
    const stats = await runCli([file('in/a.txt'), '--stats'], { env: {} });
    expect(stats.stdout).toBe(CLEAN);
    expect(stats.stderr).toMatch(/; 0 edits; 0 lines removed/);
    const batch = await runCli([file('in'), '--out-dir', file('out'), '--jobs', '1', '--report', file('r.jsonl')], {
      env: {},
    });
    expect(batch.stderr).toMatch(/clean-article: edits: none\n$/);
    expect(JSON.parse(fs.readFileSync(file('r.jsonl'), 'utf8'))).toMatchObject({ edits: 0, editsByTransform: {} });
    const explained = await runCli([file('in/a.txt'), '--explain'], { env: {} });
    expect(explained.stderr).toMatch(/\nno edits\n$/);
  });

  it('a changed file counts its real edits only', async () => {
    writeTree(dir, { 'a.txt': DIRTY });
    const r = await runCli([file('a.txt'), '--stats=json'], { env: {} });
    // The run of spaces, not the final line break the text format writes again.
    expect(JSON.parse(r.stderr)).toMatchObject({ edits: 1, editsByTransform: { whitespace: 1, unicode: 0 } });
  });
});
