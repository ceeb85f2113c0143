/**
 * boilerplate: remove what is not the article: distributor footers, mastheads, running heads,
 * folios, jump lines, taglines, photo credits and advertisement markers.
 *
 * Every pattern is a named rule in one table (`LINE_RULES`) or a named detector below it, and every
 * removed line is recorded as its own edit, so `--explain` and the JSON `removed` list show what went
 * and why. Options: `skipRules` turns rules off (presets use it); `extraPatterns` adds a publication's
 * own furniture lines (from the configuration), each removed under its own rule name. When furniture sat between two parts of the body (a jump to another page, a running head),
 * the text on both sides is rejoined: into one paragraph when the sentence was cut, else as two.
 *
 * False positives avoided: a body line that mentions "page 6" or starts with "See" is kept (a jump
 * line is the whole line and names a page); a lone number is a folio only between blank lines (or
 * lines removed as furniture), and only on a text that shows pages (a running head, a jump line:
 * elsewhere it is a list's number or a table's figure); a masthead is only the first line and only when it names a publication
 * (a news agency, `Associated Press`, is none).
 *
 * What a removal leaves is judged again until nothing more goes (a number left between blank lines, a
 * publication's name left on top): a second cleaning finds nothing this one left.
 * Example: `Story text.\n\nNewspapers in English\n\nNewspapers from United States` -> `Story text.\n`.
 */
import type { EditRecorder } from '../core/edits.js';
import { defineTransform, optionsOf } from './define.js';
import { endsSentence, isBlank, lineWithBreak, splitLines, upperShare, type Line } from '../core/lines.js';

interface LineRule {
  rule: string;
  /** A line only PressReader prints: it names the source, and proves a PressReader text layer (`damage.ts`). */
  pressReader?: boolean;
  /** Cheap tests first: most lines are body text, and the full patterns are costly to compile. */
  maxLength: number;
  hint: RegExp;
  /** Matches the whole trimmed line. */
  pattern: RegExp;
  reason: string;
  /** Furniture that sits at a page boundary: text around it may continue across it. */
  pageBreak?: boolean;
  /** Only when the line stands between blank lines (or the text's edges). */
  isolated?: boolean;
}

/**
 * Capital letters of Latin-1 (`A-Z`, `À-Þ`), spelled out: these patterns run on every short line, and
 * Unicode property classes (`\p{Lu}`) cost milliseconds to compile at start-up.
 */
