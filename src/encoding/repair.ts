/**
 * The repair search: find text that is UTF-8 read with the wrong single-byte codec, and the reading
 * that undoes it. Pure: text in, repairs (with offsets, rule and reason) out.
 *
 * 1. **Scan** (one pass, early exit): a line is looked at only when it holds a lead character
 *    followed by a continuation character of the same codec (`Ã` + `©`), a lead before a space or
 *    `?` (a lost 0xA0 or byte), a C1 control or U+FFFD. Text without a character above U+007F
 *    returns before any table is built.
 * 2. **Whole line**: if every non-ASCII character of the line turns back into bytes of one codec and
 *    those bytes are all whole UTF-8 sequences, the line is a candidate reading; up to three layers
 *    are searched (UTF-8 read twice, or once as Windows-1251 and again as Windows-1252). The reading
 *    with the lowest badness wins, and only if it is lower than the line's own.
 * 3. **Part of a line**: a line can mix correct text and mojibake (`Classificação` beside
 *    `DivisÃ£o`). Then each run of whole sequences is decoded on its own, but only when the run alone
 *    has badness of at least `PART_EVIDENCE` (one unlikely pair is no evidence when the rest of the
 *    line reads as correct text: `DrÃ¥ber` stays) and decoding lowers the badness around it. A run
 *    never starts right after a stray continuation character: that is the middle of a garble, and
 *    decoding its tail would make it worse.
 * 4. **C1 controls** left over are Windows-1252 bytes read as Latin-1 (`\u0093` -> `“`), as a browser
 *    reads them.
 *
 * Do no harm: a line whose badness is 0 is never changed (`SELKÄ` + no-break space would read as
 * `SELKĠ`), and a reading that does not lower it is refused (`Ō¬o`, `√π`, `2012—∞`).
 */
import { CODEC_SOURCES } from './codec-list.js';
import { badness, isLoosePunctuation } from './badness.js';
import { getCodecs, scanMasks, UNENCODABLE, type Codec } from './codecs.js';
import { decodeSequence, isLead, type DecodeOptions } from './utf8.js';

/** Badness a run must have by itself to be decoded when the rest of its line reads as correct text. */
export const PART_EVIDENCE = 2;
/**
 * The same, once the line has had a repair with the same codec: the line itself is then evidence
 * (`Ä°yun` beside `OktÃ¢br`), as the same word elsewhere in a document is for word repairs.
 */
export const PART_EVIDENCE_SEEN = 1;
/** Layers of mis-decoding undone in one reading (`ÃƒÂ©` is two; three are seen in the wild). */
const MAX_LAYERS = 3;
/** Rounds over a line: a repaired run may need a second reading (double encoding), or make the whole line readable. */
const MAX_ROUNDS = 4;
/** Characters of context on each side of a run when its badness is measured. */
const CONTEXT = 2;

export interface Repair {
  /** Offsets in the input text, `[start, end)`. */
  start: number;
  end: number;
  after: string;
  /** `utf8-as-cp1252`, `utf8-as-latin1`, `utf8-twice`, `utf8-lossy`, `cesu8`, `c1-control`. */
  rule: string;
  reason: string;
}

interface Layer {
  id: string;
  name: string;
}

interface Decision {
  before: number;
  after: number;
  /** Only part of the line was decoded. */
  part: boolean;
}

/** One code point of a line, with where it came from in the input and how it was made. */
interface Unit {
  cp: number;
  start: number;
  end: number;
  layers: readonly Layer[];
  lossy: boolean;
  surrogates: boolean;
  space: boolean;
  c1?: boolean;
  decisions: readonly Decision[];
}

interface Seq {
  from: number;
  to: number;
  cp: number;
  lossy: boolean;
  surrogates: boolean;
  space: boolean;
  layer: Layer;
}

// ------------------------------------------------------------------------------------ scanning

/** Start offsets of the lines that hold a character worth a closer look. */
function suspiciousLines(text: string): number[] {
  if (!/[^\x00-\x7F]/.test(text)) return [];
  const { lead, continuation, takesSpace, candidates } = scanMasks();
  const starts: number[] = [];
  const scan = new RegExp(candidates.source, 'g');
  for (let m = scan.exec(text); m !== null; m = scan.exec(text)) {
    const i = m.index;
    const code = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    const codecs = lead[code]!;
    const suspicious =
      (code >= 0x80 && code <= 0x9f) ||
      code === 0xfffd ||
      (continuation[next]! & codecs) !== 0 ||
      (next === 0x20 && (takesSpace[code]! & 1) !== 0) ||
      (next === 0x3f && (takesSpace[code]! & 2) !== 0);
    if (!suspicious) {
      // Lead and continuation of different codecs: the continuation may lead a pair of its own.
      scan.lastIndex = i + 1;
      continue;
    }
    const start = text.lastIndexOf('\n', i) + 1;
    const end = text.indexOf('\n', i);
    starts.push(start);
    if (end === -1) break;
    scan.lastIndex = end;
  }
  return starts;
}

