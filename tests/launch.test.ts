/**
 * The bin's launcher (`src/cli/launch.ts`): a V8 code cache is used only when it was made for this
 * bundle, by this Node, and is intact; anything else is ignored and the CLI (and its workers) run the same.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILD_ID_MARK, buildIdOf, decodeCodeCache, encodeCodeCache } from '../src/cli/launch.js';
import { FIXTURES, expected, fixture, repo, tree } from './run.js';

const BUILD = '0123456789abcdef0123456789abcdef';
/** Node before 20.15 has no zlib.crc32: there no cache is made or trusted (the CLI runs without). */
const canCheck = typeof (zlib as { crc32?: unknown }).crc32 === 'function';
const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7) % 256));

describe.runIf(canCheck)('code cache files', () => {
  it('give back the V8 bytes they were made from, for the same build', () => {
    expect(decodeCodeCache(encodeCodeCache(bytes, BUILD), BUILD)).toEqual(bytes);
  });

  it('made for another build of the bundle are ignored', () => {
    expect(decodeCodeCache(encodeCodeCache(bytes, BUILD), 'ffffffffffffffffffffffffffffffff')).toBe(
      'invalid: made for another build of the bundle',
    );
    expect(decodeCodeCache(encodeCodeCache(bytes, BUILD), undefined)).toBe('invalid: the bundle has no build id');
  });

  it('made by another Node are ignored', () => {
    const file = encodeCodeCache(bytes, BUILD).toString('latin1').replace(process.version, 'v0.0.1');
    expect(decodeCodeCache(Buffer.from(file, 'latin1'), BUILD)).toMatch(/^invalid: made by Node v0\.0\.1 /);
  });

  it('damaged, truncated or foreign are ignored', () => {
    const damaged = encodeCodeCache(bytes, BUILD);
    damaged[damaged.length - 100]! ^= 1;
    expect(decodeCodeCache(damaged, BUILD)).toBe('invalid: damaged (CRC-32 differs)');
    const whole = encodeCodeCache(bytes, BUILD);
    expect(decodeCodeCache(whole.subarray(0, whole.length - 1), BUILD)).toBe('invalid: truncated');
    expect(decodeCodeCache(Buffer.from('#!/bin/sh\necho hello\n'), BUILD)).toBe('invalid: not a code cache file');
    expect(decodeCodeCache(Buffer.alloc(0), BUILD)).toBe('invalid: not a code cache file');
    const badHeader = Buffer.from(whole.toString('latin1').replace('{"build"', '{build'), 'latin1');
    expect(decodeCodeCache(badHeader, BUILD)).toBe('invalid: unreadable header');
  });

  it("take the bundle's build id from its last line", () => {
    expect(buildIdOf(`(function () {})${BUILD_ID_MARK}${BUILD}\n`)).toBe(BUILD);
    expect(buildIdOf('(function () {})\n')).toBeUndefined();
    expect(buildIdOf(`(function () {})${BUILD_ID_MARK}not-hex\n`)).toBeUndefined();
  });
});

/**
 * The built bin, copied with the parts it runs (package.json, bin/, the bundle, the launcher and the
 * word index) into a folder of its own, where its cache can be replaced.
 */