const UPPER_CHARS = 'A-Z\u00C0-\u00D6\u00D8-\u00DE';
const UPPER = `[${UPPER_CHARS}]`;
const LONG_WORD = /[A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u00FF]{4}/;
const STARTS_UPPER = /^[^A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u00FF]*[A-Z\u00C0-\u00D6\u00D8-\u00DE]/;
const MASTHEAD_WORD_START = /^[A-Z\u00C0-\u00D6\u00D8-\u00DE\d&'’.-]/;
/** `Word` and `WORD`: the patterns below are case-sensitive (case-insensitive Unicode patterns are slow to compile). */
const cased = (...words: string[]): string => words.flatMap((w) => [w, w.toUpperCase()]).join('|');
const FOLIO = String.raw`(?:[A-Z]-?\d{1,3}|\d{1,3}[A-Z]?)`;
const PAGE = `(?:${cased('Page')})`;
const MONTH = `(?:${cased('January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December', 'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sept', 'Sep', 'Oct', 'Nov', 'Dec')})\.?`;
const WEEKDAY = `(?:${cased('Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday')})`;
const DATE = String.raw`(?:(?:${WEEKDAY},?\s+)?(?:${MONTH}\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}(?:st|nd|rd|th)?\s+${MONTH},?\s+\d{4})|\d{4}-\d{2}-\d{2})`;
/** Between the parts of a running head: a bar or bullet, or a wide gap. */
const SEP = String.raw`(?:\s*[|•·]\s*|\s{2,}|\t+)`;
/** A running head's publication name, when single spaces separate the parts: all caps. */
const CAPS_NAME = String.raw`[A-Z][A-Z0-9 '’&.,-]{2,79}?`;

/** Line rules, matched against the trimmed line. Order matters only for the rule id reported. */
export const LINE_RULES = [
  {
    rule: 'pressreader-footer',
    maxLength: 80,
    hint: /^Newspapers /,
    pattern: /^Newspapers (?:in [A-Z][a-z]+|from [A-Z][^\d\n]{1,60})$/,
    reason: 'PressReader footer line',
    pressReader: true,
  },
  {
    rule: 'pressreader-credit',
    maxLength: 200,
    hint: /PressReader/i,
    pattern: /^(?:.*\bPressReader\.com\b.*|Printed and distributed by PressReader.*|PressReader\b.*\+\d[\d -]{6,})$/i,
    reason: 'PressReader distribution line',
    pressReader: true,
  },
  {
    rule: 'pressreader-copy',
    maxLength: 200,
    hint: /ORIGINAL COPY/i,
    pattern: /^(?:ORIGINAL COPY\s*[·•|.-]?\s*)+$/i,
    reason: 'PressReader "ORIGINAL COPY" stamp',
    pressReader: true,
  },
  {
    rule: 'copyright-notice',
    maxLength: 200,
    hint: /COPYRIGHT|©|\(c\)/i,
    pattern:
      /^(?:.*COPYRIGHT AND PROTECTED BY APPLICABLE LAW.*|(?:©|\(c\)|Copyright)\s*\d{4}\b.{0,80}(?:All rights reserved|Reproduced with permission).*)$/i,
    reason: 'copyright notice',
  },
  {
    rule: 'running-head',
    maxLength: 120,
    hint: /\d/,
    pattern: new RegExp(
      [
        String.raw`^(?:${PAGE}\s+)?${FOLIO}${SEP}.{3,80}?${SEP}${DATE}$`,
        String.raw`^${DATE}${SEP}.{3,80}?${SEP}(?:${PAGE}\s+)?${FOLIO}$`,
        String.raw`^(?:${PAGE}\s+)?${FOLIO}\s+${CAPS_NAME}\s+${DATE}$`,
        String.raw`^${DATE}\s+${CAPS_NAME}\s+(?:${PAGE}\s+)?${FOLIO}$`,
      ].join('|'),
    ),
    reason: 'running head: page number, publication and date',
    pageBreak: true,
  },
  {
    // `THE WEEKLY ARGUS, MONDAY, JULY 2, 1894.`: a historic paper's running head is its name, the
    // weekday and the date, all in capitals (with or without a page number), set apart by commas.
    rule: 'historic-running-head',
    maxLength: 100,
    hint: /[A-Z]{3,}.*, \d{4}/,
    pattern: new RegExp(
      String.raw`^(?:(?:PAGE\s+)?\d{1,3}\s+)?(?:THE\s+)?[A-Z][A-Z'’&.-]+(?:\s+[A-Z][A-Z'’&.-]+){0,4},\s+(?:MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY),?\s+(?:JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER|JAN|FEB|MAR|APR|JUN|JUL|AUG|SEPT|SEP|OCT|NOV|DEC)\.?\s+\d{1,2},?\s+\d{4}\.?(?:\s+(?:PAGE\s+)?\d{1,3})?$`,
    ),
    reason: 'historic running head: publication, weekday and date',
    pageBreak: true,
  },
  {
    rule: 'folio',
    maxLength: 12,
    hint: /\d/,
    pattern: new RegExp(String.raw`^(?:${PAGE}\s+)?${FOLIO}$|^-\s*\d{1,3}\s*-$`),
    reason: 'page number on a line of its own',
    pageBreak: true,
    isolated: true,
  },
  {
    rule: 'jump-out',
    maxLength: 60,
    hint: /see|turn to|continued/i,
    pattern: new RegExp(
      String.raw`^\(?(?:(?:Please\s+)?(?:[Ss]ee|SEE|[Tt]urn to|TURN TO)\s+${UPPER}[${UPPER_CHARS}\d '’&.-]*?(?:\s*,\s*|\s+on\s+|\s+)(?:[Pp]age\s+|PAGE\s+)?${FOLIO}|(?:[Cc]ontinued|CONTINUED)\s+(?:on|ON)\s+(?:[Pp]age\s+|PAGE\s+)?${FOLIO})\.?\)?$`,
    ),
    reason: 'jump line: the story continues on another page',
    pageBreak: true,
  },
  {
    rule: 'jump-in',
    maxLength: 60,
    hint: /from/i,
    pattern: new RegExp(
      String.raw`^\(?(?:${UPPER}[${UPPER_CHARS}\d '’&.-]*?\s*(?:[,:|•—–-]\s*)?)?(?:(?:[Cc]ontinued|CONTINUED)\s+)?(?:[Ff]rom|FROM)\s+(?:[Pp]age\s+|PAGE\s+)?${FOLIO}\.?\)?$`,
    ),
    reason: 'jump line: the story continues from another page',
    pageBreak: true,
  },
  {
    rule: 'advertisement',
    maxLength: 50,
    hint: /advertisement|sponsored/i,
    pattern:
      /^(?:ADVERTISEMENT|Advertisement|Story continues below(?: the)? advertisement|SPONSORED CONTENT|Sponsored Content)$/,
    reason: 'advertisement marker',
  },
  {
    rule: 'photo-credit',
    maxLength: 400,
    hint: /photo|\//i,
    pattern:
      /^(?:(?:PHOTOS?|PHOTOGRAPHS?|Photos?|Photographs?|PHOTO ILLUSTRATION|Photo illustration)\s*(?::|by|BY)\s+.+|.{0,300}\s(?:PHOTO|Photo)\s*:\s*.+|.{0,300}\/\s*(?:STAFF|Staff|THE ASSOCIATED PRESS|The Associated Press|AP|ASSOCIATED PRESS|GETTY IMAGES|Getty Images|REUTERS|Reuters|AFP|AFP\/Getty Images|CONTRIBUTED|Contributed|FILE|File)(?:\s+(?:PHOTO|Photo|FILE|File))?)$/,
    reason: 'photo credit or caption',
  },
  {
    rule: 'tagline',
    maxLength: 300,
    hint: /@|reached|writer|reporter|correspondent|follow/i,
    pattern:
      /^(?:[-—–]\s*)?(?:(?:Contact|Reach|E-?mail|Write to)\s+.{2,80}?\s+(?:at|on|via)\s+\S+@\S+.*|.{2,80}?\s+(?:can be reached|may be reached|is a (?:staff )?(?:writer|reporter|correspondent) (?:for|at|with)\b).*|Follow (?:him|her|them|us|[A-Z][A-Za-z\u00C0-\u00FF.'-]+(?: [A-Z][A-Za-z\u00C0-\u00FF.'-]+){0,2}) on (?:Twitter|X|Instagram|Facebook|Threads|Bluesky)\b.*)$/,
    reason: 'reporter tagline',
  },
] as const satisfies readonly LineRule[];