// --------------------------------------------------------------------------------------- units

const NONE: readonly never[] = Object.freeze([]);

/** The code points of `text[start, end)` and where each begins: a line, without an object per character. */
interface CodePoints {
  cp: Int32Array;
  at: Int32Array;
  length: number;
}

function codePointsOf(text: string, start: number, end: number): CodePoints {
  const cp = new Int32Array(end - start);
  const at = new Int32Array(end - start + 1);
  let n = 0;
  for (let i = start; i < end; n++) {
    const c = text.codePointAt(i)!;
    cp[n] = c;
    at[n] = i;
    i += c > 0xffff ? 2 : 1;
  }
  at[n] = end;
  return { cp, at, length: n };
}

/** Units for code points `[from, to)` of a line. */
function unitsOf(line: CodePoints, from: number, to: number): Unit[] {
  const units: Unit[] = [];
  for (let i = from; i < to; i++) {
    units.push({
      cp: line.cp[i]!,
      start: line.at[i]!,
      end: line.at[i + 1]!,
      layers: NONE,
      lossy: false,
      surrogates: false,
      space: false,
      decisions: NONE,
    });
  }
  return units;
}

const textOf = (units: readonly Unit[], from: number, to: number): string => {
  let s = '';
  for (let i = from; i < to; i++) s += String.fromCodePoint(units[i]!.cp);
  return s;
};

/**
 * Runs of non-ASCII characters, each with a single space or `?` inside or after it (a byte 0xA0
 * turned into a space, a lost byte turned into `?`): the only places a byte sequence can hide.
 */
function zonesOf(cp: (i: number) => number, length: number): [number, number][] {
  const zones: [number, number][] = [];
  let i = 0;
  while (i < length) {
    if (cp(i) < 0x80) {
      i++;
      continue;
    }
    const from = i;
    while (i < length) {
      if (cp(i) >= 0x80) i++;
      else if ((cp(i) === 0x20 || cp(i) === 0x3f) && cp(i - 1) >= 0x80) {
        i++;
        if (i >= length || cp(i) < 0x80) break;
      } else break;
    }
    zones.push([from, i]);
  }
  return zones;
}

/**
 * A zone with a little of the line around it: the unit of every decision, so that the work on a line
 * stays proportional to its length however many zones it has. `view` holds up to `CONTEXT` units
 * before the zone and `LOOKAHEAD` after it (the Portuguese contractions look ahead that far).
 */
interface Piece {
  view: Unit[];
  /** The zone in `view`. */
  from: number;
  to: number;
  /** The zone in the line, before any decision of this round. */
  lineFrom: number;
  lineTo: number;
  /** `view` begins at the start of the line; ends at its end. */
  atLineStart: boolean;
  atLineEnd: boolean;
}

const LOOKAHEAD = 6;

/**
 * The codecs (bits, as in `scanMasks`) in which `[from, to)` holds a lead character followed by a
 * continuation character, or a lead before a space or `?` that may stand for a lost byte: the scan's
 * test. A zone with none reads as UTF-8 in no codec, and takes no part in a decision.
 */
function codecsFor(cp: (i: number) => number, from: number, to: number): number {
  const { lead, continuation, takesSpace } = scanMasks();
  let bits = 0;
  for (let i = from; i < to - 1; i++) {
    const code = cp(i);
    if (code > 0xffff) continue;
    const codecs = lead[code]!;
    if (codecs === 0) continue;
    const next = cp(i + 1);
    if (next <= 0xffff) bits |= continuation[next]! & codecs;
    if ((next === 0x20 && (takesSpace[code]! & 1) !== 0) || (next === 0x3f && (takesSpace[code]! & 2) !== 0)) {
      bits |= codecs;
    }
  }
  return bits;
}

/** Only U+FFFD: a character already lost, which a reading of the whole line may leave as it is. */
const onlyLost = (cp: (i: number) => number, from: number, to: number): boolean => {
  for (let i = from; i < to; i++) if (cp(i) !== 0xfffd && cp(i) >= 0x80) return false;
  return true;
};

