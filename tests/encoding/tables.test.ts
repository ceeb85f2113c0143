import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { sloppyTable } from '../../scripts/encoding-tables.js';
import { CODEC_SOURCES } from '../../src/encoding/codec-list.js';
import { getCodecs, LOST, UNENCODABLE } from '../../src/encoding/codecs.js';
import { TABLES } from '../../src/encoding/tables.js';

describe('codec tables', () => {
  it.each(CODEC_SOURCES.map((c) => [c.id, c.iconv]))('%s is what iconv-lite decodes (%s)', (id, name) => {
    expect(TABLES[id]).toBe(sloppyTable(name));
  });

  it.each(CODEC_SOURCES.map((c) => [c.id, c.iconv]))(
    '%s differs from iconv-lite only in bytes it leaves undefined',
    (id, name) => {
      const strict = iconv.decode(Buffer.from(Array.from({ length: 128 }, (_, i) => 0x80 + i)), name);
      const table = TABLES[id]!;
      for (let i = 0; i < 128; i++) {
        if (strict[i] !== '\uFFFD') expect(table[i], `byte 0x${(0x80 + i).toString(16)}`).toBe(strict[i]);
      }
    },
  );

  it('every codec encodes its own table back to the same bytes', () => {
    for (const codec of getCodecs()) {
      for (let byte = 0x80; byte <= 0xff; byte++) {
        expect(codec.byteOf(codec.charOf(byte).codePointAt(0)!)).toBe(byte);
      }
    }
  });

  it('Windows-1252 takes C1 controls as their own bytes (the Latin-1 reading); the others only where undefined', () => {
    const [cp1252, cp1251] = getCodecs();
    expect(cp1252!.byteOf(0x93)).toBe(0x93);
    expect(cp1251!.byteOf(0x98)).toBe(0x98); // undefined in Windows-1251
    expect(cp1251!.byteOf(0x93)).toBe(UNENCODABLE); // 0x93 is “ in Windows-1251
    expect(cp1252!.byteOf(0xfffd)).toBe(LOST);
    expect(cp1252!.byteOf('Ж'.codePointAt(0)!)).toBe(UNENCODABLE);
  });
});
