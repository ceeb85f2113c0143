import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../src/core/edits.js';
import { explain, explainEdits, formatExplanation, formatExplanationJson } from '../../src/report/explain.js';
import { cleanArticle } from '../../src/index.js';
import { readInputFile } from '../../src/io/files.js';
import { lineColumns, mapOffsetBack, mapOffsetsBack, originalOffsets } from '../../src/report/origin.js';
import { quoted, visible } from '../../src/report/visible.js';
import { evidence, makeEdit } from '../helpers.js';
import { repo } from './run.js';

const edit = makeEdit;

describe('mapOffsetsBack: an offset in a step’s output, back to its input', () => {
  // input "ab\r\ncd": CRLF -> LF gives "ab\ncd"
  const crlf = [edit(2, '\r\n', '\n')];
  // input "xx Header\nbody": the first line removed gives "body"
  const removal = [edit(0, 'xx Header\n', '')];
  // input "con-\ncerns here": the joined word moves down: "\nconcerns here"
  const join = [edit(0, 'con-\ncerns', '\nconcerns')];
  it.each([
    ['before any edit', crlf, 1, 1],
    ['at the start of a replacement', crlf, 2, 2],
    ['after a replacement that shrank', crlf, 3, 4],
    ['at the end of the text', crlf, 5, 6],
    ['right after a deletion', removal, 0, 10],
    ['inside a deletion’s surroundings', removal, 2, 12],
    ['inside the changed middle of an edit', join, 2, 0],
    ['in the common suffix of an edit', join, 7, 8],
    ['in the common suffix, last character', join, 8, 9],
  ])('%s', (_name, edits, offset, expected) => {
    expect(mapOffsetBack(offset, edits)).toBe(expected);
  });

  it('maps sorted offsets in one pass and keeps them sorted', () => {
    const edits = [edit(1, 'b', 'BB'), edit(3, 'de', '')];
    // input "abcdef" -> "aBBcf"
    expect(mapOffsetsBack([0, 1, 2, 3, 4, 5], edits)).toEqual([0, 1, 1, 2, 5, 6]);
  });

  it('maps through several steps to the original input', () => {
    // "a\r\nb\r\n" -(CRLF)-> "a\nb\n" -(join)-> "a b\n"
    const steps = [
      { edits: [edit(1, '\r\n', '\n'), edit(4, '\r\n', '\n')] },
      { edits: [edit(1, '\n', ' ')] },
      { edits: [edit(3, '\n', '')] },
    ];
    expect(originalOffsets(steps)).toEqual([[1, 4], [1], [4]]);
  });
});

describe('lineColumns', () => {
  it.each([
    ['first character', 'abc', 0, { line: 1, col: 1 }],
    ['after LF', 'ab\ncd', 3, { line: 2, col: 1 }],
    ['CRLF is one break', 'ab\r\ncd', 5, { line: 2, col: 2 }],
    ['inside CRLF is the line end', 'ab\r\ncd', 3, { line: 1, col: 4 }],
    ['a lone CR breaks a line', 'ab\rcd', 3, { line: 2, col: 1 }],
    ['a form feed does not', 'ab\fcd', 3, { line: 1, col: 4 }],
    ['columns count code points', '😀x', 2, { line: 1, col: 2 }],
    ['the end of the text', 'ab\n', 3, { line: 2, col: 1 }],
  ])('%s', (_name, text, offset, expected) => {
    expect(lineColumns(text, [offset])).toEqual([expected]);
  });
});

describe('visible', () => {
  it.each([
    ['line feed', 'a\nb', 'a⟨LF⟩b'],
    ['CRLF', '\r\n', '⟨CR⟩⟨LF⟩'],
    ['no-break space', 'a\u00A0b', 'a⟨NBSP⟩b'],
    ['soft hyphen', 'of\u00ADfice', 'of⟨SHY⟩fice'],
    ['zero-width space', '\u200B', '⟨ZWSP⟩'],
    ['an unnamed control', '\u0007', '⟨U+0007⟩'],
    ['an em space', '\u2003', '⟨U+2003⟩'],
    ['plain text and spaces stay', 'a b’c', 'a b’c'],
    ['a lone combining mark', '\u0301', '⟨U+0301⟩'],
  ])('%s', (_name, input, expected) => {
    expect(visible(input)).toBe(expected);
  });

  it('quotes with escaped quotes and backslashes', () => {
    expect(quoted('say "hi"\\')).toBe('"say \\"hi\\"\\\\"');
  });
});

/** A text with damage for many transforms, CRLF line ends and furniture. */
const MULTI =
  'The Daily Herald\r\n\r\nIraqâ€™s oﬃcials have con-\r\ncerns about the\u00A0efffforts .\r\n\r\nSee BUDGET, B4\r\n';