/** The zones of a line that may decode, and whether the line may read as UTF-8 as a whole (see `piecesOf`). */
function candidateZones(cp: (i: number) => number, length: number): { zones: [number, number][]; whole: boolean } {
  let whole = true;
  const zones = zonesOf(cp, length).filter(([from, to]) => {
    if (codecsFor(cp, from, to) !== 0) return true;
    if (!onlyLost(cp, from, to)) whole = false;
    return false;
  });
  return { zones, whole };
}

/** A piece for `[from, to)` of a line, its view made from `units(start, end)`. */
function pieceAt(units: (start: number, end: number) => Unit[], length: number, from: number, to: number): Piece {
  const start = Math.max(0, from - CONTEXT);
  return {
    view: units(start, Math.min(length, to + LOOKAHEAD)),
    from: from - start,
    to: to - start,
    lineFrom: from,
    lineTo: to,
    atLineStart: start === 0,
    atLineEnd: to + LOOKAHEAD >= length,
  };
}

/**
 * The pieces of a line: its zones that may decode. `whole`: every other zone is only U+FFFD, so the
 * line may read as UTF-8 as a whole; one stray non-ASCII character that no codec decodes means it cannot.
 */
function piecesOf(units: Unit[]): { pieces: Piece[]; whole: boolean } {
  const cp = (i: number): number => units[i]!.cp;
  const { zones, whole } = candidateZones(cp, units.length);
  const slice = (start: number, end: number): Unit[] => units.slice(start, end);
  return { pieces: zones.map(([from, to]) => pieceAt(slice, units.length, from, to)), whole };
}

/** The line with each piece's zone replaced by what it has become. */
function rebuild(units: readonly Unit[], pieces: readonly Piece[]): Unit[] {
  const out: Unit[] = [];
  let i = 0;
  for (const p of pieces) {
    while (i < p.lineFrom) out.push(units[i++]!);
    for (let k = p.from; k < p.to; k++) out.push(p.view[k]!);
    i = p.lineTo;
  }
  while (i < units.length) out.push(units[i++]!);
  return out;
}

/** Badness of `[from, to)` of a piece's view with `CONTEXT` characters on each side. */
function windowBadness(p: Piece, from = p.from, to = p.to): number {
  const start = Math.max(0, from - CONTEXT);
  const end = Math.min(p.view.length, to + CONTEXT);
  return badness(textOf(p.view, start, end), start === 0 && p.atLineStart, end === p.view.length && p.atLineEnd);
}

/** Badness of `[from, to)` with only its ASCII neighbours as context: the run judged by itself. */
function isolatedBadness(p: Piece, from: number, to: number): number {
  let start = from;
  while (start > 0 && from - start < CONTEXT && p.view[start - 1]!.cp < 0x80) start--;
  let end = to;
  while (end < p.view.length && end - to < CONTEXT && p.view[end]!.cp < 0x80) end++;
  return badness(textOf(p.view, start, end), start === 0 && p.atLineStart, end === p.view.length && p.atLineEnd);
}

const piecesBadness = (pieces: readonly Piece[]): number => pieces.reduce((sum, p) => sum + windowBadness(p), 0);

/** The piece with sequences of its zone decoded. */
function decodePiece(p: Piece, seqs: readonly Seq[]): Piece {
  const removed = seqs.reduce((n, s) => n + (s.to - s.from - 1), 0);
  return { ...p, view: applySeqs(p.view, seqs), to: p.to - removed };
}

// ------------------------------------------------------------------------------------ decoding

/** The Portuguese contractions `às`, `àquele`, `àquela`, `àquilo`: there the space after `Ã` was the 0xA0. */
const CONTRACTION = /^(?: |s[\s.,;:!?)]|s$|quel|quil)/;

function decodeOptions(units: readonly Unit[], offset: number, codec: Codec): DecodeOptions {
  return {
    // In MacRoman, `–` + space is D0 20: reading the space as 0xA0 would turn dashes into `Р`.
    spaceAsA0: codec.id !== 'macroman',
    spaceIsByte: (index) =>
      CONTRACTION.test(textOf(units, offset + index + 1, Math.min(units.length, offset + index + 6))),
  };
}

/**
 * The sequences of `[from, to)` read as bytes of `codec`. `chains`: a run may not start right after a
 * stray continuation character. `clean`: every non-ASCII character is part of a sequence.
 */
