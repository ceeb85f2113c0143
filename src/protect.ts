/**
 * Protected spans: text no word-level transform may edit. URLs, e-mail addresses and bare domain
 * names are protected by default; users add their own patterns (configuration `protect`).
 */

/** Built-in patterns, case-insensitive, without Unicode classes (cheap to run on every input). */
export const BUILT_IN_PROTECT: readonly RegExp[] = [
  /\b(?:https?:\/\/|ftp:\/\/|www\.)[^\s<>"“”]+/gi,
  /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g,
  /\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|gov|edu|info|biz|io|co|us|uk|ca|au|de|fr)\b(?:\/[^\s<>"“”]*)?/gi,
];

/** Sorted, merged [start, end) pairs of everything `patterns` match in `text`. */
export function protectedSpans(text: string, extra: readonly RegExp[] = []): number[] {
  const spans: [number, number][] = [];
  for (const pattern of [...BUILT_IN_PROTECT, ...extra]) {
    const global = pattern.global ? pattern : new RegExp(pattern.source, `${pattern.flags}g`);
    for (const m of text.matchAll(global)) if (m[0] !== '') spans.push([m.index, m.index + m[0].length]);
  }
  spans.sort((a, b) => a[0] - b[0]);
  const merged: number[] = [];
  for (const [start, end] of spans) {
    const last = merged.length - 1;
    if (last > 0 && start <= merged[last]!) merged[last] = Math.max(merged[last]!, end);
    else merged.push(start, end);
  }
  return merged;
}