describe('explainEdits', () => {
  it('locates every edit of a multi-transform run in the original input', () => {
    const result = cleanArticle(MULTI, { evidence });
    expect(result.text).toBe('Iraq’s officials have concerns about the efforts.');
    const rows = explainEdits(MULTI, result.steps).map((e) => `${e.line}:${e.col} ${e.transform}/${e.rule}`);
    expect(rows).toEqual([
      '3:5 mojibake/utf8-as-cp1252',
      '1:17 unicode/line-break',
      '2:1 unicode/line-break',
      '3:11 unicode/ligature-char',
      '3:27 unicode/line-break',
      '4:16 unicode/space',
      '4:28 unicode/line-break',
      '5:1 unicode/line-break',
      '6:15 unicode/line-break',
      '1:1 boilerplate/masthead',
      '2:1 boilerplate/gap',
      '5:1 boilerplate/gap',
      '6:1 boilerplate/jump-out',
      '4:17 ligatures/repeated-group',
      '3:22 hyphens/line-end',
      '4:26 punctuation-spacing/space-before',
      '3:22 unwrap/join-lines',
      '4:28 whitespace/trim',
    ]);
  });

  it('an edit whose text no earlier transform touched points at that text in the original', () => {
    const result = cleanArticle(MULTI, { evidence });
    const explained = explainEdits(MULTI, result.steps);
    for (const rule of ['repeated-group', 'space-before', 'utf8-as-cp1252', 'ligature-char']) {
      const e = explained.find((x) => x.rule === rule)!;
      expect(MULTI.startsWith(e.before, e.offset), rule).toBe(true);
    }
  });

  it('formats one line per edit with visible invisibles, after the decoding and source', () => {
    const result = cleanArticle(MULTI, { evidence });
    const text = formatExplanation(
      explain(MULTI, result, { decoding: { encoding: 'utf-8', reason: 'valid UTF-8' }, config: 'my.json' }),
    );
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe('encoding: utf-8 (valid UTF-8)');
    expect(lines[1]).toBe('config: my.json');
    expect(lines[2]).toBe('source: pdftotext (detected: ligature character "ﬃ" on line 3)');
    expect(lines).toContain('4:16  unicode/space                     "⟨NBSP⟩" -> " "  (no-break or fixed-width space)');
    expect(lines).toContain(
      '3:22  hyphens/line-end                  " con-⟨LF⟩cerns" -> "⟨LF⟩concerns"  ("concerns" is a word)',
    );
    // The JSON form has all 18; the text leaves out the final line break the format writes again.
    expect(lines.at(-1)).toBe('17 edits');
    expect(lines.some((l) => l.includes('whitespace/trim'))).toBe(false);
  });

  it('says so when there is nothing to do', () => {
    const result = cleanArticle('Fine text.', { evidence });
    expect(formatExplanation(explain('Fine text.', result))).toBe(
      'source: generic (detected: no sign of a PressReader, pdftotext or historic OCR source)\nno edits\n',
    );
  });

  it('JSON has line, col, transform, rule, before, after and reason for every edit', () => {
    const result = cleanArticle(MULTI, { evidence });
    const json = JSON.parse(formatExplanationJson(explain(MULTI, result)));
    expect(json.source).toEqual({ preset: 'pdftotext', detected: true, reason: 'ligature character "ﬃ" on line 3' });
    expect(json.edits).toHaveLength(18);
    expect(json.edits[0]).toEqual({
      line: 3,
      col: 5,
      offset: 24,
      transform: 'mojibake',
      rule: 'utf8-as-cp1252',
      before: 'â€™',
      after: '’',
      reason: 'UTF-8 read as Windows-1252, badness 3 -> 0 (this part of the line only)',
    });
  });
});

describe.each(
  fs.readdirSync(path.join(repo, 'fixtures')).filter((d) => fs.existsSync(path.join(repo, 'fixtures', d, 'input.txt'))),
)('fixture %s', (name) => {
  const input = readInputFile(path.join(repo, 'fixtures', name, 'input.txt')).text;
  const result = cleanArticle(input, { evidence });

  it('recorded edits, replayed on each transform’s input, reproduce its output', () => {
    let text = input;
    for (const step of result.steps) text = applyEdits(text, step.edits);
    expect(text).toBe(result.text);
  });

  it('every edit is located inside the input, and edits of a step in order', () => {
    const explained = explainEdits(input, result.steps);
    expect(explained).toHaveLength(result.edits.length);
    const lines = input.split(/\r\n|\r|\n/);
    for (const e of explained) {
      expect(e.offset).toBeGreaterThanOrEqual(0);
      expect(e.offset).toBeLessThanOrEqual(input.length);
      expect(e.line).toBeLessThanOrEqual(lines.length);
      expect(e.col).toBeLessThanOrEqual([...lines[e.line - 1]!].length + 2);
    }
    for (const step of originalOffsets(result.steps)) expect([...step].sort((a, b) => a - b)).toEqual(step);
  });

  it('edits of the first transform that changed anything point at their own text', () => {
    const first = result.steps.find((s) => s.edits.length > 0);
    if (!first) return;
    const explained = explainEdits(input, result.steps).filter((e) => e.transform === first.transform);
    for (const e of explained) expect(input.startsWith(e.before, e.offset)).toBe(true);
  });
});