function decodeZone(
  units: readonly Unit[],
  from: number,
  to: number,
  codec: Codec,
  chains: boolean,
): { seqs: Seq[]; clean: boolean } {
  const tokens: number[] = [];
  let encodable = true;
  for (let i = from; i < to; i++) {
    const byte = codec.byteOf(units[i]!.cp);
    if (byte === UNENCODABLE) encodable = false;
    tokens.push(byte);
  }
  const options = decodeOptions(units, from, codec);
  const seqs: Seq[] = [];
  let covered = from;
  let clean = encodable;
  let lastEnd = -1;
  for (let i = from; i < to;) {
    const token = tokens[i - from]!;
    const startsHere = isLead(token) && (!chains || i === lastEnd || mayStartRun(units, i));
    let seq = startsHere ? decodeSequence(tokens, i - from, options) : undefined;
    // Decoding part of a line must give text; a whole-line reading may pass through a control on
    // its way to the next layer (`Â\u0081` in `ÃŒÂ\u0081` is U+0081, then `́`).
    if (seq && chains && IMPLAUSIBLE.test(String.fromCodePoint(seq.cp))) seq = undefined;
    if (seq) {
      const sources = units.slice(i, i + seq.length);
      const latin1 =
        codec.id === 'cp1252' &&
        sources.every((u) => u.cp <= 0xff) &&
        sources.some((u) => u.cp >= 0x80 && u.cp <= 0x9f);
      seqs.push({
        from: i,
        to: i + seq.length,
        cp: seq.cp,
        lossy: seq.lossy,
        surrogates: seq.surrogates,
        space: seq.space,
        layer: latin1 ? { id: 'latin1', name: 'Latin-1' } : { id: codec.id, name: codec.name },
      });
      i += seq.length;
      covered = i;
      lastEnd = i;
      continue;
    }
    if (i >= covered && units[i]!.cp >= 0x80 && units[i]!.cp !== 0xfffd) clean = false;
    i++;
  }
  return { seqs, clean };
}

/**
 * A run of sequences may start at `i` unless the character before it is a stray continuation byte in
 * any codec (ordinary punctuation such as quotes and dashes aside): then the run is the tail of a
 * garble, whatever codec the garble was made with.
 */
function mayStartRun(units: readonly Unit[], i: number): boolean {
  const prev = units[i - 1];
  if (!prev || prev.cp > 0xffff) return true;
  return scanMasks().continuation[prev.cp] === 0 || isLoosePunctuation(prev.cp);
}

/** A code point no correct text holds: a C1 control, a surrogate, a private-use or unassigned one. */
const IMPLAUSIBLE = /[\p{Cc}\p{Cs}\p{Co}\p{Cn}]/u;

/** `units` with each sequence replaced by the character it decodes to. */
function applySeqs(units: readonly Unit[], seqs: readonly Seq[]): Unit[] {
  const out: Unit[] = [];
  let i = 0;
  for (const seq of seqs) {
    while (i < seq.from) out.push(units[i++]!);
    const sources = units.slice(seq.from, seq.to);
    const deepest = sources.reduce((a, b) => (b.layers.length > a.layers.length ? b : a));
    out.push({
      cp: seq.cp,
      start: sources[0]!.start,
      end: sources[sources.length - 1]!.end,
      layers: [...deepest.layers, seq.layer],
      lossy: seq.lossy || sources.some((u) => u.lossy),
      surrogates: seq.surrogates || sources.some((u) => u.surrogates),
      space: seq.space || sources.some((u) => u.space),
      decisions: deepest.decisions,
    });
    i = seq.to;
  }
  while (i < units.length) out.push(units[i++]!);
  return out;
}

// ------------------------------------------------------------------------------------- readings

interface Reading {
  pieces: Piece[];
  score: number;
  layers: number;
  /** Ids of the codecs read with, outermost first. */
  codecs: string[];
}

/** `a` is a better reading than `b`: lower badness, then fewer layers (then the codec order). */
const better = (a: Reading, b: Reading): boolean => (a.score !== b.score ? a.score < b.score : a.layers < b.layers);

