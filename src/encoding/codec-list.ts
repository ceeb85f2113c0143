/**
 * The single-byte codecs the mojibake repair tries, in the order ties are broken: the most common
 * confusion first. `iconv` is the name `scripts/encoding-tables.ts` reads the table from.
 */
export interface CodecSource {
  /** Short id, used in rule names (`utf8-as-cp1252`). */
  readonly id: string;
  /** Name in reasons (`UTF-8 read as Windows-1252`). */
  readonly name: string;
  readonly iconv: string;
  readonly note?: string;
}

export const CODEC_SOURCES: readonly CodecSource[] = [
  {
    id: 'cp1252',
    name: 'Windows-1252',
    iconv: 'windows-1252',
    note: 'C1 controls are accepted as their own bytes: the Latin-1 reading',
  },
  { id: 'cp1251', name: 'Windows-1251', iconv: 'windows-1251' },
  { id: 'cp1250', name: 'Windows-1250', iconv: 'windows-1250' },
  { id: 'iso-8859-2', name: 'ISO-8859-2', iconv: 'iso-8859-2' },
  { id: 'cp1257', name: 'Windows-1257', iconv: 'windows-1257' },
  { id: 'macroman', name: 'MacRoman', iconv: 'macintosh', note: '0xF0 is the Apple logo, U+F8FF' },
  { id: 'cp437', name: 'code page 437', iconv: 'cp437' },
];