export type LineRuleId = (typeof LINE_RULES)[number]['rule'];

/** The line rules of PressReader's own lines. */
export const PRESSREADER_RULES: readonly LineRuleId[] = LINE_RULES.filter((r: LineRule) => r.pressReader).map(
  (r) => r.rule,
);

/** The line rule `id`. */
export const lineRule = (id: LineRuleId): LineRule => LINE_RULES.find((r) => r.rule === id)!;

/** The rules that remove a line only when it stands between blank lines (a folio). */
const ISOLATED_RULES: readonly LineRule[] = (LINE_RULES as readonly LineRule[]).filter((r) => r.isolated);
const ISOLATED_RULE_IDS: ReadonlySet<string> = new Set(ISOLATED_RULES.map((r) => r.rule));

/**
 * The trimmed line is furniture when it stands alone between blank lines (a lone page number): the
 * layout must not leave a line it kept standing so, or the next cleaning would remove it.
 */
export function isFurnitureAlone(trimmed: string): boolean {
  return ISOLATED_RULES.some((r) => matchesRule(r, trimmed));
}

/** White space as a cleaned text has it: each run one space (`whitespace`). */
const asCleaned = (trimmed: string): string => (/\s\s|[^\S ]/.test(trimmed) ? trimmed.replace(/\s+/g, ' ') : trimmed);

/** The trimmed line is page furniture wherever it stands (a footer, a running head, a jump line). */
export function isFurnitureLine(trimmed: string): boolean {
  const cleaned = asCleaned(trimmed);
  return (LINE_RULES as readonly LineRule[]).some(
    (r) => !r.isolated && (matchesRule(r, cleaned) || (cleaned !== trimmed && matchesRule(r, trimmed))),
  );
}

/**
 * The trimmed line would be removed as furniture: wherever it stands, or as a dateline, or (`first`:
 * the first line of the text) as a masthead. The layout must not join lines into one, or the next
 * cleaning would remove what this one kept.
 */
