import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CollectionWords,
  Evidence,
  UsageError,
  cleanArticle,
  countCollectionPart,
  countCollectionWords,
  mergeCollectionCounts,
  runPipeline,
} from '../src/index.js';
import { evidence as source } from './helpers.js';
import { run, tree, writeTree } from './run.js';

// Three short pages of one newspaper's run: the ship's name, a name in capitals and `to-day` recur.
const PAGES = [
  'The steamer Glengyle left the wharf to-day with a cargo of wool for MR. GORMAN.\n',
  'MR. GORMAN said to-day that the Glengyle would sail on Monday with the mails.\n',
  'A letter from MR. GORMAN about the Glengyle was read to-day by the agent here.\n',
];

/** `text` cleaned as one page of `PAGES` plus itself, with the historic-OCR preset. */
const inBatch = (text: string) =>
  cleanArticle(text, { preset: 'chronam', collection: countCollectionWords([...PAGES, text]) });
const alone = (text: string) => cleanArticle(text, { preset: 'chronam' });

describe('collection word counts', () => {
  it('counts each form once per document that writes it, and how often in all, keeping forms two documents write', () => {
    const c = countCollectionWords(['The Glengyle, the Glengyle.', 'GLENGYLE to-day', 'the wharf']);
    expect(c.documents).toBe(3);
    expect(c.documentsWriting('glengyle')).toBe(2);
    expect(c.occurrences('glengyle')).toBe(3);
    expect(c.documentsWriting('the')).toBe(2);
    // One document writes these: that document's own evidence, not the collection's.
    expect(c.documentsWriting('wharf')).toBe(0);
    expect(c.documentsWriting('to-day')).toBe(0);
    expect(countCollectionWords(['to-day', 'TO-DAY and', 'x']).documentsWriting('to-day')).toBe(2);
  });

  it('does not depend on the order the documents were counted in, and survives the trip to a worker', () => {
    const a = countCollectionWords(PAGES);
    const b = CollectionWords.fromData(structuredClone(countCollectionWords([...PAGES].reverse()).toData()));
    for (const form of ['glengyle', 'gorman', 'to-day', 'the', 'wool', 'nothing']) {
      expect([b.documentsWriting(form), b.occurrences(form)], form).toEqual([
        a.documentsWriting(form),
        a.occurrences(form),
      ]);
    }
    expect(b.size).toBe(a.size);
  });

  it('sums the counts of parts counted apart (a cluster job), in any order, as if counted in one place', () => {
    const texts = [...PAGES, 'The Glengyle sailed to-day.', 'A wharf, and another wharf.', 'The wharf.'];
    const whole = countCollectionWords(texts);
    // Counted in parts whose documents each write a form once: the merge must still see two documents.
    const parts = [texts.slice(0, 2), texts.slice(2, 4), texts.slice(4)].map((part) =>
      structuredClone(countCollectionPart(part)),
    );
    for (const merged of [mergeCollectionCounts(parts), mergeCollectionCounts([...parts].reverse())]) {
      expect(merged.documents).toBe(whole.documents);
      expect(merged.size).toBe(whole.size);
      expect(merged.signs).toEqual(whole.signs);
      for (const form of ['glengyle', 'gorman', 'to-day', 'wharf', 'steamer', 'the']) {
        expect([merged.documentsWriting(form), merged.occurrences(form)], form).toEqual([
          whole.documentsWriting(form),
          whole.occurrences(form),
        ]);
      }
    }
    expect(whole.documentsWriting('wharf')).toBe(3); // once in the first part, twice in the last
  });

  it('counts for a document only the other documents that write a word', () => {
    const text = 'The Glengyle sailed.';
    const evidence = new Evidence(source, text, countCollectionWords([...PAGES, text]));
    expect(evidence.collected('Glengyle')).toBe(3);
    expect(evidence.collectedCount('glengyle')).toBe(3);
    expect(evidence.collected('gorman')).toBe(3);
    expect(evidence.collectionWrites('glengyle')).toBe(true);
    expect(evidence.collected('steamer')).toBe(0); // one other page writes it: below the collection's count
    expect(new Evidence(source, text).collected('glengyle')).toBe(0);
  });

  it('is refused in the library when it is not made by countCollectionWords', () => {
    expect(() => cleanArticle('text', { collection: { documents: 2 } as never })).toThrow(UsageError);
    expect(() => cleanArticle('text', { collection: { documents: 2 } as never })).toThrow(/options\.collection/);
    expect(() => countCollectionWords([42 as never])).toThrow(UsageError);
  });
});

