/**
 * The layers of src/, checked on the sources' import statements:
 *
 * - the pure core (core/, transforms/, evidence/, render/, report/) reads no file and knows nothing
 *   of the command line, of runs over many inputs or of file work: it imports neither `node:fs` nor
 *   cli/, run/ or io/;
 * - no module imports itself through others (no cycle);
 * - a worker thread loads no command-line code (cli/, commander).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const src = path.join(import.meta.dirname, '..', 'src');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sources(full) : e.name.endsWith('.ts') ? [full] : [];
  });
}

interface Import {
  /** A module of src/ (relative path with `.ts`), or a package or built-in name. */
  target: string;
  /** `import type` / `export type`: erased at run time. */
  typeOnly: boolean;
}

const IMPORT =
  /^(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm;

function importsOf(file: string): Import[] {
  const text = fs.readFileSync(file, 'utf8');
  const found: Import[] = [];
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[3] ?? m[4]!;
    const typeOnly = m[2] !== undefined;
    const target = spec.startsWith('.')
      ? path.relative(src, path.resolve(path.dirname(file), spec)).replace(/\.js$/, '.ts')
      : spec;
    found.push({ target, typeOnly });
  }
  return found;
}

const modules = new Map(sources(src).map((f) => [path.relative(src, f), importsOf(f)]));
const PURE = ['core/', 'transforms/', 'evidence/', 'encoding/', 'render/', 'report/'];
const OUTER = ['cli/', 'run/', 'io/'];

describe('layers', () => {
  it('finds the modules and their imports', () => {
    expect(modules.size).toBeGreaterThan(40);
    expect(modules.get('core/pipeline.ts')!.map((i) => i.target)).toContain('transforms/index.ts');
  });

  it.each(PURE)('%s imports no node:fs and nothing from cli/, run/ or io/', (layer) => {
    const bad: string[] = [];
    for (const [module, imports] of modules) {
      if (!module.startsWith(layer)) continue;
      for (const { target } of imports) {
        if (
          target === 'node:fs' ||
          target === 'fs' ||
          target === 'node:fs/promises' ||
          OUTER.some((o) => target.startsWith(o))
        )
          bad.push(`${module} -> ${target}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('has no import cycle (type-only imports aside)', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (module: string, trail: string[]): void => {
      if (state.get(module) === 'done') return;
      if (state.get(module) === 'open') {
        cycles.push([...trail.slice(trail.indexOf(module)), module].join(' -> '));
        return;
      }
      state.set(module, 'open');
      for (const { target, typeOnly } of modules.get(module) ?? []) {
        if (!typeOnly && modules.has(target)) visit(target, [...trail, module]);
      }
      state.set(module, 'done');
    };
    for (const module of modules.keys()) visit(module, []);
    expect(cycles).toEqual([]);
  });

  it('a worker thread loads no command-line code', () => {
    const loaded = new Set<string>();
    const walk = (module: string): void => {
      if (loaded.has(module)) return;
      loaded.add(module);
      for (const { target, typeOnly } of modules.get(module) ?? []) if (!typeOnly) walk(target);
    };
    walk('run/worker.ts');
    expect([...loaded].filter((m) => m.startsWith('cli/') || m === 'commander')).toEqual([]);
    expect(loaded.has('core/pipeline.ts')).toBe(true);
  });
});