/** The best reading of every zone of a line as UTF-8 in one codec, then possibly again (up to `depth` layers). */
function readWholeLine(pieces: readonly Piece[], depth: number): Reading | undefined {
  let best: Reading | undefined;
  // A codec must decode something in every zone (a zone of lone U+FFFD aside).
  let possible = -1;
  for (const p of pieces) {
    const cp = (i: number): number => p.view[i]!.cp;
    if (!onlyLost(cp, p.from, p.to)) possible &= codecsFor(cp, p.from, p.to);
  }
  for (const codec of getCodecs()) {
    if ((possible & codec.bit) === 0) continue;
    const next: Piece[] = [];
    let decoded = 0;
    for (const p of pieces) {
      const r = decodeZone(p.view, p.from, p.to, codec, false);
      if (!r.clean) break;
      decoded += r.seqs.length;
      next.push(r.seqs.length > 0 ? decodePiece(p, r.seqs) : p);
    }
    if (next.length < pieces.length || decoded === 0) continue;
    let reading: Reading = { pieces: next, score: piecesBadness(next), layers: 1, codecs: [codec.id] };
    if (depth > 1 && reading.score > 0) {
      const deeper = readWholeLine(next, depth - 1);
      if (deeper && deeper.score < reading.score) {
        reading = { ...deeper, layers: deeper.layers + 1, codecs: [codec.id, ...deeper.codecs] };
      }
    }
    if (!best || better(reading, best)) best = reading;
  }
  return best;
}

/** Mark the units of the new pieces' zones that a decision created (those not in the old ones). */
function stamp(before: readonly Piece[], after: readonly Piece[], decision: Decision): void {
  after.forEach((p, i) => {
    const old = before[i]!;
    if (p === old) return;
    const kept = new Set(old.view.slice(old.from, old.to));
    for (let k = p.from; k < p.to; k++) {
      const u = p.view[k]!;
      if (!kept.has(u)) u.decisions = [...u.decisions, decision];
    }
  });
}

function wholeLineStep(pieces: Piece[], before: number, seen: Set<string>): Piece[] | undefined {
  if (before === 0) return undefined;
  const reading = readWholeLine(pieces, MAX_LAYERS);
  if (!reading || reading.score >= before) return undefined;
  stamp(pieces, reading.pieces, { before, after: reading.score, part: false });
  for (const id of reading.codecs) seen.add(id);
  return reading.pieces;
}

/** Group sequences that follow one another into runs. */
function runsOf(seqs: readonly Seq[]): Seq[][] {
  const runs: Seq[][] = [];
  for (const seq of seqs) {
    const last = runs[runs.length - 1];
    if (last && last[last.length - 1]!.to === seq.from) last.push(seq);
    else runs.push([seq]);
  }
  return runs;
}

function partStep(pieces: Piece[], seen: Set<string>): Piece[] | undefined {
  let changed = false;
  const out = pieces.map((p) => {
    const before = windowBadness(p);
    if (before === 0) return p;
    const possible = codecsFor((i) => p.view[i]!.cp, p.from, p.to);
    let best: { piece: Piece; after: number; codec: string } | undefined;
    for (const codec of getCodecs()) {
      if ((possible & codec.bit) === 0) continue;
      const { seqs } = decodeZone(p.view, p.from, p.to, codec, true);
      const needed = seen.has(codec.id) ? PART_EVIDENCE_SEEN : PART_EVIDENCE;
      const accepted = runsOf(seqs)
        .filter((run) => isolatedBadness(p, run[0]!.from, run[run.length - 1]!.to) >= needed)
        .flat();
      if (accepted.length === 0) continue;
      const piece = decodePiece(p, accepted);
      const after = windowBadness(piece);
      if (after < before && (!best || after < best.after)) best = { piece, after, codec: codec.id };
    }
    if (!best) return p;
    stamp([p], [best.piece], { before, after: best.after, part: true });
    seen.add(best.codec);
    changed = true;
    return best.piece;
  });
  return changed ? out : undefined;
}

/** C1 controls left over: Windows-1252 bytes that a Latin-1 reading made controls (`\u0093` -> `“`). */
function c1Step(u: Unit, next: number | undefined): void {
  if (u.cp < 0x80 || u.cp > 0x9f) return;
  const char = getCodecs()[0]!.charOf(u.cp).codePointAt(0)!;
  if (char <= 0x9f) return; // undefined in Windows-1252 too (0x81, 0x8D, 0x8F, 0x90, 0x9D)
  // U+0085 straight before a letter is more likely NEXT LINE, a line break (left to `unicode`).
  if (u.cp === 0x85 && next !== undefined && /[\p{L}\p{N}]/u.test(String.fromCodePoint(next))) return;
  u.cp = char;
  u.c1 = true;
}

// --------------------------------------------------------------------------------------- output

function ruleOf(u: Unit): string {
  if (u.c1 && u.layers.length === 0) return 'c1-control';
  if (u.lossy) return 'utf8-lossy';
  if (u.surrogates) return 'cesu8';
  if (u.layers.length > 1) return 'utf8-twice';
  return `utf8-as-${u.layers[0]!.id}`;
}