describe('collection evidence: repairs', () => {
  it('joins a name cut at a line end with no hyphen when the other pages write it whole, and says so', () => {
    const text =
      'The ship came in from the south with wool and wheat, and the Glen\ngyle arrived from the north with coal for the merchants of the town.\n';
    expect(alone(text).text).not.toContain('Glengyle');
    const result = inBatch(text);
    expect(result.text).toContain('the Glengyle arrived');
    const join = result.edits.find((e) => e.transform === 'hyphens' && e.after.includes('Glengyle'));
    expect(join?.reason).toMatch(/"glengyle" is written in 3 other documents of the collection/);
  });

  it("keeps a line-end hyphen in the collection's spelling (to-day), which a page alone would join", () => {
    const text =
      'We arrived at the mine yesterday and we were told that the men would go down to-\nday and work on the new shaft below the hill at the river.\n';
    expect(alone(text).text).toContain('go down today and');
    const result = inBatch(text);
    expect(result.text).toContain('go down to-day and');
    expect(result.edits.find((e) => e.transform === 'hyphens')?.reason).toMatch(
      /0 other documents of the collection write "today", 3 "to-day"/,
    );
  });

  it('keeps a name in capitals the other pages write, which a page alone would correct into a word', () => {
    const text = 'THE MEETING OF GORMAN, AND THE BOARD OF TRADE WAS HELD\n';
    expect(alone(text).text).toContain('GERMAN');
    expect(inBatch(text).text).toContain('OF GORMAN,');
  });
});

describe('collection evidence: the source', () => {
  // Short OCR paragraphs: each misreads one common word, too few signs for one paragraph alone.
  const paragraphs = [
    'The council met on Monday and tbe mayor spoke of the new bridge over the river.',
    'A fire broke out in the store aud the men of the brigade were soon at work there.',
    'The ship arrived from London with wool and wheat for tbe merchants of the town.',
    'The school was opened by the governor, aud the children sang to the visitors.',
  ];

  it('detects historic OCR from the signs of the whole collection when no document shows enough alone', () => {
    const collection = countCollectionWords(paragraphs);
    expect(collection.signs).toMatchObject({ signs: 4 });
    for (const text of paragraphs) {
      expect(cleanArticle(text).source.preset).toBe('generic');
      const { source } = cleanArticle(text, { collection });
      expect(source.preset).toBe('chronam');
      expect(source.reason).toMatch(
        /^the collection shows OCR misreadings of common words \(4 in \d+ words of 4 documents\)$/,
      );
    }
    expect(cleanArticle(paragraphs[0]!, { collection }).text).toContain('and the mayor spoke');
  });

  it('leaves a collection of clean text generic, and a document with a sign of its own decided by it', () => {
    const clean = paragraphs.map((p) => p.replace(/\btbe\b/g, 'the').replace(/\baud\b/g, 'and'));
    const collection = countCollectionWords(clean);
    for (const text of clean) expect(cleanArticle(text, { collection }).source.preset).toBe('generic');
    const page = 'Page 1 of 2\fThe council met on Monday.';
    const withOcr = countCollectionWords([...paragraphs, page]);
    expect(cleanArticle(page, { collection: withOcr }).source.preset).toBe('pdftotext');
  });
});

