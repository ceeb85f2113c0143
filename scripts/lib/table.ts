/**
 * Aligned plain-text tables for the evaluation report. Numbers (and cells that look like numbers,
 * `12.5%`, `-0.0123`, `3/4`) are right-aligned, text is left-aligned; a rule of dashes follows the header.
 */

export type Cell = string | number;

const NUMERIC = /^[-+−]?[\d.,]+(?:%|\/[\d.,]+)?$|^(?:n\/a|–)$/u;

/** A number for a table cell: integers as they are, fractions with `digits` decimals. */
export function formatNumber(value: number, digits = 4): string {
  if (!Number.isFinite(value)) return 'n/a';
  return Number.isInteger(value) ? String(value) : value.toFixed(digits);
}

/** A change, with its sign: `+0.0123`, `-0.0040`. */
export const formatDelta = (value: number, digits = 4): string =>
  Number.isFinite(value) ? `${value >= 0 ? '+' : ''}${value.toFixed(digits)}` : 'n/a';

export const formatPercent = (value: number, digits = 1): string =>
  Number.isFinite(value) ? `${(value * 100).toFixed(digits)}%` : 'n/a';

const cellText = (cell: Cell): string => (typeof cell === 'number' ? formatNumber(cell) : cell);

/** The table as lines of text (no trailing spaces), with an optional title line above it. */
export function formatTable(headers: readonly string[], rows: readonly (readonly Cell[])[], title?: string): string {
  const texts = rows.map((row) => headers.map((_, i) => cellText(row[i] ?? '')));
  const widths = headers.map((h, i) => Math.max(h.length, ...texts.map((row) => row[i]!.length)));
  const rightAligned = headers.map(
    (_, i) => texts.length > 0 && texts.every((row) => row[i] === '' || NUMERIC.test(row[i]!)),
  );
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, i) => (rightAligned[i] ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const out = [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...texts.map(line)];
  return (title ? [title, ...out] : out).join('\n');
}
