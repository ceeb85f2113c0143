import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { attachOptionalValues } from '../../src/cli/report-options.js';
import { fixture, run } from './run.js';

const statesman = fixture('statesman');
const expected = fs.readFileSync(fixture('statesman', 'expected.txt'), 'utf8');

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clean-article-trust-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});
const write = (name: string, content: string) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
};

describe('attachOptionalValues', () => {
  it.each([
    [
      ['--explain', 'a.txt'],
      ['--explain=text', 'a.txt'],
    ],
    [
      ['--explain=json', 'a.txt'],
      ['--explain=json', 'a.txt'],
    ],
    [
      ['--diff', '--explain-only', '--stats'],
      ['--diff=lines', '--explain-only=text', '--stats=text'],
    ],
    [
      ['a.txt', '--', '--diff'],
      ['a.txt', '--', '--diff'],
    ],
  ])('%j -> %j', (argv, expectedArgv) => {
    expect(attachOptionalValues(argv)).toEqual(expectedArgv);
  });
});

describe('--explain', () => {
  it('keeps the article on stdout and explains on stderr, decoding first', async () => {
    const r = await run(['--explain', statesman]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(expected);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe('encoding: utf-8 (valid UTF-8)');
    expect(lines[1]).toBe('source: pressreader (detected: PressReader line "Newspapers in English" on line 39)');
    expect(lines).toContainEqual(
      expect.stringMatching(/^15:29 +split-words\/fragment +"collec ting" -> "collecting" {2}\(/),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(/^19:148 +split-words\/across-break +"offiffi⟨LF⟩⟨LF⟩cials" -> "officials"/),
    );
    // 19 edits, less the final line break trimmed that the text format writes again.
    expect(lines.at(-1)).toBe('18 edits');
  });

  it('line:col point into the original file', async () => {
    const input = fs.readFileSync(statesman, 'utf8').split('\n');
    const r = await run(['--explain-only=json', statesman]);
    const edits = JSON.parse(r.stdout).edits as { line: number; col: number; before: string; rule: string }[];
    for (const rule of ['fragment', 'repeated-group', 'inline', 'space-before', 'masthead']) {
      for (const e of edits.filter((x) => x.rule === rule)) {
        expect(
          [...input[e.line - 1]!]
            .slice(e.col - 1)
            .join('')
            .startsWith(e.before.split('\n')[0]!),
          rule,
        ).toBe(true);
      }
    }
  });

  it('--explain-only prints the explanation on stdout and no article', async () => {
    const r = await run(['--explain-only', statesman]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^encoding: utf-8 \(valid UTF-8\)\nsource: pressreader/);
    expect(r.stdout).not.toContain('Iraq plans to share security, intelligence\n\nBaghdad');
    expect(r.stderr).toBe('');
  });

  it('--explain=json gives the decoding, the source and every edit', async () => {
    const r = await run(['--explain=json', fixture('windows-1252-crlf')]);
    const json = JSON.parse(r.stderr);
    expect(json.decoding).toEqual({ encoding: 'windows-1252', reason: 'not valid UTF-8: read as Windows-1252' });
    expect(json.source.preset).toBe('generic');
    expect(json.edits[0]).toEqual({
      line: 1,
      col: 26,
      offset: 25,
      transform: 'unicode',
      rule: 'line-break',
      before: '\r\n',
      after: '\n',
      reason: 'line break normalised to LF',
    });
  });

  it('explains stdin input too', async () => {
    const r = await run(['--explain-only', '-'], { stdin: 'a  b' });
    expect(r.stdout).toBe(
      'encoding: utf-8 (valid UTF-8)\nsource: generic (detected: no sign of a PressReader, pdftotext or historic OCR source)\n1:2  whitespace/space-run  "  " -> " "  (a run of spaces or a tab)  in a»  «b\n1 edit\n',
    );
  });

  it('names the configuration used', async () => {
    write('clean-article.config.json', '{}');
    const r = await run(['--explain-only', '-'], { stdin: 'ok', cwd: dir });
    expect(r.stdout.split('\n')[1]).toBe('config: clean-article.config.json');
  });
});

describe('--diff', () => {
  it('prints a unified diff instead of the article, plain when piped', async () => {
    const r = await run(['--diff', statesman]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      new RegExp(
        `^--- ${statesman}\\n\\+\\+\\+ ${statesman} \\(cleaned\\)\\n@@ -1,41 \\+1,31 @@\\n-Austin American-Statesman\\n`,
      ),
    );
    expect(r.stdout).toContain('\n-“I think we have con- cerns about');
    expect(r.stdout).toContain('\n+“I think we have concerns about');
    expect(r.stdout).not.toMatch(/\u001b/);
  });

  it('--diff=words marks changes inside lines', async () => {
    const r = await run(['--diff=words', '-'], { stdin: 'we have con- cerns here\n' });
    expect(r.stdout).toBe('--- <stdin>\n+++ <stdin> (cleaned)\n@@ -1 +1 @@\nwe have [-con- cerns-]{+concerns+} here\n');
  });

  it('prints nothing when nothing changes', async () => {
    expect(await run(['--diff', '-'], { stdin: 'Fine.\n' })).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it.each([
    ['a terminal', { tty: true, env: {} }, true],
    ['a terminal with NO_COLOR', { tty: true, env: { NO_COLOR: '1' } }, false],
    ['a terminal with TERM=dumb', { tty: true, env: { TERM: 'dumb' } }, false],
    ['a pipe', { tty: false, env: {} }, false],
    ['a pipe with FORCE_COLOR', { tty: false, env: { FORCE_COLOR: '1' } }, true],
  ])('colour on %s: %s', async (_name, options, coloured) => {
    const r = await run(['--diff', '-'], { stdin: 'a  b\n', ...options });
    expect(/\u001b\[/.test(r.stdout)).toBe(coloured);
  });

  it('with -o writes nothing and names the output file', async () => {
    const out = path.join(dir, 'out.txt');
    const r = await run(['--diff', '-o', out, '-'], { stdin: 'a  b\n' });
    expect(r.stdout).toBe(`--- <stdin>\n+++ ${out}\n@@ -1 +1 @@\n-a  b\n+a b\n`);
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe('--dry-run', () => {
  it('with -o: says what would be written, writes nothing', async () => {
    const out = path.join(dir, 'out.txt');
    const r = await run(['--dry-run', '-o', out, statesman]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      `dry run: ${statesman} -> ${out}: would write ${Buffer.byteLength(expected)} bytes (18 edits; -19 +9 lines); nothing written\n`,
    );
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('with --diff: the summary, then the diff', async () => {
    const r = await run(['--dry-run', '--diff', '-'], { stdin: 'a  b\n' });
    expect(r.stdout).toBe(
      'dry run: <stdin> -> <stdout>: would write 4 bytes (1 edit; -1 +1 lines); nothing written\n--- <stdin>\n+++ <stdin> (cleaned)\n@@ -1 +1 @@\n-a  b\n+a b\n',
    );
  });

  it('does not touch an existing output file', async () => {
    const out = write('out.txt', 'old\n');
    await run(['--dry-run', '-o', out, statesman]);
    expect(fs.readFileSync(out, 'utf8')).toBe('old\n');
  });
});

describe('--stats', () => {
  it('prints one line of quality signals on stderr, the article on stdout', async () => {
    const r = await run(['--stats', statesman]);
    expect(r.stdout).toBe(expected);
    expect(r.stderr).toMatch(
      new RegExp(
        `^${statesman}: non-words 2\\.4% -> 0\\.0% \\(9/378 -> 0/373 lower-case words\\); 18 edits \\(boilerplate 6, ligatures 5, .*\\); 3 lines removed; source pressreader\\n$`,
      ),
    );
  });

  it('=json prints one JSON line with the input name', async () => {
    const r = await run(['--stats=json', '-'], { stdin: 'the efffforts' });
    const stats = JSON.parse(r.stderr);
    expect(stats).toMatchObject({ input: '<stdin>', nonWords: { before: 1, after: 0 }, edits: 1, source: 'generic' });
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('--preset', () => {
  it('uses the preset asked for, and says so', async () => {
    const r = await run(['--preset', 'chronam', '--explain-only', '-'], {
      stdin: 'The Evening Star\n\nHeadline\n\nBody text.',
    });
    expect(r.stdout).toContain('source: chronam (asked for)');
    expect(r.stdout).not.toContain('masthead');
  });

  it('an unknown preset is a usage error', async () => {
    const r = await run(['--preset', 'nyt', statesman]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /argument 'nyt' is invalid\. Allowed choices are auto, generic, pressreader, pdftotext, chronam/,
    );
  });
});

describe('configuration', () => {
  const promo = 'Story text.\n\nSUBSCRIBE TODAY for $1\n\nMore story text.\n';

  it('clean-article.config.json in the working directory is read', async () => {
    write(
      'clean-article.config.json',
      JSON.stringify({ boilerplate: [{ name: 'promo', pattern: 'subscribe today.*', flags: 'i' }] }),
    );
    const r = await run(['-f', 'json', '-'], { stdin: promo, cwd: dir });
    expect(JSON.parse(r.stdout).removed).toEqual([
      { transform: 'boilerplate', rule: 'promo', text: 'SUBSCRIBE TODAY for $1' },
    ]);
    expect((await run(['--no-config', '-'], { stdin: promo, cwd: dir })).stdout).toContain('SUBSCRIBE');
  });

  it('--config FILE is read from anywhere', async () => {
    const file = write('mine.json', JSON.stringify({ words: ['Zorbulon'] }));
    expect((await run(['--config', file, '-'], { stdin: 'The Zorbu lon party won.' })).stdout).toBe(
      'The Zorbulon party won.\n',
    );
  });

  it('protect patterns keep text from being edited', async () => {
    const file = write('c.json', JSON.stringify({ protect: ['con- cerns'] }));
    const input = 'We have con- cerns.';
    expect((await run(['-'], { stdin: input })).stdout).toBe('We have concerns.\n');
    expect((await run(['--config', file, '-'], { stdin: input })).stdout).toBe('We have con- cerns.\n');
  });

  it('flags override the configuration', async () => {
    const file = write('c.json', JSON.stringify({ preset: 'chronam', only: ['whitespace'] }));
    const input = 'a  b\n\nwe have con- cerns';
    const explained = await run(['--config', file, '--explain-only', '-'], { stdin: input });
    expect(explained.stdout).toContain('source: chronam (asked for)');
    expect((await run(['--config', file, '-'], { stdin: input })).stdout).toBe('a b\n\nwe have con- cerns\n');
    // --skip replaces the configuration's whole selection.
    expect((await run(['--config', file, '--skip', 'unwrap', '-'], { stdin: input })).stdout).toBe(
      'a b we have concerns\n',
    );
    const r = await run(['--config', file, '--preset', 'pdftotext', '--explain-only', '-'], { stdin: input });
    expect(r.stdout).toContain('source: pdftotext (asked for)');
  });

  it.each([
    [
      { transforms: { unwrap: { shortLineRatio: 'high' } } },
      'transforms.unwrap.shortLineRatio: expected a number between 0 and 1, got "high"',
    ],
    [{ colour: true }, 'colour: unknown key; valid keys: preset,'],
    [{ protect: ['(unclosed'] }, 'protect[0]: invalid regular expression: Unterminated group'],
    [
      { protect: ['(a+)+$'] },
      'protect[0]: the pattern nests unbounded quantifiers ("(a+)+"), which can take exponential time on a line that almost matches; write it without a repeated group that holds *, + or {n,}',
    ],
    [{ wordsFile: 'missing.txt' }, 'wordsFile: missing.txt: no such file'],
  ])('a bad configuration %j is a usage error (exit 2) before any input is read', async (config, message) => {
    const file = write('c.json', JSON.stringify(config));
    // The input does not exist: reading it would be exit 1. The configuration is checked first.
    const r = await run(['--config', file, path.join(dir, 'missing-input.txt')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `clean-article: ${file}: ${message}${message.endsWith(',') ? r.stderr.slice(r.stderr.indexOf(message) + message.length) : '\n'}`,
    );
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('a missing --config file is a usage error', async () => {
    const r = await run(['--config', path.join(dir, 'nope.json'), statesman]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `clean-article: ${path.join(dir, 'nope.json')}: cannot read the configuration: no such file\n`,
    );
  });

  it('a configuration that is not JSON is a usage error', async () => {
    const r = await run(['--config', write('c.json', '{"words": [}'), statesman]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/c\.json: not valid JSON: /);
  });
});

describe('option errors', () => {
  it.each([
    [['--explain=xml', 'a'], /argument 'xml' is invalid\. Allowed choices are text, json/],
    [['--diff=chars', 'a'], /argument 'chars' is invalid\. Allowed choices are lines, words/],
    [['--stats=csv', 'a'], /argument 'csv' is invalid/],
    [['--explain-only', '--diff', 'a'], /cannot be used with option '--diff/],
    [['--explain-only', '-o', 'x.txt', 'a'], /cannot be used with option '-o, --output/],
  ])('%j is a usage error', async (args, message) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('reportsFor (for batch mode: each file’s reports as text)', () => {
  it('returns what would go to stdout and stderr instead of writing it', async () => {
    const { reportsFor } = await import('../../src/report/reports.js');
    const { cleanArticle, createEvidenceSource } = await import('../../src/index.js');
    const evidence = createEvidenceSource();
    const text = 'a  b\n';
    const result = cleanArticle(text, { evidence });
    const run = { name: 'a.txt', decoded: { text, encoding: 'utf-8', reason: 'valid UTF-8' }, result, evidence };
    const reports = reportsFor({ dryRun: true, explain: 'json', stats: 'json' }, { ...run, output: 'out/a.txt' });
    expect(reports.stdout).toBe(
      'dry run: a.txt -> out/a.txt: would write 4 bytes (1 edit; -1 +1 lines); nothing written\n',
    );
    const [explanation, stats] = [
      reports.stderr.slice(0, reports.stderr.lastIndexOf('\n{')),
      reports.stderr.slice(reports.stderr.lastIndexOf('\n{') + 1),
    ];
    // The JSON explanation is complete; the count leaves out the final line break the format writes again.
    expect(JSON.parse(explanation).edits).toHaveLength(2);
    expect(JSON.parse(stats)).toMatchObject({ input: 'a.txt', edits: 1 });
  });
});

describe('the installed bin', () => {
  it('explains on stdin through the compiled code', async () => {
    const { spawnSync } = await import('node:child_process');
    const bin = path.join(import.meta.dirname, '..', '..', 'bin', 'clean-article.js');
    const r = spawnSync(process.execPath, [bin, '--explain-only'], { input: 'a  b', encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('1:2  whitespace/space-run  "  " -> " "  (a run of spaces or a tab)  in a»  «b\n');
  });
});