describe('collection evidence: must not change', () => {
  it('leaves correct text as a page alone leaves it', () => {
    for (const text of [
      'It is well-known that he went in to the house on the U.S.-led mission.\n',
      'See https://example.com/Glengyle and chapter XIV, sec. 4, of the report by Mr. Smith.\n',
      'The steamer left the wharf to-day with a cargo of wool.\n',
    ]) {
      expect(inBatch(text).text, text).toBe(alone(text).text);
    }
  });

  it('does not make a common word the other pages write a repair for a name (Gorman stays, German written everywhere)', () => {
    const pages = [1, 2, 3].map((i) => `The German consul spoke at meeting ${i}; the German ship sailed.\n`);
    const text = 'The meeting was held, and Gorman said that the price of wool and wheat had fallen.\n';
    const collection = countCollectionWords([...pages, text]);
    expect(cleanArticle(text, { preset: 'chronam', collection }).text).toContain('Gorman said');
  });

  it('does not keep a glued pair the other pages also glue (ofthe is no spelling)', () => {
    const pages = [1, 2, 3].map((i) => `the end ofthe line ${i} and the rest ofthe day\n`);
    const text = 'He came to the end ofthe road and went home.\n';
    const collection = countCollectionWords([...pages, text]);
    const { text: out } = runPipeline(text, { only: ['split-words'], evidence: source, collection });
    expect(out).toContain('end of the road');
  });
});

