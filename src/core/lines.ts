/** Small text helpers shared by transforms and the segmenter. */

export interface Line {
  /** Line text without its line break. */
  text: string;
  /** Offset of the first character. */
  start: number;
  /** Offset just past the line text (the `\n`, or the end of the input). */
  end: number;
}

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (;;) {
    const end = text.indexOf('\n', start);
    if (end === -1) {
      lines.push({ text: text.slice(start), start, end: text.length });
      return lines;
    }
    lines.push({ text: text.slice(start, end), start, end });
    start = end + 1;
  }
}

/** A line with its line break (the last line has none): what removing the line removes. */
export const lineWithBreak = (text: string, line: Line): string =>
  text.slice(line.start, Math.min(line.end + 1, text.length));

export const isBlank = (line: string): boolean => !/\S/.test(line);

/** A section break: one mark three times or more, spaced or not (`* * *`, `***`, `• • •`, `⁂`). */
const SEPARATOR = /^(?:([*•·~=_-])(?:\s*\1){2,}|⁂)$/;

/** `line` (trimmed or not) is a section break (`* * *`): a line of its own between paragraphs. */
export const isSeparatorLine = (line: string): boolean => SEPARATOR.test(line.trim());

/** A section break of stars or bullets (`* * *`, `• • •`, `⁂`), not of rules (`---`, `===`, which may be text). */
export const isAsterism = (line: string): boolean => isSeparatorLine(line) && /^[*•·⁂]/.test(line.trim());

/** Closing quotes and brackets that may follow a sentence's last mark. */
const CLOSERS = /[”’"')\]»]+$/u;
/** Marks that end a sentence. */
const TERMINAL = /[.!?…:;]$/u;

/** The line ends a sentence: a terminal mark, possibly followed by closing quotes or brackets. */
export function endsSentence(line: string): boolean {
  return TERMINAL.test(line.trimEnd().replace(CLOSERS, ''));
}

/** Letters in `s` that are uppercase, as a share of all letters (0 when there are none). */
export function upperShare(s: string): number {
  let letters = 0;
  let upper = 0;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code < 128) {
      if (code >= 65 && code <= 90) {
        letters++;
        upper++;
      } else if (code >= 97 && code <= 122) letters++;
      continue;
    }
    const c = s.charAt(i);
    const lower = c.toLowerCase();
    const up = c.toUpperCase();
    if (lower === up) continue; // not a cased letter
    letters++;
    if (c === up) upper++;
  }
  return letters === 0 ? 0 : upper / letters;
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

/** A block of text between blank lines, trimmed, with the offset of its first character. */
export interface Block {
  text: string;
  start: number;
}

/** The blocks of `text` (lines between blank lines), trimmed; blank ones left out. */
export function blocksOf(text: string): Block[] {
  const blocks: Block[] = [];
  const separator = /\n[ \t]*\n/g;
  let start = 0;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    const trimmed = raw.trim();
    if (trimmed !== '') blocks.push({ text: trimmed, start: start + raw.indexOf(trimmed) });
  };
  for (const m of text.matchAll(separator)) {
    push(m.index);
    start = m.index + m[0].length;
  }
  push(text.length);
  return blocks;
}