export function wouldBeFurniture(trimmed: string, first: boolean): boolean {
  const cleaned = asCleaned(trimmed);
  return (
    isFurnitureLine(trimmed) ||
    DATELINE.test(cleaned) ||
    (first && looksLikeMasthead(cleaned) && namesPublication(cleaned))
  );
}

function matchesRule(rule: LineRule, trimmed: string): boolean {
  return trimmed.length <= rule.maxLength && rule.hint.test(trimmed) && rule.pattern.test(trimmed);
}

/** Words in a publication's name: a first line containing one is a masthead. */
const PUBLICATION_WORDS =
  /\b(?:Times|Post|Herald|Statesman|Ledger|Gazette|Journal|Tribune|News|Daily|Chronicle|Sentinel|Examiner|Observer|Star|Globe|Courier|Record|Register|Press|Telegraph|Mail|Inquirer|Dispatch|Bulletin|Review|Standard|Independent|Guardian|Enquirer|Leader|Advocate|Democrat|Republican|Argus|Mercury|Age|Advertiser|Banner|Beacon|Bee|Citizen|Clarion|Constitution|Eagle|Express|Free Press|Intelligencer|Messenger|Monitor|Patriot|Pilot|Pioneer|Plain Dealer|Province|Reflector|Reporter|Republic|Spectator|Sun|Telegram|Times-Picayune|Today|Union|Voice|Weekly|World|Zeitung)\b/;
const SOFT_HYPHENS = /\u00AD/g;
/** A news agency's name (`Associated Press`, on a page's ear or in a credit), not a publication's. */
const NEWS_AGENCY = /^(?:The\s+)?(?:Associated|United|Canadian)\s+Press\b|^Press\s+Association\b/i;
/** The longest masthead line we accept, in characters and words. */
const MASTHEAD_MAX_CHARS = 60;
const MASTHEAD_MAX_WORDS = 7;
/** A dateline near the top: weekday and/or date alone on a line. */
const DATELINE = new RegExp(String.raw`^${DATE}$`);
/**
 * How far from the top a dateline may sit: fewer than this many visible characters of the text above
 * it. Counted in characters, not lines: `unwrap` joins lines and breaks paragraphs, and a second
 * cleaning must find the same lines near the top (a masthead, a dateline and a short headline fit).
 */
const TOP_VISIBLE_CHARS = 100;
const visibleLength = (s: string): number => s.replace(/\s+/g, '').length;
/** A byline, used to tell a masthead from a headline in a PressReader dump. */
const BYLINE = /^(?:[-—–•]\s*)?By\s+\S/i;
/** `THE VALLEY SENTINEL` -> `The Valley Sentinel`, to match PUBLICATION_WORDS. */
const titleCase = (s: string): string =>
  s
    .toLowerCase()
    .replace(/(^|[^a-z\u00DF-\u00FF])([a-z\u00DF-\u00FF])/g, (_, b: string, c: string) => b + c.toUpperCase());
/** A repeated running head: an all-caps (or nearly) line of this length, seen twice or more. */
const REPEATED_HEAD_MIN_CHARS = 8;
const REPEATED_HEAD_MAX_CHARS = 100;
const REPEATED_HEAD_UPPER_SHARE = 0.8;
/** A short all-caps line right before a `From B2` line: the jump's label (`BUDGET`). */
const JUMP_LABEL = new RegExp(String.raw`^${UPPER}[${UPPER_CHARS}\d '’&.-]{1,40}$`);

interface Removal {
  rule: string;
  reason: string;
  pageBreak: boolean;
}

/**
 * Record line `i` as removed by `rule`, unless the options turn the rule off. A module function, not a
 * closure made per document: V8 then optimises its callers once.
 */
function remove(
  removals: Map<number, Removal>,
  skip: ReadonlySet<string>,
  i: number,
  rule: string,
  reason: string,
  pageBreak = false,
): void {
  if (!skip.has(rule)) removals.set(i, { rule, reason, pageBreak });
}

/** The line rule that removes `trimmed` wherever it stands (the isolated ones are judged later). */
function matchLineRule(trimmed: string, skip: ReadonlySet<string>): LineRule | undefined {
  for (const rule of LINE_RULES as readonly LineRule[]) {
    if (rule.isolated || skip.has(rule.rule)) continue;
    if (trimmed.length > rule.maxLength || !rule.hint.test(trimmed) || !rule.pattern.test(trimmed)) continue;
    return rule;
  }
  return undefined;
}