describe.runIf(canCheck)('the bin with a bad code cache', () => {
  let copy: string;
  const cacheFile = () => path.join(copy, 'dist', 'clean-article.cjs.cache');
  const runCopy = () =>
    spawnSync(process.execPath, [path.join(copy, 'bin', 'clean-article.js'), fixture('statesman')], {
      encoding: 'utf8',
    });
  const launcher = () => JSON.stringify(pathToFileURL(path.join(copy, 'dist', 'cli', 'launch.js')).href);
  const cacheStatus = () =>
    spawnSync(
      process.execPath,
      ['--input-type=module', '-e', `import { loadCli } from ${launcher()}; process.stdout.write(loadCli().cache);`],
      { encoding: 'utf8' },
    ).stdout;
  /** What the launcher says of the worker's cache, in a worker thread as the pool starts it. */
  const workerCacheStatus = () =>
    spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { Worker } from 'node:worker_threads';
         const code = 'Promise.all([import("node:worker_threads"), import(' + ${JSON.stringify(launcher())} + ')]).then(([w, l]) => w.parentPort.postMessage(l.runWorker()))';
         const worker = new Worker(code, { eval: true, workerData: { format: 'text', clean: {}, words: [] } });
         worker.once('message', (status) => { process.stdout.write(status); worker.terminate(); });`,
      ],
      { encoding: 'utf8' },
    ).stdout;
  const workerCacheFile = () => path.join(copy, 'dist', 'worker.cjs.cache');

  beforeAll(() => {
    copy = fs.mkdtempSync(path.join(os.tmpdir(), 'clean-article-launch-'));
    for (const part of [
      'package.json',
      'bin/clean-article.js',
      'dist/clean-article.cjs',
      'dist/clean-article.cjs.cache',
      'dist/cli/launch.js',
      'dist/lexicon.bin',
      'dist/pairs.bin',
      'dist/worker.cjs',
      'dist/worker.cjs.cache',
    ]) {
      fs.mkdirSync(path.dirname(path.join(copy, part)), { recursive: true });
      fs.copyFileSync(path.join(repo, part), path.join(copy, part));
    }
  });
  afterAll(() => fs.rmSync(copy, { recursive: true, force: true }));

  it('uses the caches the build made, in the main thread and in a worker', () => {
    expect(cacheStatus()).toBe('used');
    expect(workerCacheStatus()).toBe('used');
  });

  it("ignores a damaged worker cache: a batch's outputs are the same", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'clean-article-launch-batch-'));
    const inputs = path.join(root, 'in');
    fs.mkdirSync(inputs);
    try {
      // UTF-8 ones: the copy has no node_modules, where iconv-lite (for Windows-1252) would come from.
      const names = FIXTURES.filter((name) => name !== 'windows-1252-crlf');
      for (const name of names) fs.copyFileSync(fixture(name), path.join(inputs, `${name}.txt`));
      const batch = (out: string) =>
        spawnSync(
          process.execPath,
          [path.join(copy, 'bin', 'clean-article.js'), inputs, '--out-dir', path.join(root, out), '-j', '2', '-q'],
          { encoding: 'utf8' },
        );
      expect(batch('good').status).toBe(0);
      const file = fs.readFileSync(workerCacheFile());
      file[file.length - 500]! ^= 0xff;
      fs.writeFileSync(workerCacheFile(), file);
      expect(workerCacheStatus()).toBe('invalid: damaged (CRC-32 differs)');
      const r = batch('damaged');
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(tree(path.join(root, 'damaged'))).toEqual(tree(path.join(root, 'good')));
      expect(Object.keys(tree(path.join(root, 'good')))).toHaveLength(names.length);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it.each([
    ['damaged', (file: Buffer) => ((file[file.length - 1000]! ^= 0xff), file), 'invalid: damaged (CRC-32 differs)'],
    ['truncated', (file: Buffer) => file.subarray(0, file.length >> 1), 'invalid: truncated'],
    ['garbage', () => Buffer.from('not a cache'), 'invalid: not a code cache file'],
    [
      'stale',
      (file: Buffer) => Buffer.from(file.toString('latin1').replace(/"build":"[0-9a-f]/, '"build":"z'), 'latin1'),
      'invalid: made for another build of the bundle',
    ],
  ])('ignores a %s cache and prints the same article', (_, spoil, status) => {
    fs.writeFileSync(cacheFile(), spoil(fs.readFileSync(path.join(repo, 'dist', 'clean-article.cjs.cache'))));
    expect(cacheStatus()).toBe(status);
    const r = runCopy();
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(expected('statesman'));
  });

  it('runs without a cache', () => {
    fs.rmSync(cacheFile(), { force: true });
    expect(cacheStatus()).toBe('missing');
    const r = runCopy();
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(expected('statesman'));
  });
});
