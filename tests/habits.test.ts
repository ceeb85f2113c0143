/**
 * What users of ftfy, prettier, ripgrep and pandoc expect of a command line: counts that mean a change,
 * `--check`, optional values, format aliases, `--color`, config discovery. Real temp folders.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../scripts/lib/run-cli.js';
import { attachOptionalValues } from '../src/cli/report-options.js';
import { fixture, writeTree } from './run.js';

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

describe('--check', () => {
  it('exits 0 for a clean file and 1 for one cleaning would change, writing nothing', async () => {
    writeTree(dir, { 'clean.txt': CLEAN, 'dirty.txt': DIRTY });
    const clean = await runCli(['--check', file('clean.txt')], { env: {} });
    expect(clean).toEqual({ code: 0, stdout: '', stderr: '' });
    const dirty = await runCli(['--check', file('dirty.txt')], { env: {} });
    expect(dirty).toEqual({ code: 1, stdout: `${file('dirty.txt')}\n`, stderr: '' });
    expect(fs.readFileSync(file('dirty.txt'), 'utf8')).toBe(DIRTY);
    expect((await runCli(['--check', '-'], { stdin: DIRTY, env: {} })).code).toBe(1);
    expect((await runCli(['--check'], { stdin: CLEAN, env: {} })).code).toBe(0);
  });

  it('counts a file that would be re-encoded or lose its byte-order mark as changed', async () => {
    writeTree(dir, { 'bom.txt': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(CLEAN)]) });
    expect((await runCli(['--check', file('bom.txt')], { env: {} })).code).toBe(1);
  });

  it('with --diff shows the change and keeps the exit status (git diff --exit-code)', async () => {
    writeTree(dir, { 'dirty.txt': DIRTY });
    const r = await runCli(['--check', '--diff', file('dirty.txt')], { env: {} });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('+The library will stay open until nine on weekdays.\n');
  });

  it('in a batch lists the files that would change, one a line, and touches nothing', async () => {
    writeTree(dir, { 'in/a.txt': CLEAN, 'in/sub/b.txt': DIRTY, 'in/c.txt': DIRTY });
    const before = fs.readdirSync(file('in'), { recursive: true }).sort();
    const r = await runCli(['--check', file('in'), '--jobs', '1'], { env: {} });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(`${path.join(file('in'), 'c.txt')}\n${path.join(file('in'), 'sub', 'b.txt')}\n`);
    expect(r.stderr).toMatch(/3 files: 2 would change, 1 unchanged, 0 failed/);
    expect(fs.readdirSync(file('in'), { recursive: true }).sort()).toEqual(before);
    expect(fs.readFileSync(file('in/c.txt'), 'utf8')).toBe(DIRTY);
    const clean = await runCli(['--check', file('in/a.txt'), file('in/a.txt'), '-q'], { env: {} });
    expect(clean).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('an input that cannot be checked is exit status 2 (prettier, diff), not 1 ("would change")', async () => {
    writeTree(dir, { 'a.txt': CLEAN, 'bin.txt': Buffer.from([0, 1, 2]) });
    const missing = await runCli(['--check', file('missing.txt')], { env: {} });
    expect(missing).toEqual({ code: 2, stdout: '', stderr: `clean-article: ${file('missing.txt')}: no such file\n` });
    const binary = await runCli(['--check', '-'], { stdin: Buffer.from([0, 1, 2]), env: {} });
    expect(binary.code).toBe(2);
    expect(binary.stderr).toMatch(/^clean-article: <stdin>: looks like a binary file/);
    const batch = await runCli(['--check', file('a.txt'), file('missing.txt'), file('bin.txt'), '-q', '-j', '1'], {
      env: {},
    });
    expect(batch.code).toBe(2);
    expect(batch.stdout).toBe('');
    expect(batch.stderr).toMatch(/missing\.txt: no such file\n.*bin\.txt: looks like a binary file/s);
  });

  it('in a batch, an input that cannot be checked wins over one that would change (as prettier and black)', async () => {
    writeTree(dir, { 'a.txt': CLEAN, 'dirty.txt': DIRTY });
    const both = await runCli(['--check', file('dirty.txt'), file('missing.txt'), '-j', '1'], { env: {} });
    expect(both.code).toBe(2);
    expect(both.stdout).toBe(`${file('dirty.txt')}\n`);
    expect(both.stderr).toMatch(/2 files: 1 would change, 0 unchanged, 1 failed/);
    const changed = await runCli(['--check', file('dirty.txt'), file('a.txt'), '-j', '1', '-q'], { env: {} });
    expect(changed).toEqual({ code: 1, stdout: `${file('dirty.txt')}\n`, stderr: '' });
    const clean = await runCli(['--check', file('a.txt'), file('a.txt'), '-j', '1', '-q'], { env: {} });
    expect(clean).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('without --check, an input that cannot be read is still exit status 1', async () => {
    const r = await runCli([file('missing.txt')], { env: {} });
    expect(r.code).toBe(1);
  });

  it.each([
    [['-o', 'x.txt'], /--check: writes nothing, so not with -o/],
    [['--in-place'], /--check: writes nothing, so not with --in-place/],
    [['-f', 'markdown'], /--check: compares each input with its cleaned text; not with -f markdown/],
  ])('refuses %j', async (extra, message) => {
    writeTree(dir, { 'a.txt': DIRTY });
    const r = await runCli(['--check', file('a.txt'), ...extra], { env: {}, cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(fs.readdirSync(dir)).toEqual(['a.txt']);
  });
});

describe('optional values and aliases', () => {
  it('--explain json FILE is --explain=json FILE, as --help shows it', async () => {
    const r = await runCli(['--explain', 'json', fixture('statesman')], { env: {} });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stderr).edits.length).toBeGreaterThan(10);
    const diff = await runCli(['--diff', 'words', fixture('statesman')], { env: {} });
    expect(diff.stdout).toContain('[-con- cerns-]{+concerns+}');
  });

  it('a file named like a format stays a file; a bare flag takes its default', () => {
    const exists = (f: string) => f === 'json';
    expect(attachOptionalValues(['--explain', 'json'], exists)).toEqual(['--explain=text', 'json']);
    expect(attachOptionalValues(['--explain', 'json', 'a.txt'], exists)).toEqual(['--explain=text', 'json', 'a.txt']);
    expect(attachOptionalValues(['--explain', 'json', 'a.txt'], () => false)).toEqual(['--explain=json', 'a.txt']);
    expect(attachOptionalValues(['--stats', 'words'], () => false)).toEqual(['--stats=text', 'words']);
    expect(attachOptionalValues(['--color', 'a.txt'], () => false)).toEqual(['--color=always', 'a.txt']);
    expect(attachOptionalValues(['--color', 'never', 'a.txt'], () => false)).toEqual(['--color=never', 'a.txt']);
    expect(attachOptionalValues(['--explain', '--', 'json'], () => false)).toEqual(['--explain=text', '--', 'json']);
  });

  it('-f md is -f markdown', async () => {
    const md = await runCli([fixture('statesman'), '-f', 'md'], { env: {} });
    expect(md.stdout).toBe(fs.readFileSync(fixture('statesman', 'expected.md'), 'utf8'));
    const bad = await runCli([fixture('statesman'), '-f', 'pdf'], { env: {} });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Allowed choices are text, markdown, json.*md/);
  });
});

describe('--color', () => {
  const ESC = '\x1b[';
  it('always colours the diff (even piped), never does not, whatever FORCE_COLOR and NO_COLOR say', async () => {
    const always = await runCli(['--diff=words', '--color', 'always', fixture('statesman')], {
      env: { NO_COLOR: '1' },
    });
    expect(always.stdout).toContain(ESC);
    // The colours show the change: no [-…-]{+…+} markers.
    expect(always.stdout).not.toMatch(/\[-|\{\+/);
    const never = await runCli(['--diff=words', '--color=never', fixture('statesman')], { env: { FORCE_COLOR: '1' } });
    expect(never.stdout).not.toContain(ESC);
    expect(never.stdout).toContain('[-con- cerns-]{+concerns+}');
    const auto = await runCli(['--diff', fixture('statesman')], { env: { FORCE_COLOR: '1' } });
    expect(auto.stdout).toContain(ESC);
  });

  it('takes only auto, always or never', async () => {
    const r = await runCli(['--diff', '--color=sometimes', fixture('statesman')], { env: {} });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/'sometimes' is invalid/);
  });
});

describe('batches', () => {
  it('--stats=json is JSON Lines on stdout, apart from the messages on stderr', async () => {
    writeTree(dir, { 'in/a.txt': CLEAN, 'in/b.txt': DIRTY, 'in/c.txt': Buffer.from([0, 1, 2, 0]) });
    const r = await runCli([file('in'), '--out-dir', file('out'), '--stats=json', '-j', '1'], { env: {} });
    expect(r.code).toBe(1);
    const lines = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { input: string; edits: number });
    expect(lines.map((l) => path.basename(l.input))).toEqual(['a.txt', 'b.txt']);
    expect(r.stderr).toMatch(/c\.txt: .*binary/);
    expect(r.stderr).not.toContain('{');
    const mixed = await runCli([file('in'), '--out-dir', file('out'), '--stats=json', '--dry-run'], { env: {} });
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toMatch(/--stats=json: .*--dry-run uses too; use --report FILE/);
  });

  it('--in-place -f markdown refuses to write Markdown into .txt files, and writes nothing', async () => {
    writeTree(dir, { 'in/a.txt': DIRTY, 'in/b.md': DIRTY });
    for (const input of [file('in'), file('in/a.txt')]) {
      const r = await runCli([input, '--in-place', '-f', 'markdown'], { env: {} });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(
        /--in-place -f markdown: would write markdown into .*; use --out-dir DIR \(outputs get \.md\)/,
      );
    }
    expect(fs.readFileSync(file('in/a.txt'), 'utf8')).toBe(DIRTY);
    // Into .md files it is what was asked for.
    const md = await runCli([file('in'), '--in-place', '-f', 'md', '--ext', '.md', '-j', '1'], { env: {} });
    expect(md.code).toBe(0);
    expect(fs.readFileSync(file('in/b.md'), 'utf8')).toMatch(/^---\ntitle:/);
  });
});

describe('configuration discovery', () => {
  const config = (only: string) => JSON.stringify({ only: [only] });
  const explainConfig = async (cwd: string, env: NodeJS.ProcessEnv = {}, extra: string[] = []) => {
    const r = await runCli(['--explain', '-', ...extra], { stdin: DIRTY, env, cwd });
    return { code: r.code, config: /^config: (.*)$/m.exec(r.stderr)?.[1], stderr: r.stderr };
  };

  it('finds clean-article.config.json in the nearest folder up to the repository root', async () => {
    writeTree(dir, { 'repo/.git/HEAD': 'ref: x\n', 'repo/clean-article.config.json': config('whitespace') });
    fs.mkdirSync(file('repo/a/b'), { recursive: true });
    expect((await explainConfig(file('repo/a/b'))).config).toBe(path.join('..', '..', 'clean-article.config.json'));
    writeTree(dir, { 'repo/a/clean-article.config.json': config('unicode') });
    expect((await explainConfig(file('repo/a/b'))).config).toBe(path.join('..', 'clean-article.config.json'));
    expect((await explainConfig(file('repo'))).config).toBe('clean-article.config.json');
  });

  it('looks no higher than the repository root, and outside a repository only in the current folder', async () => {
    writeTree(dir, { 'clean-article.config.json': config('whitespace'), 'repo/.git': 'gitdir: elsewhere\n' });
    fs.mkdirSync(file('repo/sub'), { recursive: true });
    fs.mkdirSync(file('plain/sub'), { recursive: true });
    expect((await explainConfig(file('repo/sub'))).config).toBeUndefined();
    expect((await explainConfig(file('plain/sub'))).config).toBeUndefined();
  });

  it('CLEAN_ARTICLE_CONFIG names the file; --config wins over it, --no-config ignores both', async () => {
    writeTree(dir, { 'here/clean-article.config.json': config('unicode'), 'mine.json': config('whitespace') });
    const env = { CLEAN_ARTICLE_CONFIG: file('mine.json') };
    expect((await explainConfig(file('here'), env)).config).toBe(`${file('mine.json')} (CLEAN_ARTICLE_CONFIG)`);
    expect((await explainConfig(file('here'), env, ['--config', file('mine.json')])).config).toBe(file('mine.json'));
    expect((await explainConfig(file('here'), env, ['--no-config'])).config).toBeUndefined();
    expect((await explainConfig(file('here'), { CLEAN_ARTICLE_CONFIG: '' })).config).toBe('clean-article.config.json');
    const missing = await explainConfig(file('here'), { CLEAN_ARTICLE_CONFIG: 'nope.json' });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(
      /^clean-article: nope\.json \(CLEAN_ARTICLE_CONFIG\): cannot read the configuration: no such file\n$/,
    );
  });
});

describe('the configuration JSON Schema', () => {
  type Schema = Record<string, unknown>;
  /** The part of JSON Schema the generated schema uses: enough to check it says what checkConfig does. */
  function valid(schema: Schema, value: unknown): boolean {
    if (schema.enum && !(schema.enum as unknown[]).includes(value)) return false;
    if (schema.anyOf) return (schema.anyOf as Schema[]).some((s) => valid(s, value));
    switch (schema.type) {
      case 'boolean':
        return typeof value === 'boolean';
      case 'number':
        return typeof value === 'number' && value >= (schema.minimum as number) && value <= (schema.maximum as number);
      case 'string':
        return (
          typeof value === 'string' &&
          (schema.pattern === undefined || new RegExp(schema.pattern as string).test(value))
        );
      case 'array':
        return (
          Array.isArray(value) && (schema.items === undefined || value.every((v) => valid(schema.items as Schema, v)))
        );
      case 'object': {
        if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
        const properties = schema.properties as Record<string, Schema>;
        const required = (schema.required as string[] | undefined) ?? [];
        return (
          required.every((k) => Object.hasOwn(value, k)) &&
          Object.entries(value).every(([k, v]) => Object.hasOwn(properties, k) && valid(properties[k]!, v))
        );
      }
      default:
        return true;
    }
  }

  it('is published, up to date with the options schema', async () => {
    const { schemaText, SCHEMA_FILE } = await import('../scripts/docs.js');
    expect(fs.readFileSync(SCHEMA_FILE, 'utf8')).toBe(schemaText());
  });

  it.each([
    [{ preset: 'pdftotext', skip: ['split-words'], transforms: { unwrap: { shortLineRatio: 0.85 } } }, true],
    [
      { $schema: './clean-article.schema.json', words: ['Zorbulon'], protect: ['x', { pattern: 'y', flags: 'i' }] },
      true,
    ],
    [{ boilerplate: [{ name: 'promo-box', pattern: 'Subscribe.*', flags: 'i' }], wordsFile: 'names.txt' }, true],
    [{ transforms: { boilerplate: { skipRules: ['folio'] }, 'ocr-confusions': { longS: true } } }, true],
    [{ presets: 'auto' }, false],
    [{ preset: 'fast' }, false],
    [{ skip: ['nope'] }, false],
    [{ transforms: { unwrap: { shortLineRatio: 2 } } }, false],
    [{ transforms: { whitespace: { any: 1 } } }, false],
    [{ boilerplate: [{ name: 'Promo Box', pattern: 'x' }] }, false],
    [{ boilerplate: [{ pattern: 'x' }] }, false],
    [{ protect: [{ pattern: 'x', flags: 'g' }] }, false],
    [{ words: ['two words'] }, false],
  ])('agrees with the configuration check: %j', async (config, ok) => {
    const { configJsonSchema } = await import('../src/core/options.js');
    const { validateConfig } = await import('../src/cli/config.js');
    expect(valid(configJsonSchema(), config)).toBe(ok);
    if (ok) expect(() => validateConfig(config)).not.toThrow();
    else expect(() => validateConfig(config)).toThrow();
  });

  it('a configuration that names its schema is accepted by the CLI', async () => {
    writeTree(dir, {
      'clean-article.config.json': JSON.stringify({ $schema: './clean-article.schema.json', only: ['whitespace'] }),
    });
    const r = await runCli(['-'], { stdin: 'a  b\n', env: {}, cwd: dir });
    expect(r).toEqual({ code: 0, stdout: 'a b\n', stderr: '' });
  });
});

