import { describe, expect, it } from 'vitest';
import { EditRecorder } from '../src/core/edits.js';
import { seededRandom } from '../scripts/lib/random.js';

describe('EditRecorder.overlaps', () => {
  it('answers as a scan of every recorded edit would, whatever order the edits come in', () => {
    const random = seededRandom(7);
    const text = 'x'.repeat(400);
    for (let round = 0; round < 200; round++) {
      const recorder = new EditRecorder(text, 't');
      const recorded: [number, number][] = [];
      // Passes over the text, each in text order, as transforms record; sometimes a step back.
      for (let pass = 0; pass < 1 + Math.floor(random() * 12); pass++) {
        let at = Math.floor(random() * 40);
        while (at < text.length) {
          const length = Math.floor(random() * 4); // zero: an insertion
          const end = at + length;
          const clashes = recorded.some(([s, e]) => (s < end && at < e) || (s === at && (e === s || end === at)));
          if (!clashes && end <= text.length) {
            recorder.replace(at, text.slice(at, end), 'y', 'r', 'test');
            recorded.push([at, end]);
          }
          at = end + 1 + Math.floor(random() * 30) - (random() < 0.1 ? 25 : 0);
          if (at < 0) at = 0;
        }
      }
      for (let q = 0; q < 50; q++) {
        const start = Math.floor(random() * text.length);
        const end = start + Math.floor(random() * 6);
        const scan = recorded.some(([s, e]) => start < e && s < end);
        expect(recorder.overlaps(start, end), `[${start}, ${end})`).toBe(scan);
      }
      expect(() => recorder.finish()).not.toThrow();
    }
  });
});