/**
 * Indexes of non-blank lines not removed yet. Pushed into an array literal rather than built by
 * flatMap/filter, so that every result has one elements kind and the code reading it stays optimised.
 */
function contentIndexes(lines: readonly Line[], removals: ReadonlyMap<number, Removal>): number[] {
  const indexes: number[] = [];
  for (let i = 0; i < lines.length; i++) if (!isBlank(lines[i]!.text) && !removals.has(i)) indexes.push(i);
  return indexes;
}

/**
 * A line that is a publication's name: it ends with a word papers are named by (`Northfield Daily
 * Ledger`, `Austin American-Statesman`) or reads `The Times of ...`. A headline that merely contains
 * one (`Pilot Gets Medal`) is not.
 */
function namesPublication(line: string): boolean {
  if (NEWS_AGENCY.test(line)) return false;
  const last =
    line
      .replace(/[^\p{L}]+$/u, '')
      .split(/[\s-]+/)
      .pop() ?? '';
  return PUBLICATION_WORDS.test(last) || new RegExp(`${PUBLICATION_WORDS.source} of\\b`).test(line);
}

/** Every word of four letters or more starts with a capital (`Northfield Daily Ledger`). */
function isTitleCase(line: string): boolean {
  const long = line.split(/\s+/).filter((w) => LONG_WORD.test(w));
  return long.length > 0 && long.every((w) => STARTS_UPPER.test(w));
}

function looksLikeMasthead(line: string): boolean {
  const words = line.split(/\s+/);
  return (
    line.length <= MASTHEAD_MAX_CHARS &&
    words.length <= MASTHEAD_MAX_WORDS &&
    !/[.!?,:;]$/.test(line) &&
    !BYLINE.test(line) && // `BY ANA LIMA, DAILY NEWS`: a byline, whatever it names
    words.every((w) => MASTHEAD_WORD_START.test(w) || /^(?:of|the|and|de|la|el|du|des|der|am|an)$/.test(w))
  );
}

/** The key under which a trimmed line counts as a repeated running head (digits as `#`), or undefined. */
function headKey(trimmed: string): string | undefined {
  if (trimmed.length < REPEATED_HEAD_MIN_CHARS || trimmed.length > REPEATED_HEAD_MAX_CHARS) return undefined;
  return upperShare(trimmed) >= REPEATED_HEAD_UPPER_SHARE ? trimmed.replace(/\d+/g, '#') : undefined;
}

/** Every rule id `boilerplate` reports besides `gap`: what `skipRules` and the configuration may name. */
export const BOILERPLATE_RULE_IDS = [
  ...LINE_RULES.map((r) => r.rule),
  'jump-label',
  'repeated-head',
  'dateline',
  'masthead',
] as const;

export type BoilerplateRule = (typeof BOILERPLATE_RULE_IDS)[number] | 'gap';

/** A publication's own furniture, from the configuration: a trimmed line `pattern` finds is removed. */
export interface BoilerplatePattern {
  /** Rule id reported for the removal (`--explain`, JSON `removed`). */
  name: string;
  pattern: RegExp;
}

export interface BoilerplateOptions {
  /** Rule ids not to apply (presets turn off rules that misfire on their source). */
  skipRules: readonly string[];
  /** Extra line patterns, tried on lines no built-in rule removed. */
  extraPatterns: readonly BoilerplatePattern[];
}

