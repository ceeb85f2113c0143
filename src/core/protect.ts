/**
 * Protected spans: text no word-level transform may edit. URLs, e-mail addresses and bare domain
 * names are protected by default; users add their own patterns (configuration `protect`).
 *
 * The built-in spans are found from cheap anchors (`://`, `www.`, `@`, a top-level domain) and
 * extended by character class, so that a document without any costs one quick scan.
 */

/** A URL's start: a scheme or `www.`. */
const URL_START = /\b(?:https?|ftp):\/\/|\bwww\./gi;
/** A top-level domain after a dot, ending a host name. */
const TLD = /\.(?:com|org|net|gov|edu|info|biz|io|co|us|uk|ca|au|de|fr)\b/gi;
/** Characters of a URL (anything up to white space, angle brackets or quotes). */
const URL_CHAR = /[^\s<>"“”]/;
/** Characters of a host name or the local part of an e-mail address. */
const HOST_CHAR = /[\w.+-]/;
/** Punctuation that ends a sentence after a URL rather than belonging to it. */
const TRAILING = /[.,;:!?)'’”]+$/;

function extendRight(text: string, i: number, char: RegExp): number {
  while (i < text.length && char.test(text.charAt(i))) i++;
  return i;
}

function extendLeft(text: string, i: number, char: RegExp): number {
  while (i > 0 && char.test(text.charAt(i - 1))) i--;
  return i;
}

/** End of a URL-like span starting at `start`, without trailing sentence punctuation. */
function urlEnd(text: string, start: number): number {
  const end = extendRight(text, start, URL_CHAR);
  const trailing = TRAILING.exec(text.slice(start, end));
  return trailing ? end - trailing[0].length : end;
}

function builtInSpans(text: string, spans: [number, number][]): void {
  for (const m of text.matchAll(URL_START)) spans.push([m.index, urlEnd(text, m.index)]);
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    const start = extendLeft(text, at, HOST_CHAR);
    const end = extendRight(text, at + 1, HOST_CHAR);
    if (start < at && text.slice(at + 1, end).includes('.')) spans.push([start, end]);
  }
  for (const m of text.matchAll(TLD)) {
    const start = extendLeft(text, m.index, HOST_CHAR);
    if (start === m.index) continue;
    const end = text.charAt(m.index + m[0].length) === '/' ? urlEnd(text, m.index) : m.index + m[0].length;
    spans.push([start, end]);
  }
}

/**
 * Sorted, merged [start, end) pairs of the built-in spans and everything `extra` matches in `text`.
 * A run asks once per text (`RunContext.protectedSpans`).
 */
export function protectedSpans(text: string, extra: readonly RegExp[] = []): readonly number[] {
  return findSpans(text, extra);
}

function findSpans(text: string, extra: readonly RegExp[]): number[] {
  const spans: [number, number][] = [];
  builtInSpans(text, spans);
  for (const pattern of extra) {
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