function reasonOf(u: Unit, source: string): string {
  if (u.c1 && u.layers.length === 0) {
    const byte = source.charCodeAt(0).toString(16).toUpperCase();
    return `C1 control U+00${byte} is byte 0x${byte} read as Latin-1; Windows-1252 reads it as ${String.fromCodePoint(u.cp)}`;
  }
  const parts = [`UTF-8 read as ${u.layers.map((l) => l.name).join(', then again as ')}`];
  if (u.surrogates) parts.push('an emoji written as two UTF-16 surrogates (CESU-8)');
  if (u.lossy) parts.push('a byte was lost (U+FFFD)');
  if (u.space) parts.push('a space stood for byte 0xA0');
  const scores = u.decisions.map((d) => `${d.before} -> ${d.after}`).join(', then ');
  const part = u.decisions.some((d) => d.part) ? ' (this part of the line only)' : '';
  return `${parts.join('; ')}, badness ${scores}${part}`;
}

/**
 * The units a line ends with, in order, where something may have changed. A line with a zone no codec
 * decodes can never be read as a whole: then only its candidate zones (and their context) get units,
 * so a long line of correct text costs no more than its few suspicious places.
 */
function decideLine(text: string, start: number, end: number): Unit[] {
  const line = codePointsOf(text, start, end);
  const cp = (i: number): number => line.cp[i]!;
  const seen = new Set<string>();
  const c1Alone = (i: number): Unit => unitsOf(line, i, i + 1)[0]!;
  const { zones, whole } = candidateZones(cp, line.length);
  let out: Unit[];
  if (whole) {
    let units = unitsOf(line, 0, line.length);
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const { pieces, whole: stillWhole } = piecesOf(units);
      if (pieces.length === 0) break;
      const next =
        (stillWhole ? wholeLineStep(pieces, piecesBadness(pieces), seen) : undefined) ?? partStep(pieces, seen);
      if (!next) break;
      units = rebuild(units, next);
    }
    out = units;
  } else {
    let pieces = zones.map(([from, to]) => pieceAt((a, b) => unitsOf(line, a, b), line.length, from, to));
    for (let round = 0; round < MAX_ROUNDS && pieces.length > 0; round++) {
      const next = partStep(pieces, seen);
      if (!next) break;
      pieces = next;
    }
    // The zones' units, and C1 controls outside them (for the last step).
    out = [];
    let z = 0;
    for (let i = 0; i < line.length; i++) {
      const piece = pieces[z];
      if (piece && i === piece.lineFrom) {
        for (let k = piece.from; k < piece.to; k++) out.push(piece.view[k]!);
        i = piece.lineTo - 1;
        z++;
      } else if (line.cp[i]! >= 0x80 && line.cp[i]! <= 0x9f) out.push(c1Alone(i));
    }
  }
  out.forEach((u, i) => {
    const next = out[i + 1];
    c1Step(u, next && next.start === u.end ? next.cp : u.end < end ? text.codePointAt(u.end) : undefined);
  });
  return out;
}

function repairLine(text: string, start: number, end: number): Repair[] {
  const repairs: Repair[] = [];
  for (const u of decideLine(text, start, end)) {
    if (u.layers.length === 0 && !u.c1) continue;
    const before = text.slice(u.start, u.end);
    const after = String.fromCodePoint(u.cp);
    const rule = ruleOf(u);
    const reason = reasonOf(u, before);
    const last = repairs[repairs.length - 1];
    if (last && last.end === u.start && last.rule === rule && last.reason === reason) {
      last.end = u.end;
      last.after += after;
    } else repairs.push({ start: u.start, end: u.end, after, rule, reason });
  }
  return repairs;
}

/** Every repair in `text`, in order; none (and no work beyond one scan) for text without a suspicious character. */
/** Every rule id a repair may carry. */
export const REPAIR_RULES: readonly string[] = [
  ...CODEC_SOURCES.map((c) => `utf8-as-${c.id}`),
  'utf8-as-latin1',
  'utf8-twice',
  'utf8-lossy',
  'cesu8',
  'c1-control',
];

export function findRepairs(text: string): Repair[] {
  const repairs: Repair[] = [];
  for (const start of suspiciousLines(text)) {
    const newline = text.indexOf('\n', start);
    repairs.push(...repairLine(text, start, newline === -1 ? text.length : newline));
  }
  return repairs;
}