export const boilerplate = defineTransform({
  id: 'boilerplate',
  description: 'Remove footers, mastheads, running heads, folios, jump lines, taglines and photo credits',
  example: {
    before: 'Story text.\n\nNewspapers in English\n\nNewspapers from United States',
    after: 'Story text.\n',
  },
  defaults: optionsOf<BoilerplateOptions>({ skipRules: [], extraPatterns: [] }),
  stage: 'furniture',
  rules: [...BOILERPLATE_RULE_IDS, 'gap'],
  damageRules: PRESSREADER_RULES,
  // Whole lines go, a footer with a web address among them.
  protect: false,
  run({ text, recorder }, options) {
    const lines = splitLines(text);
    const removals = new Map<number, Removal>();
    const skip = new Set(options.skipRules);

    // Each line read once, for every rule below, as a second cleaning will read it: without soft
    // hyphens (the layout removes those the word stage does not join on) and with each run of white
    // space one space (as `whitespace` leaves it). Line rules also match the line as printed: a
    // running head sets its parts apart by wide gaps.
    const printed: string[] = [];
    const trimmedLines: string[] = [];
    for (const line of lines) {
      const trimmed = line.text.replace(SOFT_HYPHENS, '').trim();
      printed.push(trimmed);
      trimmedLines.push(asCleaned(trimmed));
    }

    const jumpKeywords = new Set<string>();
    lines.forEach((_, i) => {
      const trimmed = trimmedLines[i]!;
      if (trimmed === '') return;
      const rule =
        matchLineRule(trimmed, skip) ?? (printed[i] !== trimmed ? matchLineRule(printed[i]!, skip) : undefined);
      if (!rule) {
        const extra = options.extraPatterns.find(
          (p) => trimmed.search(p.pattern) >= 0 || printed[i]!.search(p.pattern) >= 0,
        );
        if (extra)
          removals.set(i, {
            rule: extra.name,
            reason: `matches the configured pattern "${extra.name}"`,
            pageBreak: false,
          });
        return;
      }
      remove(removals, skip, i, rule.rule, rule.reason, rule.pageBreak);
      const keyword =
        /^\(?(?:Please\s+|PLEASE\s+)?(?:[Ss]ee|SEE|[Tt]urn to|TURN TO)\s+([A-Z\u00C0-\u00DE][A-Z\u00C0-\u00DE\d '’&.-]*?)(?:\s*,|\s+on\s+|\s+(?:[Pp]age\s+|PAGE\s+)?[A-Z]?\d)/.exec(
          trimmed,
        );
      if (rule.rule === 'jump-out' && keyword) jumpKeywords.add(keyword[1]!.trim().toUpperCase());
    });

    // The jump label: the keyword of a jump line repeated on the continuation page, next to `From B2`.
    lines.forEach((_, i) => {
      const trimmed = trimmedLines[i]!;
      if (removals.has(i) || !JUMP_LABEL.test(trimmed)) return;
      const next = removals.get(i + 1);
      const prev = removals.get(i - 1);
      if (jumpKeywords.has(trimmed.toUpperCase()) || next?.rule === 'jump-in' || prev?.rule === 'jump-in') {
        remove(removals, skip, i, 'jump-label', 'the keyword that labels a jumped story', true);
      }
    });

    // Lines repeated on several pages: a running head without a date or number of its own.
    const headKeys: (string | undefined)[] = [];
    const counts = new Map<string, number>();
    for (const trimmed of trimmedLines) {
      const key = headKey(trimmed);
      headKeys.push(key);
      if (key !== undefined) counts.set(key, (counts.get(key) ?? 0) + 1);
    }

    // Until nothing more goes: a removal can leave another line where furniture stands (a lone
    // number between blank lines, a publication's name on top, a page break that makes repeated
    // lines running heads), and a second cleaning would remove that line; so it goes now.
    for (let size = -1; size !== removals.size;) {
      size = removals.size;
      removeIsolated(lines, trimmedLines, removals, skip);
      // Only in a text of several pages (other page furniture found) or for a line that names the
      // publication: a page may repeat a headline (`ELECT OFFICERS` over two stories).
      const pages = [...removals.values()].some((r) => r.pageBreak);
      lines.forEach((line, i) => {
        const key = headKeys[i];
        if (key === undefined || removals.has(i) || counts.get(key)! < 2 || endsSentence(line.text)) return;
        if (pages || PUBLICATION_WORDS.test(titleCase(line.text))) {
          remove(removals, skip, i, 'repeated-head', 'a heading repeated on several pages', true);
        }
      });
      removeTop(trimmedLines, contentIndexes(lines, removals), removals, skip);
    }

    recordRemovals(text, lines, removals, recorder);
  },
});

/** Line `i` is blank or removed already (or outside the text): what furniture stands between. */
const clear = (lines: readonly Line[], removals: ReadonlyMap<number, Removal>, i: number): boolean =>
  i < 0 || i >= lines.length || removals.has(i) || isBlank(lines[i]!.text);

/**
 * Remove the lines an isolated rule (a folio) matches that stand between blank or removed lines, on a
 * text that shows pages: other page furniture (a running head, a jump line) was found. A lone number
 * in a text without pages is a list's number or a figure of a table, not a page's.
 */
function removeIsolated(
  lines: readonly Line[],
  trimmedLines: readonly string[],
  removals: Map<number, Removal>,
  skip: ReadonlySet<string>,
): void {
  if (![...removals.values()].some((r) => r.pageBreak && !ISOLATED_RULE_IDS.has(r.rule))) return;
  for (let i = 0; i < lines.length; i++) {
    if (removals.has(i) || trimmedLines[i] === '' || !clear(lines, removals, i - 1) || !clear(lines, removals, i + 1))
      continue;
    const rule = ISOLATED_RULES.find((r) => !skip.has(r.rule) && matchesRule(r, trimmedLines[i]!));
    if (rule) remove(removals, skip, i, rule.rule, rule.reason, rule.pageBreak);
  }
}

/** Top of the text: a masthead (publication name) and a dateline, before the headline. */
function removeTop(
  trimmedLines: readonly string[],
  content: readonly number[],
  removals: Map<number, Removal>,
  skip: ReadonlySet<string>,
): void {
  const pressReader = [...removals.values()].some((r) => r.rule.startsWith('pressreader'));
  let above = 0;
  for (const i of content) {
    if (above >= TOP_VISIBLE_CHARS) break;
    const trimmed = trimmedLines[i]!;
    above += visibleLength(trimmed);
    if (DATELINE.test(trimmed)) {
      remove(removals, skip, i, 'dateline', 'the date line above the article');
      continue;
    }
    if (i !== content[0] || !looksLikeMasthead(trimmed)) continue;
    const bylineAt = content.findIndex((j) => BYLINE.test(trimmedLines[j]!));
    const named = namesPublication(trimmed);
    // In a PressReader dump the masthead is followed by headline, deck and byline, or it is set in
    // Title Case above a headline in sentence case.
    const next = content.map((j) => trimmedLines[j]!).find((t, k) => k > 0 && !DATELINE.test(t));
    const positional =
      pressReader &&
      ((bylineAt >= 3 && bylineAt <= 5) || (isTitleCase(trimmed) && next !== undefined && !isTitleCase(next)));
    if (named || positional)
      remove(
        removals,
        skip,
        i,
        'masthead',
        named
          ? 'a publication name above the headline'
          : 'the line above headline, deck and byline of a PressReader page',
      );
  }
}

/**
 * Record one edit per removed line, then close the gap each run of removed and blank lines leaves:
 * nothing at the text's edges, one line break when the sentence continues across page furniture,
 * otherwise one blank line.
 */
function recordRemovals(
  text: string,
  lines: readonly Line[],
  removals: ReadonlyMap<number, Removal>,
  recorder: EditRecorder<BoilerplateRule>,
): void {
  let i = 0;
  while (i < lines.length) {
    if (!removals.has(i)) {
      i++;
      continue;
    }
    // Extend to the run of removed and blank lines around it.
    let start = i;
    while (start > 0 && isBlank(lines[start - 1]!.text)) start--;
    let end = i;
    while (end + 1 < lines.length && (removals.has(end + 1) || isBlank(lines[end + 1]!.text))) end++;
    const run = lines.slice(start, end + 1).map((line, k) => ({ line, index: start + k }));
    const atEdge = start === 0 || end === lines.length - 1;
    const pageBreak = run.some(({ index }) => removals.get(index)?.pageBreak);
    const hadBlank = run.some(({ index }) => !removals.has(index));
    const previous = start > 0 ? lines[start - 1]!.text : '';
    // The run becomes one blank line (a paragraph break) or nothing (the text runs on).
    const blankLine = !atEdge && (pageBreak ? endsSentence(previous) : hadBlank);
    const keepAt = blankLine ? (run.find(({ index }) => !removals.has(index)) ?? run[0]!).index : -1;
    for (const { line, index } of run) {
      const removal = removals.get(index);
      const after = index === keepAt ? '\n' : '';
      // A removal's rule is a built-in one, or the name of a configured pattern (reported as is).
      if (removal)
        recorder.replace(line.start, lineWithBreak(text, line), after, removal.rule as BoilerplateRule, removal.reason);
      else if (index !== keepAt)
        recorder.replace(line.start, lineWithBreak(text, line), '', 'gap', 'blank line left by removed furniture');
    }
    i = end + 1;
  }
}
