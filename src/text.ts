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

export const isBlank = (line: string): boolean => line.trim() === '';

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
  const letters = s.match(/\p{L}/gu) ?? [];
  if (letters.length === 0) return 0;
  return letters.filter((c) => c !== c.toLowerCase() && c === c.toUpperCase()).length / letters.length;
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}
