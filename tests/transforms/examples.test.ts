import { describe, expect, it } from 'vitest';
import { TRANSFORMS, TRANSFORM_IDS } from '../../src/index.js';
import { apply, damaged } from '../helpers.js';
import fs from 'node:fs';
import path from 'node:path';

describe('every transform', () => {
  it.each(TRANSFORMS.map((t) => [t.id, t] as const))('%s does what its example says, and records it', (id, t) => {
    // As in a damaged document, where every transform has work (punctuation-spacing waits for damage).
    const result = apply(id, t.example.before, {}, damaged);
    expect(result.text).toBe(t.example.after);
    expect(result.edits.length).toBeGreaterThan(0);
  });

  it.each(TRANSFORM_IDS.map((id) => [id]))('%s lives in src/transforms/<id>.ts with a doc comment', (id) => {
    const file = path.join(import.meta.dirname, '..', '..', 'src', 'transforms', `${id}.ts`);
    const source = fs.readFileSync(file, 'utf8');
    expect(source.startsWith('/**')).toBe(true);
    expect(source).toMatch(/Example:/);
    expect(source).toMatch(/False positives? avoided/);
  });

  it('ids are unique and kebab-case', () => {
    expect(new Set(TRANSFORM_IDS).size).toBe(TRANSFORM_IDS.length);
    for (const id of TRANSFORM_IDS) expect(id).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
  });
});
