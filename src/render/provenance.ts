/**
 * `--provenance`: where a cleaned output came from, so that a cleaned archive can be traced back: the
 * tool and its version, the preset and why it was chosen, the encoding and why, and (for a file) the
 * SHA-256 of the input's bytes. Added to what the renderers made, never in place of it: JSON gets a
 * `provenance` member, Markdown a `provenance` map in its front matter (the front matter is made when
 * there was none), a JSON Lines record the member inside its article key. Pure.
 */
import type { Format } from './index.js';
import type { SourceChoice } from '../core/detect.js';

const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface Provenance {
  tool: string;
  version: string;
  preset: string;
  /** Why the preset: `detected: <sign>` or why it was asked for. */
  presetReason: string;
  /** Absent for a JSON Lines record (the stream's encoding is UTF-8 JSON). */
  encoding?: string;
  encodingReason?: string;
  /** SHA-256 of the input file's bytes, hex; absent for a record or stdin. */
  inputSha256?: string;
}

export function provenanceOf(
  tool: { name: string; version: string },
  source: SourceChoice,
  decoded?: { encoding: string; reason: string },
  inputSha256?: string,
): Provenance {
  return {
    tool: tool.name,
    version: tool.version,
    preset: source.preset,
    presetReason: source.detected ? `detected: ${source.reason}` : source.reason,
    ...(decoded && { encoding: decoded.encoding, encodingReason: decoded.reason }),
    ...(inputSha256 !== undefined && { inputSha256 }),
  };
}

/** Front matter keys of the Markdown `provenance` map, in order. */
const YAML_KEYS: readonly [keyof Provenance, string][] = [
  ['tool', 'tool'],
  ['version', 'version'],
  ['preset', 'preset'],
  ['presetReason', 'preset_reason'],
  ['encoding', 'encoding'],
  ['encodingReason', 'encoding_reason'],
  ['inputSha256', 'input_sha256'],
];

/** `output` (rendered as `format`) with the provenance added; plain text has no place for it. */
export function withProvenance(output: string, format: Format, provenance: Provenance): string {
  if (format === 'json') {
    return `${JSON.stringify({ ...(JSON.parse(output) as object), provenance }, null, 2)}\n`;
  }
  if (format === 'markdown') {
    const lines = YAML_KEYS.filter(([key]) => provenance[key] !== undefined).map(
      ([key, name]) => `  ${name}: ${JSON.stringify(provenance[key])}`,
    );
    const map = `provenance:\n${lines.join('\n')}\n`;
    // The renderer's front matter, if any, is the first block: `---\n...\n---`.
    if (output.startsWith('---\n')) {
      const end = output.indexOf('\n---', 3);
      return `${output.slice(0, end + 1)}${map}${output.slice(end + 1)}`;
    }
    return output === '' ? `---\n${map}---\n` : `---\n${map}---\n\n${output}`;
  }
  if (format === 'tei') {
    // One more paragraph of the header's encodingDesc, which says how the text was made.
    const said = [
      `${provenance.tool} ${provenance.version}`,
      `preset ${provenance.preset} (${provenance.presetReason})`,
      ...(provenance.encoding !== undefined
        ? [`encoding ${provenance.encoding} (${provenance.encodingReason ?? ''})`]
        : []),
      ...(provenance.inputSha256 !== undefined ? [`input SHA-256 ${provenance.inputSha256}`] : []),
    ].join('; ');
    const end = output.indexOf('</encodingDesc>');
    if (end >= 0) return `${output.slice(0, end)}    <p>Provenance: ${escapeXml(said)}.</p>\n    ${output.slice(end)}`;
  }
  return output;
}