describe('--collection-words', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clean-article-collection-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const page =
    'The ship came in from the south with wool and wheat, and the Glen\ngyle arrived from the north with coal for the merchants of the town.\n';

  it('cleans a batch with the words of all its files, the same for any --jobs', async () => {
    const inDir = path.join(dir, 'in');
    writeTree(inDir, {
      'p1.txt': PAGES[0]!,
      'p2.txt': PAGES[1]!,
      'sub/p3.txt': PAGES[2]!,
      'sub/p4.txt': page,
      'bad.txt': Buffer.from([0, 1, 2, 0, 0, 0, 3, 4]),
    });
    const one = await run([inDir, '--out-dir', path.join(dir, 'one'), '--collection-words', '--jobs', '1']);
    const two = await run([inDir, '--out-dir', path.join(dir, 'two'), '--collection-words', '--jobs', '2']);
    const plain = await run([inDir, '--out-dir', path.join(dir, 'plain'), '--jobs', '1']);
    // The unreadable file is reported once, by the cleaning pass, and stops nothing.
    for (const r of [one, two]) {
      expect(r.code).toBe(1);
      expect(r.stderr.match(/bad\.txt/g)).toHaveLength(1);
      expect(r.stderr).toMatch(/--collection-words: counted 4 files; \d+ words are written by two or more/);
    }
    expect(tree(path.join(dir, 'two'))).toEqual(tree(path.join(dir, 'one')));
    expect(tree(path.join(dir, 'one'))['sub/p4.txt']).toContain('the Glengyle arrived');
    expect(tree(path.join(dir, 'plain'))['sub/p4.txt']).not.toContain('Glengyle');
    expect(plain.stderr).not.toMatch(/--collection-words/);
  });

  it('cleans a JSON Lines file with the words of all its records', async () => {
    const file = path.join(dir, 'in.jsonl');
    const records = [...PAGES, page].map((text, i) => JSON.stringify({ id: i, text }));
    fs.writeFileSync(file, `${records.join('\n')}\nnot json\n`);
    const r = await run(['--jsonl', file, '--collection-words', '--jobs', '1']);
    expect(r.code).toBe(1); // the malformed line
    const out = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: number; text: string });
    expect(out.map((o) => o.id)).toEqual([0, 1, 2, 3]);
    expect(out[3]!.text).toContain('the Glengyle arrived');
    expect(r.stderr).toMatch(/in\.jsonl: --collection-words: counted 4 records/);
    expect(r.stderr).toMatch(/line 5: not valid JSON/);
  });

  it('writes the counts to a file, and cleans a shard of the batch, one file or a stream with them as the whole batch would', async () => {
    const inDir = path.join(dir, 'in');
    writeTree(inDir, { 'p1.txt': PAGES[0]!, 'p2.txt': PAGES[1]!, 'p3.txt': PAGES[2]!, 'p4.txt': page });
    const counts = path.join(dir, 'counts.json');
    const whole = await run([
      inDir,
      '--out-dir',
      path.join(dir, 'whole'),
      '--collection-words',
      '--collection-words-out',
      counts,
      '-j',
      '1',
    ]);
    expect(whole.code).toBe(0);
    const data = JSON.parse(fs.readFileSync(counts, 'utf8')) as { documents: number; words: string[] };
    expect(data.documents).toBe(4);
    expect(data.words).toContain('glengyle');
    const expected = tree(path.join(dir, 'whole'))['p4.txt'];
    expect(expected).toContain('the Glengyle arrived');
    // The shard alone, the file alone, the record on stdin: the same cleaning, with the batch's counts.
    const shard = await run([
      path.join(inDir, 'p4.txt'),
      '--out-dir',
      path.join(dir, 'shard'),
      '--collection-words-from',
      counts,
    ]);
    expect(shard.code).toBe(0);
    expect(tree(path.join(dir, 'shard'))['p4.txt']).toBe(expected);
    const one = await run([path.join(inDir, 'p4.txt'), '--collection-words-from', counts]);
    expect(one.stdout).toBe(expected);
    const stream = await run(['--jsonl', '--collection-words-from', counts], `${JSON.stringify({ text: page })}\n`);
    expect((JSON.parse(stream.stdout) as { text: string }).text).toBe(expected);
  });

  it('refuses a counts file that is not one, and the flags that do not go together, before anything is written', async () => {
    const file = path.join(dir, 'a.txt');
    fs.writeFileSync(file, page);
    const bad = path.join(dir, 'bad.json');
    for (const [content, message] of [
      [
        '{"documents": 2, "words": ["Glengyle"], "counts": [3], "occurrences": [3]}',
        /"words" is not an array of lowercase words/,
      ],
      ['{"documents": 2, "words": ["a"], "counts": [1], "occurrences": [1]}', /"counts" is not a count of two or more/],
      ['[1, 2]', /not a JSON object/],
      ['{"documents": ', /not JSON/],
    ] as const) {
      fs.writeFileSync(bad, content);
      const r = await run([file, '--collection-words-from', bad]);
      expect(r.code, content).toBe(2);
      expect(r.stderr).toMatch(
        new RegExp(`^clean-article: --collection-words-from: ${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `),
      );
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe('');
    }
    const missing = await run([file, '--collection-words-from', path.join(dir, 'none.json')]);
    expect(missing.code).toBe(2);
    const inDir = path.join(dir, 'in');
    writeTree(inDir, { 'p1.txt': PAGES[0]!, 'p2.txt': page });
    const both = await run([
      inDir,
      '--out-dir',
      path.join(dir, 'o'),
      '--collection-words',
      '--collection-words-from',
      bad,
    ]);
    expect(both.stderr).toMatch(/--collection-words and --collection-words-from: choose one/);
    const alone = await run([
      inDir,
      '--out-dir',
      path.join(dir, 'o'),
      '--collection-words-out',
      path.join(dir, 'c.json'),
    ]);
    expect(alone.stderr).toMatch(/--collection-words-out: only with --collection-words/);
    const over = await run([
      inDir,
      '--out-dir',
      path.join(dir, 'o'),
      '--collection-words',
      '--collection-words-out',
      path.join(inDir, 'p1.txt'),
    ]);
    expect(over.code).toBe(2);
    expect(over.stderr).toMatch(/--collection-words-out .*p1\.txt: would be written over the input/);
    expect(fs.readFileSync(path.join(inDir, 'p1.txt'), 'utf8')).toBe(PAGES[0]);
    expect(fs.existsSync(path.join(dir, 'o'))).toBe(false);
  });

  it('is a usage error on one input, and on a JSON Lines stream it cannot read twice', async () => {
    const file = path.join(dir, 'a.txt');
    fs.writeFileSync(file, page);
    const one = await run([file, '--collection-words']);
    expect(one.code).toBe(2);
    expect(one.stderr).toMatch(
      /^clean-article: --collection-words: counts words across many inputs; only with a batch/,
    );
    const stdin = await run(['--jsonl', '--collection-words'], `${JSON.stringify({ text: page })}\n`);
    expect(stdin.code).toBe(2);
    expect(stdin.stderr).toMatch(/--collection-words: reads the JSON Lines input twice .*give a file, not stdin/);
    expect(stdin.stdout).toBe('');
  });
});
