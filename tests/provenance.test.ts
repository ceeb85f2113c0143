import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withProvenance, type Provenance } from '../src/render/provenance.js';
import { fixture, repo, run } from './run.js';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clean-article-provenance-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const { version } = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8')) as { version: string };

describe('--provenance', () => {
  it('adds to JSON the tool version, the preset and encoding with their reasons, and the input SHA-256', async () => {
    const input = fixture('windows-1252-crlf');
    const plain = JSON.parse((await run([input, '-f', 'json'])).stdout) as Record<string, unknown>;
    const r = await run([input, '-f', 'json', '--provenance']);
    expect(r.code).toBe(0);
    const { provenance, ...rest } = JSON.parse(r.stdout) as { provenance: Provenance };
    expect(rest).toEqual(plain);
    expect(provenance).toEqual({
      tool: 'clean-article',
      version,
      preset: plain.source,
      presetReason: expect.stringMatching(/^detected: /),
      encoding: 'windows-1252',
      encodingReason: expect.stringMatching(/not valid UTF-8/),
      inputSha256: sha(input),
    });
  });

  it('adds a provenance map to the Markdown front matter and changes nothing else', async () => {
    const input = fixture('statesman');
    const plain = (await run([input, '-f', 'markdown'])).stdout;
    const r = await run([input, '-f', 'markdown', '--provenance', '--preset', 'pressreader']);
    const front = r.stdout.slice(0, r.stdout.indexOf('\n---\n'));
    expect(front).toContain(`provenance:\n  tool: "clean-article"\n  version: "${version}"\n  preset: "pressreader"\n`);
    expect(front).toContain(`  input_sha256: "${sha(input)}"`);
    expect(r.stdout.replace(/provenance:\n( {2}.*\n)+/, '')).toBe(plain);
    // Without front matter of its own, the article gets one.
    const bare = await run(['-f', 'markdown', '--provenance'], 'just a sentence.\n');
    expect(bare.stdout).toMatch(/^---\nprovenance:\n {2}tool: "clean-article"\n[^]*\n---\n\njust a sentence\.\n$/);
    expect(bare.stdout).toContain(`input_sha256: "${createHash('sha256').update('just a sentence.\n').digest('hex')}"`);
  });

  it("puts it under the article key of a JSON Lines record, leaving the record's own fields as they were", async () => {
    const line = '{"id": 7, "text": "Iraqâ€™s  army .", "provenance": "mine", "n": 12345678901234567890}\n';
    const plain = (await run(['--jsonl'], line)).stdout;
    const r = await run(['--jsonl', '--provenance'], line);
    expect(r.code).toBe(0);
    const cut = (out: string) => out.slice(0, out.indexOf(',"article":'));
    expect(cut(r.stdout)).toBe(cut(plain));
    const record = JSON.parse(r.stdout) as { provenance: string; article: { provenance: Provenance } };
    expect(record.provenance).toBe('mine');
    expect(record.article.provenance).toMatchObject({ tool: 'clean-article', version, preset: 'generic' });
    expect(record.article.provenance.inputSha256).toBeUndefined();
  });

  it('carries it in every output of a batch, and in the review page', async () => {
    const out = path.join(dir, 'out');
    const page = path.join(dir, 'r.html');
    const inputs = [fixture('statesman'), fixture('historic-column')];
    const r = await run([...inputs, '--out-dir', out, '-f', 'json', '--provenance', '--review', page, '-j', '2', '-q']);
    expect(r.code).toBe(0);
    for (const name of ['statesman', 'historic-column']) {
      const input = fixture(name);
      const json = JSON.parse(fs.readFileSync(path.join(out, name, 'input.json'), 'utf8')) as {
        provenance: Provenance;
      };
      expect(json.provenance.inputSha256).toBe(sha(input));
      expect(fs.readFileSync(page, 'utf8')).toContain(`"inputSha256":"${sha(input)}"`);
    }
  });

  it('is refused where it has no place: plain text', async () => {
    const r = await run([fixture('statesman'), '--provenance']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--provenance: plain text has no place for it/);
  });

  it('leaves plain text as it is when asked through the library function', () => {
    const p: Provenance = { tool: 't', version: '1', preset: 'generic', presetReason: 'asked for' };
    expect(withProvenance('text\n', 'text', p)).toBe('text\n');
    expect(withProvenance('', 'markdown', p)).toBe(
      '---\nprovenance:\n  tool: "t"\n  version: "1"\n  preset: "generic"\n  preset_reason: "asked for"\n---\n',
    );
  });
});

describe('--provenance with TEI', () => {
  it('adds a paragraph to the header saying tool, preset, encoding and input SHA-256, as well-formed XML', async () => {
    const input = fixture('windows-1252-crlf');
    const plain = (await run([input, '-f', 'tei'])).stdout;
    const r = await run([input, '-f', 'tei', '--provenance']);
    expect(r.code).toBe(0);

    expect(r.stdout).toContain(`<p>Provenance: clean-article ${version}; preset `);
    expect(r.stdout).toContain(`input SHA-256 ${sha(input)}.</p>`);
    const paragraph = /\n\s*<p>Provenance: [^<]*<\/p>/.exec(r.stdout)![0];
    expect(r.stdout.replace(paragraph, '')).toBe(plain);
    expect(r.stdout.indexOf(paragraph)).toBeLessThan(r.stdout.indexOf('</encodingDesc>'));
  });
});