describe('--explain for a person', () => {
  const PAGE = 'The county approved\na budget on Tuesday.\n\nWe have con- cerns about the self-\ndeclared plan.\n';
  const places = (stderr: string) =>
    stderr
      .split('\n')
      .filter((l) => /^\d+:\d+ /.test(l))
      .map((l) => l.split(/\s+/, 2) as [string, string]);

  it('lists edits in the order of the input, with context, then a count per rule', async () => {
    const r = await runCli(['--explain', '-'], { stdin: PAGE, env: {} });
    const found = places(r.stderr);
    const offsets = found.map(([place]) => place.split(':').map(Number) as [number, number]);
    const sorted = [...offsets].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    expect(offsets).toEqual(sorted);
    expect(r.stderr).toMatch(
      /"con- cerns" -> "concerns" {2}\("concerns" is a word\) {2}in …[^\n]*We have »con- cerns« about the self-…\n/,
    );
    const summary = r.stderr.slice(r.stderr.indexOf('by rule:\n')).trimEnd().split('\n');
    const counts = summary.slice(1, -1).map((l) => l.trim().split(/\s+/) as [string, string]);
    // One line per rule, adding up to the count on the last line.
    expect(new Set(counts.map(([, rule]) => rule))).toEqual(new Set(found.map(([, rule]) => rule)));
    expect(counts.reduce((n, [c]) => n + Number(c), 0)).toBe(found.length);
    expect(summary.at(-1)).toBe(`${found.length} edits`);
  });

  it('--explain-rules keeps the chosen transforms and rules, in text and JSON', async () => {
    const text = await runCli(['--explain-only', '--explain-rules', 'hyphens,fragment', '-'], {
      stdin: PAGE,
      env: {},
    });
    const rules = new Set(
      places(text.stdout).map(([, rule]) => rule.startsWith('hyphens/') || rule === 'split-words/fragment'),
    );
    expect(rules).toEqual(new Set([true]));
    expect(text.stdout).toMatch(/\n2 of 4 edits\n$/);
    const json = await runCli(['--explain-only=json', '--explain-rules', 'inline', '-'], { stdin: PAGE, env: {} });
    expect(JSON.parse(json.stdout).edits.map((e: { rule: string }) => e.rule)).toEqual(['inline']);
    const all = await runCli(['--explain-only=json', '-'], { stdin: PAGE, env: {} });
    expect(JSON.parse(all.stdout).edits.length).toBeGreaterThan(3);
  });

  it.each([
    [['--explain-rules', 'hyphens', '-'], /--explain-rules: only with --explain or --explain-only/],
    [['--explain', '--explain-rules', 'hyphen', '-'], /--explain-rules: unknown transform or rule "hyphen"/],
  ])('refuses %j', async (args, message) => {
    const r = await runCli(args, { stdin: PAGE, env: {} });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});

describe('cleanArticleBytes', () => {
  it('decodes as the CLI does and says how', async () => {
    const { cleanArticleBytes } = await import('../src/index.js');
    const bytes = fs.readFileSync(fixture('windows-1252-crlf'));
    const result = cleanArticleBytes(bytes);
    expect(result.decoding).toMatchObject({
      encoding: 'windows-1252',
      reason: 'not valid UTF-8: read as Windows-1252',
    });
    const cli = await runCli([fixture('windows-1252-crlf')], { env: {} });
    expect(result.output).toBe(cli.stdout);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Iraq’s  army.\n', 'utf16le')]);
    const decoded = cleanArticleBytes(new Uint8Array(utf16), { format: 'json' });
    expect(decoded.decoding.encoding).toBe('utf-16le');
    expect(JSON.parse(decoded.output).paragraphs).toEqual(['Iraq’s army.']);
    expect(cleanArticleBytes(Buffer.from('caf\xe9', 'latin1'), { encoding: 'latin1' }).output).toBe('café\n');
  });

  it('refuses binary bytes, an unknown encoding and a string, naming them', async () => {
    const { cleanArticleBytes, InputError, UsageError } = await import('../src/index.js');
    expect(() => cleanArticleBytes(Buffer.from([0, 1, 2, 0, 0]), { name: 'scan.bin' })).toThrow(InputError);
    expect(() => cleanArticleBytes(Buffer.from('x'), { encoding: 'klingon' })).toThrow(/unknown encoding "klingon"/);
    expect(() => cleanArticleBytes('text' as unknown as Uint8Array)).toThrow(UsageError);
    expect(() => cleanArticleBytes(Buffer.from('x'), { skip: ['nope'] })).toThrow(/options\.skip\[0\]/);
  });
});

describe('the man page', () => {
  it('is generated from --help: up to date, every option in it', async () => {
    const { manPage, MAN_FILE } = await import('../scripts/docs.js');
    const { createProgram } = await import('../src/cli/main.js');
    const man = fs.readFileSync(MAN_FILE, 'utf8');
    expect(man).toBe(manPage());
    const program = createProgram({ stdout: process.stdout, stderr: process.stderr }, async () => {});
    for (const option of program.options) expect(man).toContain(`.B ${option.flags.replace(/-/g, '\\-')}`);
    expect(man).toMatch(/^\.SH EXIT STATUS$/m);
  });
});

describe('-f tei', () => {
  /** The document parsed strictly (saxes: well-formed XML with namespaces): each element's path and text. */
  async function parseTei(xml: string): Promise<{ path: string; text: string; attributes: Record<string, string> }[]> {
    const { SaxesParser } = await import('saxes');
    const parser = new SaxesParser({ xmlns: true });
    const stack: string[] = [];
    const elements: { path: string; text: string; attributes: Record<string, string> }[] = [];
    const open: { text: string }[] = [];
    parser.on('error', (error) => {
      throw error;
    });
    parser.on('opentag', (tag) => {
      if (tag.uri !== 'http://www.tei-c.org/ns/1.0') throw new Error(`${tag.name} is not in the TEI namespace`);
      stack.push(tag.local);
      const attributes = Object.fromEntries(Object.values(tag.attributes).map((a) => [a.local, a.value]));
      const entry = { path: stack.join('/'), text: '', attributes };
      elements.push(entry);
      open.push(entry);
    });
    parser.on('text', (text) => {
      for (const entry of open) entry.text += text;
    });
    parser.on('closetag', (tag) => {
      if (tag.local === 'lb') for (const entry of open.slice(0, -1)) entry.text += '\n';
      // A table's cells read apart, as its lines did.
      if (tag.local === 'cell') for (const entry of open.slice(0, -1)) entry.text += ' ';
      stack.pop();
      open.pop();
    });
    parser.write(xml).close();
    return elements;
  }

  it('writes a well-formed TEI document with the header and the article', async () => {
    const r = await runCli([fixture('statesman'), '-f', 'tei'], { env: {} });
    expect(r.code).toBe(0);
    const json = JSON.parse((await runCli([fixture('statesman'), '-f', 'json'], { env: {} })).stdout);
    const elements = await parseTei(r.stdout);
    const text = (p: string) => elements.filter((e) => e.path === p).map((e) => e.text);
    expect(text('TEI/teiHeader/fileDesc/titleStmt/title')).toEqual([json.headline]);
    expect(text('TEI/teiHeader/fileDesc/titleStmt/author')).toEqual([json.byline]);
    expect(text('TEI/teiHeader/fileDesc/sourceDesc/bibl/title')).toEqual([json.publication]);
    expect(text('TEI/teiHeader/fileDesc/publicationStmt/p')).toHaveLength(1);
    expect(text('TEI/teiHeader/encodingDesc/p')[0]).toContain(json.source);
    expect(text('TEI/text/body/head')).toEqual([json.headline, json.deck]);
    expect(text('TEI/text/body/byline')).toEqual([`By ${json.byline}`]);
    expect(text('TEI/text/body/p')).toEqual(json.paragraphs);
  });

  it('escapes markup, keeps line breaks as <lb/>, and survives an empty article', async () => {
    const input = 'Scores: <b>&</b> "x"\n7\n3\n';
    const r = await runCli(['-f', 'tei', '--only', 'whitespace', '-'], { stdin: input, env: {} });
    const paragraphs = (await parseTei(r.stdout)).filter((e) => e.path === 'TEI/text/body/p').map((e) => e.text);
    expect(paragraphs).toEqual(['Scores: <b>&</b> "x"\n7\n3']);
    const empty = await runCli(['-f', 'tei', '-'], { stdin: '\n', env: {} });
    expect((await parseTei(empty.stdout)).some((e) => e.path === 'TEI/teiHeader/fileDesc/titleStmt/title')).toBe(true);
  });

  it.each(['two-articles', 'results-list', 'box-score', 'crossheads', 'byline-role', 'qa-interview', 'statesman'])(
    'holds every word of the text output, and the blocks as TEI elements: %s',
    async (name) => {
      const tei = (await runCli([fixture(name), '-f', 'tei'], { env: {} })).stdout;
      const text = (await runCli([fixture(name)], { env: {} })).stdout;
      const json = JSON.parse((await runCli([fixture(name), '-f', 'json'], { env: {} })).stdout);
      const elements = await parseTei(tei);
      const body = elements.find((e) => e.path === 'TEI/text/body')!.text;
      // Letters and digits, in any order: a list's markers are its items' `n`, and a table's cells drop
      // the leader dots and rules between them.
      const words = (t: string) =>
        t
          .split(/[^\p{L}\p{N}]+/u)
          .filter((w) => w !== '')
          .sort();
      const markers = elements.filter((e) => e.path.endsWith('/item')).map((e) => e.attributes.n ?? '');
      expect(words(`${body} ${markers.join(' ')}`)).toEqual(words(text));
      const articles = (json.articles ?? [json]) as {
        blocks: { kind: string; items?: string[]; cells?: string[][] }[];
      }[];
      const blocks = articles.flatMap((a) => a.blocks);
      const count = (local: string) => elements.filter((e) => e.path.split('/').pop() === local).length;
      expect(count('item')).toBe(blocks.reduce((n, b) => n + (b.kind === 'list' ? b.items!.length : 0), 0));
      expect(count('row')).toBe(blocks.reduce((n, b) => n + (b.kind === 'table' ? (b.cells?.length ?? 0) : 0), 0));
      expect(elements.filter((e) => e.path.endsWith('div') && e.attributes.type === 'section')).toHaveLength(
        blocks.filter((b) => b.kind === 'heading').length,
      );
      expect(elements.filter((e) => e.attributes.type === 'article')).toHaveLength(json.articles ? articles.length : 0);
    },
  );

  it('in a batch, outputs get .xml', async () => {
    writeTree(dir, { 'in/a.txt': DIRTY });
    const r = await runCli([file('in'), '--out-dir', file('out'), '-f', 'tei', '-j', '1', '-q'], { env: {} });
    expect(r.code).toBe(0);
    expect(fs.readdirSync(file('out'))).toEqual(['a.xml']);
  });
});
