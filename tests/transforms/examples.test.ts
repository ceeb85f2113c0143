import { describe, expect, it } from 'vitest';
import { TRANSFORMS, TRANSFORM_IDS } from '../../src/index.js';
import { STAGES } from '../../src/core/types.js';
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

describe('the transform list', () => {
  it('keeps the stages in order: characters, furniture, words, layout', () => {
    const order = TRANSFORMS.map((t) => STAGES.indexOf(t.stage));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('each transform declares its rules, and its damage rules among them', () => {
    for (const t of TRANSFORMS) {
      expect(t.rules.length, t.id).toBeGreaterThan(0);
      expect(new Set(t.rules).size, `${t.id}: rule ids are unique`).toBe(t.rules.length);
      for (const rule of t.damageRules) expect(t.rules, t.id).toContain(rule);
    }
  });
});
